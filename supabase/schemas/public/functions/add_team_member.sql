create or replace function public.add_team_member(p_team_id uuid, p_agent_id uuid, p_role agents.team_member_role default 'member'::agents.team_member_role, p_responsibility text default NULL::text, p_lane integer default 0, p_personality_profile_id uuid default NULL::uuid, p_memory_profile_id uuid default NULL::uuid, p_tool_profile_id uuid default NULL::uuid, p_model_profile_id uuid default NULL::uuid, p_capabilities lenses.instruction_category[] default '{}'::lenses.instruction_category[])
 returns agents.team_members
 language plpgsql
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'add_team_member';
  v_team agents.teams := agents.fn_rpc_editable_team('add_team_member', p_team_id);
  v_member agents.team_members;
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_text('add_team_member', 'p_responsibility', p_responsibility, 4000);
  if p_agent_id is null then
    raise exception '%: p_agent_id is required', c_rpc using errcode = '22023';
  end if;
  if not (select agents.can_operate_ai_lenser(p_agent_id)) then
    raise exception '%: you do not own, co-own or operate agent %', c_rpc, p_agent_id using errcode = '42501';
  end if;
  perform agents.fn_rpc_not_null(c_rpc, 'p_role', p_role);
  if p_responsibility is not null then
    perform agents.fn_rpc_text(c_rpc, 'p_responsibility', p_responsibility, 2000);
  end if;
  if p_lane is null or p_lane < 0 then
    raise exception '%: p_lane must be 0 or more, got %', c_rpc, coalesce(p_lane::text, 'null') using errcode = '22023';
  end if;
  perform agents.fn_rpc_capabilities(c_rpc, p_capabilities);
  perform agents.fn_rpc_member_profiles(c_rpc, p_agent_id, p_personality_profile_id, p_memory_profile_id,
    p_tool_profile_id, p_model_profile_id);
  if exists (select 1 from agents.team_members m where m.team_id = v_team.id and m.agent_id = p_agent_id) then
    raise exception '%: agent % is already a member of team %', c_rpc, p_agent_id, v_team.id using errcode = '23505';
  end if;
  insert into agents.team_members (team_id, agent_id, role, responsibility, lane, personality_profile_id,
    memory_profile_id, tool_profile_id, model_profile_id, capabilities)
  values (v_team.id, p_agent_id, p_role, btrim(p_responsibility), p_lane, p_personality_profile_id,
    p_memory_profile_id, p_tool_profile_id, p_model_profile_id, p_capabilities)
  returning * into v_member;
  return v_member;
end
$function$;

comment on function public.add_team_member(p_team_id uuid, p_agent_id uuid, p_role agents.team_member_role, p_responsibility text, p_lane integer, p_personality_profile_id uuid, p_memory_profile_id uuid, p_tool_profile_id uuid, p_model_profile_id uuid, p_capabilities lenses.instruction_category[]) is 'Adds an agent the caller may operate to a team the caller may change; profiles must be the agent''s own; p_capabilities are the instruction categories it takes on.';

revoke all on function public.add_team_member(p_team_id uuid, p_agent_id uuid, p_role agents.team_member_role, p_responsibility text, p_lane integer, p_personality_profile_id uuid, p_memory_profile_id uuid, p_tool_profile_id uuid, p_model_profile_id uuid, p_capabilities lenses.instruction_category[]) from public;
grant execute on function public.add_team_member(p_team_id uuid, p_agent_id uuid, p_role agents.team_member_role, p_responsibility text, p_lane integer, p_personality_profile_id uuid, p_memory_profile_id uuid, p_tool_profile_id uuid, p_model_profile_id uuid, p_capabilities lenses.instruction_category[]) to authenticated;

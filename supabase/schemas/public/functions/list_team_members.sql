create or replace function public.list_team_members(p_team_id uuid)
 returns TABLE(member_id uuid, agent_id uuid, agent_handle text, agent_display_name text, role agents.team_member_role, responsibility text, lane integer, personality_profile_id uuid, memory_profile_id uuid, tool_profile_id uuid, model_profile_id uuid, created_at timestamp with time zone)
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  perform agents.fn_rpc_not_null('list_team_members', 'p_team_id', p_team_id);
  if not exists (select 1 from agents.teams t where t.id = p_team_id) then
    raise exception 'list_team_members: no team % that you can see', p_team_id using errcode = 'PT404';
  end if;
  return query
    select m.id, m.agent_id, p.handle, p.display_name, m.role, m.responsibility, m.lane, m.personality_profile_id,
      m.memory_profile_id, m.tool_profile_id, m.model_profile_id, m.created_at
    from agents.team_members m
    join agents.ai_lensers a on a.id = m.agent_id
    left join lensers.profiles p on p.id = a.profile_id
    where m.team_id = p_team_id
    order by m.lane, m.created_at, m.id;
end
$function$;

comment on function public.list_team_members(p_team_id uuid) is 'A team''s members by lane, then by the order they joined.';

revoke all on function public.list_team_members(p_team_id uuid) from public;
grant execute on function public.list_team_members(p_team_id uuid) to authenticated;

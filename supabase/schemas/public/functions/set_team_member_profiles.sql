create or replace function public.set_team_member_profiles(p_member_id uuid, p_personality_profile_id uuid default NULL::uuid, p_memory_profile_id uuid default NULL::uuid, p_tool_profile_id uuid default NULL::uuid, p_model_profile_id uuid default NULL::uuid)
 returns agents.team_members
 language plpgsql
 set search_path to ''
as $function$
declare
  v_member agents.team_members := agents.fn_rpc_editable_member('set_team_member_profiles', p_member_id);
begin
  perform agents.fn_rpc_member_profiles('set_team_member_profiles', v_member.agent_id, p_personality_profile_id,
    p_memory_profile_id, p_tool_profile_id, p_model_profile_id);
  update agents.team_members m set
    personality_profile_id = p_personality_profile_id,
    memory_profile_id = p_memory_profile_id,
    tool_profile_id = p_tool_profile_id,
    model_profile_id = p_model_profile_id
  where m.id = v_member.id
  returning * into v_member;
  return v_member;
end
$function$;

comment on function public.set_team_member_profiles(p_member_id uuid, p_personality_profile_id uuid, p_memory_profile_id uuid, p_tool_profile_id uuid, p_model_profile_id uuid) is 'Sets all four profiles of a member at once; a null profile means the agent''s default of that kind.';

revoke all on function public.set_team_member_profiles(p_member_id uuid, p_personality_profile_id uuid, p_memory_profile_id uuid, p_tool_profile_id uuid, p_model_profile_id uuid) from public;
grant execute on function public.set_team_member_profiles(p_member_id uuid, p_personality_profile_id uuid, p_memory_profile_id uuid, p_tool_profile_id uuid, p_model_profile_id uuid) to authenticated;

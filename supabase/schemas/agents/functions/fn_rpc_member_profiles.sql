-- A profile argument names a profile of the member's agent (or is null: the agent's default).
create or replace function agents.fn_rpc_member_profiles(p_rpc text, p_agent_id uuid, p_personality_profile_id uuid, p_memory_profile_id uuid, p_tool_profile_id uuid, p_model_profile_id uuid)
 returns void
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  if p_personality_profile_id is not null and not exists (
    select 1 from agents.personality_profiles p where p.id = p_personality_profile_id and p.ai_lenser_id = p_agent_id) then
    raise exception '%: p_personality_profile_id % is not a personality profile of agent %', p_rpc, p_personality_profile_id, p_agent_id
      using errcode = '22023';
  end if;
  if p_memory_profile_id is not null and not exists (
    select 1 from agents.memory_profiles p where p.id = p_memory_profile_id and p.ai_lenser_id = p_agent_id) then
    raise exception '%: p_memory_profile_id % is not a memory profile of agent %', p_rpc, p_memory_profile_id, p_agent_id
      using errcode = '22023';
  end if;
  if p_tool_profile_id is not null and not exists (
    select 1 from agents.tool_profiles p where p.id = p_tool_profile_id and p.ai_lenser_id = p_agent_id) then
    raise exception '%: p_tool_profile_id % is not a tool profile of agent %', p_rpc, p_tool_profile_id, p_agent_id
      using errcode = '22023';
  end if;
  if p_model_profile_id is not null and not exists (
    select 1 from agents.model_profiles p where p.id = p_model_profile_id and p.ai_lenser_id = p_agent_id) then
    raise exception '%: p_model_profile_id % is not a model profile of agent %', p_rpc, p_model_profile_id, p_agent_id
      using errcode = '22023';
  end if;
end
$function$;

revoke all on function agents.fn_rpc_member_profiles(p_rpc text, p_agent_id uuid, p_personality_profile_id uuid, p_memory_profile_id uuid, p_tool_profile_id uuid, p_model_profile_id uuid) from public;
grant execute on function agents.fn_rpc_member_profiles(p_rpc text, p_agent_id uuid, p_personality_profile_id uuid, p_memory_profile_id uuid, p_tool_profile_id uuid, p_model_profile_id uuid) to authenticated, service_role;

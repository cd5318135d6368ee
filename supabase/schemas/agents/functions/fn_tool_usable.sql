-- Whether an agent may use a tool: a built-in one (no owner), or a custom one registered by one of
-- the agent's owners or co-owners (a custom tool signs its requests with its owner's secret, so
-- nobody else's agent may call it).
create or replace function agents.fn_tool_usable(p_tool_owner_id uuid, p_ai_lenser_id uuid)
 returns boolean
 language sql
 stable
 set search_path to ''
as $function$
  select p_tool_owner_id is null or exists (
    select 1 from agents.ownerships o
    where o.ai_lenser_id = p_ai_lenser_id and o.owner_lenser_id = p_tool_owner_id and o.revoked_at is null
      and o.role in ('owner', 'co_owner'))
$function$;

revoke all on function agents.fn_tool_usable(p_tool_owner_id uuid, p_ai_lenser_id uuid) from public;
grant execute on function agents.fn_tool_usable(p_tool_owner_id uuid, p_ai_lenser_id uuid) to authenticated, service_role;

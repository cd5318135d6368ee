-- The invocation row, visible to the caller, or a clear error.
create or replace function agents.fn_rpc_tool_invocation(p_rpc text, p_invocation_id uuid)
 returns agents.tool_invocations
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_row agents.tool_invocations;
begin
  if p_invocation_id is null then
    raise exception '%: p_invocation_id is required', p_rpc using errcode = '22023';
  end if;
  select i.* into v_row from agents.tool_invocations i where i.id = p_invocation_id;
  if not found then
    raise exception '%: no tool invocation % that you can see', p_rpc, p_invocation_id using errcode = 'PT404';
  end if;
  return v_row;
end
$function$;

revoke all on function agents.fn_rpc_tool_invocation(p_rpc text, p_invocation_id uuid) from public;
grant execute on function agents.fn_rpc_tool_invocation(p_rpc text, p_invocation_id uuid) to authenticated, service_role;

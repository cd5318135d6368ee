-- Worker: an approved tool call of a resumed agent turn starts running (the lease held). Its input
-- is the one approved: the hash it was approved under must still match it.
create or replace function public.start_agent_tool_call(p_result_id uuid, p_lease_token uuid, p_invocation_id uuid)
 returns agents.tool_invocations
 language plpgsql
 set search_path to ''
as $function$
declare
  v_result lenses.workflow_node_results;
  c_fn constant text := 'start_agent_tool_call';
  v_row agents.tool_invocations;
begin
  v_result := lenses.fn_leased_result(c_fn, p_result_id, p_lease_token);
  perform agents.fn_leased_turn(c_fn, v_result);
  select i.* into v_row from agents.tool_invocations i where i.id = p_invocation_id and i.workflow_node_result_id = p_result_id for update;
  if v_row.id is null then
    raise exception '%: no tool call % in task %', c_fn, p_invocation_id, p_result_id using errcode = 'PT404';
  end if;
  if v_row.status = 'running' then
    return v_row;
  end if;
  if v_row.status <> 'approved' then
    raise exception '%: tool call % is % (only an approved call starts)', c_fn, p_invocation_id, v_row.status using errcode = 'PT409';
  end if;
  if v_row.approval_hash is distinct from agents.fn_tool_call_hash((select r.key from agents.tools_registry r where r.id = v_row.tool_id), v_row.input) then
    raise exception '%: tool call % no longer matches what was approved', c_fn, p_invocation_id using errcode = 'PT409';
  end if;
  update agents.tool_invocations i set status = 'running' where i.id = p_invocation_id returning * into v_row;
  return v_row;
end
$function$;

revoke all on function public.start_agent_tool_call(p_result_id uuid, p_lease_token uuid, p_invocation_id uuid) from public;
grant execute on function public.start_agent_tool_call(p_result_id uuid, p_lease_token uuid, p_invocation_id uuid) to service_role;

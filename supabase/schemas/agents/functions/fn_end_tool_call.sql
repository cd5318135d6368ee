-- A running tool call of an agent turn ends: its outcome, latency and cost on the invocation, its
-- result in the turn's journal, a tool_completed event; one transaction, the caller holds the task.
create or replace function agents.fn_end_tool_call(p_result lenses.workflow_node_results, p_turn_no integer, p_invocation agents.tool_invocations, p_status agents.tool_invocation_status, p_output jsonb, p_error text, p_latency_ms integer, p_cost_credits numeric)
 returns agents.tool_invocations
 language plpgsql
 set search_path to ''
as $function$
declare
  v_row agents.tool_invocations;
  v_key text := (select r.key from agents.tools_registry r where r.id = p_invocation.tool_id);
begin
  update agents.tool_invocations i
  set status = p_status, output = p_output, error = btrim(p_error), latency_ms = p_latency_ms,
      cost_credits = coalesce(p_cost_credits, 0)
  where i.id = p_invocation.id returning * into v_row;
  perform agents.fn_journal_append(p_result.id, p_turn_no, 'tool',
    case when p_status = 'succeeded' then coalesce(lenses.fn_compact_json(p_output), 'null') else 'error: ' || btrim(p_error) end,
    null, v_row.tool_call_id, v_key, p_status = 'failed', v_row.id);
  perform lenses.fn_append_workflow_run_event(p_result.run_id, 'tool_completed',
    jsonb_build_object('node_key', p_result.node_key, 'tool', v_key, 'invocation_id', v_row.id, 'status', p_status,
      'latency_ms', p_latency_ms), p_result.node_id);
  return v_row;
end
$function$;

revoke all on function agents.fn_end_tool_call(p_result lenses.workflow_node_results, p_turn_no integer, p_invocation agents.tool_invocations, p_status agents.tool_invocation_status, p_output jsonb, p_error text, p_latency_ms integer, p_cost_credits numeric) from public;
grant execute on function agents.fn_end_tool_call(p_result lenses.workflow_node_results, p_turn_no integer, p_invocation agents.tool_invocations, p_status agents.tool_invocation_status, p_output jsonb, p_error text, p_latency_ms integer, p_cost_credits numeric) to service_role;

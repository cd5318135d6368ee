-- When a run that an agent's run_workflow call started ends, the call ends with it (succeeded with the
-- run's id, status and output when it completed; failed with its status and error otherwise), its
-- result goes into the turn's journal, and the waiting task is queued again: all in the transaction
-- that ends the sub-run. A parent task no longer waiting (cancelled meanwhile) stays as it is.
create or replace function agents.tg_workflow_runs_end_sub_run()
 returns trigger
 language plpgsql
 security definer
 set search_path to ''
as $function$
declare
  v_call agents.tool_invocations;
  v_result lenses.workflow_node_results;
  v_turn_no integer;
begin
  select i.* into v_call from agents.tool_invocations i where i.id = new.parent_invocation_id for update;
  if v_call.id is null or v_call.status <> 'running' then
    return null;
  end if;
  select x.* into v_result from lenses.workflow_node_results x where x.id = v_call.workflow_node_result_id for update;
  select t.turn_no into v_turn_no from agents.agent_turns t where t.node_result_id = v_result.id;
  if new.status = 'completed' then
    perform agents.fn_end_tool_call(v_result, v_turn_no, v_call, 'succeeded',
      jsonb_build_object('run_id', new.id, 'status', new.status, 'output', new.output),
      null, (extract(epoch from (now() - v_call.started_at)) * 1000)::integer, new.total_cost_credits);
  else
    perform agents.fn_end_tool_call(v_result, v_turn_no, v_call, 'failed', null,
      format('the run %s ended %s%s', new.id, new.status, coalesce(': ' || left(new.error_message, 2000), '')),
      (extract(epoch from (now() - v_call.started_at)) * 1000)::integer, new.total_cost_credits);
  end if;
  if v_result.status = 'blocked' and v_result.waiting_reason = 'external_callback' then
    update lenses.workflow_node_results x
    set status = 'queued', waiting_reason = 'queued', queued_at = now(), next_attempt_at = now()
    where x.id = v_result.id;
    perform lenses.fn_append_workflow_run_event(v_result.run_id, 'node_queued',
      jsonb_build_object('node_key', v_result.node_key, 'reason', 'the run its tool call started has ended', 'sub_run_id', new.id),
      v_result.node_id);
    perform pg_notify('workflow_tasks', v_result.run_id::text);
  end if;
  return null;
end
$function$;

revoke all on function agents.tg_workflow_runs_end_sub_run() from public;

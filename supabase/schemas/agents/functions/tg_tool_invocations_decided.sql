-- When the last tool call a blocked agent turn waits for is approved or rejected, the task is queued
-- again, in the same transaction as the decision: the turn resumes, runs the approved calls and tells
-- the model about the rejected ones. Security definer: the decision is an owner's, the queue the engine's.
create or replace function agents.tg_tool_invocations_decided()
 returns trigger
 language plpgsql
 security definer
 set search_path to ''
as $function$
begin
  perform lenses.fn_append_workflow_run_event(x.run_id,
    case when new.status = 'approved' then 'approval_granted' else 'approval_rejected' end::lenses.run_event_type,
    jsonb_build_object('node_key', x.node_key, 'kind', 'tool_invocation', 'invocation_id', new.id,
      'decided_by', coalesce(new.approved_by, new.rejected_by), 'reason', new.rejected_reason),
    x.node_id, coalesce(new.approved_by, new.rejected_by))
  from lenses.workflow_node_results x where x.id = new.workflow_node_result_id;
  if exists (select 1 from agents.tool_invocations i
             where i.workflow_node_result_id = new.workflow_node_result_id and i.status = 'awaiting_approval') then
    return null;
  end if;
  update lenses.workflow_node_results x
  set status = 'queued', waiting_reason = 'queued', queued_at = now(), next_attempt_at = now()
  where x.id = new.workflow_node_result_id and x.status = 'blocked' and x.waiting_reason = 'external_callback';
  if found then
    perform lenses.fn_append_workflow_run_event(x.run_id, 'node_queued',
      jsonb_build_object('node_key', x.node_key, 'reason', 'its tool calls were decided'), x.node_id)
    from lenses.workflow_node_results x where x.id = new.workflow_node_result_id;
    perform pg_notify('workflow_tasks', '');
  end if;
  return null;
end
$function$;

revoke all on function agents.tg_tool_invocations_decided() from public;

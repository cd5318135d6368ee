-- Puts a leased result back in the queue for another task of the same node (a team run's review,
-- or the member's rework after one): the lease ends, the result is due now and keeps its input;
-- node_queued says why.
create or replace function lenses.fn_requeue_result(p_result_id uuid, p_reason text)
 returns void
 language plpgsql
 set search_path to ''
as $function$
begin
  update lenses.workflow_node_results x
  set status = 'queued', waiting_reason = 'queued', queued_at = now(), next_attempt_at = now(),
      lease_token = null, lease_owner = null, lease_expires_at = null, timeout_at = null
  where x.id = p_result_id;
  perform lenses.fn_append_workflow_run_event(x.run_id, 'node_queued',
    jsonb_build_object('node_key', x.node_key, 'reason', p_reason), x.node_id)
  from lenses.workflow_node_results x where x.id = p_result_id;
end
$function$;

comment on function lenses.fn_requeue_result(p_result_id uuid, p_reason text) is 'Ends a result''s lease and queues it again (due now) for another task of the same node.';

revoke all on function lenses.fn_requeue_result(p_result_id uuid, p_reason text) from public;
grant execute on function lenses.fn_requeue_result(p_result_id uuid, p_reason text) to service_role;

-- A worker that must stop (its time budget is over) hands the task back: queued again at once,
-- and the attempt does not count.
create or replace function public.release_workflow_task(p_result_id uuid, p_lease_token uuid)
 returns void
 language plpgsql
 set search_path to ''
as $function$
declare
  v_result lenses.workflow_node_results;
begin
  v_result := lenses.fn_leased_result('release_workflow_task', p_result_id, p_lease_token);
  update lenses.workflow_node_results x
  set status = 'queued', waiting_reason = 'queued', next_attempt_at = now(), attempt_count = greatest(x.attempt_count - 1, 0),
      lease_token = null, lease_owner = null, lease_expires_at = null, timeout_at = null
  where x.id = p_result_id;
  perform lenses.fn_append_workflow_run_event(v_result.run_id, 'node_released',
    jsonb_build_object('node_key', v_result.node_key), v_result.node_id);
  perform lenses.fn_node_stopped(v_result.run_id, v_result.node_id);
  perform pg_notify('workflow_tasks', v_result.run_id::text);
end
$function$;

comment on function public.release_workflow_task(p_result_id uuid, p_lease_token uuid) is 'Worker: hands a held task back to the queue without counting the attempt.';

revoke all on function public.release_workflow_task(p_result_id uuid, p_lease_token uuid) from public;
grant execute on function public.release_workflow_task(p_result_id uuid, p_lease_token uuid) to service_role;

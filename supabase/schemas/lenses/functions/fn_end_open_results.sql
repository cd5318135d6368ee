-- Ends every unfinished result of a run with one status (cancelled, timed_out), clearing leases.
create or replace function lenses.fn_end_open_results(p_run_id uuid, p_status lenses.node_result_status, p_reason text)
 returns void
 language plpgsql
 set search_path to ''
as $function$
declare
  v_result record;
begin
  for v_result in
    update lenses.workflow_node_results r
    set status = p_status, waiting_reason = null, lease_token = null, lease_owner = null, lease_expires_at = null,
        next_attempt_at = null, finished_at = now(), error_message = coalesce(r.error_message, p_reason)
    where r.run_id = p_run_id
      and r.status not in ('completed', 'failed', 'cancelled', 'skipped', 'timed_out', 'invalidated')
    returning r.node_id, r.node_key
  loop
    perform lenses.fn_append_workflow_run_event(p_run_id,
      case p_status when 'timed_out' then 'node_timed_out'::lenses.run_event_type else 'node_cancelled' end,
      jsonb_build_object('node_key', v_result.node_key, 'reason', p_reason), v_result.node_id);
  end loop;
end
$function$;

revoke all on function lenses.fn_end_open_results(p_run_id uuid, p_status lenses.node_result_status, p_reason text) from public;
grant execute on function lenses.fn_end_open_results(p_run_id uuid, p_status lenses.node_result_status, p_reason text) to service_role;

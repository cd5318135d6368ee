-- Reaps what workers left behind, each under its run's lock (skipping runs another transition
-- holds): runs past their deadline end timed_out; nodes past their timeout end timed_out;
-- expired leases go back to the queue as a failed attempt (or fail when retries are spent).
-- Each of the three looks through its own partial index, so a reap with nothing to do is cheap.
create or replace function lenses.fn_reap_workflow_runs(p_limit integer default 100)
 returns integer
 language plpgsql
 set search_path to ''
as $function$
declare
  v_row record;
  v_count integer := 0;
begin
  for v_row in
    select r.id from lenses.workflow_runs r
    where r.deadline_at < now() and r.status in ('queued', 'pending', 'running', 'streaming', 'recovered')
    order by r.deadline_at limit p_limit
  loop
    continue when not lenses.fn_try_lock_run(v_row.id);
    continue when not exists (select 1 from lenses.workflow_runs r where r.id = v_row.id
                              and r.status in ('queued', 'pending', 'running', 'streaming', 'recovered'));
    perform lenses.fn_end_open_results(v_row.id, 'timed_out', 'the run passed its deadline');
    update lenses.workflow_runs r
    set status = 'timed_out', finished_at = now(), active_node_id = null, error_message = 'the run passed its deadline'
    where r.id = v_row.id;
    perform lenses.fn_append_workflow_run_event(v_row.id, 'run_timed_out', jsonb_build_object('reason', 'deadline'));
    v_count := v_count + 1;
  end loop;

  for v_row in
    select x.id, x.run_id, x.node_id, x.node_key from lenses.workflow_node_results x
    where x.status in ('running', 'streaming') and x.timeout_at is not null and x.timeout_at < now()
    order by x.timeout_at limit p_limit
  loop
    continue when not lenses.fn_try_lock_run(v_row.run_id);
    continue when not exists (select 1 from lenses.workflow_node_results x where x.id = v_row.id
                              and x.status in ('running', 'streaming') and x.timeout_at < now());
    update lenses.workflow_node_results x
    set status = 'timed_out', waiting_reason = null, lease_token = null, lease_owner = null, lease_expires_at = null,
        finished_at = now(), error_kind = 'timeout', error_message = 'the node passed its timeout',
        duration_ms = (extract(epoch from now() - x.started_at) * 1000)::integer
    where x.id = v_row.id;
    perform lenses.fn_append_workflow_run_event(v_row.run_id, 'node_timed_out',
      jsonb_build_object('node_key', v_row.node_key), v_row.node_id);
    perform lenses.fn_node_stopped(v_row.run_id, v_row.node_id);
    perform lenses.fn_settle_successors(v_row.run_id, v_row.node_id);
    perform lenses.fn_finish_run_if_done(v_row.run_id);
    perform pg_notify('workflow_tasks', v_row.run_id::text);
    v_count := v_count + 1;
  end loop;

  for v_row in
    select x.id, x.run_id, x.node_id, x.node_key from lenses.workflow_node_results x
    where x.status in ('running', 'streaming') and x.lease_expires_at < now()
    order by x.lease_expires_at limit p_limit
  loop
    continue when not lenses.fn_try_lock_run(v_row.run_id);
    continue when not exists (select 1 from lenses.workflow_node_results x where x.id = v_row.id
                              and x.status in ('running', 'streaming') and x.lease_expires_at < now());
    perform lenses.fn_append_workflow_run_event(v_row.run_id, 'lease_expired',
      jsonb_build_object('node_key', v_row.node_key), v_row.node_id);
    perform lenses.fn_fail_node_result(v_row.id, 'lease_expired', 'the worker''s lease expired before it finished');
    perform lenses.fn_node_stopped(v_row.run_id, v_row.node_id);
    v_count := v_count + 1;
  end loop;
  return v_count;
end
$function$;

comment on function lenses.fn_reap_workflow_runs(p_limit integer) is 'Ends runs past their deadline and nodes past their timeout; returns expired leases to the queue. Run by claims and by pg_cron.';

revoke all on function lenses.fn_reap_workflow_runs(p_limit integer) from public;
grant execute on function lenses.fn_reap_workflow_runs(p_limit integer) to service_role;

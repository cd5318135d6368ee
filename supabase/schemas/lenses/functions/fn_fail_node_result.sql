-- A failed attempt: rate limits wait (not counted against the retry policy); client errors and
-- contract violations of the request fail at once; the rest retry with backoff up to max_retries,
-- then fail. A final failure either stays isolated (siblings go on, dependants are skipped) or
-- stops the run, by the run's failure mode.
create or replace function lenses.fn_fail_node_result(p_result_id uuid, p_kind lenses.task_error_kind, p_message text, p_retry_after_ms integer default NULL::integer)
 returns lenses.workflow_node_results
 language plpgsql
 set search_path to ''
as $function$
declare
  v_result lenses.workflow_node_results;
  v_run lenses.workflow_runs;
  v_node lenses.workflow_nodes;
  v_delay integer;
  v_retryable boolean := p_kind in ('server', 'timeout', 'network', 'contract_violation', 'lease_expired');
begin
  select r.* into v_result from lenses.workflow_node_results r where r.id = p_result_id;
  select r.* into v_run from lenses.workflow_runs r where r.id = v_result.run_id;
  select n.* into v_node from lenses.workflow_nodes n where n.id = v_result.node_id;

  if p_kind = 'rate_limit' then
    v_delay := coalesce(p_retry_after_ms, lenses.fn_retry_delay_ms(v_result.attempt_count,
      coalesce((v_node.config -> 'retry' ->> 'backoff_ms')::integer, 1000), 60000));
    update lenses.workflow_node_results r
    set status = 'retrying', waiting_reason = 'rate_limit', next_attempt_at = now() + make_interval(secs => v_delay / 1000.0),
        lease_token = null, lease_owner = null, lease_expires_at = null, timeout_at = null,
        error_kind = p_kind, error_message = p_message
    where r.id = p_result_id returning * into v_result;
    perform lenses.fn_append_workflow_run_event(v_run.id, 'node_retrying',
      jsonb_build_object('node_key', v_result.node_key, 'reason', 'rate_limit', 'delay_ms', v_delay, 'error', p_message), v_node.id);
    return v_result;
  end if;

  if v_retryable and v_result.retry_count < v_result.max_retries then
    v_delay := case when p_kind = 'lease_expired' then 0 else lenses.fn_retry_delay_ms(v_result.retry_count + 1,
      coalesce((v_node.config -> 'retry' ->> 'backoff_ms')::integer, 1000),
      coalesce((v_node.config -> 'retry' ->> 'max_backoff_ms')::integer, 60000)) end;
    update lenses.workflow_node_results r
    set status = 'retrying', waiting_reason = 'retry_backoff', retry_count = r.retry_count + 1,
        next_attempt_at = now() + make_interval(secs => v_delay / 1000.0),
        lease_token = null, lease_owner = null, lease_expires_at = null, timeout_at = null,
        error_kind = p_kind, error_message = p_message
    where r.id = p_result_id returning * into v_result;
    perform lenses.fn_append_workflow_run_event(v_run.id, 'node_retrying',
      jsonb_build_object('node_key', v_result.node_key, 'reason', p_kind, 'retry', v_result.retry_count,
                         'delay_ms', v_delay, 'error', p_message), v_node.id);
    if v_delay = 0 then
      perform pg_notify('workflow_tasks', v_run.id::text);
    end if;
    return v_result;
  end if;

  update lenses.workflow_node_results r
  set status = 'failed', waiting_reason = null, next_attempt_at = null,
      lease_token = null, lease_owner = null, lease_expires_at = null, timeout_at = null,
      error_kind = p_kind, error_message = p_message, finished_at = now(),
      duration_ms = case when r.started_at is not null then (extract(epoch from now() - r.started_at) * 1000)::integer end
  where r.id = p_result_id returning * into v_result;
  perform lenses.fn_append_workflow_run_event(v_run.id, 'node_failed',
    jsonb_build_object('node_key', v_result.node_key, 'error_kind', p_kind, 'error', p_message,
                       'retries', v_result.retry_count), v_node.id);

  if v_run.failure_mode = 'stop_run' then
    perform lenses.fn_end_open_results(v_run.id, 'cancelled', format('run stopped: node %s failed', v_result.node_key));
    update lenses.workflow_runs r
    set status = 'failed', finished_at = now(), active_node_id = null,
        error_message = format('node %s failed: %s', v_result.node_key, p_message)
    where r.id = v_run.id;
    perform lenses.fn_append_workflow_run_event(v_run.id, 'run_failed',
      jsonb_build_object('node_key', v_result.node_key, 'error', p_message));
  else
    update lenses.workflow_runs r set error_message = format('node %s failed: %s', v_result.node_key, p_message)
    where r.id = v_run.id;
    perform lenses.fn_settle_successors(v_run.id, v_node.id);
    perform lenses.fn_finish_run_if_done(v_run.id);
  end if;
  return v_result;
end
$function$;

revoke all on function lenses.fn_fail_node_result(p_result_id uuid, p_kind lenses.task_error_kind, p_message text, p_retry_after_ms integer) from public;
grant execute on function lenses.fn_fail_node_result(p_result_id uuid, p_kind lenses.task_error_kind, p_message text, p_retry_after_ms integer) to service_role;

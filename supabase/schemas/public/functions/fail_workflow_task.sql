create or replace function public.fail_workflow_task(p_result_id uuid, p_lease_token uuid, p_error_kind lenses.task_error_kind, p_error_message text, p_retry_after_ms integer default NULL::integer, p_llm_call jsonb default NULL::jsonb)
 returns jsonb
 language plpgsql
 set search_path to ''
as $function$
declare
  v_result lenses.workflow_node_results;
  v_usage record;
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_text('fail_workflow_task', 'p_error_message', p_error_message, 4000);
  perform lensers.fn_limit_json('fail_workflow_task', 'p_llm_call', p_llm_call, 262144, 16);
  if p_error_kind is null then
    raise exception 'fail_workflow_task: p_error_kind is required' using errcode = '22023';
  end if;
  if p_error_message is null or btrim(p_error_message) = '' then
    raise exception 'fail_workflow_task: p_error_message is required' using errcode = '22023';
  end if;
  if p_retry_after_ms is not null and p_retry_after_ms not between 0 and 86400000 then
    raise exception 'fail_workflow_task: p_retry_after_ms must be between 0 and 86400000' using errcode = '22023';
  end if;
  v_result := lenses.fn_leased_result('fail_workflow_task', p_result_id, p_lease_token);
  select * into v_usage from lenses.fn_record_llm_call(v_result, p_llm_call, 'failed', p_error_kind);
  perform lenses.fn_add_usage_to_result(p_result_id, v_usage.input_tokens, v_usage.output_tokens, v_usage.cached_tokens, v_usage.cost);
  v_result := lenses.fn_fail_node_result(p_result_id, p_error_kind, left(p_error_message, 4000), p_retry_after_ms);
  perform lenses.fn_node_stopped(v_result.run_id, v_result.node_id,
    v_usage.input_tokens, v_usage.output_tokens, v_usage.cached_tokens, v_usage.cost);
  return jsonb_build_object('status', v_result.status, 'waiting_reason', v_result.waiting_reason,
    'retry_count', v_result.retry_count, 'next_attempt_at', v_result.next_attempt_at,
    'run_status', (select r.status from lenses.workflow_runs r where r.id = v_result.run_id));
end
$function$;

comment on function public.fail_workflow_task(p_result_id uuid, p_lease_token uuid, p_error_kind lenses.task_error_kind, p_error_message text, p_retry_after_ms integer, p_llm_call jsonb) is 'Worker: ends a held attempt with a classified error; rate limits wait, client errors fail, the rest retry with backoff.';

revoke all on function public.fail_workflow_task(p_result_id uuid, p_lease_token uuid, p_error_kind lenses.task_error_kind, p_error_message text, p_retry_after_ms integer, p_llm_call jsonb) from public;
grant execute on function public.fail_workflow_task(p_result_id uuid, p_lease_token uuid, p_error_kind lenses.task_error_kind, p_error_message text, p_retry_after_ms integer, p_llm_call jsonb) to service_role;

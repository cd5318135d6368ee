-- Streaming progress: the first report moves the node (and run) to streaming and records the
-- time to first token; each report appends one delta event (the worker batches deltas).
create or replace function public.report_workflow_task_progress(p_result_id uuid, p_lease_token uuid, p_delta text, p_ttfb_ms integer default NULL::integer)
 returns void
 language plpgsql
 set search_path to ''
as $function$
declare
  v_result lenses.workflow_node_results;
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_text('report_workflow_task_progress', 'p_delta', p_delta, 100000);
  if p_delta is null or p_delta = '' then
    raise exception 'report_workflow_task_progress: p_delta must be non-empty text' using errcode = '22023';
  end if;
  if p_ttfb_ms is not null and p_ttfb_ms < 0 then
    raise exception 'report_workflow_task_progress: p_ttfb_ms must be 0 or more' using errcode = '22023';
  end if;
  v_result := lenses.fn_leased_result('report_workflow_task_progress', p_result_id, p_lease_token);
  if v_result.status = 'running' then
    update lenses.workflow_node_results x
    set status = 'streaming',
        ttfb_ms = coalesce(p_ttfb_ms, (extract(epoch from now() - x.started_at) * 1000)::integer)
    where x.id = p_result_id;
    perform lenses.fn_append_workflow_run_event(v_result.run_id, 'node_streaming',
      jsonb_build_object('node_key', v_result.node_key), v_result.node_id);
    update lenses.workflow_runs r set status = 'streaming' where r.id = v_result.run_id and r.status = 'running';
  end if;
  perform lenses.fn_append_workflow_run_event(v_result.run_id, 'node_delta',
    jsonb_build_object('node_key', v_result.node_key, 'text', p_delta), v_result.node_id);
end
$function$;

comment on function public.report_workflow_task_progress(p_result_id uuid, p_lease_token uuid, p_delta text, p_ttfb_ms integer) is 'Worker: a batch of streamed text for a held task (moves it to streaming on the first one).';

revoke all on function public.report_workflow_task_progress(p_result_id uuid, p_lease_token uuid, p_delta text, p_ttfb_ms integer) from public;
grant execute on function public.report_workflow_task_progress(p_result_id uuid, p_lease_token uuid, p_delta text, p_ttfb_ms integer) to service_role;

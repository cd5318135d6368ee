create or replace function public.complete_workflow_task(p_result_id uuid, p_lease_token uuid, p_text text default NULL::text, p_output jsonb default NULL::jsonb, p_llm_call jsonb default NULL::jsonb)
 returns jsonb
 language plpgsql
 set search_path to ''
as $function$
declare
  v_done record;
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_text('complete_workflow_task', 'p_text', p_text, 1000000);
  perform lensers.fn_limit_json('complete_workflow_task', 'p_output', p_output, 1048576, 64);
  perform lensers.fn_limit_json('complete_workflow_task', 'p_llm_call', p_llm_call, 262144, 16);
  if p_text is null and p_output is null then
    raise exception 'complete_workflow_task: give p_text (the model''s answer) or p_output (a JSON object)' using errcode = '22023';
  end if;
  select * into v_done from lenses.fn_complete_held_tasks(
    array[lenses.fn_leased_result('complete_workflow_task', p_result_id, p_lease_token)],
    array[p_text], array[p_output], array[p_llm_call]);
  perform lenses.fn_runs_after_completions(v_done.run_ids, v_done.node_ids, v_done.used_input, v_done.used_output,
    v_done.used_cached, v_done.used_cost);
  return (lenses.fn_answers_with_run_status(v_done.answers, v_done.run_ids))[1];
end
$function$;

comment on function public.complete_workflow_task(p_result_id uuid, p_lease_token uuid, p_text text, p_output jsonb, p_llm_call jsonb) is 'Worker: ends a held task with its answer (checked against the output contract), records the model call, moves the run on.';

revoke all on function public.complete_workflow_task(p_result_id uuid, p_lease_token uuid, p_text text, p_output jsonb, p_llm_call jsonb) from public;
grant execute on function public.complete_workflow_task(p_result_id uuid, p_lease_token uuid, p_text text, p_output jsonb, p_llm_call jsonb) to service_role;

create or replace function public.start_workflow_run(p_workflow_id uuid, p_input jsonb default '{}'::jsonb, p_deadline_seconds integer default NULL::integer, p_max_retries integer default NULL::integer, p_failure_mode lenses.failure_mode default NULL::lenses.failure_mode)
 returns lenses.workflow_runs
 language plpgsql
 security definer
 set search_path to ''
as $function$
declare
  v_me uuid := lensers.current_profile_id();
  v_workflow lenses.workflows;
  v_validation jsonb;
  v_node lenses.workflow_nodes;
  v_errors text[];
  v_run lenses.workflow_runs;
  v_result_id uuid;
begin
  if v_me is null then
    raise exception 'start_workflow_run: sign in first (no profile for this JWT)' using errcode = '42501';
  end if;
  if p_workflow_id is null then
    raise exception 'start_workflow_run: p_workflow_id is required' using errcode = '22023';
  end if;
  select w.* into v_workflow from lenses.workflows w where w.id = p_workflow_id;
  if not found or not (v_workflow.visibility = 'public' or v_workflow.lenser_id in (select lensers.actable_profile_ids())) then
    raise exception 'start_workflow_run: no workflow % that you can run', p_workflow_id using errcode = 'P0002';
  end if;
  if v_workflow.status <> 'published' then
    raise exception 'start_workflow_run: workflow % is %, only a published workflow runs', p_workflow_id, v_workflow.status
      using errcode = '22023';
  end if;
  if p_input is null or jsonb_typeof(p_input) <> 'object' then
    raise exception 'start_workflow_run: p_input must be a JSON object' using errcode = '22023';
  end if;
  if p_deadline_seconds is not null and p_deadline_seconds not between 1 and 604800 then
    raise exception 'start_workflow_run: p_deadline_seconds must be between 1 and 604800, got %', p_deadline_seconds
      using errcode = '22023';
  end if;
  if p_max_retries is not null and p_max_retries not between 0 and 10 then
    raise exception 'start_workflow_run: p_max_retries must be between 0 and 10, got %', p_max_retries using errcode = '22023';
  end if;

  v_validation := lenses.fn_validate_workflow(p_workflow_id);
  if not (v_validation ->> 'valid')::boolean then
    raise exception 'start_workflow_run: workflow % is not valid', p_workflow_id
      using errcode = '22023', detail = (v_validation -> 'errors')::text;
  end if;

  -- The input must satisfy every entry node's input contract.
  for v_node in
    select n.* from lenses.workflow_nodes n
    where n.workflow_id = p_workflow_id
      and not exists (select 1 from lenses.workflow_edges e where e.target_node_id = n.id)
    order by n.key
  loop
    v_errors := lenses.fn_contract_value_errors(
      (select nv.input_contract from lenses.workflow_nodes_v nv where nv.id = v_node.id), p_input);
    if cardinality(v_errors) > 0 then
      raise exception 'start_workflow_run: p_input does not satisfy entry node %''s input contract: %',
        v_node.key, array_to_string(v_errors, '; ') using errcode = '22023';
    end if;
  end loop;

  insert into lenses.workflow_runs (workflow_id, lenser_id, started_by, status, input, deadline_at, max_retries, failure_mode)
  values (
    p_workflow_id, v_workflow.lenser_id, v_me, 'queued', p_input,
    case when p_deadline_seconds is not null then now() + make_interval(secs => p_deadline_seconds) end,
    coalesce(p_max_retries, 1), coalesce(p_failure_mode, 'isolate')
  )
  returning * into v_run;
  perform lenses.fn_lock_run(v_run.id);

  insert into lenses.workflow_node_results (run_id, node_id, node_key, status, waiting_reason, max_retries, timeout_ms)
  select v_run.id, n.id, n.key, 'awaiting_dependency', 'dependency',
         coalesce((n.config -> 'retry' ->> 'max_retries')::integer, v_run.max_retries),
         (n.config ->> 'timeout_ms')::integer
  from lenses.workflow_nodes n where n.workflow_id = p_workflow_id;

  perform lenses.fn_append_workflow_run_event(v_run.id, 'run_queued',
    jsonb_build_object('workflow_id', p_workflow_id, 'input', p_input), null, v_me);

  for v_result_id in
    select r.id from lenses.workflow_node_results r
    where r.run_id = v_run.id
      and not exists (select 1 from lenses.workflow_edges e where e.target_node_id = r.node_id)
    order by r.node_key
  loop
    perform lenses.fn_queue_node_result(v_result_id, p_input);
  end loop;
  perform pg_notify('workflow_tasks', v_run.id::text);

  select r.* into v_run from lenses.workflow_runs r where r.id = v_run.id;
  return v_run;
end
$function$;

comment on function public.start_workflow_run(p_workflow_id uuid, p_input jsonb, p_deadline_seconds integer, p_max_retries integer, p_failure_mode lenses.failure_mode) is 'Starts a run of a published workflow: validates it and the input against the entry nodes'' input contracts, creates one result per node and queues the roots. [security definer: writes the run''s internal rows; checks that the caller may run the workflow]';

revoke all on function public.start_workflow_run(p_workflow_id uuid, p_input jsonb, p_deadline_seconds integer, p_max_retries integer, p_failure_mode lenses.failure_mode) from public;
grant execute on function public.start_workflow_run(p_workflow_id uuid, p_input jsonb, p_deadline_seconds integer, p_max_retries integer, p_failure_mode lenses.failure_mode) to authenticated;

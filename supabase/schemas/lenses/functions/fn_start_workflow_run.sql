-- Creates a run of a published workflow that the caller (p_rpc) has already authorised: validates
-- the graph and the input against the entry nodes' input contracts, writes the run and one result
-- per node, queues the roots. Shared by start_workflow_run and team runs (run_workflow_assignment),
-- so there is one way a run starts; messages carry the RPC's name. The run belongs to p_lenser_id,
-- whom the caller decided (who starts it, see README "Who a run belongs to"): its input, output,
-- events, ledger rows and budgets are theirs; p_started_by is who pressed start (the actor of
-- run_queued), which grants nothing.
create or replace function lenses.fn_start_workflow_run(p_rpc text, p_workflow lenses.workflows, p_input jsonb, p_lenser_id uuid, p_started_by uuid, p_deadline_seconds integer, p_max_retries integer, p_failure_mode lenses.failure_mode)
 returns lenses.workflow_runs
 language plpgsql
 set search_path to ''
as $function$
declare
  v_validation jsonb;
  v_node lenses.workflow_nodes;
  v_errors text[];
  v_run lenses.workflow_runs;
  v_result_id uuid;
begin
  if p_lenser_id is null then
    raise exception '%: a run needs the lenser it belongs to', p_rpc using errcode = '22023';
  end if;
  v_validation := lenses.fn_validate_workflow(p_workflow.id);
  if not (v_validation ->> 'valid')::boolean then
    raise exception '%: workflow % is not valid', p_rpc, p_workflow.id
      using errcode = '22023', detail = (v_validation -> 'errors')::text;
  end if;

  -- The input must satisfy every entry node's input contract.
  for v_node in
    select n.* from lenses.workflow_nodes n
    where n.workflow_id = p_workflow.id
      and not exists (select 1 from lenses.workflow_edges e where e.target_node_id = n.id)
    order by n.key
  loop
    v_errors := lenses.fn_contract_value_errors(
      (select nv.input_contract from lenses.workflow_nodes_v nv where nv.id = v_node.id), p_input);
    if cardinality(v_errors) > 0 then
      raise exception '%: p_input does not satisfy entry node %''s input contract: %',
        p_rpc, v_node.key, array_to_string(v_errors, '; ') using errcode = '22023';
    end if;
  end loop;

  insert into lenses.workflow_runs (workflow_id, lenser_id, started_by, status, input, deadline_at, max_retries, failure_mode)
  values (
    p_workflow.id, p_lenser_id, p_started_by, 'queued', p_input,
    case when p_deadline_seconds is not null then now() + make_interval(secs => p_deadline_seconds) end,
    coalesce(p_max_retries, 1), coalesce(p_failure_mode, 'isolate')
  )
  returning * into v_run;
  perform lenses.fn_lock_run(v_run.id);

  insert into lenses.workflow_node_results (run_id, node_id, node_key, status, waiting_reason, max_retries, timeout_ms)
  select v_run.id, n.id, n.key, 'awaiting_dependency', 'dependency',
         coalesce((n.config -> 'retry' ->> 'max_retries')::integer, v_run.max_retries),
         (n.config ->> 'timeout_ms')::integer
  from lenses.workflow_nodes n where n.workflow_id = p_workflow.id;

  perform lenses.fn_append_workflow_run_event(v_run.id, 'run_queued',
    jsonb_build_object('workflow_id', p_workflow.id, 'input', p_input), null, p_started_by);

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

comment on function lenses.fn_start_workflow_run(p_rpc text, p_workflow lenses.workflows, p_input jsonb, p_lenser_id uuid, p_started_by uuid, p_deadline_seconds integer, p_max_retries integer, p_failure_mode lenses.failure_mode) is 'Creates and queues a run of an authorised, published workflow for p_lenser_id (validation, results, roots); errors name p_rpc.';

revoke all on function lenses.fn_start_workflow_run(p_rpc text, p_workflow lenses.workflows, p_input jsonb, p_lenser_id uuid, p_started_by uuid, p_deadline_seconds integer, p_max_retries integer, p_failure_mode lenses.failure_mode) from public;
-- start_agent_sub_run (SECURITY INVOKER, the worker's) starts a run with it: service_role calls it
-- through the Data API too, as the hosted worker may.
grant execute on function lenses.fn_start_workflow_run(p_rpc text, p_workflow lenses.workflows, p_input jsonb, p_lenser_id uuid, p_started_by uuid, p_deadline_seconds integer, p_max_retries integer, p_failure_mode lenses.failure_mode) to service_role;

-- [security definer: writes run rows clients cannot write; checks the caller may act on the run]
create or replace function public.rerun_workflow_run_from(p_run_id uuid, p_node_key text)
 returns lenses.workflow_runs
 language plpgsql
 security definer
 set search_path to ''
as $function$
declare
  v_old lenses.workflow_runs;
  v_new lenses.workflow_runs;
  v_node lenses.workflow_nodes;
  v_downstream uuid[];
  v_row record;
  v_me uuid := lensers.current_profile_id();
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_text('rerun_workflow_run_from', 'p_node_key', p_node_key, 200);
  if p_run_id is null or p_node_key is null then
    raise exception 'rerun_workflow_run_from: p_run_id and p_node_key are required' using errcode = '22023';
  end if;
  perform lenses.fn_lock_run(p_run_id);
  select r.* into v_old from lenses.workflow_runs r where r.id = p_run_id;
  if not found or not lenses.fn_caller_may_act_on_run(v_old) then
    raise exception 'rerun_workflow_run_from: no run % that you can act on', p_run_id using errcode = 'PT404';
  end if;
  if v_old.status not in ('completed', 'failed', 'cancelled', 'timed_out') then
    raise exception 'rerun_workflow_run_from: run % is still %; rerun a finished run', p_run_id, v_old.status using errcode = 'PT409';
  end if;
  select n.* into v_node from lenses.workflow_nodes n where n.workflow_id = v_old.workflow_id and n.key = p_node_key;
  if not found then
    raise exception 'rerun_workflow_run_from: the workflow has no node "%"', lensers.fn_one_line(p_node_key) using errcode = 'PT404';
  end if;

  with recursive down(node_id) as (
    select v_node.id
    union
    select e.target_node_id from lenses.workflow_edges e join down d on e.source_node_id = d.node_id
  )
  select array_agg(node_id) into v_downstream from down;

  insert into lenses.workflow_runs (workflow_id, lenser_id, started_by, status, input, max_retries, failure_mode,
    recovered_from_run_id, recovered_from_node_id,
    deadline_at)
  values (v_old.workflow_id, v_old.lenser_id, coalesce(v_me, v_old.started_by), 'recovered', v_old.input, v_old.max_retries,
    v_old.failure_mode, v_old.id, v_node.id,
    case when v_old.deadline_at is not null then now() + (v_old.deadline_at - v_old.created_at) end)
  returning * into v_new;
  perform lenses.fn_lock_run(v_new.id);

  -- Upstream results are reused as they ended; the node and its descendants start over.
  insert into lenses.workflow_node_results (run_id, node_id, node_key, status, waiting_reason, max_retries, timeout_ms,
    input_data, output_data, error_kind, error_message, model_id, reused_from_result_id, queued_at, started_at, finished_at)
  select v_new.id, o.node_id, o.node_key,
    case when o.node_id = any (v_downstream) then 'awaiting_dependency'::lenses.node_result_status
         when o.status in ('completed', 'failed', 'skipped', 'timed_out') then o.status
         else 'cancelled' end,
    case when o.node_id = any (v_downstream) then 'dependency'::lenses.waiting_reason
         when o.status = 'skipped' then 'condition_false' end,
    o.max_retries, o.timeout_ms,
    case when o.node_id = any (v_downstream) then null else o.input_data end,
    case when o.node_id = any (v_downstream) then null else o.output_data end,
    case when o.node_id = any (v_downstream) then null else o.error_kind end,
    case when o.node_id = any (v_downstream) then null else o.error_message end,
    case when o.node_id = any (v_downstream) then null else o.model_id end,
    case when o.node_id = any (v_downstream) then null else o.id end,
    case when o.node_id = any (v_downstream) then null else o.queued_at end,
    case when o.node_id = any (v_downstream) then null else o.started_at end,
    case when o.node_id = any (v_downstream) then null else coalesce(o.finished_at, now()) end
  from lenses.workflow_node_results o
  where o.run_id = v_old.id;

  perform lenses.fn_append_workflow_run_event(v_new.id, 'run_recovered',
    jsonb_build_object('from_run_id', v_old.id, 'from_node_key', p_node_key), null, v_me);

  for v_row in
    update lenses.workflow_node_results o
    set status = 'invalidated', waiting_reason = null, lease_token = null, lease_owner = null, lease_expires_at = null,
        next_attempt_at = null, finished_at = coalesce(o.finished_at, now())
    where o.run_id = v_old.id and o.node_id = any (v_downstream) and o.status <> 'invalidated'
    returning o.node_id, o.node_key
  loop
    perform lenses.fn_append_workflow_run_event(v_old.id, 'node_invalidated',
      jsonb_build_object('node_key', v_row.node_key, 'rerun_id', v_new.id), v_row.node_id, v_me);
  end loop;

  -- The chosen node starts now: from the run input when it is an entry node, else from its
  -- upstream results, as the engine merges them.
  if not exists (select 1 from lenses.workflow_edges e where e.target_node_id = v_node.id) then
    perform lenses.fn_queue_node_result((select x.id from lenses.workflow_node_results x
                                         where x.run_id = v_new.id and x.node_id = v_node.id), v_new.input);
  else
    perform lenses.fn_settle_successors(v_new.id, (select e.source_node_id from lenses.workflow_edges e
                                                   where e.target_node_id = v_node.id order by e.source_node_id limit 1));
  end if;
  perform lenses.fn_finish_run_if_done(v_new.id);
  perform pg_notify('workflow_tasks', v_new.id::text);

  select r.* into v_new from lenses.workflow_runs r where r.id = v_new.id;
  return v_new;
end
$function$;

comment on function public.rerun_workflow_run_from(p_run_id uuid, p_node_key text) is 'Reruns a finished run from one node as a recovered run reusing upstream outputs; the old downstream results are invalidated.';

revoke all on function public.rerun_workflow_run_from(p_run_id uuid, p_node_key text) from public;
grant execute on function public.rerun_workflow_run_from(p_run_id uuid, p_node_key text) to authenticated;

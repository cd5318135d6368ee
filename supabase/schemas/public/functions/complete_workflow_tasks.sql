create or replace function public.complete_workflow_tasks(p_completions jsonb, p_worker_id text default NULL::text, p_claim_limit integer default 0, p_lease_seconds integer default 60)
 returns jsonb
 language plpgsql
 set search_path to ''
as $function$
declare
  v_count integer;
  v_item record;
  v_error text;
  v_result lenses.workflow_node_results;
  v_answers jsonb[];
  v_held lenses.workflow_node_results[] := '{}'::lenses.workflow_node_results[];
  v_positions integer[] := '{}'::integer[];
  v_texts text[] := '{}'::text[];
  v_outputs jsonb[] := '{}'::jsonb[];
  v_calls jsonb[] := '{}'::jsonb[];
  v_done record;
  v_settle jsonb;
  v_done_runs uuid[] := '{}'::uuid[];
  v_ready jsonb := '[]'::jsonb;
  v_tasks jsonb := '[]'::jsonb;
  v_started_runs uuid[] := '{}'::uuid[];
  v_started_nodes uuid[] := '{}'::uuid[];
  v_final jsonb[];
  v_claimed_ids uuid[] := '{}'::uuid[];
  v_claimed_attempts integer[] := '{}'::integer[];
  v_lock_budgets boolean := false;
  v_uuid constant text := '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_json('complete_workflow_tasks', 'p_completions', p_completions, 16777216, 64);
  perform lensers.fn_limit_text('complete_workflow_tasks', 'p_worker_id', p_worker_id, 200);
  if p_completions is null or jsonb_typeof(p_completions) <> 'array' then
    raise exception 'complete_workflow_tasks: p_completions must be a JSON array of completions' using errcode = '22023';
  end if;
  v_count := jsonb_array_length(p_completions);
  if v_count not between 1 and 500 then
    raise exception 'complete_workflow_tasks: p_completions must hold 1 to 500 completions, got %', v_count
      using errcode = '22023';
  end if;
  if p_claim_limit is null or p_claim_limit not between 0 and 500 then
    raise exception 'complete_workflow_tasks: p_claim_limit must be between 0 and 500, got %', coalesce(p_claim_limit::text, 'null')
      using errcode = '22023';
  end if;
  if p_claim_limit > 0 then
    perform lenses.fn_check_lease_args('complete_workflow_tasks', p_worker_id, p_claim_limit, p_lease_seconds, 'p_claim_limit');
  end if;

  for v_item in
    select c.value as c, c.ordinality::integer - 1 as i from jsonb_array_elements(p_completions) with ordinality c
  loop
    v_error := case
      when jsonb_typeof(v_item.c) <> 'object' then 'must be an object'
      when jsonb_typeof(v_item.c -> 'result_id') is distinct from 'string' or v_item.c ->> 'result_id' !~ v_uuid
        then 'result_id must be a uuid'
      when jsonb_typeof(v_item.c -> 'lease_token') is distinct from 'string' or v_item.c ->> 'lease_token' !~ v_uuid
        then 'lease_token must be a uuid'
      when coalesce(jsonb_typeof(v_item.c -> 'text'), 'null') not in ('string', 'null') then 'text must be a string'
      when coalesce(jsonb_typeof(v_item.c -> 'text'), 'null') = 'null' and coalesce(jsonb_typeof(v_item.c -> 'output'), 'null') = 'null'
        then 'give text (the model''s answer) or output (a JSON object)'
      else lenses.fn_llm_call_error(nullif(v_item.c -> 'llm_call', 'null'::jsonb), 'llm_call')
    end;
    if v_error is not null then
      raise exception 'complete_workflow_tasks: p_completions[%]: %', v_item.i, v_error using errcode = '22023';
    end if;
  end loop;
  select min(d.id) into v_error
  from (select lower(c ->> 'result_id') as id from jsonb_array_elements(p_completions) c group by 1 having count(*) > 1) d;
  if v_error is not null then
    raise exception 'complete_workflow_tasks: p_completions names task % more than once', v_error using errcode = '22023';
  end if;

  -- Lock the runs (in run id order; a task's run never changes, so it is read before), then the
  -- tasks' rows all at once, and check each lease; the held tasks go on together.
  perform lenses.fn_lock_run(x.run_id)
  from (select distinct r.run_id from lenses.workflow_node_results r
        where r.id = any (array(select (c ->> 'result_id')::uuid from jsonb_array_elements(p_completions) c))
        order by r.run_id) x;
  -- A team run's workflow run that ends admits the next team run under its assignment's row lock
  -- (agents.tg_workflow_runs_end_team_run): those assignments are locked now, in id order, so two
  -- batches ending runs of the same assignments never take them in opposite orders.
  perform 1 from agents.workflow_assignments a
  where a.id in (select t.assignment_id from agents.team_runs t
                 where t.workflow_run_id in (select r.run_id from lenses.workflow_node_results r
                                             where r.id = any (array(select (c ->> 'result_id')::uuid
                                                                     from jsonb_array_elements(p_completions) c))))
  order by a.id
  for update;
  v_answers := array_fill(null::jsonb, array[v_count]);
  for v_item in
    with locked as (
      select r.id, r.run_id, r as task from lenses.workflow_node_results r
      where r.id = any (array(select (c ->> 'result_id')::uuid from jsonb_array_elements(p_completions) c))
      for update
    )
    select c.i, c.c, (c.c ->> 'result_id')::uuid as result_id, (c.c ->> 'lease_token')::uuid as lease_token, x.task
    from (select e.value as c, e.ordinality::integer as i from jsonb_array_elements(p_completions) with ordinality e) c
    left join locked x on x.id = (c.c ->> 'result_id')::uuid
    order by x.run_id nulls first, c.i
  loop
    if (v_item.task).id is null then
      v_answers[v_item.i] := jsonb_build_object('result_id', v_item.result_id, 'status', 'lost',
        'error', format('no task %s', v_item.result_id));
      continue;
    end if;
    v_result := v_item.task;
    if v_result.status not in ('running', 'streaming') or v_result.lease_token is distinct from v_item.lease_token then
      v_answers[v_item.i] := jsonb_build_object('result_id', v_item.result_id, 'status', 'lost',
        'error', format('the lease on task %s is not held (it was reclaimed, cancelled or finished; status %s)',
                        v_item.result_id, v_result.status));
      continue;
    end if;
    v_held := v_held || v_result;
    v_positions := v_positions || v_item.i;
    v_texts := v_texts || (v_item.c ->> 'text');
    v_outputs := v_outputs || nullif(v_item.c -> 'output', 'null'::jsonb);
    v_calls := v_calls || nullif(v_item.c -> 'llm_call', 'null'::jsonb);
  end loop;
  if cardinality(v_held) > 0 then
    select * into v_done from lenses.fn_complete_held_tasks(v_held, v_texts, v_outputs, v_calls, p_claim_limit, false);
    v_done_runs := v_done.run_ids;
    v_ready := v_done.held;
    v_settle := v_done.settle;
  end if;
  -- The claim, the runs' updates and then, last, every budget change of this transaction on the period
  -- rows (ai.fn_apply_budget_periods). The claim first judges budgets from an unlocked read; when a
  -- concurrent claim took a hard budget's room meanwhile (CLB01), this part is undone and done again
  -- with the period rows locked before the claim judges them.
  loop
    begin
      if p_claim_limit > 0 then
        select coalesce(jsonb_agg(to_jsonb(t) - 'ordinality' order by t.ordinality), '[]'), coalesce(array_agg(t.run_id order by t.ordinality), '{}'),
               coalesce(array_agg(t.node_id order by t.ordinality), '{}'), coalesce(array_agg(t.result_id order by t.ordinality), '{}'),
               coalesce(array_agg(t.attempt order by t.ordinality), '{}')
        into v_tasks, v_started_runs, v_started_nodes, v_claimed_ids, v_claimed_attempts
        from lenses.fn_lease_tasks(p_worker_id, p_claim_limit, p_lease_seconds, v_done_runs, v_ready, v_settle, v_lock_budgets)
          with ordinality t;
      end if;
      if cardinality(v_held) > 0 then
        perform lenses.fn_runs_after_completions(v_done.run_ids, v_done.node_ids, v_done.used_input, v_done.used_output,
          v_done.used_cached, v_done.used_cost, v_started_runs, v_started_nodes);
        v_final := lenses.fn_answers_with_run_status(v_done.answers, v_done.run_ids);
        for v_k in 1 .. cardinality(v_held) loop
          v_answers[v_positions[v_k]] := jsonb_build_object('result_id', v_held[v_k].id) || v_final[v_k];
        end loop;
      end if;
      if v_settle is not null or cardinality(v_claimed_ids) > 0 then
        perform ai.fn_apply_budget_periods(v_claimed_ids, v_claimed_attempts,
          array(select jsonb_array_elements_text(v_settle -> 'ids')::uuid),
          array(select jsonb_array_elements_text(v_settle -> 'attempts')::integer),
          array(select (jsonb_array_elements(v_settle -> 'costs') #>> '{}')::numeric),
          array(select jsonb_array_elements_text(v_settle -> 'called')::boolean));
      end if;
      exit;
    exception when sqlstate 'CLB01' then
      if v_lock_budgets then
        raise; -- with the period rows locked first the guard holds; never loop
      end if;
      v_lock_budgets := true;
    end;
  end loop;
  return jsonb_build_object('answers', to_jsonb(v_answers), 'tasks', v_tasks);
end
$function$;

comment on function public.complete_workflow_tasks(p_completions jsonb, p_worker_id text, p_claim_limit integer, p_lease_seconds integer) is 'Worker: complete_workflow_task for several held tasks in one transaction ([{result_id, lease_token, text | output, llm_call}]), then leases up to p_claim_limit more: {answers (one each, in order; "lost" where the lease is no longer held), tasks}.';

revoke all on function public.complete_workflow_tasks(p_completions jsonb, p_worker_id text, p_claim_limit integer, p_lease_seconds integer) from public;
grant execute on function public.complete_workflow_tasks(p_completions jsonb, p_worker_id text, p_claim_limit integer, p_lease_seconds integer) to service_role;

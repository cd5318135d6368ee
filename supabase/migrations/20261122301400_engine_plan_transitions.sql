-- The engine's hot transitions, rebuilt for throughput: they read the compiled plans
-- (lenses.workflow_node_plans) instead of resolving nodes through lenses.workflow_nodes_v, and a
-- transition over several tasks writes set-wise (one update of the results, one of the runs, one
-- insert of the events and one of the ledger rows) instead of statement by statement per task:
-- every statement pays again for its executor, its constraint expressions and its triggers.
--   fn_lease_tasks              (claim_workflow_tasks, and complete_workflow_tasks' claim) decides per
--                               task (prompt from the plan, no rendering when the template has no
--                               parameters; model: node, agent profile, catalog default, read once
--                               per claim; a model gone from the catalog fails the node instead of
--                               holding a lease), then leases them all in one update
--   fn_complete_held_tasks      completes tasks whose leases were checked: shared by
--                               complete_workflow_task and complete_workflow_tasks
--   fn_settle_many              settles the successors of any number of ended nodes in a few
--                               statements per round; "all predecessors ended" is only checked for
--                               nodes with several; returns its events and provenance
--   fn_runs_nodes_stopped       one update for all the runs whose nodes stopped together
--   fn_queue_node_result        node kind, key and question from the plan
-- fn_settle_successors, fn_queue_node_result and fn_node_stopped keep their signatures for the
-- transitions that work on one node (fail, reap, human input, rerun, start) and append at once.

drop function lenses.fn_node_prompt(uuid, jsonb);
drop function lenses.fn_node_model(lenses.workflow_nodes, lenses.workflow_runs);

-- The prompt of a lens node: its template rendered with the node's params and the input fields
-- that name a parameter (input wins); input that fills no parameter follows as context.
create function lenses.fn_plan_prompt(p_plan lenses.workflow_node_plans, p_input jsonb) returns text
language plpgsql
stable
set search_path = ''
as $$
declare
  v_input jsonb := coalesce(p_input, '{}');
  v_prompt text := p_plan.template_body;
  v_rest jsonb := v_input;
begin
  -- A template without parameters has no placeholder (publishing refuses unbound ones).
  if cardinality(p_plan.param_labels) > 0 then
    v_prompt := lenses.fn_render_template(p_plan.template_body, p_plan.parameter_defs,
      (select coalesce(jsonb_object_agg(i.key, i.value), '{}')
       from jsonb_each(p_plan.params || v_input) i where i.key = any (p_plan.param_labels)));
    select coalesce(jsonb_object_agg(i.key, i.value), '{}') into v_rest
    from jsonb_each(v_input) i where not (i.key = any (p_plan.param_labels));
  end if;
  if v_rest <> '{}' then
    v_prompt := v_prompt || E'\n\nInput:\n' || jsonb_pretty(v_rest);
  end if;
  return v_prompt;
end
$$;

-- The default model profile of the AI lenser a run belongs to (nulls for a human's run).
create function lenses.fn_agent_default_model(p_lenser_id uuid, out model_id uuid, out params jsonb)
language plpgsql
stable
set search_path = ''
as $$
begin
  select mp.model_id, mp.params into model_id, params
  from agents.ai_lensers a
  join agents.model_profiles mp on mp.ai_lenser_id = a.id and mp.is_default
  where a.profile_id = p_lenser_id;
end
$$;

-- Why a model call record is unusable (null when it is fine); p_name names it in the message.
create function lenses.fn_llm_call_error(p_call jsonb, p_name text default 'p_llm_call') returns text
language plpgsql
immutable
set search_path = ''
as $$
declare
  v_in bigint;
  v_out bigint;
  v_cached bigint;
begin
  if p_call is null then
    return null;
  end if;
  if jsonb_typeof(p_call) <> 'object' then
    return p_name || ' must be a JSON object';
  end if;
  begin
    v_in := coalesce((p_call ->> 'input_tokens')::bigint, 0);
    v_out := coalesce((p_call ->> 'output_tokens')::bigint, 0);
    v_cached := coalesce((p_call ->> 'cached_tokens')::bigint, 0);
  exception when invalid_text_representation or numeric_value_out_of_range then
    return p_name || ': input_tokens, output_tokens and cached_tokens must be whole numbers';
  end;
  if v_in < 0 or v_out < 0 or v_cached < 0 or v_cached > v_in then
    return p_name || ': token counts must be 0 or more, and cached_tokens at most input_tokens';
  end if;
  if jsonb_typeof(p_call -> 'latency_ms') is distinct from 'number' then
    return p_name || ': latency_ms is required (a number of milliseconds)';
  end if;
  return null;
end
$$;

-- A model call as the ledger records it (ai.llm_calls), priced from the catalog; not inserted.
-- Null when there was no call; 22023 when the record is unusable.
create function lenses.fn_llm_call_row(
  p_result lenses.workflow_node_results,
  p_call jsonb,
  p_status ai.llm_call_status,
  p_error_kind lenses.task_error_kind
) returns ai.llm_calls
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_error text := lenses.fn_llm_call_error(p_call);
  v_row ai.llm_calls;
  v_model record;
begin
  if v_error is not null then
    raise exception '%', v_error using errcode = '22023';
  end if;
  if p_call is null then
    return null;
  end if;
  select m.id, m.model_key, m.input_price_per_mtok, m.cached_input_price_per_mtok, m.output_price_per_mtok,
         p.id as provider_id, p.key as provider_key
  into v_model
  from ai.models m left join ai.providers p on p.id = m.provider_id
  where m.id = p_result.model_id;
  v_row.id := gen_random_uuid();
  v_row.provider_id := v_model.provider_id;
  v_row.model_id := v_model.id;
  v_row.provider_key := coalesce(v_model.provider_key, p_call ->> 'provider_key', 'unknown');
  v_row.model_key := coalesce(v_model.model_key, p_call ->> 'model_key', 'unknown');
  v_row.node_result_id := p_result.id;
  v_row.run_id := p_result.run_id;
  v_row.attempt := p_result.attempt_count;
  v_row.status := p_status;
  v_row.error_kind := p_error_kind;
  v_row.input_tokens := coalesce((p_call ->> 'input_tokens')::bigint, 0);
  v_row.output_tokens := coalesce((p_call ->> 'output_tokens')::bigint, 0);
  v_row.cached_tokens := coalesce((p_call ->> 'cached_tokens')::bigint, 0);
  v_row.cost_credits := coalesce(round((
      greatest(v_row.input_tokens - v_row.cached_tokens, 0) * v_model.input_price_per_mtok
      + v_row.cached_tokens * v_model.cached_input_price_per_mtok
      + v_row.output_tokens * v_model.output_price_per_mtok
    ) / 1000000.0, 6), 0);
  v_row.latency_ms := (p_call ->> 'latency_ms')::numeric::integer;
  v_row.ttft_ms := (p_call ->> 'ttft_ms')::numeric::integer;
  v_row.metadata := coalesce(p_call -> 'metadata', '{}');
  v_row.created_at := now();
  return v_row;
end
$$;

-- Records one model call in the ledger and returns its usage (all zero when there was no call).
create or replace function lenses.fn_record_llm_call(
  p_result lenses.workflow_node_results,
  p_call jsonb,
  p_status ai.llm_call_status,
  p_error_kind lenses.task_error_kind,
  out input_tokens bigint,
  out output_tokens bigint,
  out cached_tokens bigint,
  out cost numeric
)
language plpgsql
set search_path = ''
as $$
declare
  v_row ai.llm_calls := lenses.fn_llm_call_row(p_result, p_call, p_status, p_error_kind);
begin
  input_tokens := 0; output_tokens := 0; cached_tokens := 0; cost := 0;
  if v_row.id is null then
    return;
  end if;
  insert into ai.llm_calls select v_row.*;
  input_tokens := v_row.input_tokens;
  output_tokens := v_row.output_tokens;
  cached_tokens := v_row.cached_tokens;
  cost := v_row.cost_credits;
end
$$;

-- Queues one result with its input (or blocks it on a person for human_input nodes), for start
-- and rerun (settling queues set-wise, fn_settle_many). It does not NOTIFY: those callers do, once.
create or replace function lenses.fn_queue_node_result(p_result_id uuid, p_input jsonb) returns void
language plpgsql
set search_path = ''
as $$
declare
  v_target record;
begin
  select r.run_id, r.node_id, p.node_key, p.kind, p.human_prompt into v_target
  from lenses.workflow_node_results r join lenses.workflow_node_plans p on p.node_id = r.node_id
  where r.id = p_result_id;
  if v_target.kind = 'human_input' then
    update lenses.workflow_node_results r
    set status = 'blocked', waiting_reason = 'human_input', input_data = p_input
    where r.id = p_result_id;
    perform lenses.fn_append_workflow_run_event(v_target.run_id, 'human_input_requested',
      jsonb_build_object('node_key', v_target.node_key, 'prompt', v_target.human_prompt, 'input', p_input), v_target.node_id);
  else
    update lenses.workflow_node_results r
    set status = 'queued', waiting_reason = 'queued', input_data = p_input, queued_at = now(), next_attempt_at = now()
    where r.id = p_result_id;
    perform lenses.fn_append_workflow_run_event(v_target.run_id, 'node_queued',
      jsonb_build_object('node_key', v_target.node_key), v_target.node_id);
  end if;
end
$$;

-- After nodes ended (completed, failed, skipped, cancelled, timed out), set-wise for any number of
-- (run, node) pairs: each successor whose incoming edges are now all settled gets its active inputs
-- merged and is queued (blocked on a person for human_input nodes), or is skipped when no edge is
-- active (condition false, or its sources did not complete), and the skip carries on from it, one
-- round at a time. Writes the results; returns the events (in order) and the edges that carried a
-- value, as (run, edge) pairs, for the caller to write with others (fn_write_provenance).
-- p_hold: up to that many lens successors that are ready are not written queued but returned in
-- "held" ([{result_id, run_id, node_id, node_key, input}], their node_queued events included), for
-- a caller that leases them in the same transaction (fn_lease_tasks): one write of the row, not two.
create function lenses.fn_settle_many(
  p_run_ids uuid[],
  p_node_ids uuid[],
  p_hold integer default 0,
  out events jsonb,
  out provenance_runs uuid[],
  out provenance_edges uuid[],
  out held jsonb
)
language plpgsql
set search_path = ''
as $$
declare
  v_hold_left integer := coalesce(p_hold, 0);
  v_src_runs uuid[] := p_run_ids;
  v_src_nodes uuid[] := p_node_ids;
  v_targets jsonb;
  v_skipped record;
begin
  events := '[]';
  provenance_runs := '{}';
  provenance_edges := '{}';
  held := '[]';
  while cardinality(v_src_nodes) > 0 loop
    -- The successors of this round's sources that wait on nothing else now, with their merged input
    -- (values of the active edges grouped by target input path, merged by strategy; the values
    -- without a path merge into the input's top level first) and the edges that carried them.
    -- Results are looked up by (run_id, node_id) in LATERAL subqueries kept apart by "offset 0":
    -- flattened into joins, the planner may look them up by node alone and read that node's results
    -- in every run (its statistics lag behind a queue that changes by the second).
    with src as (
      select distinct s.run_id, s.node_id from unnest(v_src_runs, v_src_nodes) s(run_id, node_id)
    ), ready as (
      select distinct r.id as result_id, r.run_id, r.node_id, r.node_key, p.kind, p.human_prompt
      from src
      join lenses.workflow_node_plans sp on sp.node_id = src.node_id
      cross join lateral unnest(sp.successor_ids) n(node_id)
      cross join lateral (select x.id, x.run_id, x.node_id, x.node_key, x.status from lenses.workflow_node_results x
                          where x.run_id = src.run_id and x.node_id = n.node_id offset 0) r
      join lenses.workflow_node_plans p on p.node_id = r.node_id
      where r.status = 'awaiting_dependency'
        and (p.predecessor_count = 1 or not exists (
          select 1 from lenses.workflow_edges e
          join lenses.workflow_node_results s on s.run_id = r.run_id and s.node_id = e.source_node_id
          where e.target_node_id = r.node_id
            and s.status not in ('completed', 'failed', 'cancelled', 'skipped', 'timed_out', 'invalidated')))
    ), incoming as (
      select t.result_id, coalesce(e.target_input_path, '') as target_path, e.merge_strategy, e.id as edge_id,
             e.created_at as edge_created_at, s.finished_at, s.node_key as source_key,
             coalesce(lenses.fn_edge_value(s.output_data, e.source_output_path), 'null'::jsonb) as value
      from ready t
      join lenses.workflow_edges e on e.target_node_id = t.node_id
      cross join lateral (select x.status, x.output_data, x.finished_at, x.node_key from lenses.workflow_node_results x
                          where x.run_id = t.run_id and x.node_id = e.source_node_id offset 0) s
      where s.status = 'completed' and lenses.fn_edge_condition_holds(e.condition, s.output_data)
    ), groups as (
      select i.result_id, i.target_path,
             (array_agg(i.merge_strategy order by i.edge_created_at, i.edge_id))[1] as strategy,
             jsonb_agg(i.value order by i.finished_at, i.edge_created_at, i.edge_id) as vals,
             array_agg(i.source_key order by i.finished_at, i.edge_created_at, i.edge_id) as source_keys,
             array_agg(i.edge_id order by i.finished_at, i.edge_created_at, i.edge_id) as edge_ids
      from incoming i
      group by i.result_id, i.target_path
    ), inputs as (
      select g.result_id,
             coalesce((select lenses.fn_merge_into_input_root('{}', r.vals, r.source_keys)
                       from groups r where r.result_id = g.result_id and r.target_path = ''), '{}')
               || coalesce(jsonb_object_agg(g.target_path, lenses.fn_merge_edge_values(g.strategy, g.vals, g.source_keys))
                             filter (where g.target_path <> ''), '{}') as input,
             (select array_agg(x.edge_id order by g2.target_path, x.ord)
              from groups g2 cross join lateral unnest(g2.edge_ids) with ordinality x(edge_id, ord)
              where g2.result_id = g.result_id) as edge_ids
      from groups g
      group by g.result_id
    )
    -- (A target without input is skipped: stripped of nulls, it has no "input" key. The first
    -- v_hold_left lens targets with input are held for the caller, which leases them itself.)
    select coalesce(jsonb_agg(x.target order by x.run_id, x.node_key), '[]')
    into v_targets
    from (select t.run_id, t.node_key,
                 jsonb_strip_nulls(jsonb_build_object('result_id', t.result_id, 'run_id', t.run_id,
                   'node_id', t.node_id, 'node_key', t.node_key, 'kind', t.kind, 'prompt', t.human_prompt, 'input', i.input,
                   'edge_ids', coalesce(to_jsonb(i.edge_ids), '[]'),
                   'hold', case when i.input is not null and t.kind = 'lens'
                                 and count(*) filter (where i.input is not null and t.kind = 'lens')
                                       over (order by t.run_id, t.node_key rows unbounded preceding) <= v_hold_left
                            then true end)) as target
          from ready t left join inputs i on i.result_id = t.result_id) x;

    v_src_runs := '{}';
    v_src_nodes := '{}';
    exit when jsonb_array_length(v_targets) = 0;

    update lenses.workflow_node_results x
    set status = case when t.input is null then 'skipped'::lenses.node_result_status
                      when t.kind = 'human_input' then 'blocked' else 'queued' end,
        waiting_reason = case when t.input is null then 'condition_false'::lenses.waiting_reason
                              when t.kind = 'human_input' then 'human_input' else 'queued' end,
        input_data = coalesce(t.input, x.input_data),
        queued_at = case when t.input is not null and t.kind = 'lens' then now() else x.queued_at end,
        next_attempt_at = case when t.input is not null and t.kind = 'lens' then now() end,
        finished_at = case when t.input is null then now() end
    from (select (v ->> 'result_id')::uuid as result_id, (v ->> 'kind')::lenses.workflow_node_kind as kind, v -> 'input' as input
          from jsonb_array_elements(v_targets) v where not v ? 'hold') t
    where x.id = t.result_id
      and x.id = any (array(select (v ->> 'result_id')::uuid from jsonb_array_elements(v_targets) v));
    select held || coalesce(jsonb_agg(v - 'edge_ids' - 'hold' - 'prompt' - 'kind'), '[]'), v_hold_left - count(*)::integer
    into held, v_hold_left
    from jsonb_array_elements(v_targets) v where v ? 'hold';

    select events || coalesce(jsonb_agg(case
             when v -> 'input' is null then jsonb_build_object('run_id', v -> 'run_id', 'event_type', 'node_skipped', 'node_id', v -> 'node_id',
               'payload', jsonb_build_object('node_key', v -> 'node_key', 'reason', 'condition_false'))
             when v ->> 'kind' = 'human_input' then jsonb_build_object('run_id', v -> 'run_id', 'event_type', 'human_input_requested',
               'node_id', v -> 'node_id', 'payload', jsonb_build_object('node_key', v -> 'node_key', 'prompt', coalesce(v -> 'prompt', 'null'), 'input', v -> 'input'))
             else jsonb_build_object('run_id', v -> 'run_id', 'event_type', 'node_queued', 'node_id', v -> 'node_id',
               'payload', jsonb_build_object('node_key', v -> 'node_key')) end order by a.ord), '[]'),
           provenance_runs || coalesce((select array_agg((w ->> 'run_id')::uuid order by b.ord, e.ord)
             from jsonb_array_elements(v_targets) with ordinality b(w, ord),
                  jsonb_array_elements_text(b.w -> 'edge_ids') with ordinality e(edge_id, ord)), '{}'),
           provenance_edges || coalesce((select array_agg(e.edge_id::uuid order by b.ord, e.ord)
             from jsonb_array_elements(v_targets) with ordinality b(w, ord),
                  jsonb_array_elements_text(b.w -> 'edge_ids') with ordinality e(edge_id, ord)), '{}')
    into events, provenance_runs, provenance_edges
    from jsonb_array_elements(v_targets) with ordinality a(v, ord);

    -- Skipped nodes settle their own successors in the next round.
    for v_skipped in
      select (v ->> 'run_id')::uuid as run_id, (v ->> 'node_id')::uuid as node_id
      from jsonb_array_elements(v_targets) v where v -> 'input' is null
    loop
      v_src_runs := v_src_runs || v_skipped.run_id;
      v_src_nodes := v_src_nodes || v_skipped.node_id;
    end loop;
  end loop;
end
$$;

-- Provenance of the edges that carried values in runs: one row per (run, edge), the edge's paths.
create function lenses.fn_write_provenance(p_run_ids uuid[], p_edge_ids uuid[]) returns void
language plpgsql
set search_path = ''
as $$
begin
  if cardinality(p_edge_ids) = 0 then
    return;
  end if;
  insert into lenses.workflow_run_provenance (run_id, edge_id, source_node_id, source_output_path, target_node_id, target_input_path)
  select u.run_id, e.id, e.source_node_id, coalesce(nullif(e.source_output_path, ''), '$'), e.target_node_id,
         coalesce(nullif(e.target_input_path, ''), '$')
  from unnest(p_run_ids, p_edge_ids) with ordinality u(run_id, edge_id, ord)
  join lenses.workflow_edges e on e.id = u.edge_id
  order by u.ord;
end
$$;

-- The one-node form, for the transitions that end one node (fail, reap, human input, rerun).
create or replace function lenses.fn_settle_successors(p_run_id uuid, p_node_id uuid) returns void
language plpgsql
set search_path = ''
as $$
declare
  v_settled record;
begin
  select * into v_settled from lenses.fn_settle_many(array[p_run_id], array[p_node_id]);
  perform lenses.fn_write_provenance(v_settled.provenance_runs, v_settled.provenance_edges);
  perform lenses.fn_append_workflow_run_events(v_settled.events);
end
$$;

-- After nodes stopped running, one update of their runs: each run's model usage joins its totals;
-- its inspector moves to the last node of the run leased in the same transaction (p_started_*),
-- else to its latest running node (or none) when it showed one of the stopped nodes; a streaming
-- run is running again once nothing streams. p_* hold one entry per stopped node.
create function lenses.fn_runs_nodes_stopped(
  p_run_ids uuid[],
  p_node_ids uuid[],
  p_input_tokens bigint[],
  p_output_tokens bigint[],
  p_cached_tokens bigint[],
  p_costs numeric[],
  p_started_runs uuid[] default '{}',
  p_started_nodes uuid[] default '{}'
) returns void
language plpgsql
set search_path = ''
as $$
begin
  update lenses.workflow_runs r
  set total_input_tokens = r.total_input_tokens + a.i,
      total_output_tokens = r.total_output_tokens + a.o,
      total_cached_tokens = r.total_cached_tokens + a.c,
      total_cost_credits = r.total_cost_credits + a.cost,
      active_node_id = case when a.started_node is not null then a.started_node
        when r.active_node_id = any (a.node_ids) then
        (select x.node_id from lenses.workflow_node_results x
         where x.run_id = r.id and x.status in ('running', 'streaming')
         order by x.started_at desc limit 1) else r.active_node_id end,
      status = case
        when a.started_node is not null and r.status in ('queued', 'pending', 'recovered') then 'running'::lenses.workflow_run_status
        when r.status = 'streaming' and not exists (
          select 1 from lenses.workflow_node_results x where x.run_id = r.id and x.status = 'streaming')
        then 'running' else r.status end
  from (select u.run_id, array_agg(u.node_id) as node_ids, sum(u.i)::bigint as i, sum(u.o)::bigint as o,
               sum(u.c)::bigint as c, sum(u.cost) as cost,
               (select s.node_id from unnest(p_started_runs, p_started_nodes) with ordinality s(run_id, node_id, ord)
                where s.run_id = u.run_id order by s.ord desc limit 1) as started_node
        from unnest(p_run_ids, p_node_ids, p_input_tokens, p_output_tokens, p_cached_tokens, p_costs) u(run_id, node_id, i, o, c, cost)
        group by u.run_id) a
  where r.id = a.run_id and r.id = any (p_run_ids);
end
$$;

-- After a transition completed tasks (p_* per task) and perhaps leased others (p_started_*): one
-- update of their runs (fn_runs_nodes_stopped), then each run that is done ends, in run id order.
create function lenses.fn_runs_after_completions(
  p_run_ids uuid[],
  p_node_ids uuid[],
  p_input_tokens bigint[],
  p_output_tokens bigint[],
  p_cached_tokens bigint[],
  p_costs numeric[],
  p_started_runs uuid[] default '{}',
  p_started_nodes uuid[] default '{}'
) returns void
language plpgsql
set search_path = ''
as $$
declare
  v_run_id uuid;
begin
  perform lenses.fn_runs_nodes_stopped(p_run_ids, p_node_ids, p_input_tokens, p_output_tokens, p_cached_tokens, p_costs,
    p_started_runs, p_started_nodes);
  for v_run_id in
    select distinct u.run_id from unnest(p_run_ids) u(run_id)
    where not exists (select 1 from lenses.workflow_node_results x
                      where x.run_id = u.run_id
                        and x.status not in ('completed', 'failed', 'cancelled', 'skipped', 'timed_out', 'invalidated'))
    order by u.run_id
  loop
    perform lenses.fn_finish_run_if_done(v_run_id);
  end loop;
end
$$;

create or replace function lenses.fn_node_stopped(
  p_run_id uuid,
  p_node_id uuid,
  p_input_tokens bigint default 0,
  p_output_tokens bigint default 0,
  p_cached_tokens bigint default 0,
  p_cost numeric default 0
) returns void
language plpgsql
set search_path = ''
as $$
begin
  perform lenses.fn_runs_nodes_stopped(array[p_run_id], array[p_node_id], array[p_input_tokens], array[p_output_tokens],
    array[p_cached_tokens], array[p_cost]);
end
$$;

-- One task as a worker receives it: what the call needs (claim_workflow_tasks, and the tasks of
-- complete_workflow_tasks).
create type lenses.claimed_task as (
  result_id uuid,
  run_id uuid,
  node_id uuid,
  node_key text,
  attempt integer,
  lease_token uuid,
  lease_expires_at timestamptz,
  prompt text,
  input_data jsonb,
  output_contract jsonb,
  timeout_ms integer,
  model_id uuid,
  model_key text,
  provider_key text,
  provider_adapter ai.provider_adapter,
  provider_base_url text,
  api_key_env text,
  model_params jsonb
);

-- Leases up to p_limit tasks for a worker (arguments checked by the caller): first p_held, the
-- successors the caller's own completions made ready and held unwritten (fn_settle_many; their
-- runs are the caller's), then due tasks from the queue. Decides per task (plan, prompt, model),
-- then leases them all in one update, moves their runs on in one update (except p_defer_runs,
-- whose caller updates them itself, see fn_runs_after_completions) and appends the events in one
-- insert. Returns what each call needs.
create function lenses.fn_lease_tasks(
  p_worker_id text,
  p_limit integer,
  p_lease_seconds integer,
  p_defer_runs uuid[],
  p_held jsonb default '[]'
)
returns setof lenses.claimed_task
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_candidate record;
  v_is_held boolean;
  v_task record;
  v_input jsonb;
  v_prompt text;
  v_fail_kind lenses.task_error_kind;
  v_fail_message text;
  v_catalog_default uuid;
  v_profile_for uuid;
  v_profile record;
  v_model_id uuid;
  v_model_checked uuid;
  -- The tasks taken, in order: their result, run, node, model, input (held ones), prompt, contract
  -- and model params.
  v_ids uuid[] := '{}';
  v_runs uuid[] := '{}';
  v_nodes uuid[] := '{}';
  v_models uuid[] := '{}';
  v_inputs jsonb[] := '{}';
  v_prompts text[] := '{}';
  v_contracts jsonb[] := '{}';
  v_params jsonb[] := '{}';
  v_started uuid[] := '{}';
  v_events jsonb := '[]';
begin
  perform lenses.fn_reap_workflow_runs(p_limit);
  select m.id into v_catalog_default from ai.models m where m.is_default;

  -- Held tasks first (their runs are the caller's), then due ones: locked as the loop reads them
  -- (SKIP LOCKED), so concurrent claims take disjoint tasks and none locks more than it looks at.
  for v_candidate in
    select (h.v ->> 'result_id')::uuid as id, (h.v ->> 'run_id')::uuid as run_id, h.v -> 'input' as input, true as held
    from jsonb_array_elements(coalesce(p_held, '[]')) with ordinality h(v, ord)
    union all
    select d.id, d.run_id, null, false
    from (select x.id, x.run_id from lenses.workflow_node_results x
          where x.status in ('queued', 'retrying') and x.next_attempt_at <= now()
          order by x.next_attempt_at
          limit p_limit + 16 -- headroom for tasks of runs another transition holds
          for update skip locked) d
  loop
    exit when cardinality(v_ids) >= p_limit;
    v_is_held := v_candidate.held;
    continue when not v_is_held and not lenses.fn_try_lock_run(v_candidate.run_id);

    select x.id, x.run_id, x.node_id, x.node_key, x.input_data, x.attempt_count, r.lenser_id, r.started_at as run_started_at,
           p as plan
    into v_task
    from lenses.workflow_node_results x
    join lenses.workflow_runs r on r.id = x.run_id
    left join lenses.workflow_node_plans p on p.node_id = x.node_id
    where x.id = v_candidate.id;
    v_input := case when v_is_held then v_candidate.input else v_task.input_data end;
    v_fail_kind := null;

    if (v_task.plan).node_id is null then
      v_fail_kind := 'client';
      v_fail_message := 'the workflow has no plan for this node (it was never published)';
    elsif cardinality((v_task.plan).param_labels) = 0 then
      v_prompt := lenses.fn_plan_prompt(v_task.plan, v_input);
    else
      begin
        v_prompt := lenses.fn_plan_prompt(v_task.plan, v_input);
      exception when others then
        v_fail_kind := 'render';
        v_fail_message := format('the prompt could not be rendered: %s', sqlerrm);
      end;
    end if;

    -- The node's model, else the agent's default model profile, else the catalog's default; the
    -- profile's parameters apply when the profile names the chosen model.
    if v_fail_kind is null then
      if v_profile_for is distinct from v_task.lenser_id then
        select d.model_id, d.params into v_profile from lenses.fn_agent_default_model(v_task.lenser_id) d;
        v_profile_for := v_task.lenser_id;
      end if;
      v_model_id := coalesce((v_task.plan).model_id, v_profile.model_id, v_catalog_default);
      if v_model_id is null then
        v_fail_kind := 'client';
        v_fail_message := 'no model to run on: the node names none, the agent has no default model profile, and the catalog has no default model';
      elsif v_model_checked is distinct from v_model_id then
        if exists (select 1 from ai.models m join ai.providers p on p.id = m.provider_id where m.id = v_model_id) then
          v_model_checked := v_model_id;
        else
          v_fail_kind := 'client';
          v_fail_message := format('model %s is no longer in the catalog', v_model_id);
        end if;
      end if;
    end if;

    if v_fail_kind is not null then
      if v_is_held then
        -- Queued as settling would have, so that the failure ends a queued attempt like any other.
        update lenses.workflow_node_results x
        set status = 'queued', waiting_reason = 'queued', input_data = v_input, queued_at = now(), next_attempt_at = now()
        where x.id = v_task.id;
      end if;
      perform lenses.fn_fail_node_result(v_task.id, v_fail_kind, v_fail_message);
      continue;
    end if;

    v_ids := v_ids || v_task.id;
    v_runs := v_runs || v_task.run_id;
    v_nodes := v_nodes || v_task.node_id;
    v_models := v_models || v_model_id;
    v_inputs := v_inputs || case when v_is_held then v_input end;
    v_prompts := v_prompts || v_prompt;
    v_contracts := v_contracts || (v_task.plan).output_contract;
    v_params := v_params || case when v_profile.model_id = v_model_id then coalesce(v_profile.params, '{}') else '{}' end;
    if v_task.run_started_at is null and not v_task.run_id = any (v_started) then
      v_started := v_started || v_task.run_id;
      v_events := v_events || jsonb_build_array(jsonb_build_object('run_id', v_task.run_id, 'event_type', 'run_started'));
    end if;
    v_events := v_events || jsonb_build_array(jsonb_build_object('run_id', v_task.run_id, 'event_type', 'node_started',
      'node_id', v_task.node_id,
      'payload', jsonb_build_object('node_key', v_task.node_key, 'attempt', v_task.attempt_count + 1, 'worker', p_worker_id)));
  end loop;
  if cardinality(v_ids) = 0 then
    return;
  end if;

  update lenses.workflow_node_results x
  set status = 'running', waiting_reason = null, next_attempt_at = null,
      input_data = coalesce(c.input, x.input_data), queued_at = case when c.input is not null then now() else x.queued_at end,
      attempt_count = x.attempt_count + 1, lease_token = gen_random_uuid(), lease_owner = p_worker_id,
      lease_expires_at = now() + make_interval(secs => p_lease_seconds),
      started_at = now(), ttfb_ms = null, model_id = c.model_id,
      timeout_at = case when x.timeout_ms is not null then now() + make_interval(secs => x.timeout_ms / 1000.0) end
  from unnest(v_ids, v_models, v_inputs) c(id, model_id, input)
  where x.id = c.id and x.id = any (v_ids);
  -- The inspector shows each run's last node taken here.
  update lenses.workflow_runs r
  set status = case when r.status in ('queued', 'pending', 'recovered') then 'running'::lenses.workflow_run_status else r.status end,
      started_at = coalesce(r.started_at, now()), active_node_id = c.node_id
  from (select distinct on (u.run_id) u.run_id, u.node_id
        from unnest(v_runs, v_nodes) with ordinality u(run_id, node_id, ord)
        order by u.run_id, u.ord desc) c
  where r.id = c.run_id and r.id = any (v_runs) and not (c.run_id = any (p_defer_runs));
  perform lenses.fn_append_workflow_run_events(v_events);

  return query
    select x.id, x.run_id, x.node_id, x.node_key, x.attempt_count, x.lease_token, x.lease_expires_at, c.prompt,
           x.input_data, c.contract, x.timeout_ms, m.id, m.model_key, p.key, p.adapter, p.base_url, p.api_key_env, c.params
    from unnest(v_ids, v_prompts, v_contracts, v_params) with ordinality c(id, prompt, contract, params, ord)
    join lenses.workflow_node_results x on x.id = c.id and x.id = any (v_ids)
    join ai.models m on m.id = x.model_id
    join ai.providers p on p.id = m.provider_id
    order by c.ord;
end
$$;

-- The worker's lease arguments, as claim_workflow_tasks and complete_workflow_tasks take them.
create function lenses.fn_check_lease_args(p_fn text, p_worker_id text, p_limit integer, p_lease_seconds integer,
  p_limit_name text default 'p_limit')
returns void
language plpgsql
immutable
set search_path = ''
as $$
begin
  if p_worker_id is null or char_length(p_worker_id) not between 1 and 200 then
    raise exception '%: p_worker_id must be 1 to 200 characters', p_fn using errcode = '22023';
  end if;
  if p_limit is null or p_limit not between 1 and 500 then
    raise exception '%: % must be between 1 and 500, got %', p_fn, p_limit_name, coalesce(p_limit::text, 'null')
      using errcode = '22023';
  end if;
  if p_lease_seconds is null or p_lease_seconds not between 1 and 3600 then
    raise exception '%: p_lease_seconds must be between 1 and 3600, got %', p_fn, coalesce(p_lease_seconds::text, 'null')
      using errcode = '22023';
  end if;
end
$$;

-- Worker: the tasks to run next (lenses.fn_lease_tasks does the work).
drop function public.claim_workflow_tasks(text, integer, integer);
create function public.claim_workflow_tasks(p_worker_id text, p_limit integer default 10, p_lease_seconds integer default 60)
returns setof lenses.claimed_task
language plpgsql
volatile
set search_path = ''
as $$
begin
  perform lenses.fn_check_lease_args('claim_workflow_tasks', p_worker_id, p_limit, p_lease_seconds);
  return query select * from lenses.fn_lease_tasks(p_worker_id, p_limit, p_lease_seconds, '{}');
end
$$;
comment on function public.claim_workflow_tasks(text, integer, integer) is
  'Worker: takes up to p_limit due tasks (SKIP LOCKED), leases them, counts the attempt, returns what each call needs.';
revoke execute on function public.claim_workflow_tasks(text, integer, integer) from public;
grant execute on function public.claim_workflow_tasks(text, integer, integer) to service_role;

-- Completes tasks whose leases the caller checked under their runs' locks (fn_leased_result, or
-- complete_workflow_tasks' own check), set-wise: each model call is priced for the ledger and each
-- answer checked against its output contract (a violation is a failed attempt, retried by the
-- policy, handled at once); then one update stores every output, one settle moves every run on
-- (fn_settle_many), and one insert each writes the ledger rows, the provenance and the events.
-- Returns one answer per task, in order, and per task its run, node and usage, for the caller's
-- run updates (lenses.fn_runs_after_completions); with p_hold, the successors held for the caller
-- to lease (see fn_settle_many).
create function lenses.fn_complete_held_tasks(
  p_results lenses.workflow_node_results[],
  p_texts text[],
  p_outputs jsonb[],
  p_calls jsonb[],
  p_hold integer default 0,
  out answers jsonb[],
  out run_ids uuid[],
  out node_ids uuid[],
  out used_input bigint[],
  out used_output bigint[],
  out used_cached bigint[],
  out used_cost numeric[],
  out held jsonb
)
language plpgsql
set search_path = ''
as $$
declare
  v_result lenses.workflow_node_results;
  v_call ai.llm_calls;
  v_calls ai.llm_calls[] := '{}';
  v_call_pos integer[] := '{}';
  v_completed_pos integer[];
  v_lost_pos integer[] := '{}';
  v_contracts jsonb[];
  v_output jsonb;
  v_errors text[];
  v_done_ids uuid[] := '{}';
  v_done_outputs jsonb[] := '{}';
  v_done_pos integer[] := '{}';
  v_events jsonb;
  v_settled record;
begin
  run_ids := array(select r.run_id from unnest(p_results) with ordinality r order by r.ordinality);
  node_ids := array(select r.node_id from unnest(p_results) with ordinality r order by r.ordinality);
  v_contracts := array(select p.output_contract from unnest(node_ids) with ordinality u(node_id, ord)
                       left join lenses.workflow_node_plans p on p.node_id = u.node_id order by u.ord);
  answers := '{}'; used_input := '{}'; used_output := '{}'; used_cached := '{}'; used_cost := '{}'; held := '[]';
  for i in 1 .. cardinality(p_results) loop
    v_result := p_results[i];
    v_call := lenses.fn_llm_call_row(v_result, p_calls[i], 'succeeded', null);
    if v_call.id is not null then
      v_calls := v_calls || v_call;
      v_call_pos := v_call_pos || i;
    end if;
    used_input := used_input || coalesce(v_call.input_tokens, 0)::bigint;
    used_output := used_output || coalesce(v_call.output_tokens, 0)::bigint;
    used_cached := used_cached || coalesce(v_call.cached_tokens, 0)::bigint;
    used_cost := used_cost || coalesce(v_call.cost_credits, 0);

    v_output := lenses.fn_parse_node_output(v_contracts[i], p_texts[i], p_outputs[i]);
    v_errors := case when v_output is null then array['the answer is not a JSON object']
                     else lenses.fn_contract_value_errors(v_contracts[i], v_output) end;
    if cardinality(v_errors) > 0 then
      perform lenses.fn_add_usage_to_result(v_result.id, used_input[i], used_output[i], used_cached[i], used_cost[i]);
      v_result := lenses.fn_fail_node_result(v_result.id, 'contract_violation',
        format('the output does not satisfy the output contract: %s', array_to_string(v_errors, '; ')));
      answers := answers || jsonb_build_object('status', v_result.status, 'error_kind', 'contract_violation',
        'next_attempt_at', v_result.next_attempt_at);
      continue;
    end if;
    v_done_ids := v_done_ids || v_result.id;
    v_done_outputs := v_done_outputs || v_output;
    v_done_pos := v_done_pos || i;
    answers := answers || '{"status": "completed"}'::jsonb;
  end loop;

  -- Only results still held complete: a failure earlier in this batch that stopped its run
  -- (failure mode stop_run) cancelled the others of that run, as it would have before a later call.
  select coalesce(array_agg(c.pos), '{}') into v_completed_pos
  from unnest(v_done_ids, v_done_pos) c(id, pos)
  join lenses.workflow_node_results x on x.id = c.id and x.id = any (v_done_ids)
  where x.status in ('running', 'streaming') and x.lease_token = p_results[c.pos].lease_token;
  for i in 1 .. cardinality(v_done_pos) loop
    continue when v_done_pos[i] = any (v_completed_pos);
    v_lost_pos := v_lost_pos || v_done_pos[i];
    answers[v_done_pos[i]] := jsonb_build_object('status', 'lost',
      'error', format('the lease on task %s is not held (it was reclaimed, cancelled or finished; status %s)', v_done_ids[i],
                      (select x.status from lenses.workflow_node_results x where x.id = v_done_ids[i])));
    used_input[v_done_pos[i]] := 0; used_output[v_done_pos[i]] := 0;
    used_cached[v_done_pos[i]] := 0; used_cost[v_done_pos[i]] := 0;
  end loop;
  v_done_outputs := array(select o from unnest(v_done_outputs, v_done_pos) u(o, p) where p = any (v_completed_pos));
  v_done_ids := array(select d from unnest(v_done_ids, v_done_pos) u(d, p) where p = any (v_completed_pos));
  v_done_pos := v_completed_pos;

  if cardinality(v_done_ids) > 0 then
    with done as (
      update lenses.workflow_node_results x
      set status = 'completed', waiting_reason = null, output_data = c.output, error_kind = null, error_message = null,
          lease_token = null, lease_owner = null, lease_expires_at = null, timeout_at = null, finished_at = now(),
          duration_ms = (extract(epoch from now() - x.started_at) * 1000)::integer,
          input_tokens = x.input_tokens + used_input[c.pos], output_tokens = x.output_tokens + used_output[c.pos],
          cached_tokens = x.cached_tokens + used_cached[c.pos], cost_credits = x.cost_credits + used_cost[c.pos]
      from unnest(v_done_ids, v_done_outputs, v_done_pos) c(id, output, pos)
      where x.id = c.id and x.id = any (v_done_ids)
      returning x.run_id, x.node_id, x.node_key, x.output_data, x.duration_ms, x.input_tokens, x.output_tokens, c.pos
    )
    select jsonb_agg(jsonb_build_object('run_id', d.run_id, 'event_type', 'node_completed', 'node_id', d.node_id,
             'payload', jsonb_build_object('node_key', d.node_key, 'output', d.output_data, 'duration_ms', d.duration_ms,
                                           'input_tokens', d.input_tokens, 'output_tokens', d.output_tokens))
             order by d.pos)
    into v_events
    from done d;
    select * into v_settled from lenses.fn_settle_many(
      array(select run_ids[p] from unnest(v_done_pos) p), array(select node_ids[p] from unnest(v_done_pos) p), p_hold);
    held := v_settled.held;
    perform lenses.fn_write_provenance(v_settled.provenance_runs, v_settled.provenance_edges);
    perform lenses.fn_append_workflow_run_events(v_events || v_settled.events);
  end if;
  -- The ledger: every call but those of completions answered lost (a refused completion writes
  -- nothing, as complete_workflow_task's would).
  insert into ai.llm_calls
  select * from unnest(array(select v_calls[k] from generate_subscripts(v_calls, 1) k where not (v_call_pos[k] = any (v_lost_pos))));
end
$$;

-- Each answer with the status its run has now.
create function lenses.fn_answers_with_run_status(p_answers jsonb[], p_run_ids uuid[]) returns jsonb[]
language plpgsql
stable
set search_path = ''
as $$
begin
  return array(
    select u.answer || jsonb_build_object('run_status', r.status)
    from unnest(p_answers, p_run_ids) with ordinality u(answer, run_id, ord)
    join lenses.workflow_runs r on r.id = u.run_id and r.id = any (p_run_ids)
    order by u.ord);
end
$$;

create or replace function public.complete_workflow_task(
  p_result_id uuid,
  p_lease_token uuid,
  p_text text default null,
  p_output jsonb default null,
  p_llm_call jsonb default null
) returns jsonb
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_done record;
begin
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
$$;

revoke execute on function lenses.fn_plan_prompt(lenses.workflow_node_plans, jsonb),
  lenses.fn_agent_default_model(uuid), lenses.fn_llm_call_error(jsonb, text),
  lenses.fn_llm_call_row(lenses.workflow_node_results, jsonb, ai.llm_call_status, lenses.task_error_kind),
  lenses.fn_settle_many(uuid[], uuid[], integer),
  lenses.fn_write_provenance(uuid[], uuid[]),
  lenses.fn_runs_nodes_stopped(uuid[], uuid[], bigint[], bigint[], bigint[], numeric[], uuid[], uuid[]),
  lenses.fn_runs_after_completions(uuid[], uuid[], bigint[], bigint[], bigint[], numeric[], uuid[], uuid[]),
  lenses.fn_lease_tasks(text, integer, integer, uuid[], jsonb), lenses.fn_check_lease_args(text, text, integer, integer, text),
  lenses.fn_complete_held_tasks(lenses.workflow_node_results[], text[], jsonb[], jsonb[], integer),
  lenses.fn_answers_with_run_status(jsonb[], uuid[])
from public;
grant execute on function lenses.fn_plan_prompt(lenses.workflow_node_plans, jsonb),
  lenses.fn_agent_default_model(uuid), lenses.fn_llm_call_error(jsonb, text),
  lenses.fn_llm_call_row(lenses.workflow_node_results, jsonb, ai.llm_call_status, lenses.task_error_kind),
  lenses.fn_settle_many(uuid[], uuid[], integer),
  lenses.fn_write_provenance(uuid[], uuid[]),
  lenses.fn_runs_nodes_stopped(uuid[], uuid[], bigint[], bigint[], bigint[], numeric[], uuid[], uuid[]),
  lenses.fn_runs_after_completions(uuid[], uuid[], bigint[], bigint[], bigint[], numeric[], uuid[], uuid[]),
  lenses.fn_lease_tasks(text, integer, integer, uuid[], jsonb), lenses.fn_check_lease_args(text, text, integer, integer, text),
  lenses.fn_complete_held_tasks(lenses.workflow_node_results[], text[], jsonb[], jsonb[], integer),
  lenses.fn_answers_with_run_status(jsonb[], uuid[])
to service_role;

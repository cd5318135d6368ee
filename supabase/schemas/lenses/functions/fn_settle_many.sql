-- After nodes ended (completed, failed, skipped, cancelled, timed out), set-wise for any number of
-- (run, node) pairs: each successor whose incoming edges are now all settled gets its active inputs
-- merged and is queued (blocked on a person for human_input nodes, named by the run's
-- active_node_id), or is skipped when no edge is
-- active (condition false, or its sources did not complete), and the skip carries on from it, one
-- round at a time. Writes the results; returns the events (in order) and the edges that carried a
-- value, as (run, edge) pairs, for the caller to write with others (fn_write_provenance).
-- p_hold: up to that many lens successors that are ready are not written queued but returned in
-- "held" ([{result_id, run_id, node_id, node_key, input}], their node_queued events included), for
-- a caller that leases them in the same transaction (fn_lease_tasks): one write of the row, not two.
create or replace function lenses.fn_settle_many(p_run_ids uuid[], p_node_ids uuid[], p_hold integer default 0, OUT events jsonb, OUT provenance_runs uuid[], OUT provenance_edges uuid[], OUT held jsonb)
 returns record
 language plpgsql
 set search_path to ''
as $function$
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
    -- A node now waiting for a person is what its run's inspector shows (active_node_id), until a
    -- node of the run starts or the person answers.
    if jsonb_path_exists(v_targets, '$[*] ? (@.kind == "human_input" && exists(@.input))') then
      update lenses.workflow_runs r set active_node_id = h.node_id
      from (select distinct on (w.run_id) w.run_id, w.node_id
            from (select (v ->> 'run_id')::uuid as run_id, (v ->> 'node_id')::uuid as node_id, a.ord
                  from jsonb_array_elements(v_targets) with ordinality a(v, ord)
                  where v ->> 'kind' = 'human_input' and v ? 'input') w
            order by w.run_id, w.ord desc) h
      where r.id = h.run_id;
    end if;
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
$function$;

revoke all on function lenses.fn_settle_many(p_run_ids uuid[], p_node_ids uuid[], p_hold integer, OUT events jsonb, OUT provenance_runs uuid[], OUT provenance_edges uuid[], OUT held jsonb) from public;
grant execute on function lenses.fn_settle_many(p_run_ids uuid[], p_node_ids uuid[], p_hold integer, OUT events jsonb, OUT provenance_runs uuid[], OUT provenance_edges uuid[], OUT held jsonb) to service_role;

-- After nodes stopped running, one update of their runs: each run's model usage joins its totals;
-- its inspector moves to the last node of the run leased in the same transaction (p_started_*),
-- else to its latest running node, else to a node waiting for a person (or none) when it showed one
-- of the stopped nodes; a streaming
-- run is running again once nothing streams. p_* hold one entry per stopped node.
create or replace function lenses.fn_runs_nodes_stopped(p_run_ids uuid[], p_node_ids uuid[], p_input_tokens bigint[], p_output_tokens bigint[], p_cached_tokens bigint[], p_costs numeric[], p_started_runs uuid[] default '{}'::uuid[], p_started_nodes uuid[] default '{}'::uuid[])
 returns void
 language plpgsql
 set search_path to ''
as $function$
begin
  update lenses.workflow_runs r
  set total_input_tokens = r.total_input_tokens + a.i,
      total_output_tokens = r.total_output_tokens + a.o,
      total_cached_tokens = r.total_cached_tokens + a.c,
      total_cost_credits = r.total_cost_credits + a.cost,
      active_node_id = case when a.started_node is not null then a.started_node
        when r.active_node_id = any (a.node_ids) then
        (select x.node_id from lenses.workflow_node_results x
         where x.run_id = r.id
           and (x.status in ('running', 'streaming') or (x.status = 'blocked' and x.waiting_reason = 'human_input'))
         order by x.status in ('running', 'streaming') desc, x.started_at desc nulls last, x.updated_at desc, x.node_key
         limit 1) else r.active_node_id end,
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
$function$;

revoke all on function lenses.fn_runs_nodes_stopped(p_run_ids uuid[], p_node_ids uuid[], p_input_tokens bigint[], p_output_tokens bigint[], p_cached_tokens bigint[], p_costs numeric[], p_started_runs uuid[], p_started_nodes uuid[]) from public;
grant execute on function lenses.fn_runs_nodes_stopped(p_run_ids uuid[], p_node_ids uuid[], p_input_tokens bigint[], p_output_tokens bigint[], p_cached_tokens bigint[], p_costs numeric[], p_started_runs uuid[], p_started_nodes uuid[]) to service_role;

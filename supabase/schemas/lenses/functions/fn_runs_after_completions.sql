-- After a transition completed tasks (p_* per task) and perhaps leased others (p_started_*): one
-- update of their runs (fn_runs_nodes_stopped), then each run that is done ends, in run id order.
create or replace function lenses.fn_runs_after_completions(p_run_ids uuid[], p_node_ids uuid[], p_input_tokens bigint[], p_output_tokens bigint[], p_cached_tokens bigint[], p_costs numeric[], p_started_runs uuid[] default '{}'::uuid[], p_started_nodes uuid[] default '{}'::uuid[])
 returns void
 language plpgsql
 set search_path to ''
as $function$
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
$function$;

revoke all on function lenses.fn_runs_after_completions(p_run_ids uuid[], p_node_ids uuid[], p_input_tokens bigint[], p_output_tokens bigint[], p_cached_tokens bigint[], p_costs numeric[], p_started_runs uuid[], p_started_nodes uuid[]) from public;
grant execute on function lenses.fn_runs_after_completions(p_run_ids uuid[], p_node_ids uuid[], p_input_tokens bigint[], p_output_tokens bigint[], p_cached_tokens bigint[], p_costs numeric[], p_started_runs uuid[], p_started_nodes uuid[]) to service_role;

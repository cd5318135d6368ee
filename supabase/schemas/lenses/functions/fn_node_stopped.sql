create or replace function lenses.fn_node_stopped(p_run_id uuid, p_node_id uuid, p_input_tokens bigint default 0, p_output_tokens bigint default 0, p_cached_tokens bigint default 0, p_cost numeric default 0)
 returns void
 language plpgsql
 set search_path to ''
as $function$
begin
  perform lenses.fn_runs_nodes_stopped(array[p_run_id], array[p_node_id], array[p_input_tokens], array[p_output_tokens],
    array[p_cached_tokens], array[p_cost]);
end
$function$;

revoke all on function lenses.fn_node_stopped(p_run_id uuid, p_node_id uuid, p_input_tokens bigint, p_output_tokens bigint, p_cached_tokens bigint, p_cost numeric) from public;
grant execute on function lenses.fn_node_stopped(p_run_id uuid, p_node_id uuid, p_input_tokens bigint, p_output_tokens bigint, p_cached_tokens bigint, p_cost numeric) to service_role;

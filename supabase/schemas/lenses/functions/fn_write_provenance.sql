-- Provenance of the edges that carried values in runs: one row per (run, edge), the edge's paths.
create or replace function lenses.fn_write_provenance(p_run_ids uuid[], p_edge_ids uuid[])
 returns void
 language plpgsql
 set search_path to ''
as $function$
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
$function$;

revoke all on function lenses.fn_write_provenance(p_run_ids uuid[], p_edge_ids uuid[]) from public;
grant execute on function lenses.fn_write_provenance(p_run_ids uuid[], p_edge_ids uuid[]) to service_role;

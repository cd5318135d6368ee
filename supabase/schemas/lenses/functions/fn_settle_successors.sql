-- The one-node form, for the transitions that end one node (fail, reap, human input, rerun).
create or replace function lenses.fn_settle_successors(p_run_id uuid, p_node_id uuid)
 returns void
 language plpgsql
 set search_path to ''
as $function$
declare
  v_settled record;
begin
  select * into v_settled from lenses.fn_settle_many(array[p_run_id], array[p_node_id]);
  perform lenses.fn_write_provenance(v_settled.provenance_runs, v_settled.provenance_edges);
  perform lenses.fn_append_workflow_run_events(v_settled.events);
end
$function$;

revoke all on function lenses.fn_settle_successors(p_run_id uuid, p_node_id uuid) from public;
grant execute on function lenses.fn_settle_successors(p_run_id uuid, p_node_id uuid) to service_role;

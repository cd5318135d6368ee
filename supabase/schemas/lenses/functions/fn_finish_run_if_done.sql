-- Ends the run once every result is terminal: completed when no node failed or timed out.
create or replace function lenses.fn_finish_run_if_done(p_run_id uuid)
 returns void
 language plpgsql
 set search_path to ''
as $function$
declare
  v_run lenses.workflow_runs;
  v_failed boolean;
  v_output jsonb;
begin
  select r.* into v_run from lenses.workflow_runs r where r.id = p_run_id;
  if v_run.status in ('completed', 'failed', 'cancelled', 'timed_out') then
    return;
  end if;
  if exists (select 1 from lenses.workflow_node_results r
             where r.run_id = p_run_id
               and r.status not in ('completed', 'failed', 'cancelled', 'skipped', 'timed_out', 'invalidated')) then
    return;
  end if;
  v_failed := exists (select 1 from lenses.workflow_node_results r
                      where r.run_id = p_run_id and r.status in ('failed', 'timed_out'));
  -- The run's output: what each sink node (no outgoing edge) produced.
  select coalesce(jsonb_object_agg(r.node_key, r.output_data order by r.node_key), '{}') into v_output
  from lenses.workflow_node_results r
  where r.run_id = p_run_id and r.status = 'completed'
    and not exists (select 1 from lenses.workflow_edges e where e.source_node_id = r.node_id);
  update lenses.workflow_runs r
  set status = case when v_failed then 'failed'::lenses.workflow_run_status else 'completed' end,
      output = v_output, finished_at = now(), active_node_id = null,
      error_message = case when v_failed then coalesce(r.error_message, 'one or more nodes failed') end
  where r.id = p_run_id;
  perform lenses.fn_append_workflow_run_event(p_run_id, case when v_failed then 'run_failed'::lenses.run_event_type else 'run_completed' end,
    jsonb_build_object('output', v_output));
end
$function$;

revoke all on function lenses.fn_finish_run_if_done(p_run_id uuid) from public;
grant execute on function lenses.fn_finish_run_if_done(p_run_id uuid) to service_role;

-- Cancels a run that its caller may act on and that has not ended (the caller holds the run's lock
-- and checked both): open results end cancelled, the run ends cancelled with the reason, and
-- run_cancelled is appended. Shared by cancel_workflow_run and cancel_team_run.
create or replace function lenses.fn_cancel_run(p_run_id uuid, p_reason text, p_actor_id uuid)
 returns lenses.workflow_runs
 language plpgsql
 set search_path to ''
as $function$
declare
  v_run lenses.workflow_runs;
begin
  perform lenses.fn_end_open_results(p_run_id, 'cancelled', p_reason);
  update lenses.workflow_runs r
  set status = 'cancelled', finished_at = now(), active_node_id = null, error_message = p_reason
  where r.id = p_run_id;
  perform lenses.fn_append_workflow_run_event(p_run_id, 'run_cancelled', jsonb_build_object('reason', p_reason), null,
    p_actor_id);
  select r.* into v_run from lenses.workflow_runs r where r.id = p_run_id;
  return v_run;
end
$function$;

comment on function lenses.fn_cancel_run(p_run_id uuid, p_reason text, p_actor_id uuid) is 'Ends an open run cancelled with the reason (its open results too) and appends run_cancelled.';

revoke all on function lenses.fn_cancel_run(p_run_id uuid, p_reason text, p_actor_id uuid) from public;

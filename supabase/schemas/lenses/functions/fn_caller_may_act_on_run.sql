-- Whether the caller may act on a run (cancel, answer its human input, rerun it): it is theirs, or
-- of an AI they may act as. Who started it (started_by) and who owns the workflow grant nothing.
create or replace function lenses.fn_caller_may_act_on_run(p_run lenses.workflow_runs)
 returns boolean
 language sql
 stable
 set search_path to ''
as $function$
  select p_run.lenser_id in (select lensers.actable_profile_ids())
$function$;

revoke all on function lenses.fn_caller_may_act_on_run(p_run lenses.workflow_runs) from public;
grant execute on function lenses.fn_caller_may_act_on_run(p_run lenses.workflow_runs) to authenticated, service_role;

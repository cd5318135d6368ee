-- When a workflow run a schedule started ends, the schedule learns it (lenses.fn_schedule_run_ended).
-- SECURITY DEFINER: runs end in the worker's, the reaper's or a client's transaction.
create or replace function lenses.tg_workflow_runs_end_schedule()
 returns trigger
 language plpgsql
 security definer
 set search_path to ''
as $function$
declare
  v_schedule_id uuid;
begin
  select f.schedule_id into v_schedule_id from lenses.workflow_schedule_fires f where f.workflow_run_id = new.id;
  if found then
    perform lenses.fn_schedule_run_ended(v_schedule_id, new.status::text::lenses.schedule_run_result);
  end if;
  return null;
end
$function$;

revoke all on function lenses.tg_workflow_runs_end_schedule() from public;

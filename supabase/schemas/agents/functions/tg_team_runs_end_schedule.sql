-- When a team run a schedule started ends (completed, failed or cancelled, with or without a
-- workflow run), the schedule learns it (lenses.fn_schedule_run_ended).
create or replace function agents.tg_team_runs_end_schedule()
 returns trigger
 language plpgsql
 security definer
 set search_path to ''
as $function$
declare
  v_schedule_id uuid;
begin
  select f.schedule_id into v_schedule_id from lenses.workflow_schedule_fires f where f.team_run_id = new.id;
  if found then
    perform lenses.fn_schedule_run_ended(v_schedule_id, new.status::text::lenses.schedule_run_result);
  end if;
  return null;
end
$function$;

revoke all on function agents.tg_team_runs_end_schedule() from public;

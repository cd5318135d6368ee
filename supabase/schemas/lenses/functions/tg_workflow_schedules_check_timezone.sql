-- A schedule's time zone must be one the dispatcher can use (lenses.fn_cron_time_zone_error), however
-- the row is written: a trigger, since the zone database makes the check stable, not immutable
-- (a CHECK constraint may only call immutable functions).
create or replace function lenses.tg_workflow_schedules_check_timezone()
 returns trigger
 language plpgsql
 set search_path to ''
as $function$
declare
  v_error text := lenses.fn_cron_time_zone_error(new.timezone);
begin
  if v_error is not null then
    raise exception 'workflow_schedules: timezone is invalid: %', v_error using errcode = '22023';
  end if;
  return new;
end
$function$;

revoke all on function lenses.tg_workflow_schedules_check_timezone() from public;

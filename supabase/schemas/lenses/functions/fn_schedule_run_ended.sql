-- A run a schedule started has ended (p_result): the schedule's last_completed_at and last_result
-- are set, and its oldest waiting fire (queue policy serial) starts, in the transaction that ended
-- the run.
create or replace function lenses.fn_schedule_run_ended(p_schedule_id uuid, p_result lenses.schedule_run_result)
 returns void
 language plpgsql
 set search_path to ''
as $function$
declare
  v_schedule lenses.workflow_schedules;
  v_fire lenses.workflow_schedule_fires;
begin
  update lenses.workflow_schedules s set last_completed_at = now(), last_result = p_result
  where s.id = p_schedule_id
  returning * into v_schedule;
  select f.* into v_fire from lenses.workflow_schedule_fires f
  where f.schedule_id = p_schedule_id and f.outcome = 'waiting'
  order by f.fire_at limit 1
  for update skip locked;
  if found then
    perform lenses.fn_start_schedule_fire(v_schedule, v_fire);
  end if;
end
$function$;

comment on function lenses.fn_schedule_run_ended(p_schedule_id uuid, p_result lenses.schedule_run_result) is 'Records how a schedule''s run ended and starts its oldest waiting fire.';

revoke all on function lenses.fn_schedule_run_ended(p_schedule_id uuid, p_result lenses.schedule_run_result) from public;

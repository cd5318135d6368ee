-- A schedule's next fire time after p_after: its cron expression in its time zone with its DST
-- settings, not before start_at; bounded (the default), null past end_at or once max_fires fires
-- have been used. The dispatcher asks unbounded, so that the first fire past the end or the limit
-- is recorded (skipped: ended, limit_reached) before the schedule stops.
create or replace function lenses.fn_schedule_next_fire(p_schedule lenses.workflow_schedules, p_after timestamp with time zone, p_bounded boolean default true)
 returns timestamp with time zone
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_next timestamptz;
begin
  if p_bounded and p_schedule.max_fires is not null and p_schedule.fire_count >= p_schedule.max_fires then
    return null;
  end if;
  v_next := lenses.fn_next_schedule_fire(p_schedule.cron_expression, p_schedule.timezone,
    greatest(p_after, p_schedule.start_at - interval '1 microsecond'), p_schedule.dst_gap, p_schedule.dst_overlap);
  if p_bounded and p_schedule.end_at is not null and v_next > p_schedule.end_at then
    return null;
  end if;
  return v_next;
end
$function$;

comment on function lenses.fn_schedule_next_fire(p_schedule lenses.workflow_schedules, p_after timestamp with time zone, p_bounded boolean) is 'A schedule''s next fire time after p_after (its expression, time zone, DST settings, start, end and fire limit), or null.';

revoke all on function lenses.fn_schedule_next_fire(p_schedule lenses.workflow_schedules, p_after timestamp with time zone, p_bounded boolean) from public;
grant execute on function lenses.fn_schedule_next_fire(p_schedule lenses.workflow_schedules, p_after timestamp with time zone, p_bounded boolean) to authenticated, service_role;

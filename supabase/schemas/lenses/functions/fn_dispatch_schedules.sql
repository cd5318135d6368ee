-- The dispatcher (pg_cron, every minute): takes due schedules (next_run_at <= now, FOR UPDATE SKIP
-- LOCKED, so two dispatchers never take the same schedule) and fires each due fire time once.
-- Catch-up after downtime: the fires inside the schedule's catch-up window start (without a
-- window: only the latest missed one), the older ones are recorded as skipped
-- (outside_catch_up_window); at most p_max_fires fire times per schedule per tick are looked at, so
-- a long outage never floods. The first due fire past end_at, or past max_fires, is recorded as
-- skipped (ended, limit_reached) and the schedule stops (next_run_at null). Then next_run_at moves
-- past now. A schedule whose processing fails
-- unexpectedly is paused with the error, and the others go on. Returns the fires recorded.
create or replace function lenses.fn_dispatch_schedules(p_limit integer default 1000, p_max_fires integer default 1000)
 returns integer
 language plpgsql
 set search_path to ''
as $function$
declare
  v_schedule lenses.workflow_schedules;
  v_now timestamptz := now();
  v_due timestamptz[];
  v_t timestamptz;
  v_keep_from timestamptz;
  v_fire lenses.workflow_schedule_fires;
  v_count integer := 0;
  v_finished boolean;
  v_message text;
begin
  if p_limit is null or p_limit not between 1 and 100000 then
    raise exception 'fn_dispatch_schedules: p_limit must be between 1 and 100000, got %', coalesce(p_limit::text, 'null')
      using errcode = '22023';
  end if;
  if p_max_fires is null or p_max_fires not between 1 and 100000 then
    raise exception 'fn_dispatch_schedules: p_max_fires must be between 1 and 100000, got %', coalesce(p_max_fires::text, 'null')
      using errcode = '22023';
  end if;
  for v_schedule in
    select s.* from lenses.workflow_schedules s
    where s.next_run_at <= v_now
    order by s.next_run_at
    limit p_limit
    for update skip locked
  loop
    begin
      -- The due fire times, oldest first (the most recent p_max_fires of them).
      v_due := array[]::timestamptz[];
      v_t := v_schedule.next_run_at;
      while v_t is not null and v_t <= v_now loop
        v_due := v_due || v_t;
        if cardinality(v_due) > p_max_fires then
          v_due := v_due[2:];
        end if;
        v_t := lenses.fn_schedule_next_fire(v_schedule, v_t, false);
      end loop;
      v_keep_from := case when v_schedule.catch_up_window_seconds is null then v_due[cardinality(v_due)]
                          else v_now - make_interval(secs => v_schedule.catch_up_window_seconds) end;
      v_finished := false;
      foreach v_t in array v_due loop
        if v_schedule.end_at is not null and v_t > v_schedule.end_at then
          v_fire := lenses.fn_fire_schedule(v_schedule, v_t, false, 'ended', format('the schedule ended at %s', v_schedule.end_at));
          v_finished := true;
        elsif v_schedule.max_fires is not null and v_schedule.fire_count >= v_schedule.max_fires then
          v_fire := lenses.fn_fire_schedule(v_schedule, v_t, false, 'limit_reached',
            format('the schedule has fired %s of its %s times', v_schedule.fire_count, v_schedule.max_fires));
          v_finished := true;
        elsif v_t < v_keep_from then
          v_fire := lenses.fn_fire_schedule(v_schedule, v_t, false, 'outside_catch_up_window',
            'missed while the dispatcher was not running; outside the catch-up window');
        else
          v_fire := lenses.fn_fire_schedule(v_schedule, v_t);
        end if;
        if v_fire.outcome in ('started', 'waiting') then
          update lenses.workflow_schedules s set fire_count = s.fire_count + 1, last_fired_at = v_t
          where s.id = v_schedule.id;
        end if;
        v_count := v_count + case when v_fire.schedule_id is null then 0 else 1 end;
        select s.* into v_schedule from lenses.workflow_schedules s where s.id = v_schedule.id;
        exit when v_finished;
      end loop;
      update lenses.workflow_schedules s
      set next_run_at = case when v_finished then null else lenses.fn_schedule_next_fire(v_schedule, v_now, false) end
      where s.id = v_schedule.id;
    exception when others then
      get stacked diagnostics v_message = message_text;
      perform lenses.fn_pause_schedule(v_schedule.id, left('paused by the dispatcher after an error: ' || v_message, 2000), null);
    end;
  end loop;
  return v_count;
end
$function$;

comment on function lenses.fn_dispatch_schedules(p_limit integer, p_max_fires integer) is 'The schedule dispatcher: fires every due fire of up to p_limit due schedules exactly once (SKIP LOCKED; catch-up window; bounded), then moves next_run_at on.';

revoke all on function lenses.fn_dispatch_schedules(p_limit integer, p_max_fires integer) from public;
grant execute on function lenses.fn_dispatch_schedules(p_limit integer, p_max_fires integer) to service_role;

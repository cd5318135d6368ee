-- The first fire time strictly after p_after of a standard five-field cron expression (minute hour
-- day-of-month month day-of-week; the syntax of lenses.fn_cron_parse), evaluated on the wall clock
-- of the IANA time zone p_timezone with AT TIME ZONE.
--
-- Days: when both day fields are restricted (neither is exactly *), a day matches if either
-- matches (Vixie cron); when one is *, only the other restricts. (Vixie also treats a field that
-- merely starts with *, such as */2, as unrestricted; here only * itself is, as in cron-parser.)
--
-- DST, Vixie cron's rules. A job is fixed-time when neither its minute field nor its hour field
-- starts with * (30 2 * * *, 0 9-17 * * 1-5); otherwise (* * * * *, */15 * * * *, 0 * * * *) it is
-- a wildcard job.
-- - Wildcard jobs follow absolute time: they fire at every instant whose wall-clock time matches.
--   A local time the clocks jump over does not occur, so it does not fire; a local time that occurs
--   twice fires twice. Every 15 minutes stays every 15 minutes of real time across both
--   transitions: no doubled and no missing interval.
-- - Fixed-time jobs, local time in a gap (spring forward, e.g. 02:30 when the clocks jump from
--   02:00 to 03:00): p_dst_gap fire_after_gap (default) fires at the first valid instant after the
--   gap, the transition itself (03:00 local), once however many of its times fell in the gap;
--   skip does not fire.
-- - Fixed-time jobs, local time that occurs twice (fall back, e.g. 01:30 when New York's clocks go
--   from 02:00 back to 01:00): fires once, p_dst_overlap first (default) on the first occurrence
--   (daylight time), second on the second (standard time).
--
-- Search: the next matching wall-clock minute (lenses.fn_cron_next_local, which skips months, days
-- and hours that cannot match) is mapped to an instant with the UTC offset in effect at the
-- cursor; if the offset changes before that instant, the transition is located
-- (lenses.fn_cron_next_transition) and the search resumes there with the rules above. A few
-- iterations, never minute by minute.
--
-- Bound: fire times are looked for up to 8 years and a day after p_after's local time, and null is
-- returned when there is none: the expression can never fire (0 0 30 2 *, 0 0 31 4 *). No
-- satisfiable expression is quiet longer than 8 years: the rarest, 29 February, skips 2100
-- (2096-02-29, then 2104-02-29).
--
-- Refused with SQLSTATE 22023: a null argument (naming it), an infinite p_after, an invalid
-- expression (the messages of lenses.fn_cron_expression_errors, joined by '; '), a time zone that
-- lenses.fn_cron_time_zone_error refuses (its message, naming the time zone).
create or replace function lenses.fn_next_schedule_fire(p_expression text, p_timezone text,
  p_after timestamp with time zone, p_dst_gap lenses.schedule_dst_gap default 'fire_after_gap'::lenses.schedule_dst_gap,
  p_dst_overlap lenses.schedule_dst_overlap default 'first'::lenses.schedule_dst_overlap)
 returns timestamp with time zone
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_fields lenses.cron_fields;
  v_error text;
  v_cursor timestamptz := p_after;  -- fires are looked for after this instant
  v_offset interval;                -- the UTC offset in effect at v_cursor
  v_from timestamp;                 -- and the wall-clock time the search starts at
  v_inclusive boolean := false;
  v_until timestamp;
  v_local timestamp;
  v_fire timestamptz;
  v_transition timestamptz;
  v_other interval;
  v_iterations integer := 0;
begin
  if p_expression is null then
    raise exception 'p_expression must not be null' using errcode = '22023';
  elsif p_timezone is null then
    raise exception 'p_timezone must not be null' using errcode = '22023';
  elsif p_after is null then
    raise exception 'p_after must not be null' using errcode = '22023';
  elsif not pg_catalog.isfinite(p_after) then
    raise exception 'p_after must be a finite time, got %', p_after using errcode = '22023';
  elsif p_dst_gap is null then
    raise exception 'p_dst_gap must not be null' using errcode = '22023';
  elsif p_dst_overlap is null then
    raise exception 'p_dst_overlap must not be null' using errcode = '22023';
  end if;
  v_fields := lenses.fn_cron_parse(p_expression);
  if pg_catalog.cardinality(v_fields.errors) > 0 then
    raise exception '%', pg_catalog.array_to_string(v_fields.errors, '; ') using errcode = '22023';
  end if;
  v_error := lenses.fn_cron_time_zone_error(p_timezone);
  if v_error is not null then
    raise exception '%', v_error using errcode = '22023';
  end if;

  v_from := p_after at time zone p_timezone;
  v_offset := v_from - (p_after at time zone 'UTC');
  v_until := v_from + interval '8 years 1 day';
  -- a few iterations: one per transition crossed, one per repeated wall-clock time passed over
  while v_iterations < 10000 loop
    v_iterations := v_iterations + 1;
    v_local := lenses.fn_cron_next_local(v_fields, v_from, v_inclusive, v_until);
    if v_local is null then
      return null;
    end if;
    -- that wall-clock time at the offset of the cursor; did the offset change on the way?
    v_fire := (v_local - v_offset) at time zone 'UTC';
    if v_fire - v_cursor <= interval '3 days' and (v_fire at time zone p_timezone) = v_local then
      v_transition := null;  -- same offset at both ends, and no room for two transitions in between
    else
      v_transition := lenses.fn_cron_next_transition(p_timezone, v_cursor, v_fire);
    end if;

    if v_transition is null then
      if v_fields.fixed_time and p_dst_overlap = 'second' then
        -- the first occurrence of a repeated local time, the clocks going back within a day?
        v_transition := v_fire + interval '1 day';
        if (v_transition at time zone p_timezone) - (v_transition at time zone 'UTC') <> v_offset then
          v_transition := lenses.fn_cron_next_transition(p_timezone, v_fire, v_fire + interval '1 day');
          v_other := (v_transition at time zone p_timezone) - (v_transition at time zone 'UTC');
          if v_other < v_offset and v_local >= (v_transition at time zone 'UTC') + v_other then
            v_cursor := v_fire;  -- it fires on the second occurrence, after the transition
            v_from := v_local;
            v_inclusive := false;
            continue;
          end if;
        end if;
      elsif v_fields.fixed_time then
        -- the second occurrence of a repeated local time, the clocks having gone back within a day?
        v_transition := v_fire - interval '1 day';
        v_other := (v_transition at time zone p_timezone) - (v_transition at time zone 'UTC');
        if v_other <> v_offset then
          v_transition := lenses.fn_cron_next_transition(p_timezone, v_transition, v_fire);
          if v_other > v_offset and v_local < (v_transition at time zone 'UTC') + v_other then
            v_cursor := v_fire;  -- it fired on the first occurrence, before the transition
            v_from := v_local;
            v_inclusive := false;
            continue;
          end if;
        end if;
      end if;
      return v_fire;
    end if;

    -- the offset changes at v_transition, after the cursor and no later than v_fire; v_local is the
    -- first match from v_from, so nothing matches before the transition
    v_other := (v_transition at time zone p_timezone) - (v_transition at time zone 'UTC');
    if v_other > v_offset then
      -- spring forward: wall-clock times from (transition + old offset) to (transition + new offset) do not exist
      if v_fields.fixed_time and p_dst_gap = 'fire_after_gap'
         and v_local < (v_transition at time zone 'UTC') + v_other then
        return v_transition;
      end if;
      v_from := (v_transition at time zone 'UTC') + v_other;
    elsif v_fields.fixed_time and p_dst_overlap = 'first' then
      -- fall back: the repeated wall-clock times fired on their first occurrence (or before p_after)
      v_from := (v_transition at time zone 'UTC') + v_offset;
    else
      -- fall back: the repeated wall-clock times occur again, and fire again
      v_from := (v_transition at time zone 'UTC') + v_other;
    end if;
    v_inclusive := true;
    v_cursor := v_transition;
    v_offset := v_other;
  end loop;
  raise exception 'fn_next_schedule_fire: no result after % iterations (%, %, %)', v_iterations,
    p_expression, p_timezone, p_after;
end;
$function$;

comment on function lenses.fn_next_schedule_fire(p_expression text, p_timezone text, p_after timestamp with time zone, p_dst_gap lenses.schedule_dst_gap, p_dst_overlap lenses.schedule_dst_overlap) is 'The first fire time strictly after p_after of a five-field cron expression on the wall clock of an IANA time zone. DST (Vixie cron): fixed-time jobs fire after a spring-forward gap (or skip) and once in a fall-back overlap (first or second occurrence); jobs whose minute or hour field starts with * follow absolute time. Null when it never fires within 8 years. Raises 22023 on invalid input.';

revoke all on function lenses.fn_next_schedule_fire(p_expression text, p_timezone text, p_after timestamp with time zone, p_dst_gap lenses.schedule_dst_gap, p_dst_overlap lenses.schedule_dst_overlap) from public;
grant execute on function lenses.fn_next_schedule_fire(p_expression text, p_timezone text, p_after timestamp with time zone, p_dst_gap lenses.schedule_dst_gap, p_dst_overlap lenses.schedule_dst_overlap) to anon, authenticated, service_role;

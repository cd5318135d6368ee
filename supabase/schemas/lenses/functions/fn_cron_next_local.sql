-- The first local wall-clock minute at or after p_from (p_inclusive) or strictly after it that the
-- parsed cron fields match, no later than p_until; null when there is none. Wall-clock time only,
-- no time zone: lenses.fn_next_schedule_fire maps the result to an instant and handles DST.
-- Skips what cannot match instead of stepping minute by minute: a month not in the set jumps to
-- the next month in it, a day to the next matching day of the month (day of month and weekday
-- from the bit sets), an hour to the next hour in the set. A few iterations per month at most, so
-- an expression that never matches (0 0 30 2 *) costs two iterations a year up to p_until.
-- Days: both day fields restricted (neither exactly *): either matches (Vixie cron); one of
-- them *: only the other restricts.
create or replace function lenses.fn_cron_next_local(p_fields lenses.cron_fields, p_from timestamp without time zone,
  p_inclusive boolean, p_until timestamp without time zone)
 returns timestamp without time zone
 language plpgsql
 immutable
 set search_path to ''
as $function$
declare
  c_ln2 constant double precision := 0.6931471805599453;
  v_at timestamp := pg_catalog.date_trunc('minute', p_from);
  v_y integer;
  v_mo integer;
  v_d integer;
  v_h integer;
  v_mi integer;
  v_dim integer;
  v_nd integer;
  v_set bigint;
  v_week bigint := p_fields.weekdays | (p_fields.weekdays << 7);
begin
  if p_from is null or p_inclusive is null or p_until is null or p_fields.errors is null
     or pg_catalog.cardinality(p_fields.errors) > 0 then
    return null;
  end if;
  if v_at < p_from or not p_inclusive then
    v_at := v_at + interval '1 minute';
  end if;
  v_y := pg_catalog.date_part('year', v_at);
  v_mo := pg_catalog.date_part('month', v_at);
  v_d := pg_catalog.date_part('day', v_at);
  v_h := pg_catalog.date_part('hour', v_at);
  v_mi := pg_catalog.date_part('minute', v_at);
  -- "the lowest set bit of x, x <> 0" is round(ln(x & -x) / ln 2): exact for these powers of two
  loop
    -- the month: this one, or the next in the set (next year's first if none is left)
    v_set := p_fields.months >> v_mo;
    if v_set & 1 = 0 then
      if v_set = 0 then
        v_y := v_y + 1;
        v_mo := 0;
        v_set := p_fields.months;
      end if;
      v_mo := v_mo + pg_catalog.round(pg_catalog.ln((v_set & -v_set)::double precision) / c_ln2)::integer;
      v_d := 1;
      v_h := 0;
      v_mi := 0;
      if pg_catalog.make_timestamp(v_y, v_mo, 1, 0, 0, 0) > p_until then
        return null;
      end if;
    end if;
    v_dim := case when v_mo = 2 then 28 + (v_y % 4 = 0 and (v_y % 100 <> 0 or v_y % 400 = 0))::integer
                  else 31 - (v_mo - 1) % 7 % 2 end;
    -- the day: the first day from v_d that matches, in this month
    if v_d <= v_dim then
      if p_fields.any_day and p_fields.any_weekday then
        v_nd := v_d;
      else
        v_nd := 99;
        if not p_fields.any_day then
          v_set := p_fields.days >> v_d;
          if v_set <> 0 then
            v_nd := v_d + pg_catalog.round(pg_catalog.ln((v_set & -v_set)::double precision) / c_ln2)::integer;
          end if;
        end if;
        if not p_fields.any_weekday then
          v_set := v_week >> pg_catalog.date_part('dow', pg_catalog.make_date(v_y, v_mo, v_d))::integer;
          v_nd := least(v_nd, v_d + pg_catalog.round(pg_catalog.ln((v_set & -v_set)::double precision) / c_ln2)::integer);
        end if;
      end if;
      if v_nd <> v_d then
        v_d := v_nd;
        v_h := 0;
        v_mi := 0;
      end if;
    end if;
    if v_d > v_dim then
      -- on to the first day of the next month
      v_mo := v_mo + 1;
      if v_mo > 12 then
        v_mo := 1;
        v_y := v_y + 1;
      end if;
      v_d := 1;
      v_h := 0;
      v_mi := 0;
      if pg_catalog.make_timestamp(v_y, v_mo, 1, 0, 0, 0) > p_until then
        return null;
      end if;
      continue;
    end if;
    -- the hour: this one or a later one today, else tomorrow
    v_set := p_fields.hours >> v_h;
    if v_set = 0 then
      v_d := v_d + 1;
      v_h := 0;
      v_mi := 0;
      continue;
    end if;
    if v_set & 1 = 0 then
      v_h := v_h + pg_catalog.round(pg_catalog.ln((v_set & -v_set)::double precision) / c_ln2)::integer;
      v_mi := 0;
    end if;
    -- the minute: this one or a later one in this hour, else the next hour
    v_set := p_fields.minutes >> v_mi;
    if v_set = 0 then
      v_h := v_h + 1;
      v_mi := 0;
      if v_h > 23 then
        v_d := v_d + 1;
        v_h := 0;
      end if;
      continue;
    end if;
    v_mi := v_mi + pg_catalog.round(pg_catalog.ln((v_set & -v_set)::double precision) / c_ln2)::integer;
    v_at := pg_catalog.make_timestamp(v_y, v_mo, v_d, v_h, v_mi, 0);
    if v_at > p_until then
      return null;
    end if;
    return v_at;
  end loop;
end;
$function$;

comment on function lenses.fn_cron_next_local(p_fields lenses.cron_fields, p_from timestamp without time zone, p_inclusive boolean, p_until timestamp without time zone) is 'The first wall-clock minute at (p_inclusive) or after p_from, up to p_until, that parsed cron fields match (day of month OR weekday when both are restricted); null when none. No time zone: fn_next_schedule_fire handles DST.';

revoke all on function lenses.fn_cron_next_local(p_fields lenses.cron_fields, p_from timestamp without time zone, p_inclusive boolean, p_until timestamp without time zone) from public;
grant execute on function lenses.fn_cron_next_local(p_fields lenses.cron_fields, p_from timestamp without time zone, p_inclusive boolean, p_until timestamp without time zone) to anon, authenticated, service_role;

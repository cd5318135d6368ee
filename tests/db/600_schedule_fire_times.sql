-- Cron fire times (lenses.fn_next_schedule_fire): hand-checked DST cases in Europe/Berlin,
-- America/New_York and Australia/Sydney, every 15 minutes across both transitions, the 31st of the
-- month, the day rule, the search bound, and the refusals with their SQLSTATE and message.
-- 2024 transitions (UTC):
--   Berlin    spring 03-31 01:00 (02:00 CET -> 03:00 CEST)   fall 10-27 01:00 (03:00 CEST -> 02:00 CET)
--   New York  spring 03-10 07:00 (02:00 EST -> 03:00 EDT)    fall 11-03 06:00 (02:00 EDT -> 01:00 EST)
--   Sydney    spring 10-05 16:00 (02:00 AEST -> 03:00 AEDT)  fall 04-06 16:00 (03:00 AEDT -> 02:00 AEST)
begin;
select plan(57);

create temporary table fire_cases (
  label text, expression text, zone text, after timestamptz,
  gap lenses.schedule_dst_gap, overlap lenses.schedule_dst_overlap, expected timestamptz
) on commit drop;
insert into fire_cases values
  -- spring forward: 02:30 does not exist that day
  ('Berlin 02:30 on the spring-forward day fires at 03:00 CEST', '30 2 * * *', 'Europe/Berlin', '2024-03-30 12:00Z',
   'fire_after_gap', 'first', '2024-03-31 01:00Z'),
  ('Berlin 02:30 on the spring-forward day, skip: the next day at 02:30 CEST', '30 2 * * *', 'Europe/Berlin', '2024-03-30 12:00Z',
   'skip', 'first', '2024-04-01 00:30Z'),
  ('New York 02:30 on the spring-forward day fires at 03:00 EDT', '30 2 * * *', 'America/New_York', '2024-03-09 17:00Z',
   'fire_after_gap', 'first', '2024-03-10 07:00Z'),
  ('New York 02:30 on the spring-forward day, skip: the next day at 02:30 EDT', '30 2 * * *', 'America/New_York', '2024-03-09 17:00Z',
   'skip', 'first', '2024-03-11 06:30Z'),
  ('Sydney 02:30 on the spring-forward day fires at 03:00 AEDT', '30 2 * * *', 'Australia/Sydney', '2024-10-05 00:00Z',
   'fire_after_gap', 'first', '2024-10-05 16:00Z'),
  ('Sydney 02:30 on the spring-forward day, skip: the next day at 02:30 AEDT', '30 2 * * *', 'Australia/Sydney', '2024-10-05 00:00Z',
   'skip', 'first', '2024-10-06 15:30Z'),
  ('several times in one gap fire once, at its end', '0,15,30,45 2 * * *', 'Europe/Berlin', '2024-03-31 00:50Z',
   'fire_after_gap', 'first', '2024-03-31 01:00Z'),
  ('and the next fire is the next day', '0,15,30,45 2 * * *', 'Europe/Berlin', '2024-03-31 01:00Z',
   'fire_after_gap', 'first', '2024-04-01 00:00Z'),
  -- fall back: the repeated hour is 02:00-03:00 in Berlin, 01:00-02:00 in New York, 02:00-03:00 in Sydney
  ('Berlin 02:30 on the fall-back day: first occurrence (CEST)', '30 2 * * *', 'Europe/Berlin', '2024-10-26 12:00Z',
   'fire_after_gap', 'first', '2024-10-27 00:30Z'),
  ('Berlin 02:30 on the fall-back day: second occurrence (CET)', '30 2 * * *', 'Europe/Berlin', '2024-10-26 12:00Z',
   'fire_after_gap', 'second', '2024-10-27 01:30Z'),
  ('Berlin 02:30, first: after the first occurrence it does not fire again that day', '30 2 * * *', 'Europe/Berlin', '2024-10-27 00:30Z',
   'fire_after_gap', 'first', '2024-10-28 01:30Z'),
  ('Berlin 02:30, second: from inside the first occurrence, the second', '30 2 * * *', 'Europe/Berlin', '2024-10-27 00:45Z',
   'fire_after_gap', 'second', '2024-10-27 01:30Z'),
  ('Berlin 01:30 is not repeated (its clocks go back from 03:00): once, first', '30 1 * * *', 'Europe/Berlin', '2024-10-26 12:00Z',
   'fire_after_gap', 'first', '2024-10-26 23:30Z'),
  ('Berlin 01:30 is not repeated: once, second', '30 1 * * *', 'Europe/Berlin', '2024-10-26 12:00Z',
   'fire_after_gap', 'second', '2024-10-26 23:30Z'),
  ('New York 01:30 on the fall-back day: first occurrence (EDT)', '30 1 * * *', 'America/New_York', '2024-11-02 16:00Z',
   'fire_after_gap', 'first', '2024-11-03 05:30Z'),
  ('New York 01:30 on the fall-back day: second occurrence (EST)', '30 1 * * *', 'America/New_York', '2024-11-02 16:00Z',
   'fire_after_gap', 'second', '2024-11-03 06:30Z'),
  ('New York 01:30, first: from inside the second occurrence, the next day', '30 1 * * *', 'America/New_York', '2024-11-03 06:10Z',
   'fire_after_gap', 'first', '2024-11-04 06:30Z'),
  ('Sydney 02:30 on the fall-back day: first occurrence (AEDT)', '30 2 * * *', 'Australia/Sydney', '2024-04-06 00:00Z',
   'fire_after_gap', 'first', '2024-04-06 15:30Z'),
  ('Sydney 02:30 on the fall-back day: second occurrence (AEST)', '30 2 * * *', 'Australia/Sydney', '2024-04-06 00:00Z',
   'fire_after_gap', 'second', '2024-04-06 16:30Z'),
  -- the month, the day rule, strictly after, the bound
  ('the 31st skips the short months: after January 31st, March 31st', '0 0 31 * *', 'Europe/Berlin', '2024-01-30 23:00Z',
   'fire_after_gap', 'first', '2024-03-30 23:00Z'),
  ('both day fields restricted: the 13th or a Friday, whichever comes first (a Friday)', '0 12 13 * FRI', 'UTC', '2024-09-01 00:00Z',
   'fire_after_gap', 'first', '2024-09-06 12:00Z'),
  ('both day fields restricted: the 13th or a Friday (the 13th, a Sunday)', '0 12 13 * FRI', 'UTC', '2024-10-11 12:00Z',
   'fire_after_gap', 'first', '2024-10-13 12:00Z'),
  ('day of week * : only the day of month restricts', '0 12 13 * *', 'UTC', '2024-09-01 00:00Z',
   'fire_after_gap', 'first', '2024-09-13 12:00Z'),
  ('7 is Sunday, names in any case', '0 9 * jan-Mar 7', 'UTC', '2024-03-30 00:00Z',
   'fire_after_gap', 'first', '2024-03-31 09:00Z'),
  ('strictly after: at a fire time, the next one', '*/5 * * * *', 'UTC', '2024-05-05 10:05Z',
   'fire_after_gap', 'first', '2024-05-05 10:10Z'),
  ('29 February: 2100 is no leap year', '0 0 29 2 *', 'UTC', '2096-03-01 00:00Z',
   'fire_after_gap', 'first', '2104-02-29 00:00Z'),
  ('half-hour offsets: Asia/Kolkata 09:30 weekdays', '30 9 * * 1-5', 'Asia/Kolkata', '2024-06-07 04:00Z',
   'fire_after_gap', 'first', '2024-06-10 04:00Z');

select is(lenses.fn_next_schedule_fire(expression, zone, after, gap, overlap), expected, label)
from fire_cases order by label;

-- every 15 minutes across each transition: the successive fires are 15 minutes apart in UTC
create temporary table chains (zone text, start timestamptz) on commit drop;
insert into chains values
  ('Europe/Berlin', '2024-03-31 00:05Z'), ('Europe/Berlin', '2024-10-26 23:50Z'),
  ('America/New_York', '2024-03-10 06:05Z'), ('America/New_York', '2024-11-03 04:50Z'),
  ('Australia/Sydney', '2024-10-05 15:05Z'), ('Australia/Sydney', '2024-04-06 14:50Z');
create temporary view chain_steps as
with recursive f(zone, start, n, t) as (
  select zone, start, 0, start from chains
  union all
  select zone, start, n + 1, lenses.fn_next_schedule_fire('*/15 * * * *', zone, t) from f where n < 12
)
select zone, n, t - lag(t) over (partition by zone, start order by n) as step from f;
select is(
  (select array_agg(distinct step) from chain_steps c where c.zone = z.zone and c.n >= 2),
  array[interval '15 minutes'],
  format('every 15 minutes in %s, three hours across each transition: no doubled and no missing interval', z.zone))
from (select distinct zone from chains) z order by z.zone;
select is(
  (with recursive f(n, t) as (
     select 0, '2024-10-27 00:05Z'::timestamptz
     union all select n + 1, lenses.fn_next_schedule_fire('*/15 * * * *', 'Europe/Berlin', t) from f where n < 8)
   select array_agg(to_char(t at time zone 'Europe/Berlin', 'HH24:MI') order by n) from f where n > 0),
  array['02:15', '02:30', '02:45', '02:00', '02:15', '02:30', '02:45', '03:00'],
  'Berlin''s repeated hour: the wall clock shows 02:15-02:45 twice, in real time every 15 minutes');
select is(
  (with recursive f(n, t) as (
     select 0, '2024-03-10 06:20Z'::timestamptz
     union all select n + 1, lenses.fn_next_schedule_fire('0 * * * *', 'America/New_York', t) from f where n < 3)
   select array_agg(t order by n) from f where n > 0),
  array['2024-03-10 07:00Z', '2024-03-10 08:00Z', '2024-03-10 09:00Z']::timestamptz[],
  'hourly across New York''s gap: 01:00 EST, then 03:00 EDT one hour later');
select is(
  (with recursive f(n, t) as (
     select 0, '2024-01-01 00:00Z'::timestamptz
     union all select n + 1, lenses.fn_next_schedule_fire('0 0 31 * *', 'UTC', t) from f where n < 7)
   select array_agg(to_char(t, 'MM-DD') order by n) from f where n > 0),
  array['01-31', '03-31', '05-31', '07-31', '08-31', '10-31', '12-31'],
  'monthly on the 31st: seven months a year, never a shorter one');

-- never: null within the bound (8 years)
select is(lenses.fn_next_schedule_fire('0 0 30 2 *', 'UTC', '2024-01-01Z'), null, '30 February never comes: null');
select is(lenses.fn_next_schedule_fire('0 0 31 4,6,9,11 *', 'Europe/Berlin', '2024-01-01Z'), null, 'nor 31 April, June, September, November');
select is(lenses.fn_next_schedule_fire('0 0 31 4 1', 'UTC', '2024-01-01Z'), '2024-04-01 00:00Z'::timestamptz,
  'with a weekday too, the weekday rescues it (Monday 1 April)');

-- the three-argument form, and who may call it
select is(lenses.fn_next_schedule_fire('30 2 * * *', 'Europe/Berlin', '2024-03-30 12:00Z'), '2024-03-31 01:00Z'::timestamptz,
  'three arguments: fire_after_gap and first by default');
select ok(has_function_privilege('anon', 'lenses.fn_next_schedule_fire(text, text, timestamptz, lenses.schedule_dst_gap, lenses.schedule_dst_overlap)', 'execute')
  and has_function_privilege('authenticated', 'lenses.fn_cron_expression_errors(text)', 'execute')
  and not has_function_privilege('public', 'lenses.fn_cron_parse(text)', 'execute'),
  'anyone signed in or not may call them; not granted to public');
select is((select array_agg(p.proname::text || ':' || p.provolatile::text order by p.proname) from pg_proc p
           where p.pronamespace = 'lenses'::regnamespace and (p.proname like 'fn\_cron\_%' or p.proname = 'fn_next_schedule_fire')),
  array['fn_cron_expression_errors:i', 'fn_cron_next_local:i', 'fn_cron_next_transition:s', 'fn_cron_parse:i',
        'fn_cron_time_zone_error:s', 'fn_next_schedule_fire:s'],
  'parsing is immutable; what reads time zone rules is stable');

-- refusals
select is(lenses.fn_cron_expression_errors('*/5 * * * *'), '{}'::text[], 'a valid expression has no errors');
select is(lenses.fn_cron_expression_errors('61 24 * FOO *'),
  array['minute field "61": values must be 0-59', 'hour field "24": values must be 0-23', 'month field "FOO": unknown month name "FOO" (JAN-DEC)'],
  'every bad field is named');
select throws_ok($$select lenses.fn_next_schedule_fire('61 * * * *', 'UTC', now())$$, '22023',
  'minute field "61": values must be 0-59', 'a value out of range');
select throws_ok($$select lenses.fn_next_schedule_fire('* * * * * *', 'UTC', now())$$, '22023',
  'expression must have 5 fields, got 6', 'six fields');
select throws_ok($$select lenses.fn_next_schedule_fire('0 0 * * MOX', 'UTC', now())$$, '22023',
  'day-of-week field "MOX": unknown day name "MOX" (SUN-SAT)', 'an unknown day name');
select throws_ok($$select lenses.fn_next_schedule_fire('*/0 * * * *', 'UTC', now())$$, '22023',
  'minute field "*/0": steps must be 1-59', 'a zero step');
select throws_ok($$select lenses.fn_next_schedule_fire('5/10 * * * *', 'UTC', now())$$, '22023',
  'minute field "5/10": "5/10" has a step without a range (write */10 or 5-59/10)', 'a step after a single value');
select throws_ok($$select lenses.fn_next_schedule_fire('0 22-2 * * *', 'UTC', now())$$, '22023',
  'hour field "22-2": range 22-2 runs backwards (write the smaller value first)', 'a backwards range');
select throws_ok($$select lenses.fn_next_schedule_fire('0 0 L * *', 'UTC', now())$$, '22023',
  'day-of-month field "L": "L" is not a number (values must be 1-31)', 'L is not supported');
select throws_ok($$select lenses.fn_next_schedule_fire('0 0 * * *', 'Mars/Olympus', now())$$, '22023',
  'unknown time zone "Mars/Olympus" (not in pg_timezone_names)', 'an unknown time zone');
select throws_ok($$select lenses.fn_next_schedule_fire('0 0 * * *', 'UTC+3', now())$$, '22023',
  'unknown time zone "UTC+3" (not in pg_timezone_names)', 'a POSIX rule string is not an IANA zone');
select throws_ok($$select lenses.fn_next_schedule_fire('0 0 * * *', 'CET', now())$$, '22023',
  'time zone "CET" is also an abbreviation, which AT TIME ZONE reads as a fixed UTC offset without the zone''s rules; use an Area/Location name (e.g. Europe/Paris, America/New_York)',
  'a zone name AT TIME ZONE would read as a fixed-offset abbreviation');
select throws_ok($$select lenses.fn_next_schedule_fire(null, 'UTC', now())$$, '22023', 'p_expression must not be null', 'null expression');
select throws_ok($$select lenses.fn_next_schedule_fire('* * * * *', null, now())$$, '22023', 'p_timezone must not be null', 'null time zone');
select throws_ok($$select lenses.fn_next_schedule_fire('* * * * *', 'UTC', null)$$, '22023', 'p_after must not be null', 'null instant');
select throws_ok($$select lenses.fn_next_schedule_fire('* * * * *', 'UTC', now(), null)$$, '22023', 'p_dst_gap must not be null', 'null gap rule');
select throws_ok($$select lenses.fn_next_schedule_fire('* * * * *', 'UTC', now(), 'skip', null)$$, '22023', 'p_dst_overlap must not be null', 'null overlap rule');
select throws_ok($$select lenses.fn_next_schedule_fire('* * * * *', 'UTC', 'infinity')$$, '22023', 'p_after must be a finite time, got infinity', 'infinity');

select * from finish();
rollback;

-- A five-field cron expression as lenses.fn_cron_parse reads it: each field as a bit set (bit v for
-- value v: minutes 0-59, hours 0-23, days 1-31, months 1-12, weekdays 0-6 with Sunday 0), and the
-- flags the search needs. errors is empty when the expression is valid (the sets are then not empty).
create type lenses.cron_fields as (
  minutes bigint,
  hours bigint,
  days bigint,
  months bigint,
  weekdays bigint,
  any_day boolean,
  any_weekday boolean,
  fixed_time boolean,
  errors text[]
);
comment on type lenses.cron_fields is 'A parsed cron expression: bit sets of minutes, hours, days of month, months and weekdays (Sunday 0); any_day / any_weekday when that field is exactly *; fixed_time when neither the minute nor the hour field starts with *; errors (empty when valid).';

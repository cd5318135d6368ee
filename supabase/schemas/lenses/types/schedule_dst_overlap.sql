create type lenses.schedule_dst_overlap as enum (
  'first',
  'second'
);
comment on type lenses.schedule_dst_overlap is 'A fixed-time schedule whose local time occurs twice (the clocks go back, fall back): it fires once, on the first or on the second occurrence.';

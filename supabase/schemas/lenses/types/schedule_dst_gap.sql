create type lenses.schedule_dst_gap as enum (
  'fire_after_gap',
  'skip'
);
comment on type lenses.schedule_dst_gap is 'A fixed-time schedule whose local time does not exist (the clocks jump over it, spring forward): fire_after_gap fires at the first instant after the gap; skip does not fire that day.';

create type lenses.failure_mode as enum (
  'isolate',
  'stop_run'
);

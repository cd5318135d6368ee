-- How the latest run a schedule started ended (workflow_schedules.last_result).
create type lenses.schedule_run_result as enum (
  'completed',
  'failed',
  'cancelled',
  'timed_out'
);

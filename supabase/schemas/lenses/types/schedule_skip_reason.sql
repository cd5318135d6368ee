-- Why a schedule's fire started nothing: the history answers "why did my schedule not run at 09:00?".
create type lenses.schedule_skip_reason as enum (
  'paused',
  'overlap',
  'outside_catch_up_window',
  'ended',
  'limit_reached',
  'approval_pending',
  'workflow_unpublished',
  'assignment_disabled',
  'start_failed'
);

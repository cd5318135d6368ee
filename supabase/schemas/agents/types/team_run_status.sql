-- Where a team run stands (seed 004). blocked: a step waits (for a human, a review, an approval).
create type agents.team_run_status as enum (
  'queued',
  'running',
  'completed',
  'failed',
  'cancelled',
  'blocked'
);

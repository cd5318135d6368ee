-- A step of a team run, mirrored from its workflow node result (seed 004).
create type agents.agent_run_step_status as enum (
  'queued',
  'running',
  'completed',
  'failed',
  'blocked',
  'skipped'
);

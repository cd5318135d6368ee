create type lenses.workflow_run_status as enum (
  'draft',
  'validated',
  'queued',
  'pending',
  'running',
  'streaming',
  'recovered',
  'completed',
  'failed',
  'cancelled',
  'timed_out'
);

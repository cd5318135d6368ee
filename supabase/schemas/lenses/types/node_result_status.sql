create type lenses.node_result_status as enum (
  'pending',
  'awaiting_dependency',
  'queued',
  'running',
  'streaming',
  'retrying',
  'completed',
  'failed',
  'cancelled',
  'skipped',
  'timed_out',
  'blocked',
  'invalidated'
);

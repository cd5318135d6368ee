create type agents.tool_invocation_status as enum (
  'requested',
  'awaiting_approval',
  'approved',
  'rejected',
  'running',
  'succeeded',
  'failed'
);

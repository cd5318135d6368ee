create type agents.memory_reset_policy as enum (
  'never',
  'per_run',
  'per_conversation',
  'daily',
  'weekly'
);

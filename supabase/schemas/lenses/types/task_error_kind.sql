create type lenses.task_error_kind as enum (
  'rate_limit',
  'client',
  'server',
  'timeout',
  'network',
  'cancelled',
  'contract_violation',
  'lease_expired',
  'render',
  'budget_exceeded'
);

create type lenses.waiting_reason as enum (
  'dependency',
  'condition_false',
  'rate_limit',
  'retry_backoff',
  'human_input',
  'external_callback',
  'queued',
  'budget'
);

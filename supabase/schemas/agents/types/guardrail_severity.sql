create type agents.guardrail_severity as enum (
  'low',
  'medium',
  'high',
  'critical'
);

create type agents.risk_tolerance as enum (
  'low',
  'medium',
  'high'
);

create type agents.escalation_behavior as enum (
  'never',
  'on_uncertainty',
  'on_risk',
  'always'
);

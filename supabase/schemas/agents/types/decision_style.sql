create type agents.decision_style as enum (
  'cautious',
  'balanced',
  'decisive',
  'consensus'
);

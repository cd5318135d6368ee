create type agents.policy_decision as enum (
  'allow',
  'deny',
  'require_approval'
);

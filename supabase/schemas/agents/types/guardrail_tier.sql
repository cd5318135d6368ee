-- Where a guardrail rule is attached: an agent, a team, or a channel binding (seed 002's tiers).
create type agents.guardrail_tier as enum (
  'agent',
  'team',
  'binding'
);

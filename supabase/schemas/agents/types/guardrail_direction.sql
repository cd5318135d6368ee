-- Which messages a guardrail rule checks: what reaches the agent (input), what it answers (output).
create type agents.guardrail_direction as enum (
  'input',
  'output',
  'both'
);

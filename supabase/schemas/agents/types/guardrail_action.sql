-- What a guardrail rule does when it matches: stop the message, rewrite it, or only record it.
create type agents.guardrail_action as enum (
  'block',
  'rewrite',
  'log'
);

-- What a guardrail rule checks (README "Guardrails"): a list of blocked terms, a regular expression,
-- a maximum length, PII patterns (deterministic, checked in SQL), or a model's judgement (asked by
-- the worker through the provider layer).
create type agents.guardrail_kind as enum (
  'blocked_terms',
  'regex',
  'max_length',
  'pii',
  'model_judge'
);

create type agents.guardrail_judgement_status as enum (
  'pending',
  'judged'
);

comment on type agents.guardrail_judgement_status is 'A held channel message''s model judgement: pending (waiting for the worker''s judges) or judged (its final verdict recorded).';

-- What a budget covers: one agent (its node results' ai_lenser_id), one workflow (every run of it),
-- or one human lenser (their own runs and every agent they own).
create type ai.budget_scope as enum (
  'ai_lenser',
  'workflow',
  'lenser'
);

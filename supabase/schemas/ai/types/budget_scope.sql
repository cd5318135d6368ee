-- What a budget covers: one agent (its node results' ai_lenser_id), one workflow (every run of it
-- whose lenser may act as the workflow's lenser: not a stranger's run of a public workflow), or one
-- human lenser (their own runs, i.e. the runs they started, and every agent they own).
create type ai.budget_scope as enum (
  'ai_lenser',
  'workflow',
  'lenser'
);

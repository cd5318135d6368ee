-- hard: a task that cannot reserve its estimate within the limit does not run (waits or fails);
-- soft: never blocks, alerts at 50, 80 and 100% spent.
create type ai.budget_enforcement as enum (
  'hard',
  'soft'
);

-- What a hard budget does with a task that cannot reserve: wait (deferred, waiting_reason budget) or
-- fail (error_kind budget_exceeded).
create type ai.budget_on_exceed as enum (
  'wait',
  'fail'
);

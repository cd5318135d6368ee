-- A budget's period, on UTC boundaries: a day from 00:00 UTC, a week from Monday 00:00 UTC, a month
-- from the 1st 00:00 UTC; none is one period for the budget's whole life.
create type ai.budget_period as enum (
  'day',
  'week',
  'month',
  'none'
);

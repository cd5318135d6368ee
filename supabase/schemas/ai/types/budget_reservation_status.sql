-- held: the estimate is reserved while the task runs; settled: the attempt's model calls were
-- charged to spent (actual_credits) and the estimate given back; released: given back, nothing spent.
create type ai.budget_reservation_status as enum (
  'held',
  'settled',
  'released'
);

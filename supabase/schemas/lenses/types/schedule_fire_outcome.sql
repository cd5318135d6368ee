-- What a schedule's fire did: started a run (or team run), waits for the previous run to end
-- (queue policy serial), or was skipped with a reason.
create type lenses.schedule_fire_outcome as enum (
  'started',
  'waiting',
  'skipped'
);

-- What the assignment's queue policy did with a start: waiting its turn, admitted (its workflow run
-- started), or skipped (skip_if_running while another run of the assignment was active).
create type agents.team_run_queue_state as enum (
  'waiting',
  'admitted',
  'skipped'
);

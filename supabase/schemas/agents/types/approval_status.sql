-- Whether a team run's start waited for a human's approval, and how it was decided (seed 004).
create type agents.approval_status as enum (
  'pending',
  'approved',
  'rejected',
  'not_required'
);

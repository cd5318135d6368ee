create type agents.assignment_status as enum (
  'active',
  'disabled'
);

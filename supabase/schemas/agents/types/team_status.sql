create type agents.team_status as enum (
  'active',
  'paused',
  'archived'
);

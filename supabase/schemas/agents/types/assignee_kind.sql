create type agents.assignee_kind as enum (
  'agent',
  'team'
);

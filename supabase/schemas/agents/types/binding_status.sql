create type agents.binding_status as enum (
  'active',
  'archived'
);

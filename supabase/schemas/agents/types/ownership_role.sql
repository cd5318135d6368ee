create type agents.ownership_role as enum (
  'owner',
  'co_owner',
  'operator'
);

create type agents.team_member_role as enum (
  'lead',
  'member',
  'reviewer',
  'observer'
);

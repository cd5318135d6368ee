create type agents.memory_isolation_mode as enum (
  'isolated',
  'team_shared'
);

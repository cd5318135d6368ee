create type agents.memory_visibility as enum (
  'owners',
  'operators'
);

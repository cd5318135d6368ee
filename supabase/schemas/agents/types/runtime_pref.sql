create type agents.runtime_pref as enum (
  'cloud',
  'local',
  'hybrid'
);

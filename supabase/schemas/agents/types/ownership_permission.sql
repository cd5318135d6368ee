create type agents.ownership_permission as enum (
  'run',
  'edit',
  'publish',
  'manage_tools',
  'manage_memory',
  'view_runs'
);

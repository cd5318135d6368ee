create type agents.autonomy_level as enum (
  'manual',
  'supervised',
  'semi_autonomous',
  'autonomous'
);

create type ai.model_status as enum (
  'active',
  'preview',
  'deprecated',
  'retired'
);

create type ai.support_level as enum (
  'runnable',
  'byok_only',
  'catalog_only',
  'deprecated'
);

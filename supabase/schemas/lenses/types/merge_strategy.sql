create type lenses.merge_strategy as enum (
  'last_write_wins',
  'concat',
  'array',
  'json_object'
);

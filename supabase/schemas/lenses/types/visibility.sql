create type lenses.visibility as enum (
  'public',
  'private',
  'unlisted'
);

create type lensers.profile_visibility as enum (
  'public',
  'private',
  'unlisted'
);

create type lensers.profile_status as enum (
  'active',
  'suspended',
  'deactivated',
  'pending_deletion',
  'deleted'
);

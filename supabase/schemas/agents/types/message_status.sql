create type agents.message_status as enum (
  'queued',
  'sent',
  'delivered',
  'read',
  'failed'
);

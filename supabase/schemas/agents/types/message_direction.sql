create type agents.message_direction as enum (
  'inbound',
  'outbound'
);

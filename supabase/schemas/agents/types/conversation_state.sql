create type agents.conversation_state as enum (
  'active',
  'paused',
  'closed'
);

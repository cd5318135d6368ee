create type agents.communication_style as enum (
  'concise',
  'detailed',
  'structured',
  'conversational'
);

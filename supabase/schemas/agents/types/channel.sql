create type agents.channel as enum (
  'whatsapp',
  'slack',
  'web'
);

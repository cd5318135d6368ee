create type ai.provider_adapter as enum (
  'local',
  'openai_compatible',
  'anthropic',
  'google'
);

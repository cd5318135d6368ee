create type agents.config_tier as enum (
  'binding',
  'personality_profile',
  'memory_profile',
  'tool_profile',
  'model_profile'
);

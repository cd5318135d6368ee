create type ai.model_capability as enum (
  'chat',
  'reasoning',
  'tool_use',
  'json_output',
  'vision',
  'embedding',
  'long_context',
  'code',
  'streaming',
  'prompt_caching'
);

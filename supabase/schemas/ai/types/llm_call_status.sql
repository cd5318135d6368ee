create type ai.llm_call_status as enum (
  'succeeded',
  'failed'
);

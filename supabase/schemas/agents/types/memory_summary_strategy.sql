create type agents.memory_summary_strategy as enum (
  'none',
  'rolling',
  'periodic',
  'on_threshold'
);

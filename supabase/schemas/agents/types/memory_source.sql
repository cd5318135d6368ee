create type agents.memory_source as enum (
  'manual',
  'conversation',
  'tool',
  'workflow',
  'reflection',
  'import'
);

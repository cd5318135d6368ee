create type agents.memory_scope as enum (
  'agent',
  'team',
  'workflow',
  'run',
  'conversation',
  'contact'
);

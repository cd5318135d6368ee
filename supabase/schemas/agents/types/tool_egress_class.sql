create type agents.tool_egress_class as enum (
  'none',
  'internal',
  'external_read',
  'external_write'
);

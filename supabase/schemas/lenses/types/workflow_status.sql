create type lenses.workflow_status as enum (
  'draft',
  'published',
  'archived'
);

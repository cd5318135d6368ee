create type lenses.workflow_node_kind as enum (
  'lens',
  'human_input'
);

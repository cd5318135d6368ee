-- perform: a member performs a workflow node; review: a reviewer checks a performed step.
create type agents.agent_run_step_kind as enum (
  'perform',
  'review'
);

-- Why a step went to its member: the assignee agent itself, the assignment's explicit node
-- binding, a member declaring the node's instruction category, or the team's lead.
create type agents.step_member_source as enum (
  'assignee',
  'binding',
  'capability',
  'lead'
);

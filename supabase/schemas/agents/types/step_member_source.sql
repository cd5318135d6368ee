-- Why a step went to its member: the assignee agent itself, the assignment's explicit node
-- binding, a member declaring the node's instruction category, the team's lead; or, when that
-- member's agent is inactive or suspended, the member a handoff or delegates edge names; a review
-- step goes to the reviewer (the source of a reviews edge to the performing member).
create type agents.step_member_source as enum (
  'assignee',
  'binding',
  'capability',
  'lead',
  'handoff',
  'delegate',
  'reviewer'
);

-- What an entry of agents.approval_requests_v asks to approve: a team run's start, or a tool call.
create type agents.approval_request_kind as enum (
  'team_run',
  'tool_invocation'
);

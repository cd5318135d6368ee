create type agents.policy_rule as enum (
  'tool_profile_allows',
  'tool_profile_denies',
  'not_in_tool_profile',
  'unknown_tool',
  'tool_disabled',
  'approval_required',
  'iteration_limit',
  'invalid_arguments'
);

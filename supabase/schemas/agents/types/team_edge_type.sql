create type agents.team_edge_type as enum (
  'delegates',
  'reviews',
  'reports_to',
  'shares_context',
  'handoff'
);

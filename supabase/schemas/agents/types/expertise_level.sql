create type agents.expertise_level as enum (
  'novice',
  'intermediate',
  'expert',
  'specialist'
);

create type lensers.lenser_type as enum (
  'human',
  'ai'
);

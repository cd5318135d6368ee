create type lenses.contract_kind as enum (
  'text',
  'json'
);

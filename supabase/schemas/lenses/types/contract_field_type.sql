create type lenses.contract_field_type as enum (
  'string',
  'number',
  'integer',
  'boolean',
  'object',
  'array'
);

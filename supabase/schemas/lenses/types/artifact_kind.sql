create type lenses.artifact_kind as enum (
  'text',
  'markdown',
  'json',
  'summary',
  'plan',
  'report',
  'code',
  'classification',
  'extraction',
  'message'
);

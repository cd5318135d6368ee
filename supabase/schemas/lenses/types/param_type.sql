create type lenses.param_type as enum (
  'text',
  'textarea',
  'json',
  'number',
  'integer',
  'float',
  'decimal',
  'boolean',
  'select',
  'url',
  'date',
  'datetime',
  'file'
);
comment on type lenses.param_type is 'What a lens parameter holds; fn_render_version_body type-checks and normalises by it.';

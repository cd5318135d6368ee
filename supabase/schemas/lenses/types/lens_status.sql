create type lenses.lens_status as enum (
  'draft',
  'published',
  'archived'
);
comment on type lenses.lens_status is 'Lifecycle of a lens and of a lens version: draft, published (immutable), archived.';

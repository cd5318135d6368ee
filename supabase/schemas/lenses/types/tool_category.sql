create type lenses.tool_category as enum (
  'input',
  'media',
  'execution',
  'battle',
  'system'
);
comment on type lenses.tool_category is 'input: typed by the user; media: files; execution: run settings; battle: lens battles; system: filled by the platform.';

create type lenses.instruction_category as enum (
  'instruction',
  'research',
  'planning',
  'generation',
  'validation',
  'routing',
  'memory',
  'export'
);
comment on type lenses.instruction_category is 'What a lens version does, so workflows can assign nodes by capability without parsing tags.';

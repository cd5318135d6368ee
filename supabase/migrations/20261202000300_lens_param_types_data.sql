-- Data the product needs: the parameter type registry (lenses.tools), what a [[label]] in a lens
-- template can be bound to. Not schema: it stays in hand-written migrations.

insert into lenses.tools (key, name, category, type, description, default_config) values
  ('text', 'Short text', 'input', 'text', 'One line of text: a name, a topic, a question.', '{"max_length": 2000}'),
  ('textarea', 'Long text', 'input', 'textarea', 'Free text of any length: a brief, a document, notes.', '{"max_length": 100000}'),
  ('json', 'JSON', 'input', 'json', 'Any JSON value, rendered as compact JSON.', '{}'),
  ('number', 'Number', 'input', 'number', 'A number, rendered without trailing zeros.', '{}'),
  ('integer', 'Whole number', 'input', 'integer', 'A whole number (a count, a limit).', '{}'),
  ('float', 'Floating-point number', 'input', 'float', 'A double-precision number.', '{}'),
  ('decimal', 'Decimal', 'input', 'decimal', 'An exact decimal that keeps its digits (money, measures).', '{}'),
  ('boolean', 'Yes / no', 'input', 'boolean', 'true or false.', '{}'),
  ('select', 'Choice', 'input', 'select', 'One of a fixed list of options.', '{}'),
  ('url', 'Web address', 'input', 'url', 'An http(s) URL.', '{}'),
  ('date', 'Date', 'input', 'date', 'A calendar date, rendered YYYY-MM-DD.', '{}'),
  ('datetime', 'Date and time', 'input', 'datetime', 'An instant with a time zone, rendered in ISO 8601 UTC.', '{}'),
  ('file', 'File', 'media', 'file', 'A file: an http(s) URL or a storage path (bucket/path).', '{}'),
  ('image', 'Image', 'media', 'file', 'An image: an http(s) URL or a storage path (bucket/path).', '{}'),
  ('temperature', 'Temperature', 'execution', 'float', 'Sampling temperature for the model call.', '{"min": 0, "max": 2}'),
  ('max_tokens', 'Maximum output tokens', 'execution', 'integer', 'Upper bound on the tokens the model may write.', '{"min": 1, "max": 1000000}'),
  ('battle_contender', 'Battle contender', 'battle', 'text', 'The entry a lens battle compares against.', '{"max_length": 20000}'),
  ('current_datetime', 'Current date and time', 'system', 'datetime', 'The time the run started, filled by the platform.', '{}'),
  ('run_input', 'Run input', 'system', 'json', 'The input the run was started with, filled by the platform.', '{}');

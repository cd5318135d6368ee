-- Rendering: every parameter type's normalisation and refusals, defaults, required and unknown
-- keys, the one-pass substitution, render_lens_version's visibility rule, and the tools registry.
begin;
select plan(101);

select tests.create_user('render-alice@example.com') as alice \gset
select tests.create_user('render-bob@example.com') as bob \gset
select tests.authenticate_as(:'alice');

-- text / textarea
select is(tests.render_one('text', '"hello"'), 'hello', 'text renders a string as is');
select is(tests.render_one('textarea', to_jsonb(E'line one\nline two'::text)), E'line one\nline two', 'textarea keeps line breaks');
select throws_ok($$select tests.render_one('text', '5')$$, '22023', 'render_lens_version: p_params: parameter "v" (text) must be a string, got 5', 'text refuses a number');
select throws_ok($$select tests.render_one('text', '{"a":1}')$$, '22023', 'render_lens_version: p_params: parameter "v" (text) must be a string, got {"a":1}', 'text refuses an object');
select throws_ok($$select tests.render_one('text', '"abcd"', '{"max_length":3}')$$, '22023',
  'render_lens_version: p_params: parameter "v" (text) must be at most 3 characters, got 4', 'text over max_length');
select throws_ok($$select tests.render_one('textarea', '"ab"', '{"min_length":3}')$$, '22023',
  'render_lens_version: p_params: parameter "v" (textarea) must be at least 3 characters, got 2', 'textarea under min_length');
select throws_ok($$select tests.render_one('text', to_jsonb(repeat('x', 2001)))$$, '22023',
  'render_lens_version: p_params: parameter "v" (text) must be at most 2000 characters, got 2001', 'the tool''s default max_length applies');

-- json
select is(tests.render_one('json', '{"b": [1, 2], "a": "x y", "c": {"d": null}}'), '{"a":"x y","b":[1,2],"c":{"d":null}}', 'json renders compact');
select is(tests.render_one('json', '"quoted \"text\""'), '"quoted \"text\""', 'a JSON string stays a JSON string');
select is(tests.render_one('json', '[]'), '[]', 'an empty array');
select is(tests.render_one('json', '{}'), '{}', 'an empty object');
select is(tests.render_one('json', 'false'), 'false', 'a boolean');
select is(tests.render_one('json', '1.50'), '1.50', 'a number as written');

-- number
select is(tests.render_one('number', '2.50'), '2.5', 'number drops trailing zeros');
select is(tests.render_one('number', '"3.0"'), '3', 'number accepts a numeric string');
select is(tests.render_one('number', '"-1e3"'), '-1000', 'and exponent notation');
select is(tests.render_one('number', '" 7 "'), '7', 'a numeric string is trimmed');
select throws_ok($$select tests.render_one('number', '"abc"')$$, '22023', 'render_lens_version: p_params: parameter "v" (number) must be a number, got "abc"', 'number refuses text');
select throws_ok($$select tests.render_one('number', 'true')$$, '22023', 'render_lens_version: p_params: parameter "v" (number) must be a number, got true', 'number refuses a boolean');
select throws_ok($$select tests.render_one('number', '"NaN"')$$, '22023', 'render_lens_version: p_params: parameter "v" (number) must be a number, got "NaN"', 'number refuses NaN');
select throws_ok($$select tests.render_one('number', '"Infinity"')$$, '22023', null, 'number refuses Infinity');
select throws_ok($$select tests.render_one('number', '"0x10"')$$, '22023', null, 'number refuses hex');
select throws_ok($$select tests.render_one('number', '11', '{"max":10}')$$, '22023', 'render_lens_version: p_params: parameter "v" (number) must be at most 10, got 11', 'number over max');
select throws_ok($$select tests.render_one('number', '-0.5', '{"min":0}')$$, '22023', 'render_lens_version: p_params: parameter "v" (number) must be at least 0, got -0.5', 'number under min');

-- decimal
select is(tests.render_one('decimal', '2.50'), '2.50', 'decimal keeps its digits');
select is(tests.render_one('decimal', '"0.10"'), '0.10', 'from a string too');
select is(tests.render_one('decimal', '"12345678901234567890.123456789"'), '12345678901234567890.123456789', 'beyond double precision, exactly');
select throws_ok($$select tests.render_one('decimal', '"1,5"')$$, '22023', 'render_lens_version: p_params: parameter "v" (decimal) must be a number, got "1,5"', 'decimal refuses a comma');

-- float
select is(tests.render_one('float', '0.1'), '0.1', 'float renders the shortest exact double');
select is(tests.render_one('float', '1e21'), '1e+21', 'large floats in exponent form');
select is(tests.render_one('float', '"2.50"'), '2.5', 'from a string');
select throws_ok($$select tests.render_one('float', '"1e400"')$$, '22023', 'render_lens_version: p_params: parameter "v" (float) is out of the double-precision range, got "1e400"', 'float overflow');
select throws_ok($$select tests.render_one('float', '"1e-400"')$$, '22023', null, 'float underflow');
select throws_ok($$select tests.render_one('float', '3', '{"max":2}')$$, '22023', 'render_lens_version: p_params: parameter "v" (float) must be at most 2, got 3', 'float over max');

-- integer
select is(tests.render_one('integer', '3'), '3', 'integer renders a whole number');
select is(tests.render_one('integer', '"3"'), '3', 'integer accepts a string of digits');
select is(tests.render_one('integer', '" -12 "'), '-12', 'signed and trimmed');
select is(tests.render_one('integer', '3.0'), '3', '3.0 is the whole number 3');
select is(tests.render_one('integer', '"1e3"'), '1000', '1e3 is the whole number 1000');
select throws_ok($$select tests.render_one('integer', '1.5')$$, '22023', 'render_lens_version: p_params: parameter "v" (integer) must be a whole number, got 1.5', 'integer refuses 1.5');
select throws_ok($$select tests.render_one('integer', '"1.5"')$$, '22023', 'render_lens_version: p_params: parameter "v" (integer) must be a whole number, got "1.5"', 'and "1.5"');
select throws_ok($$select tests.render_one('integer', '"three"')$$, '22023', 'render_lens_version: p_params: parameter "v" (integer) must be a number, got "three"', 'and words');
select throws_ok($$select tests.render_one('integer', '1e20')$$, '22023', 'render_lens_version: p_params: parameter "v" (integer) is out of the 64-bit integer range, got 100000000000000000000', 'and beyond bigint');
select throws_ok($$select tests.render_one('integer', '0', '{"min":1,"max":5}')$$, '22023', 'render_lens_version: p_params: parameter "v" (integer) must be at least 1, got 0', 'integer under min');

-- boolean
select is(tests.render_one('boolean', 'true'), 'true', 'boolean renders true');
select is(tests.render_one('boolean', 'false'), 'false', 'and false');
select is(tests.render_one('boolean', '"TRUE"'), 'true', 'the string "TRUE" is true');
select is(tests.render_one('boolean', '"false"'), 'false', 'the string "false" is false');
select throws_ok($$select tests.render_one('boolean', '"yes"')$$, '22023', 'render_lens_version: p_params: parameter "v" (boolean) must be true or false, got "yes"', 'boolean refuses yes');
select throws_ok($$select tests.render_one('boolean', '1')$$, '22023', 'render_lens_version: p_params: parameter "v" (boolean) must be true or false, got 1', 'boolean refuses 1');

-- select
select is(tests.render_one('select', '"short"', '{"options":["short","long"]}'), 'short', 'select accepts an option');
select throws_ok($$select tests.render_one('select', '"medium"', '{"options":["short","long"]}')$$, '22023',
  'render_lens_version: p_params: parameter "v" (select) must be one of ["short","long"], got "medium"', 'select refuses another value');
select throws_ok($$select tests.render_one('select', '1', '{"options":["1"]}')$$, '22023',
  'render_lens_version: p_params: parameter "v" (select) must be one of its options (a string), got 1', 'select refuses a number');

-- url
select is(tests.render_one('url', '"https://example.com/a?b=1#c"'), 'https://example.com/a?b=1#c', 'url accepts https');
select is(tests.render_one('url', '"HTTP://example.com"'), 'HTTP://example.com', 'and http in any case');
select throws_ok($$select tests.render_one('url', '"ftp://example.com"')$$, '22023', 'render_lens_version: p_params: parameter "v" (url) must be an http(s) URL, got "ftp://example.com"', 'url refuses ftp');
select throws_ok($$select tests.render_one('url', '"https://"')$$, '22023', null, 'url refuses no host');
select throws_ok($$select tests.render_one('url', '"https://exa mple.com"')$$, '22023', null, 'url refuses spaces');
select throws_ok($$select tests.render_one('url', '"example.com"')$$, '22023', null, 'url refuses no scheme');

-- date
select is(tests.render_one('date', '"2024-02-29"'), '2024-02-29', 'date accepts a leap day');
select throws_ok($$select tests.render_one('date', '"2023-02-29"')$$, '22023', 'render_lens_version: p_params: parameter "v" (date) must be an ISO date YYYY-MM-DD, got "2023-02-29"', 'date refuses a day that does not exist');
select throws_ok($$select tests.render_one('date', '"2024-13-01"')$$, '22023', null, 'date refuses month 13');
select throws_ok($$select tests.render_one('date', '"24-01-01"')$$, '22023', null, 'date refuses a short year');
select throws_ok($$select tests.render_one('date', '"2024-01-01T00:00:00Z"')$$, '22023', null, 'date refuses a timestamp');
select throws_ok($$select tests.render_one('date', '20240101')$$, '22023', null, 'date refuses a number');

-- datetime
select is(tests.render_one('datetime', '"2026-01-31T09:30:00+02:00"'), '2026-01-31T07:30:00Z', 'datetime normalises to UTC');
select is(tests.render_one('datetime', '"2026-01-31 09:30Z"'), '2026-01-31T09:30:00Z', 'with seconds added');
select is(tests.render_one('datetime', '"2026-01-31T09:30:00.120Z"'), '2026-01-31T09:30:00.12Z', 'fractions without trailing zeros');
select is(tests.render_one('datetime', '"2026-01-01T01:00:00+0530"'), '2025-12-31T19:30:00Z', 'offsets without a colon, across midnight');
select throws_ok($$select tests.render_one('datetime', '"2026-01-31T09:30:00"')$$, '22023',
  'render_lens_version: p_params: parameter "v" (datetime) must be an ISO 8601 timestamp with a time zone (e.g. 2026-01-31T09:30:00Z), got "2026-01-31T09:30:00"', 'datetime refuses a time without zone');
select throws_ok($$select tests.render_one('datetime', '"2026-02-30T00:00:00Z"')$$, '22023', null, 'datetime refuses a day that does not exist');
select throws_ok($$select tests.render_one('datetime', '"yesterday"')$$, '22023', null, 'datetime refuses words');

-- file
select is(tests.render_one('file', '"https://cdn.example.com/a.png"'), 'https://cdn.example.com/a.png', 'file accepts a URL');
select is(tests.render_one('file', '"uploads/user-1/report.pdf"'), 'uploads/user-1/report.pdf', 'file accepts a storage path');
select throws_ok($$select tests.render_one('file', '"/etc/passwd"')$$, '22023',
  'render_lens_version: p_params: parameter "v" (file) must be an http(s) URL or a storage path bucket/path, got "/etc/passwd"', 'file refuses an absolute path');
select throws_ok($$select tests.render_one('file', '"uploads/../secret"')$$, '22023', null, 'file refuses ..');
select throws_ok($$select tests.render_one('file', '"uploads"')$$, '22023', null, 'file refuses a bucket alone');
select throws_ok($$select tests.render_one('image', '"my uploads/a.png"')$$, '22023', null, 'file (as image) refuses spaces');

-- Defaults, required values, unknown keys ----------------------------------------------------------------
select tests.draft_version('A=[[a]] B=[[b]] C=[[c]] A again=[[a]] [[not a label]] [[ a ]]',
  '[{"label":"a","tool_key":"text","required":true},
    {"label":"b","tool_key":"integer","default_value":"7"},
    {"label":"c","tool_key":"text"}]') as v \gset
select is(public.render_lens_version(:'v', '{"a":"x"}'), 'A=x B=7 C= A again=x [[not a label]] [[ a ]]',
  'defaults apply (normalised), a missing optional value is empty, a placeholder repeats, other brackets stay text');
select is(public.render_lens_version(:'v', '{"a":"x","b":2,"c":"z"}'), 'A=x B=2 C=z A again=x [[not a label]] [[ a ]]', 'given values win');
select is(public.render_lens_version(:'v', '{"a":"x","b":null}'), 'A=x B=7 C= A again=x [[not a label]] [[ a ]]', 'a JSON null is an absent value');
select is(public.render_lens_version(:'v', '{"a":"[[b]]"}'), 'A=[[b]] B=7 C= A again=[[b]] [[not a label]] [[ a ]]', 'values are not expanded again');
select throws_ok(format('select public.render_lens_version(%L, %L)', :'v', '{}'), '22023',
  'render_lens_version: p_params: parameter "a" is required and has no value (and no default)', 'a missing required value');
select throws_ok(format('select public.render_lens_version(%L, %L)', :'v', '{"a":null}'), '22023',
  'render_lens_version: p_params: parameter "a" is required and has no value (and no default)', 'a required value given as null');
select throws_ok(format('select public.render_lens_version(%L, null)', :'v'), '22023',
  'render_lens_version: p_params: parameter "a" is required and has no value (and no default)', 'no params at all');
select throws_ok(format('select public.render_lens_version(%L, %L)', :'v', '{"a":"x","zeta":1,"alpha":2}'), '22023',
  'render_lens_version: p_params: unknown parameter "alpha", "zeta" (known: a, b, c)', 'unknown keys are named');
select throws_ok(format('select public.render_lens_version(%L, %L)', :'v', '["a"]'), '22023',
  'render_lens_version: p_params: params must be a JSON object keyed by parameter label, got array', 'params not an object');
select throws_ok(format('select public.render_lens_version(%L, %L)', :'v', '{"a":"x","b":"two"}'), '22023',
  'render_lens_version: p_params: parameter "b" (integer) must be a number, got "two"', 'a bad value beside a default');
select throws_ok(format('select lenses.fn_render_version_body(%L, %L)', :'v', '{}'), '22023',
  'fn_render_version_body: parameter "a" is required and has no value (and no default)', 'fn_render_version_body names itself');
select tests.draft_version('Hello [[who]]') as unbound \gset
select throws_ok(format('select public.render_lens_version(%L)', :'unbound'), 'P0001',
  'render_lens_version: template placeholder [[who]] has no parameter', 'a draft placeholder without parameter cannot render');
select throws_ok($$select public.render_lens_version(null)$$, '22023', 'render_lens_version: p_version_id is required', 'no version id');

-- Who may render -------------------------------------------------------------------------------------------
select tests.published_version('Hi [[n]]', '[{"label":"n","tool_key":"text","required":true}]', p_visibility => 'public') as public_v \gset
select tests.authenticate_as(:'bob');
select throws_ok(format('select public.render_lens_version(%L, %L)', :'v', '{"a":"x"}'), 'PT404',
  format('render_lens_version: no version %s that you can read', :'v'), 'another user cannot render a private draft');
select is(public.render_lens_version(:'public_v', '{"n":"Bob"}'), 'Hi Bob', 'but renders a public published version');
select tests.authenticate_as_anon();
select is(public.render_lens_version(:'public_v', '{"n":"anon"}'), 'Hi anon', 'and so does anon');
select throws_ok(format('select public.render_lens_version(%L, %L)', :'v', '{"a":"x"}'), 'PT404', null, 'anon cannot render a private draft');

-- The tools registry ------------------------------------------------------------------------------------------
select is((select count(distinct type)::int from lenses.tools), (select count(*)::int from unnest(enum_range(null::lenses.param_type))),
  'every parameter type has a tool');
select is((select array_agg(key order by key) from public.list_lens_tools(p_category => 'media')), array['file', 'image'], 'list_lens_tools filters by category');
select ok((select count(*) from public.list_lens_tools()) >= 17, 'anon lists the tools');
select tests.authenticate_as(:'alice');
select throws_ok($$insert into lenses.tools (key, name, category, type, description) values ('mine', 'Mine', 'input', 'text', 'x')$$,
  '42501', null, 'users cannot add tools');
select throws_ok($$update lenses.tools set name = 'Renamed' where key = 'text'$$, '42501', null, 'nor change them');
select tests.clear_authentication();
select throws_ok($$insert into lenses.tools (key, name, category, type, description, default_config) values ('sel', 'Sel', 'input', 'select', 'x', '{"options":[]}')$$,
  '23514', null, 'a tool default config is checked too');

select * from finish();
rollback;

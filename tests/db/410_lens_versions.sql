-- lenses.versions and lenses.version_parameters: numbering, the lifecycle, immutability once
-- published, publish refusals, contracts, and the version RPCs with their argument rules and RLS.
begin;
select plan(78);

select tests.create_user('ver-alice@example.com') as alice \gset
select tests.create_user('ver-bob@example.com') as bob \gset

select tests.authenticate_as(:'alice');
select (public.create_lens(p_title => 'Versioned', p_visibility => 'public')).id as lens \gset
select (public.create_lens(p_title => 'Other')).id as other_lens \gset

-- Numbering ----------------------------------------------------------------------------------------
select (public.create_lens_version(:'lens', 'one')) ->> 'id' as v1 \gset
select (public.create_lens_version(:'lens', 'two')) ->> 'id' as v2 \gset
select (public.create_lens_version(:'other_lens', 'other one')) ->> 'id' as o1 \gset
select is((select array_agg(version_number order by version_number) from lenses.versions where lens_id = :'lens'), array[1, 2],
  'versions are numbered 1, 2 per lens');
select is((select version_number from lenses.versions where id = :'o1'), 1, 'each lens counts on its own');
select tests.clear_authentication();
insert into lenses.versions (lens_id, template_body, version_number) values (:'lens', 'three', 99);
select is((select max(version_number) from lenses.versions where lens_id = :'lens'), 3, 'the number is assigned, never taken from the caller');
select throws_ok(format($$insert into lenses.versions (lens_id, template_body, status) values (%L, 'x', 'published')$$, :'lens'), '23514',
  'versions: a version is created as a draft (asked published); publish it afterwards', 'a version starts as a draft');
select throws_ok(format($$insert into lenses.versions (lens_id, template_body) values (%L, '')$$, :'lens'), '23514', null,
  'an empty template is refused');
select throws_ok(format($$insert into lenses.versions (lens_id, template_body, output_contract) values (%L, 'x', '{"kind":"json"}')$$, :'lens'),
  '23514', null, 'an output contract without artifactKind is refused (CHECK)');
select throws_ok(format($$insert into lenses.versions (lens_id, template_body, input_contract) values (%L, 'x', '{"kind":"text","fields":[{"name":"a","type":"string","required":true}]}')$$, :'lens'),
  '23514', null, 'a text input contract with fields is refused (CHECK)');
select throws_ok(format($$insert into lenses.versions (lens_id, template_body, input_contract) values (%L, 'x', 'null')$$, :'lens'),
  '23514', null, 'a JSON null contract is refused (CHECK)');
select is((select max(version_number) from lenses.versions where lens_id = :'lens'), 3, 'refused inserts leave no gap');

-- create_lens_version ----------------------------------------------------------------------------
select tests.authenticate_as(:'alice');
select public.create_lens_version(p_lens_id => :'lens', p_template_body => 'Write about [[topic]] in [[n]] lines',
  p_input_contract => '{"kind":"json","fields":[{"name":"topic","type":"string","required":true}]}',
  p_output_contract => '{"kind":"text","artifactKind":"markdown"}',
  p_instruction_category => 'generation',
  p_parameters => '[{"label":"topic","tool_key":"text","required":true,"display_name":"Topic","config":{"max_length":80}},
                    {"label":"n","tool_key":"integer","default_value":3,"config":{"min":1,"max":10}}]') as created \gset
select (:'created'::jsonb) ->> 'id' as v4 \gset
select is((:'created'::jsonb) ->> 'version_number', '4', 'create_lens_version numbers the version');
select is((:'created'::jsonb) ->> 'instruction_category', 'generation', 'with its instruction category');
select is(jsonb_array_length((:'created'::jsonb) -> 'parameters'), 2, 'and its parameters, in one call');
select is((select array_agg(label || ':' || param_type || ':' || sort_order order by sort_order) from lenses.version_parameters where version_id = :'v4'),
  array['topic:text:0', 'n:integer:1'], 'parameters take their tool''s type and their position as sort order');
select is((select display_name from lenses.version_parameters where version_id = :'v4' and label = 'n'), 'n', 'the display name defaults to the label');

select throws_ok(format('select public.create_lens_version(%L, %L)', :'lens', ''), '22023',
  'create_lens_version: p_template_body must be 1 to 100000 characters', 'an empty template');
select throws_ok(format('select public.create_lens_version(%L, %L, p_instruction_category => null)', :'lens', 'x'), '22023',
  'create_lens_version: p_instruction_category is required', 'no instruction category');
select throws_ok(format('select public.create_lens_version(%L, %L, p_output_contract => %L)', :'lens', 'x', '{"kind":"json"}'), '22023',
  'create_lens_version: p_output_contract is not a valid output contract: output contract must declare artifactKind', 'an output contract without artifactKind');
select throws_ok(format('select public.create_lens_version(%L, %L, p_input_contract => %L)', :'lens', 'x',
  '{"kind":"json","fields":[{"name":"a","type":"string","required":true},{"name":"a","type":"number","required":true}]}'), '22023',
  'create_lens_version: p_input_contract is not a valid input contract: input contract field names must be unique', 'duplicate contract fields');
select throws_ok(format('select public.create_lens_version(%L, %L, p_parameters => %L)', :'lens', '[[a]]', '{"a":1}'), '22023',
  'create_lens_version: p_parameters must be a JSON array of parameters', 'parameters not an array');
select throws_ok(format('select public.create_lens_version(%L, %L, p_parameters => %L)', :'lens', '[[a]]', '[{"label":"a","tool_key":"nope"}]'), '22023',
  'create_lens_version: p_parameters[0].tool_key "nope" is not a known tool (see list_lens_tools)', 'an unknown tool');
select throws_ok(format('select public.create_lens_version(%L, %L, p_parameters => %L)', :'lens', '[[a]]', '[{"label":"a b","tool_key":"text"}]'), '22023',
  'create_lens_version: p_parameters[0].label must be an identifier (letters, digits, _; at most 63), got "a b"', 'a label that is not an identifier');
select throws_ok(format('select public.create_lens_version(%L, %L, p_parameters => %L)', :'lens', '[[a]]',
  '[{"label":"a","tool_key":"text"},{"label":"a","tool_key":"url"}]'), '22023',
  'create_lens_version: p_parameters[1].label "a" is used twice', 'a label used twice');
select throws_ok(format('select public.create_lens_version(%L, %L, p_parameters => %L)', :'lens', '[[a]]', '[{"label":"a","tool_key":"text","kind":"x"}]'), '22023',
  'create_lens_version: p_parameters[0] has an unknown key "kind" (allowed: label, tool_key, display_name, required, default_value, config, sort_order)', 'an unknown key');
select throws_ok(format('select public.create_lens_version(%L, %L, p_parameters => %L)', :'lens', '[[a]]', '[{"label":"a","tool_key":"select"}]'), '22023',
  'create_lens_version: p_parameters[0].config is not valid for tool select (select): select config needs options (a list of 1 to 200 strings)', 'a select without options');
select throws_ok(format('select public.create_lens_version(%L, %L, p_parameters => %L)', :'lens', '[[a]]', '[{"label":"a","tool_key":"integer","default_value":1.5}]'), '22023',
  'create_lens_version: p_parameters[0].default_value: parameter "a" (integer) must be a whole number, got 1.5', 'a default of the wrong type');
select throws_ok(format('select public.create_lens_version(%L, %L, p_parameters => %L)', :'lens', '[[a]]', '[{"label":"a","tool_key":"text","required":"yes"}]'), '22023',
  'create_lens_version: p_parameters[0].required must be true or false', 'required not a boolean');
select throws_ok(format('select public.create_lens_version(%L, %L, p_parameters => %L)', :'lens', '[[a]]', '[{"label":"a","tool_key":"text","sort_order":-1}]'), '22023',
  'create_lens_version: p_parameters[0].sort_order must be a whole number from 0 to 10000', 'a negative sort order');
select throws_ok(format('select public.create_lens_version(%L, %L, p_parameters => %L)', :'lens', '[[a]]', '[{"label":"a","tool_key":"text","display_name":""}]'), '22023',
  'create_lens_version: p_parameters[0].display_name must be a string of 1 to 120 characters', 'an empty display name');
select throws_ok(format('select public.create_lens_version(%L, %L)', gen_random_uuid(), 'x'), 'PT404', null, 'an unknown lens');
select is((select count(*)::int from lenses.versions where lens_id = :'lens'), 4, 'the refused calls created no version');

-- Publishing -----------------------------------------------------------------------------------------
select (public.create_lens_version(:'lens', 'Hello [[name]] and [[missing]]',
  p_parameters => '[{"label":"name","tool_key":"text"},{"label":"unused","tool_key":"url"}]')) ->> 'id' as bad \gset
select throws_ok(format('select public.publish_lens_version(%L)', :'bad'), '23514',
  format('publish_lens_version: version %s cannot be published: template placeholder [[missing]] has no parameter; parameter "unused" does not appear in the template', :'bad'),
  'publishing names each unbound placeholder and each unused parameter');
select is((select status::text from lenses.versions where id = :'bad'), 'draft', 'and leaves the version a draft');
select tests.clear_authentication();
select throws_ok(format($$update lenses.versions set status = 'published' where id = %L$$, :'bad'), '23514', null,
  'a direct status change is held to the same rules');
select tests.authenticate_as(:'alice');
select is((public.publish_lens_version(:'v4')) ->> 'status', 'published', 'a bound version publishes');
select isnt((select published_at from lenses.versions where id = :'v4'), null, 'published_at is set');
select throws_ok(format('select public.publish_lens_version(%L)', :'v4'), 'PT409',
  format('publish_lens_version: p_version_id %s is not a draft (it is published)', :'v4'), 'publishing twice is refused');
select throws_ok($$select public.publish_lens_version(null)$$, '22023', 'publish_lens_version: p_version_id is required', 'no version id');

-- Immutability -----------------------------------------------------------------------------------------
select tests.clear_authentication();
select throws_ok(format($$update lenses.versions set template_body = 'changed' where id = %L$$, :'v4'), 'PT409',
  format('versions: version %s is published and cannot change (it may only be archived)', :'v4'), 'a published template never changes');
select throws_ok(format($$update lenses.versions set input_contract = null where id = %L$$, :'v4'), 'PT409', null, 'nor its contracts');
select throws_ok(format($$update lenses.versions set instruction_category = 'memory' where id = %L$$, :'v4'), 'PT409', null, 'nor its category');
select throws_ok(format($$update lenses.versions set status = 'draft' where id = %L$$, :'v4'), 'PT409', null, 'nor does it return to draft');
select throws_ok(format($$update lenses.versions set version_number = 40 where id = %L$$, :'v4'), '23514',
  'versions: lens_id, version_number, created_by and created_at never change', 'nor its number');
select throws_ok(format($$update lenses.version_parameters set required = false where version_id = %L$$, :'v4'), 'PT409',
  format('version_parameters: version %s is published; its parameters cannot change', :'v4'), 'its parameters never change');
select throws_ok(format($$delete from lenses.version_parameters where version_id = %L$$, :'v4'), 'PT409', null, 'nor are removed');
select throws_ok(format($$insert into lenses.version_parameters (version_id, tool_id, label, display_name) select %L, id, 'extra', 'Extra' from lenses.tools where key = 'text'$$, :'v4'),
  'PT409', null, 'nor added to');
select throws_ok(format($$delete from lenses.versions where id = %L$$, :'v4'), 'PT409',
  format('versions: version %s is published; only drafts can be deleted', :'v4'), 'a published version is not deleted');
select tests.authenticate_as(:'alice');
select throws_ok(format('select public.update_lens_version(%L, p_template_body => %L)', :'v4', 'x'), 'PT409',
  format('update_lens_version: p_version_id %s is not a draft (it is published)', :'v4'), 'update_lens_version refuses a published version');
select throws_ok(format('select public.set_version_parameters(%L, %L)', :'v4', '[]'), 'PT409',
  format('set_version_parameters: p_version_id %s is not a draft (it is published)', :'v4'), 'set_version_parameters too');
select is((select template_body from lenses.versions where id = :'v4'), 'Write about [[topic]] in [[n]] lines', 'the published version is as it was');
select is((select count(*)::int from lenses.version_parameters where version_id = :'v4'), 2, 'with its parameters');

-- Draft edits ------------------------------------------------------------------------------------------
select is((public.update_lens_version(:'bad', p_template_body => 'Hello [[name]] at [[unused]]',
  p_output_contract => '{"kind":"json","artifactKind":"json"}', p_instruction_category => 'routing')) ->> 'instruction_category',
  'routing', 'update_lens_version changes a draft');
select is((select output_contract from lenses.versions where id = :'bad'), '{"kind":"json","artifactKind":"json"}'::jsonb, 'its contract');
select is((public.update_lens_version(:'bad', p_clear_output_contract => true)) -> 'output_contract', 'null'::jsonb, 'a contract can be cleared');
select throws_ok(format('select public.update_lens_version(%L, p_input_contract => %L, p_clear_input_contract => true)', :'bad', '{"kind":"text"}'), '22023',
  'update_lens_version: give p_input_contract or p_clear_input_contract, not both', 'set and clear at once');
select throws_ok(format('select public.update_lens_version(%L, p_input_contract => %L)', :'bad', '{"kind":"text","extra":1}'), '22023',
  'update_lens_version: p_input_contract is not a valid input contract: input contract has an unknown key "extra" (allowed: kind, fields)', 'a bad contract');
select is((public.set_version_parameters(:'bad', '[{"label":"name","tool_key":"text"},{"label":"unused","tool_key":"url"}]')) -> 'parameters' -> 1 ->> 'tool_key',
  'url', 'set_version_parameters replaces the parameters');
select throws_ok(format('select public.set_version_parameters(%L, %L)', :'bad', '[{"label":"name","tool_key":"text"},{"label":"x","tool_key":"nope"}]'), '22023',
  'set_version_parameters: p_parameters[1].tool_key "nope" is not a known tool (see list_lens_tools)', 'a bad item refuses the whole set');
select is((select count(*)::int from lenses.version_parameters where version_id = :'bad'), 2, 'and keeps the parameters it had');
select is((public.publish_lens_version(:'bad')) ->> 'status', 'published', 'the fixed draft publishes');

-- Archiving ----------------------------------------------------------------------------------------------
select is((public.archive_lens_version(:'v4')) ->> 'status', 'archived', 'a published version can be archived');
select isnt((select archived_at from lenses.versions where id = :'v4'), null, 'archived_at is set');
select throws_ok(format('select public.archive_lens_version(%L)', :'v4'), 'PT409',
  format('archive_lens_version: p_version_id %s is already archived', :'v4'), 'archiving twice is refused');
select tests.clear_authentication();
select throws_ok(format($$update lenses.versions set status = 'published' where id = %L$$, :'v4'), 'PT409',
  format('versions: version %s is archived and cannot change', :'v4'), 'an archived version never changes');
select is((select status::text from lenses.lenses where id = :'lens'), 'published', 'the lens stays published while another version is');

-- RLS --------------------------------------------------------------------------------------------------------
select tests.authenticate_as(:'bob');
select is((select count(*)::int from lenses.versions where lens_id = :'lens' and status = 'draft'), 0, 'another user sees no draft of a public lens');
select is((select count(*)::int from lenses.versions where lens_id = :'lens' and status <> 'draft'), 2, 'but sees its published and archived versions');
select is((select count(*)::int from lenses.version_parameters where version_id = :'v4'), 2, 'and their parameters');
select is((select count(*)::int from lenses.versions where id = :'o1'), 0, 'nor any version of a private lens');
select is(jsonb_array_length(public.get_lens(:'lens') -> 'versions'), 2, 'get_lens shows another user only what they may see');
select throws_ok(format('select public.create_lens_version(%L, %L)', :'lens', 'intruder'), '42501',
  format('create_lens_version: you cannot edit lens %s (it belongs to a lenser you do not own)', :'lens'), 'another user cannot add a version');
select throws_ok(format('select public.publish_lens_version(%L)', :'v1'), 'PT404', null, 'nor publish a draft they cannot see');
select throws_ok(format('select public.archive_lens_version(%L)', :'bad'), '42501', null, 'nor archive a version they can see');
select throws_ok(format($$insert into lenses.versions (lens_id, template_body) values (%L, 'x')$$, :'lens'), '42501', null,
  'nor insert one directly');
select throws_ok(format('select public.update_lens_version(%L, p_template_body => %L)', :'bad', 'mine'), '42501',
  format('update_lens_version: you cannot edit lens %s (it belongs to a lenser you do not own)', :'lens'), 'nor update a version');
select throws_ok(format('select public.set_version_parameters(%L, %L)', :'v1', '[]'), 'PT404',
  format('set_version_parameters: no version %s that you can see', :'v1'), 'nor set the parameters of a draft they cannot see');
select tests.authenticate_as_anon();
select is((select count(*)::int from lenses.versions where lens_id = :'lens'), 2, 'anon sees the published and archived versions of a public lens');
select is((select count(*)::int from lenses.versions where lens_id = :'other_lens'), 0, 'and nothing of a private lens');
select tests.clear_authentication();
select is((select count(*)::int from lenses.versions where lens_id = :'lens'), 5, 'nobody else added a version');

select * from finish();
rollback;

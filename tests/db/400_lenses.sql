-- lenses.lenses and the lens RPCs: create, update, archive, list, get; the derived status; the
-- params shape; ownership through AI lensers; RLS for another user and anon.
begin;
select plan(80);

select tests.create_user('lens-alice@example.com', '{"handle":"lens-alice"}') as alice \gset
select tests.create_user('lens-bob@example.com', '{"handle":"lens-bob"}') as bob \gset
select tests.create_user('lens-carol@example.com', '{"handle":"lens-carol"}') as carol \gset

-- create_lens ------------------------------------------------------------------------------------
select tests.authenticate_as(:'alice');
select (public.create_lens(p_title => '  Summariser ', p_description => 'Makes summaries', p_content => '# Summariser',
  p_tags => array['Writing', ' summary ', 'writing'], p_params => '{"ui":{"icon":"sparkles","color":"#336699"}}')).id as private_lens \gset
select is((select title from lenses.lenses where id = :'private_lens'), 'Summariser', 'create_lens trims the title');
select is((select tags from lenses.lenses where id = :'private_lens'), array['writing', 'summary'], 'tags are trimmed, lower-cased, deduplicated');
select is((select visibility::text from lenses.lenses where id = :'private_lens'), 'private', 'a lens is private by default');
select is((select status::text from lenses.lenses where id = :'private_lens'), 'draft', 'a new lens is a draft');
select is((select lenser_id from lenses.lenses where id = :'private_lens'), tests.profile_id(:'alice'), 'it belongs to the caller');
select is((select created_by from lenses.lenses where id = :'private_lens'), tests.profile_id(:'alice'), 'created_by is the caller');
select (public.create_lens(p_title => 'Public lens', p_visibility => 'public', p_tags => array['shared'])).id as public_lens \gset
select (public.create_lens(p_title => 'Unlisted lens', p_visibility => 'unlisted')).id as unlisted_lens \gset

select throws_ok($$select public.create_lens(p_title => '   ')$$, '22023', 'create_lens: p_title must be 1 to 200 characters', 'a blank title');
select throws_ok($$select public.create_lens(p_title => repeat('t', 201))$$, 'PT413', 'create_lens: p_title is 201 characters long, over the limit of 200 characters', 'a long title');
select throws_ok($$select public.create_lens(p_title => null)$$, '22023', 'create_lens: p_title must be 1 to 200 characters', 'no title');
select throws_ok($$select public.create_lens(p_title => 'x', p_description => repeat('d', 10001))$$, 'PT413',
  'create_lens: p_description is 10001 characters long, over the limit of 10000 characters', 'a long description');
select throws_ok($$select public.create_lens(p_title => 'x', p_content => repeat('c', 100001))$$, 'PT413',
  'create_lens: p_content is 100001 characters long, over the limit of 100000 characters', 'long content');
select throws_ok($$select public.create_lens(p_title => 'x', p_visibility => null)$$, '22023',
  'create_lens: p_visibility must be public, private or unlisted', 'no visibility');
select throws_ok($$select public.create_lens(p_title => 'x', p_tags => array['no spaces here'])$$, '22023',
  'create_lens: p_tags must be at most 20 distinct slugs of 1 to 40 letters, digits, _ or -, got {"no spaces here"}', 'a tag that is not a slug');
select throws_ok($$select public.create_lens(p_title => 'x', p_tags => (select array_agg('t' || i) from generate_series(1, 21) i))$$,
  'PT413', 'create_lens: p_tags has 21 elements, over the limit of 20', 'more than 20 tags');
select throws_ok($$select public.create_lens(p_title => 'x', p_params => '{"ui":{"color":"red"}}')$$, '22023',
  'create_lens: p_params is not valid: params.ui.color must be a #rrggbb colour', 'params of the wrong shape');
select throws_ok($$select public.create_lens(p_title => 'x', p_params => '{"extra":1}')$$, '22023',
  'create_lens: p_params is not valid: params has an unknown key "extra" (allowed: defaults, ui)', 'params with an unknown key');
select throws_ok(format('select public.create_lens(p_title => %L, p_lenser_id => %L)', 'x', tests.profile_id(:'bob')), '42501',
  format('create_lens: you cannot act as lenser %s (your own profile or an AI you own or co-own)', tests.profile_id(:'bob')),
  'a lens cannot be created for someone else');
select is((select count(*)::int from lenses.lenses where lenser_id = tests.profile_id(:'alice')), 3, 'the refused calls created nothing');

-- The table itself refuses what the RPC would not write.
select tests.clear_authentication();
select throws_ok(format($$insert into lenses.lenses (lenser_id, title, params) values (%L, 'x', '[]')$$, tests.profile_id(:'alice')),
  '23514', null, 'params must be an object (CHECK)');
select throws_ok(format($$insert into lenses.lenses (lenser_id, title, tags) values (%L, 'x', '{A}')$$, tests.profile_id(:'alice')),
  '23514', null, 'tags must be lower-case slugs (CHECK)');
select throws_ok(format($$update lenses.lenses set lenser_id = %L where id = %L$$, tests.profile_id(:'bob'), :'private_lens'),
  '23514', 'lenses.lenser_id cannot change (a lens stays with its lenser)', 'a lens never changes hands');
update lenses.lenses set status = 'published' where id = :'private_lens';
select is((select status::text from lenses.lenses where id = :'private_lens'), 'draft', 'status is derived, not written');

-- AI lensers: owners and co-owners write as the AI; an operator reads but does not write.
select tests.authenticate_as(:'alice');
select (public.create_ai_lenser(p_handle => 'lens-bot', p_display_name => 'Lens Bot')).profile_id as bot_profile \gset
select id as bot_agent from agents.ai_lensers where profile_id = :'bot_profile' \gset
select public.grant_ai_lenser_ownership(:'bot_agent', 'lens-bob', 'operator');
select public.grant_ai_lenser_ownership(:'bot_agent', 'lens-carol', 'co_owner');
select (public.create_lens(p_title => 'Bot lens', p_lenser_id => :'bot_profile')).id as bot_lens \gset
select is((select lenser_id from lenses.lenses where id = :'bot_lens'), :'bot_profile'::uuid, 'an owner creates a lens for their AI');
select tests.authenticate_as(:'carol');
select is((public.update_lens(:'bot_lens', p_title => 'Bot lens 2')).title, 'Bot lens 2', 'a co-owner edits the AI''s lens');
select tests.authenticate_as(:'bob');
select is((public.get_lens(:'bot_lens')) ->> 'title', 'Bot lens 2', 'an operator reads the AI''s private lens');
select is((select count(*)::int from public.list_lenses(p_scope => 'mine') where id = :'bot_lens'), 1, 'and lists it as theirs');
select throws_ok(format('select public.update_lens(%L, p_title => %L)', :'bot_lens', 'hijack'), '42501',
  format('update_lens: you cannot edit lens %s (it belongs to a lenser you do not own)', :'bot_lens'), 'an operator cannot edit it');
select throws_ok(format('select public.create_lens(p_title => %L, p_lenser_id => %L)', 'x', :'bot_profile'), '42501', null,
  'nor create lenses as the AI');

-- RLS: another user and anon.
select is((select count(*)::int from lenses.lenses where id in (:'private_lens', :'unlisted_lens')), 0,
  'another user sees neither a private nor an unlisted lens');
select is((select count(*)::int from lenses.lenses where id = :'public_lens'), 1, 'but sees a public one');
select throws_ok(format('select public.get_lens(%L)', :'private_lens'), 'PT404', format('get_lens: no lens %s that you can see', :'private_lens'),
  'get_lens hides a private lens');
select throws_ok(format('select public.update_lens(%L, p_title => %L)', :'private_lens', 'mine now'), 'PT404', null,
  'update_lens cannot reach a private lens');
select throws_ok(format('select public.update_lens(%L, p_title => %L)', :'public_lens', 'mine now'), '42501',
  format('update_lens: you cannot edit lens %s (it belongs to a lenser you do not own)', :'public_lens'), 'nor change a public one');
select throws_ok(format('select public.archive_lens(%L)', :'public_lens'), '42501', null, 'nor archive it');
update lenses.lenses set title = 'direct' where id in (:'public_lens', :'private_lens');
select throws_ok(format($$insert into lenses.lenses (lenser_id, title) values (%L, 'forged')$$, tests.profile_id(:'alice')),
  '42501', null, 'nor insert a lens for another lenser');
select tests.authenticate_as_anon();
select is((select count(*)::int from lenses.lenses where id in (:'private_lens', :'unlisted_lens', :'bot_lens')), 0, 'anon sees no private lens');
select is((public.get_lens(:'public_lens')) ->> 'title', 'Public lens', 'anon reads a public lens');
select is((select count(*)::int from public.list_lenses() where id = :'public_lens'), 1, 'anon lists public lenses');
select throws_ok($$select * from public.list_lenses(p_scope => 'mine')$$, '42501',
  'list_lenses: sign in first to list your own lenses (p_scope mine)', 'anon has no lenses of its own');
select throws_ok($$select public.create_lens(p_title => 'anon lens')$$, '42501', null, 'anon cannot create a lens');
select throws_ok(format($$update lenses.lenses set title = 'anon was here' where id = %L$$, :'public_lens'), '42501', null,
  'anon may not update lenses at all');
select tests.clear_authentication();
select is((select title from lenses.lenses where id = :'public_lens'), 'Public lens', 'neither another user nor anon changed the public lens');
select is((select title from lenses.lenses where id = :'private_lens'), 'Summariser', 'nor the private one');

-- update_lens ------------------------------------------------------------------------------------
select tests.authenticate_as(:'alice');
select is((public.update_lens(:'private_lens', p_description => '', p_tags => array['Fresh'], p_visibility => 'public')).description,
  null, 'an empty description clears it');
select is((select tags from lenses.lenses where id = :'private_lens'), array['fresh'], 'tags are replaced, normalised');
select is((select visibility::text from lenses.lenses where id = :'private_lens'), 'public', 'visibility changes');
select is((select content from lenses.lenses where id = :'private_lens'), '# Summariser', 'arguments left null keep their value');
select is((public.update_lens(:'private_lens', p_params => '{"defaults":{"topic":"tea"}}')).params, '{"defaults":{"topic":"tea"}}'::jsonb,
  'params are replaced');
select throws_ok(format('select public.update_lens(%L, p_title => %L)', :'private_lens', ''), '22023',
  'update_lens: p_title must be 1 to 200 characters', 'an empty title');
select throws_ok(format('select public.update_lens(%L, p_params => %L)', :'private_lens', '{"ui":{"order":["a","a"]}}'), '22023',
  'update_lens: p_params is not valid: params.ui.order must not repeat a name', 'bad params');
select throws_ok(format('select public.update_lens(%L, p_tags => %L)', :'private_lens', '{"a b"}'), '22023', null, 'bad tags');
select throws_ok($$select public.update_lens(null, p_title => 'x')$$, '22023', 'update_lens: p_lens_id is required', 'no lens id');
select throws_ok(format('select public.update_lens(%L)', gen_random_uuid()), 'PT404', null, 'an unknown lens');
select is((select title from lenses.lenses where id = :'private_lens'), 'Summariser', 'refused updates changed nothing');

-- list_lenses ------------------------------------------------------------------------------------
select is((select array_agg(title order by title) from public.list_lenses(p_scope => 'mine')),
  array['Bot lens 2', 'Public lens', 'Summariser', 'Unlisted lens'], 'mine lists the caller''s own lenses (and AIs they act as)');
select is((select count(*)::int from public.list_lenses(p_scope => 'mine', p_lenser_id => :'bot_profile')), 1, 'filtered by lenser');
select is((select array_agg(title) from public.list_lenses(p_scope => 'mine', p_tag => 'SHARED')), array['Public lens'], 'filtered by tag, any case');
select is((select array_agg(title) from public.list_lenses(p_scope => 'mine', p_search => 'unlist')), array['Unlisted lens'], 'searched by title');
select is((select array_agg(title) from public.list_lenses(p_scope => 'mine', p_search => '100%')), null, 'search wildcards are literal');
select is((select count(*)::int from public.list_lenses(p_scope => 'mine', p_status => 'published')), 0, 'filtered by status');
select is((select count(*)::int from public.list_lenses(p_scope => 'mine', p_limit => 2)), 2, 'a page of 2');
select is((select count(*)::int from public.list_lenses(p_scope => 'mine', p_limit => 2, p_offset => 2)), 2, 'the next page (4 lenses incl. the bot''s)');
select throws_ok($$select * from public.list_lenses(p_limit => 0)$$, '22023', 'list_lenses: p_limit must be between 1 and 200, got 0', 'p_limit 0');
select throws_ok($$select * from public.list_lenses(p_limit => 201)$$, '22023', 'list_lenses: p_limit must be between 1 and 200, got 201', 'p_limit 201');
select throws_ok($$select * from public.list_lenses(p_offset => -1)$$, '22023', 'list_lenses: p_offset must be 0 or more, got -1', 'a negative offset');
select throws_ok($$select * from public.list_lenses(p_scope => 'all')$$, '22023', 'list_lenses: p_scope must be mine or public, got all', 'an unknown scope');
select throws_ok($$select * from public.list_lenses(p_search => repeat('s', 201))$$, 'PT413', 'list_lenses: p_search is 201 characters long, over the limit of 200 characters', 'a long search');

-- get_lens and the derived status -------------------------------------------------------------------
select (public.create_lens_version(p_lens_id => :'public_lens', p_template_body => 'Hello')) ->> 'id' as v1 \gset
select is(jsonb_array_length(public.get_lens(:'public_lens') -> 'versions'), 1, 'get_lens returns the versions');
select public.publish_lens_version(:'v1');
select is((select status::text from lenses.lenses where id = :'public_lens'), 'published', 'a lens with a published version is published');
select isnt((select published_at from lenses.lenses where id = :'public_lens'), null, 'and has published_at');
select public.archive_lens_version(:'v1');
select is((select status::text from lenses.lenses where id = :'public_lens'), 'draft', 'without a published version it is a draft again');

-- archive_lens ---------------------------------------------------------------------------------------
select is((public.archive_lens(:'unlisted_lens')).status::text, 'archived', 'archive_lens archives');
select throws_ok(format('select public.archive_lens(%L)', :'unlisted_lens'), 'PT409',
  format('archive_lens: lens %s is already archived', :'unlisted_lens'), 'twice is refused');
select throws_ok(format('select public.update_lens(%L, p_title => %L)', :'unlisted_lens', 'again'), 'PT409',
  format('update_lens: lens %s is archived and cannot change', :'unlisted_lens'), 'an archived lens cannot change');
select throws_ok($$select public.archive_lens(null)$$, '22023', 'archive_lens: p_lens_id is required', 'archive_lens needs an id');
select throws_ok($$select public.get_lens(null)$$, '22023', 'get_lens: p_lens_id is required', 'get_lens needs an id');
select throws_ok(format('select public.create_lens_version(%L, %L)', :'unlisted_lens', 'x'), 'PT409',
  format('create_lens_version: lens %s is archived; it takes no new versions', :'unlisted_lens'), 'nor take versions');

-- A co-owner who leaves: their versions stay, published and intact, with created_by cleared.
select tests.authenticate_as(:'carol');
select (public.create_lens_version(:'bot_lens', 'By carol')) ->> 'id' as carol_v \gset
select public.publish_lens_version(:'carol_v');
select (public.create_workflow(p_title => 'Carol for the bot', p_lenser_id => :'bot_profile')).id as carol_wf \gset
select public.archive_workflow(:'carol_wf');
select tests.clear_authentication();
select lives_ok(format('delete from auth.users where id = %L', :'carol'), 'a user who authored versions and workflows can be deleted');
select is((select status::text || '/' || coalesce(created_by::text, 'null') from lenses.versions where id = :'carol_v'), 'published/null',
  'their published version stays, created_by cleared');
select is((select status::text || '/' || coalesce(created_by::text, 'null') from lenses.workflows where id = :'carol_wf'), 'archived/null',
  'and so does their archived workflow');

select * from finish();
rollback;

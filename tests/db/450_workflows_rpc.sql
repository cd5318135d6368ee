-- The workflow RPCs (create, update, list, get) with their argument rules, and RLS on workflows,
-- nodes and edges: another user and anon neither see a private workflow nor change any.
begin;
select plan(62);

select tests.create_user('wf-alice@example.com') as alice \gset
select tests.create_user('wf-bob@example.com') as bob \gset

select tests.authenticate_as(:'alice');
select (public.create_workflow(p_title => ' Morning brief ', p_description => 'Daily', p_tags => array['Daily', 'news'])).id as private_wf \gset
select is((select title from lenses.workflows where id = :'private_wf'), 'Morning brief', 'create_workflow trims the title');
select is((select tags from lenses.workflows where id = :'private_wf'), array['daily', 'news'], 'and normalises tags');
select is((select visibility::text || '/' || status::text from lenses.workflows where id = :'private_wf'), 'private/draft', 'private draft by default');
select is((select created_by from lenses.workflows where id = :'private_wf'), tests.profile_id(:'alice'), 'created_by is the caller');
select (public.create_workflow(p_title => 'Shared flow', p_visibility => 'public')).id as public_wf \gset
select (public.add_workflow_node(:'private_wf', 'ask', p_kind => 'human_input', p_config => '{"prompt":"Topic?"}')).id as p_ask \gset
select (public.add_workflow_node(:'private_wf', 'think', p_kind => 'human_input', p_config => '{"prompt":"More?"}')).id as p_think \gset
select (public.add_workflow_edge(:'p_ask', :'p_think')).id as p_edge \gset
select (public.add_workflow_node(:'public_wf', 'only', p_kind => 'human_input', p_config => '{"prompt":"Hi"}')).id as pub_node \gset
select (public.add_workflow_node(:'public_wf', 'second', p_kind => 'human_input', p_config => '{"prompt":"Again"}')).id as pub_node2 \gset
select (public.add_workflow_edge(:'pub_node', :'pub_node2')).id as pub_edge \gset

select throws_ok($$select public.create_workflow(p_title => '')$$, '22023', 'create_workflow: p_title must be 1 to 200 characters', 'an empty title');
select throws_ok($$select public.create_workflow(p_title => null)$$, '22023', 'create_workflow: p_title must be 1 to 200 characters', 'no title');
select throws_ok($$select public.create_workflow(p_title => 'x', p_description => repeat('d', 10001))$$, 'PT413',
  'create_workflow: p_description is 10001 characters long, over the limit of 10000 characters', 'a long description');
select throws_ok($$select public.create_workflow(p_title => 'x', p_visibility => null)$$, '22023',
  'create_workflow: p_visibility must be public, private or unlisted', 'no visibility');
select throws_ok($$select public.create_workflow(p_title => 'x', p_tags => array['?'])$$, '22023',
  'create_workflow: p_tags must be at most 20 distinct slugs of 1 to 40 letters, digits, _ or -, got {?}', 'a bad tag');
select throws_ok(format('select public.create_workflow(p_title => %L, p_lenser_id => %L)', 'x', tests.profile_id(:'bob')), '42501',
  format('create_workflow: you cannot act as lenser %s (your own profile or an AI you own or co-own)', tests.profile_id(:'bob')), 'not for another lenser');
select is((select count(*)::int from lenses.workflows where lenser_id = tests.profile_id(:'alice')), 2, 'the refused calls created nothing');

-- update_workflow, get_workflow, list_workflows ---------------------------------------------------------
select is((public.update_workflow(:'private_wf', p_description => '', p_tags => array['Morning'])).description, null, 'an empty description clears it');
select is((select tags from lenses.workflows where id = :'private_wf'), array['morning'], 'tags are replaced');
select is((select title from lenses.workflows where id = :'private_wf'), 'Morning brief', 'null keeps the title');
select throws_ok(format('select public.update_workflow(%L, p_title => %L)', :'private_wf', repeat('t', 201)), 'PT413',
  'update_workflow: p_title is 201 characters long, over the limit of 200 characters', 'a long title');
select throws_ok(format('select public.update_workflow(%L, p_tags => %L)', :'private_wf', '{"A B"}'), '22023', null, 'bad tags');
select throws_ok($$select public.update_workflow(null)$$, '22023', 'update_workflow: p_workflow_id is required', 'no workflow id');

select public.get_workflow(:'private_wf') as got \gset
select is(jsonb_array_length((:'got')::jsonb -> 'nodes'), 2, 'get_workflow returns the nodes');
select is((:'got')::jsonb -> 'edges' -> 0 ->> 'source_key', 'ask', 'and the edges with their node keys');
select throws_ok($$select public.get_workflow(null)$$, '22023', 'get_workflow: p_workflow_id is required', 'get_workflow needs an id');

select is((select array_agg(title order by title) from public.list_workflows(p_scope => 'mine')), array['Morning brief', 'Shared flow'], 'mine lists the caller''s workflows');
select is((select array_agg(title) from public.list_workflows(p_scope => 'mine', p_tag => 'morning')), array['Morning brief'], 'by tag');
select is((select array_agg(title) from public.list_workflows(p_scope => 'mine', p_search => 'shared')), array['Shared flow'], 'by text');
select is((select count(*)::int from public.list_workflows(p_scope => 'mine', p_status => 'published')), 0, 'by status');
select is((select count(*)::int from public.list_workflows(p_scope => 'mine', p_limit => 1, p_offset => 1)), 1, 'a page at a time');
select throws_ok($$select * from public.list_workflows(p_limit => 0)$$, '22023', 'list_workflows: p_limit must be between 1 and 200, got 0', 'p_limit 0');
select throws_ok($$select * from public.list_workflows(p_offset => -3)$$, '22023', 'list_workflows: p_offset must be 0 or more, got -3', 'a negative offset');
select throws_ok($$select * from public.list_workflows(p_scope => 'theirs')$$, '22023', 'list_workflows: p_scope must be mine or public, got theirs', 'an unknown scope');
select throws_ok($$select public.update_workflow_edge(null)$$, '22023', 'update_workflow_edge: p_edge_id is required', 'update_workflow_edge needs an id');
select throws_ok($$select public.remove_workflow_edge(null)$$, '22023', 'remove_workflow_edge: p_edge_id is required', 'remove_workflow_edge needs an id');
select throws_ok($$select public.remove_workflow_node(null)$$, '22023', 'remove_workflow_node: p_node_id is required', 'remove_workflow_node needs an id');
select throws_ok($$select public.archive_workflow(null)$$, '22023', 'archive_workflow: p_workflow_id is required', 'archive_workflow needs an id');

-- Another user -------------------------------------------------------------------------------------------
select tests.authenticate_as(:'bob');
select is((select count(*)::int from lenses.workflows where id = :'private_wf'), 0, 'another user does not see a private workflow');
select is((select count(*)::int from lenses.workflow_nodes where workflow_id = :'private_wf'), 0, 'nor its nodes');
select is((select count(*)::int from lenses.workflow_edges where workflow_id = :'private_wf'), 0, 'nor its edges');
select is((select count(*)::int from public.list_workflows() where id = :'private_wf'), 0, 'nor lists it');
select throws_ok(format('select public.get_workflow(%L)', :'private_wf'), 'PT404', format('get_workflow: no workflow %s that you can see', :'private_wf'),
  'nor gets it');
select is((select count(*)::int from lenses.workflow_nodes where workflow_id = :'public_wf'), 2, 'a public workflow''s nodes are readable');
select is(jsonb_array_length(public.get_workflow(:'public_wf') -> 'edges'), 1, 'and its edges');
select throws_ok(format('select public.update_workflow(%L, p_title => %L)', :'public_wf', 'taken'), '42501',
  format('update_workflow: you cannot edit workflow %s (it belongs to a lenser you do not own)', :'public_wf'), 'but it cannot be changed');
select throws_ok(format('select public.add_workflow_node(%L, %L, p_kind => %L, p_config => %L)', :'public_wf', 'mine', 'human_input', '{"prompt":"x"}'), '42501', null,
  'nor given a node');
select throws_ok(format('select public.add_workflow_edge(%L, %L)', :'pub_node2', :'pub_node'), '42501', null, 'nor an edge');
select throws_ok(format('select public.remove_workflow_edge(%L)', :'pub_edge'), '42501', null, 'nor lose one');
select throws_ok(format('select public.update_workflow_node(%L, p_key => %L)', :'pub_node', 'renamed'), '42501', null, 'nor have a node changed');
select throws_ok(format('select public.remove_workflow_edge(%L)', :'p_edge'), 'PT404', null, 'a private edge is not even found');
select throws_ok(format('select public.update_workflow_edge(%L, p_merge_strategy => %L, p_target_input_path => %L)', :'pub_edge', 'array', 'x'), '42501',
  format('update_workflow_edge: you cannot edit workflow %s (it belongs to a lenser you do not own)', :'public_wf'), 'nor an edge changed');
select throws_ok(format('select public.remove_workflow_node(%L)', :'pub_node'), '42501', null, 'nor a node removed');
select throws_ok(format('select public.publish_workflow(%L)', :'public_wf'), '42501', null, 'nor is it published by them');
select throws_ok(format($$insert into lenses.workflow_nodes (workflow_id, key, kind, config) values (%L, 'x', 'human_input', '{"prompt":"x"}')$$, :'public_wf'),
  '42501', null, 'direct inserts are refused by RLS');
update lenses.workflow_nodes set key = 'hijacked' where workflow_id in (:'public_wf', :'private_wf');
delete from lenses.workflow_edges where workflow_id in (:'public_wf', :'private_wf');
delete from lenses.workflow_nodes where workflow_id in (:'public_wf', :'private_wf');
update lenses.workflows set title = 'hijacked' where id in (:'public_wf', :'private_wf');
select throws_ok(format('select public.archive_workflow(%L)', :'public_wf'), '42501', null, 'nor can it be archived');

-- Anon ------------------------------------------------------------------------------------------------------
select tests.authenticate_as_anon();
select is((select count(*)::int from lenses.workflows where id = :'private_wf'), 0, 'anon does not see a private workflow');
select is((select count(*)::int from lenses.workflow_nodes where workflow_id = :'private_wf'), 0, 'nor its nodes');
select is((public.get_workflow(:'public_wf')) ->> 'title', 'Shared flow', 'anon reads a public workflow');
select is((public.validate_workflow(:'public_wf')) ->> 'valid', 'true', 'and may validate it');
select throws_ok($$select * from public.list_workflows(p_scope => 'mine')$$, '42501',
  'list_workflows: sign in first to list your own workflows (p_scope mine)', 'anon has no workflows of its own');
select throws_ok(format('select public.publish_workflow(%L)', :'public_wf'), '42501', null, 'anon cannot publish');
select throws_ok(format($$delete from lenses.workflow_nodes where workflow_id = %L$$, :'public_wf'), '42501', null, 'nor delete nodes');

select tests.clear_authentication();
select is_empty($$
  select p.proname from pg_proc p
  where p.pronamespace = 'public'::regnamespace
    and p.proname in ('create_lens', 'update_lens', 'archive_lens', 'create_lens_version', 'update_lens_version', 'set_version_parameters',
      'publish_lens_version', 'archive_lens_version', 'create_workflow', 'update_workflow', 'archive_workflow', 'add_workflow_node',
      'update_workflow_node', 'remove_workflow_node', 'add_workflow_edge', 'update_workflow_edge', 'remove_workflow_edge', 'publish_workflow')
    and has_function_privilege('anon', p.oid, 'execute')
$$, 'anon may call none of the lens and workflow write RPCs');
select is((select count(*)::int from pg_proc p where p.pronamespace = 'public'::regnamespace and p.proname in ('list_lenses', 'get_lens',
  'render_lens_version', 'list_lens_tools', 'list_workflows', 'get_workflow', 'validate_workflow') and has_function_privilege('anon', p.oid, 'execute')),
  7, 'anon may call the seven read RPCs');
select is((select count(*)::int from lenses.workflow_nodes where workflow_id in (:'public_wf', :'private_wf') and key <> 'hijacked'), 4,
  'no node was changed or removed by another user or anon');
select is((select count(*)::int from lenses.workflow_edges where workflow_id in (:'public_wf', :'private_wf')), 2, 'no edge was removed');
select is((select count(*)::int from lenses.workflows where title = 'hijacked'), 0, 'no workflow was renamed');

select * from finish();
rollback;

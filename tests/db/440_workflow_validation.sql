-- Workflow validation (every error code), the contract compatibility rule edge by edge, and the
-- workflow lifecycle: publish only when valid, frozen once published, archived is final.
begin;
select plan(43);

select tests.create_user('val-alice@example.com') as alice \gset
select tests.create_user('val-bob@example.com') as bob \gset

-- Contract compatibility, one edge at a time ---------------------------------------------------------
create temporary table compat (name text, src jsonb, tgt jsonb, src_path text, tgt_path text, merge lenses.merge_strategy, want text[]);
grant select on compat to authenticated, anon;
insert into compat values
  ('no source contract', null, '{"kind":"json","fields":[{"name":"a","type":"string","required":true}]}', null, null, 'last_write_wins', '{}'),
  ('no target contract', '{"kind":"text","artifactKind":"text"}', null, 'nope', 'nope', 'last_write_wins', '{}'),
  ('whole into whole, same fields',
   '{"kind":"json","artifactKind":"json","fields":[{"name":"a","type":"string","required":true},{"name":"b","type":"integer","required":false}]}',
   '{"kind":"json","fields":[{"name":"a","type":"string","required":true},{"name":"b","type":"number","required":false}]}',
   null, null, 'last_write_wins', '{}'),
  ('whole into whole, a field of another type',
   '{"kind":"json","artifactKind":"json","fields":[{"name":"score","type":"string","required":true}]}',
   '{"kind":"json","fields":[{"name":"score","type":"number","required":true}]}', null, null, 'last_write_wins', '{edge_type_mismatch}'),
  ('text into text', '{"kind":"text","artifactKind":"markdown"}', '{"kind":"text"}', null, null, 'last_write_wins', '{}'),
  ('text field into a string field', '{"kind":"text","artifactKind":"markdown"}',
   '{"kind":"json","fields":[{"name":"body","type":"string","required":true}]}', 'text', 'body', 'last_write_wins', '{}'),
  ('a path the text output does not have', '{"kind":"text","artifactKind":"markdown"}',
   '{"kind":"json","fields":[{"name":"body","type":"string","required":true}]}', 'summary', 'body', 'last_write_wins', '{edge_source_path_unknown}'),
  ('a source path naming no field', '{"kind":"json","artifactKind":"json","fields":[{"name":"a","type":"string","required":true}]}',
   '{"kind":"json"}', 'b', 'x', 'last_write_wins', '{edge_source_path_unknown}'),
  ('a deep path into a string', '{"kind":"json","artifactKind":"json","fields":[{"name":"a","type":"string","required":true}]}',
   '{"kind":"json"}', 'a.b', 'x', 'last_write_wins', '{edge_source_path_unknown}'),
  ('a deep path into an object is untyped', '{"kind":"json","artifactKind":"json","fields":[{"name":"meta","type":"object","required":true}]}',
   '{"kind":"json","fields":[{"name":"n","type":"integer","required":true}]}', 'meta.count', 'n', 'last_write_wins', '{}'),
  ('a target path naming no field', '{"kind":"json","artifactKind":"json","fields":[{"name":"a","type":"string","required":true}]}',
   '{"kind":"json","fields":[{"name":"b","type":"string","required":true}]}', 'a', 'c', 'last_write_wins', '{edge_target_path_unknown}'),
  ('a number into a string field', '{"kind":"json","artifactKind":"json","fields":[{"name":"n","type":"number","required":true}]}',
   '{"kind":"json","fields":[{"name":"s","type":"string","required":true}]}', 'n', 's', 'last_write_wins', '{edge_type_mismatch}'),
  ('an integer into a number field', '{"kind":"json","artifactKind":"json","fields":[{"name":"n","type":"integer","required":true}]}',
   '{"kind":"json","fields":[{"name":"x","type":"number","required":true}]}', 'n', 'x', 'last_write_wins', '{}'),
  ('a number into an integer field', '{"kind":"json","artifactKind":"json","fields":[{"name":"n","type":"number","required":true}]}',
   '{"kind":"json","fields":[{"name":"x","type":"integer","required":true}]}', 'n', 'x', 'last_write_wins', '{edge_type_mismatch}'),
  ('a string field carried without a target path', '{"kind":"json","artifactKind":"json","fields":[{"name":"s","type":"string","required":true}]}',
   '{"kind":"json","fields":[{"name":"s","type":"string","required":true}]}', 's', null, 'last_write_wins', '{edge_type_mismatch}'),
  ('concat strings', '{"kind":"json","artifactKind":"json","fields":[{"name":"s","type":"string","required":true}]}',
   '{"kind":"json","fields":[{"name":"all","type":"string","required":true}]}', 's', 'all', 'concat', '{}'),
  ('concat into a number field', '{"kind":"json","artifactKind":"json","fields":[{"name":"s","type":"string","required":true}]}',
   '{"kind":"json","fields":[{"name":"n","type":"number","required":true}]}', 's', 'n', 'concat', '{edge_merge_mismatch}'),
  ('concat a string into an array field', '{"kind":"json","artifactKind":"json","fields":[{"name":"s","type":"string","required":true}]}',
   '{"kind":"json","fields":[{"name":"list","type":"array","required":true}]}', 's', 'list', 'concat', '{edge_type_mismatch}'),
  ('array collects anything', '{"kind":"json","artifactKind":"json","fields":[{"name":"n","type":"number","required":true}]}',
   '{"kind":"json","fields":[{"name":"list","type":"array","required":true}]}', 'n', 'list', 'array', '{}'),
  ('array into a string field', '{"kind":"json","artifactKind":"json","fields":[{"name":"n","type":"number","required":true}]}',
   '{"kind":"json","fields":[{"name":"s","type":"string","required":true}]}', 'n', 's', 'array', '{edge_merge_mismatch}'),
  ('json_object into an object field', '{"kind":"text","artifactKind":"text"}',
   '{"kind":"json","fields":[{"name":"by_source","type":"object","required":true}]}', null, 'by_source', 'json_object', '{}'),
  ('json_object into a string field', '{"kind":"text","artifactKind":"text"}',
   '{"kind":"json","fields":[{"name":"s","type":"string","required":true}]}', null, 's', 'json_object', '{edge_merge_mismatch}'),
  ('an open source is untyped', '{"kind":"json","artifactKind":"json"}',
   '{"kind":"json","fields":[{"name":"s","type":"string","required":true}]}', 'anything', 's', 'last_write_wins', '{}'),
  ('an open target is untyped', '{"kind":"json","artifactKind":"json","fields":[{"name":"n","type":"number","required":true}]}',
   '{"kind":"json"}', 'n', 'whatever', 'last_write_wins', '{}');
select is(
  (select array_agg(c.name order by c.name) from compat c
   where c.want is distinct from (select coalesce(array_agg(e.code order by e.code), '{}')
                                  from lenses.fn_edge_contract_errors(c.src, c.tgt, c.src_path, c.tgt_path, c.merge) e)),
  null, 'every compatibility case gives the expected error codes (names of the cases that do not are listed)');
select is((select count(*)::int from compat), 24, 'all 24 compatibility cases ran');

-- Lenses to build with --------------------------------------------------------------------------------
select tests.authenticate_as(:'bob');
select (public.create_lens(p_title => 'Bob shares', p_visibility => 'public')).id as bob_lens \gset
select (public.create_lens_version(:'bob_lens', 'Shared')) ->> 'id' as bob_v \gset
select public.publish_lens_version(:'bob_v');

select tests.authenticate_as(:'alice');
select tests.published_version('Summarise [[text]] in [[tone]]',
  '[{"label":"text","tool_key":"textarea","required":true},{"label":"tone","tool_key":"select","config":{"options":["dry","warm"]},"default_value":"dry"}]',
  p_input_contract => '{"kind":"json","fields":[{"name":"text","type":"string","required":true}]}',
  p_output_contract => '{"kind":"json","artifactKind":"summary","fields":[{"name":"summary","type":"string","required":true},{"name":"score","type":"number","required":true}]}') as summarise \gset
select tests.published_version('Critique [[summary]] with [[tone]]',
  '[{"label":"summary","tool_key":"textarea","required":true},{"label":"tone","tool_key":"text","required":true}]',
  p_input_contract => '{"kind":"json","fields":[{"name":"summary","type":"string","required":true},{"name":"tone","type":"string","required":true}]}',
  p_output_contract => '{"kind":"text","artifactKind":"markdown"}') as critique \gset
select tests.draft_version('Draft only') as draft_v \gset

-- no_nodes ------------------------------------------------------------------------------------------------
select (public.create_workflow(p_title => 'Empty')).id as empty \gset
select is(public.validate_workflow(:'empty'), '{"valid":false,"errors":[{"code":"no_nodes","message":"a workflow needs at least one node"}]}'::jsonb,
  'an empty workflow is invalid');
select throws_ok(format('select public.publish_workflow(%L)', :'empty'), '23514',
  format('publish_workflow: workflow %s is not valid: a workflow needs at least one node', :'empty'), 'and cannot be published');
select is((select status::text from lenses.workflows where id = :'empty'), 'draft', 'it stays a draft');

-- cycle ----------------------------------------------------------------------------------------------------
select (public.create_workflow(p_title => 'Loop')).id as loop \gset
select (public.add_workflow_node(:'loop', 'a', p_kind => 'human_input', p_config => '{"prompt":"a"}')).id as la \gset
select (public.add_workflow_node(:'loop', 'b', p_kind => 'human_input', p_config => '{"prompt":"b"}')).id as lb \gset
select (public.add_workflow_node(:'loop', 'c', p_kind => 'human_input', p_config => '{"prompt":"c"}')).id as lc \gset
select (public.add_workflow_node(:'loop', 'd', p_kind => 'human_input', p_config => '{"prompt":"d"}')).id as ld \gset
select public.add_workflow_edge(:'la', :'lb');
select public.add_workflow_edge(:'lb', :'lc');
select public.add_workflow_edge(:'lc', :'ld');
select is((public.validate_workflow(:'loop')) ->> 'valid', 'true', 'a chain is valid');
select public.add_workflow_edge(:'lc', :'la');
select is((select array_agg(e ->> 'node_key' order by e ->> 'node_key') from jsonb_array_elements(public.validate_workflow(:'loop') -> 'errors') e where e ->> 'code' = 'cycle'),
  array['a', 'b', 'c'], 'a cycle names each node on it, and only those');
select is(tests.error_codes(public.validate_workflow(:'loop')), array['cycle', 'cycle', 'cycle'], 'and nothing else');

-- edge_outside_workflow (only possible around the trigger, e.g. rows loaded without it) ----------------------
select (public.create_workflow(p_title => 'Neighbour')).id as neighbour \gset
select (public.add_workflow_node(:'neighbour', 'n', p_kind => 'human_input', p_config => '{"prompt":"n"}')).id as nn \gset
select tests.clear_authentication();
alter table lenses.workflow_edges disable trigger workflow_edges_guard;
insert into lenses.workflow_edges (workflow_id, source_node_id, target_node_id) values (:'loop', :'ld', :'nn') returning id as stray \gset
alter table lenses.workflow_edges enable trigger workflow_edges_guard;
select tests.authenticate_as(:'alice');
select is((select e ->> 'edge_id' from jsonb_array_elements(public.validate_workflow(:'loop') -> 'errors') e where e ->> 'code' = 'edge_outside_workflow'),
  :'stray', 'an edge leaving the workflow is reported with its id');
select is((select e ->> 'message' from jsonb_array_elements(public.validate_workflow(:'loop') -> 'errors') e where e ->> 'code' = 'edge_outside_workflow'),
  'edge d -> n leaves the workflow (its target belongs to another workflow)', 'and says which end is outside');

-- version_not_published, version_not_readable, unknown_model, node params, inline overrides ----------------
select (public.create_workflow(p_title => 'Nodes')).id as nodes \gset
select public.add_workflow_node(:'nodes', 'drafty', p_lens_version_id => :'draft_v');
select public.add_workflow_node(:'nodes', 'shared', p_lens_version_id => :'bob_v');
select public.add_workflow_node(:'nodes', 'params', p_lens_version_id => :'summarise', p_config => '{"params":{"tone":"loud","nope":1,"text":"fine"}}');
select public.add_workflow_node(:'nodes', 'inline', p_inline_override =>
  '{"template_body":"Use [[a]] and [[b]]","parameters":[{"label":"a","type":"text"},{"label":"c","type":"integer","default_value":"x"}]}');
select tests.clear_authentication();
insert into ai.models (provider_id, model_key, display_name, context_window, support_level, summary)
  select id, 'temp-model', 'Temporary', 1000, 'runnable', 'Removed during the test' from ai.providers where key = 'local' returning id as temp_model \gset
select tests.authenticate_as(:'alice');
select public.add_workflow_node(:'nodes', 'modelled', p_kind => 'human_input', p_config => '{"prompt":"?","timeout_ms":5000}');
select public.add_workflow_node(:'nodes', 'gone-model', p_lens_version_id => :'summarise', p_config => format('{"model_id":"%s"}', :'temp_model')::jsonb);
select tests.clear_authentication();
delete from ai.models where id = :'temp_model';
select tests.authenticate_as(:'bob');
select public.update_lens(:'bob_lens', p_visibility => 'private');
select tests.authenticate_as(:'alice');
select public.validate_workflow(:'nodes') as nodes_result \gset
select is(tests.error_codes(:'nodes_result'),
  array['inline_override_invalid', 'inline_override_invalid', 'inline_override_invalid', 'node_param_invalid', 'node_param_unknown',
        'unknown_model', 'version_not_published', 'version_not_readable'],
  'each node problem is reported');
select is((select e ->> 'message' from jsonb_array_elements((:'nodes_result')::jsonb -> 'errors') e where e ->> 'code' = 'version_not_published'),
  'node "drafty" uses version 1 of lens "Draft lens", which is draft, not published', 'a draft version is named');
select is((select e ->> 'node_key' from jsonb_array_elements((:'nodes_result')::jsonb -> 'errors') e where e ->> 'code' = 'version_not_readable'),
  'shared', 'a version that became private is not readable');
select is((select array_agg(e ->> 'message' order by e ->> 'message') from jsonb_array_elements((:'nodes_result')::jsonb -> 'errors') e where e ->> 'code' = 'inline_override_invalid'),
  array['node "inline" inline override: default_value of parameter "c" (integer) must be a number, got "x"',
        'node "inline" inline override: parameter "c" does not appear in the template',
        'node "inline" inline override: template placeholder [[b]] has no parameter'], 'an inline override is checked like a version');
select is((select e ->> 'message' from jsonb_array_elements((:'nodes_result')::jsonb -> 'errors') e where e ->> 'code' = 'node_param_invalid'),
  'node "params" config.params: parameter "tone" (select) must be one of ["dry","warm"], got "loud"', 'a node param is type-checked');
select is((select e ->> 'message' from jsonb_array_elements((:'nodes_result')::jsonb -> 'errors') e where e ->> 'code' = 'node_param_unknown'),
  'node "params" config.params has "nope", which is not a parameter of its lens', 'an unknown node param is named');
select is((select e ->> 'node_key' from jsonb_array_elements((:'nodes_result')::jsonb -> 'errors') e where e ->> 'code' = 'unknown_model'),
  'gone-model', 'a model that left the catalog is reported');

-- Contracts along edges, through validation ------------------------------------------------------------------
select (public.create_workflow(p_title => 'Contracts')).id as contracts \gset
select (public.add_workflow_node(:'contracts', 'summarise', p_lens_version_id => :'summarise')).id as cs \gset
select (public.add_workflow_node(:'contracts', 'critique', p_lens_version_id => :'critique')).id as cc \gset
select (public.add_workflow_edge(:'cs', :'cc', p_source_output_path => 'score', p_target_input_path => 'summary')).id as bad_edge \gset
select public.validate_workflow(:'contracts') as contracts_result \gset
select is(tests.error_codes(:'contracts_result'), array['edge_type_mismatch', 'input_field_unsupplied'],
  'a number into a string field, and a required field nobody supplies');
select is((select e ->> 'message' from jsonb_array_elements((:'contracts_result')::jsonb -> 'errors') e where e ->> 'code' = 'edge_type_mismatch'),
  'edge summarise -> critique: input field "summary" is string but the edge carries a number', 'the mismatch names the field and types');
select is((select e ->> 'edge_id' from jsonb_array_elements((:'contracts_result')::jsonb -> 'errors') e where e ->> 'code' = 'edge_type_mismatch'),
  :'bad_edge', 'and the edge');
select is((select e ->> 'message' from jsonb_array_elements((:'contracts_result')::jsonb -> 'errors') e where e ->> 'code' = 'input_field_unsupplied'),
  'node "critique" requires input field "tone" but no incoming edge supplies it', 'the unsupplied field is named');
select public.update_workflow_edge(:'bad_edge', p_source_output_path => 'summary');
select is(tests.error_codes(public.validate_workflow(:'contracts')), array['input_field_unsupplied'], 'fixing the path fixes the type');
select (public.add_workflow_node(:'contracts', 'ask-tone', p_kind => 'human_input', p_config => '{"prompt":"Which tone?"}')).id as ct \gset
select public.add_workflow_edge(:'ct', :'cc', p_source_output_path => 'tone', p_target_input_path => 'tone');
select is(public.validate_workflow(:'contracts'), '{"valid":true,"errors":[]}'::jsonb, 'an untyped source can supply the field: valid');

-- Publishing and the lifecycle ------------------------------------------------------------------------------
select tests.clear_authentication();
select throws_ok(format($$update lenses.workflows set status = 'published' where id = %L$$, :'loop'), '23514', null,
  'a direct publish of an invalid workflow is refused by the trigger');
select throws_ok(format($$insert into lenses.workflows (lenser_id, title, status) values (%L, 'x', 'published')$$, tests.profile_id(:'alice')), '23514',
  'workflows: a workflow is created as a draft (asked published); publish it afterwards', 'a workflow is created as a draft');
select tests.authenticate_as(:'bob');
select throws_ok(format('select public.publish_workflow(%L)', :'contracts'), 'PT404', null, 'another user cannot publish a private workflow');
select throws_ok(format('select public.validate_workflow(%L)', :'contracts'), 'PT404',
  format('validate_workflow: no workflow %s that you can see', :'contracts'), 'nor validate it');
select tests.authenticate_as(:'alice');
select is((public.publish_workflow(:'contracts')).status::text, 'published', 'a valid workflow publishes');
select isnt((select published_at from lenses.workflows where id = :'contracts'), null, 'with published_at');
select throws_ok(format('select public.publish_workflow(%L)', :'contracts'), 'PT409',
  format('publish_workflow: p_workflow_id %s is not a draft (it is published)', :'contracts'), 'publishing twice is refused');
select throws_ok($$select public.publish_workflow(null)$$, '22023', 'publish_workflow: p_workflow_id is required', 'no workflow id');
select throws_ok($$select public.validate_workflow(null)$$, '22023', 'validate_workflow: p_workflow_id is required', 'no workflow id to validate');
select tests.clear_authentication();
select throws_ok(format($$update lenses.workflows set status = 'draft' where id = %L$$, :'contracts'), 'PT409',
  format('workflows: workflow %s is published and cannot return to draft', :'contracts'), 'a published workflow does not return to draft');
select throws_ok(format($$update lenses.workflows set lenser_id = %L where id = %L$$, tests.profile_id(:'bob'), :'contracts'), '23514',
  'workflows.lenser_id cannot change (a workflow stays with its lenser)', 'nor changes hands');
select tests.authenticate_as(:'alice');
select is((public.update_workflow(:'contracts', p_title => 'Renamed')).title, 'Renamed', 'a published workflow''s title may change');
select is((public.archive_workflow(:'contracts')).status::text, 'archived', 'archive_workflow archives');
select isnt((select archived_at from lenses.workflows where id = :'contracts'), null, 'with archived_at');
select throws_ok(format('select public.update_workflow(%L, p_title => %L)', :'contracts', 'x'), 'PT409',
  format('update_workflow: workflow %s is archived and cannot change', :'contracts'), 'an archived workflow does not change');
select throws_ok(format('select public.archive_workflow(%L)', :'contracts'), 'PT409',
  format('archive_workflow: workflow %s is already archived', :'contracts'), 'nor is archived twice');
select tests.clear_authentication();
select throws_ok(format($$update lenses.workflows set title = 'x' where id = %L$$, :'contracts'), 'PT409',
  format('workflows: workflow %s is archived and cannot change', :'contracts'), 'not even directly');
select tests.authenticate_as(:'alice');
select is((public.archive_workflow(:'empty')).status::text, 'archived', 'a draft can be archived without being published');
select is((select published_at from lenses.workflows where id = :'empty'), null, 'and has no published_at');

-- The publish error carries every validation error as JSON in its detail.
create function pg_temp.publish_detail(p_workflow_id uuid) returns jsonb language plpgsql as $$
declare v_detail text;
begin
  perform public.publish_workflow(p_workflow_id);
  return null;
exception when sqlstate '23514' then
  get stacked diagnostics v_detail = pg_exception_detail;
  return v_detail::jsonb;
end $$;
select is(tests.error_codes(jsonb_build_object('errors', pg_temp.publish_detail(:'loop'))),
  array['cycle', 'cycle', 'cycle', 'edge_outside_workflow'], 'the refusal''s detail lists the errors as JSON');

select * from finish();
rollback;

-- Workflow nodes and edges: the table rules (kinds, config and inline override shapes, model_id,
-- readable versions, self-loops, duplicates, cross-workflow edges, merge paths, frozen once
-- published), the node and edge RPCs with their argument rules, and the engine helpers.
begin;
select plan(75);

select tests.create_user('graph-alice@example.com') as alice \gset
select tests.create_user('graph-bob@example.com') as bob \gset
select id as model_id from ai.models where model_key = 'local-echo' \gset

select tests.authenticate_as(:'bob');
select tests.published_version('Bob private [[x]]', '[{"label":"x","tool_key":"text"}]') as bob_private_v \gset
select tests.published_version('Bob public', p_visibility => 'public') as bob_public_v \gset

select tests.authenticate_as(:'alice');
select tests.published_version('Summarise [[text]]', '[{"label":"text","tool_key":"textarea","required":true}]',
  p_output_contract => '{"kind":"json","artifactKind":"summary","fields":[{"name":"summary","type":"string","required":true}]}') as v \gset
select (public.create_workflow(p_title => 'Graph')).id as wf \gset
select (public.create_workflow(p_title => 'Elsewhere')).id as wf2 \gset

-- add_workflow_node --------------------------------------------------------------------------------
select (public.add_workflow_node(:'wf', 'summarise', p_lens_version_id => :'v', p_title => 'Summarise',
  p_config => format('{"model_id":"%s","timeout_ms":60000,"retry":{"max_retries":2,"backoff_ms":500},"params":{"text":"hello"},"position":{"x":0,"y":0}}', :'model_id')::jsonb)).id as a \gset
select is((select kind::text from lenses.workflow_nodes where id = :'a'), 'lens', 'a lens node with a version');
select (public.add_workflow_node(:'wf', 'review', p_inline_override =>
  '{"template_body":"Review: [[summary]]","input_contract":{"kind":"json","fields":[{"name":"summary","type":"string","required":true}]},"parameters":[{"label":"summary","type":"textarea","required":true}]}')).id as b \gset
select is((select inline_override ->> 'template_body' from lenses.workflow_nodes where id = :'b'), 'Review: [[summary]]', 'a lens node with an inline override');
select (public.add_workflow_node(:'wf', 'approve', p_kind => 'human_input', p_config => '{"prompt":"Ship it?"}')).id as c \gset
select is((select config ->> 'prompt' from lenses.workflow_nodes where id = :'c'), 'Ship it?', 'a human_input node with a prompt');
select (public.add_workflow_node(:'wf', 'public-step', p_lens_version_id => :'bob_public_v')).id as d \gset
select isnt(:'d'::uuid, null::uuid, 'a node may use another lenser''s public published version');
select (public.add_workflow_node(:'wf2', 'elsewhere', p_kind => 'human_input', p_config => '{"prompt":"?"}')).id as other_node \gset

select throws_ok(format('select public.add_workflow_node(%L, %L, p_lens_version_id => %L)', :'wf', 'summarise', :'v'), '23505',
  format('add_workflow_node: p_key "summarise" is taken in workflow %s', :'wf'), 'a key is unique in its workflow');
select throws_ok(format('select public.add_workflow_node(%L, %L, p_lens_version_id => %L)', :'wf', 'Bad Key', :'v'), '22023',
  'add_workflow_node: p_key "Bad Key" must be a slug (a lower-case letter, then letters, digits, _ or -; at most 63)', 'a key must be a slug');
select throws_ok(format('select public.add_workflow_node(%L, %L)', :'wf', 'empty'), '22023',
  'add_workflow_node: a lens node needs exactly one of p_lens_version_id and p_inline_override', 'a lens node needs a body');
select throws_ok(format('select public.add_workflow_node(%L, %L, p_lens_version_id => %L, p_inline_override => %L)', :'wf', 'both', :'v', '{"template_body":"x"}'), '22023',
  'add_workflow_node: a lens node needs exactly one of p_lens_version_id and p_inline_override', 'but not two');
select throws_ok(format('select public.add_workflow_node(%L, %L, p_kind => %L, p_lens_version_id => %L, p_config => %L)', :'wf', 'human', 'human_input', :'v', '{"prompt":"?"}'), '22023',
  'add_workflow_node: a human_input node has no p_lens_version_id or p_inline_override (its config carries a prompt)', 'a human node has no lens');
select throws_ok(format('select public.add_workflow_node(%L, %L, p_kind => %L)', :'wf', 'human', 'human_input'), '22023',
  'add_workflow_node: p_config is not valid: human_input node config needs a prompt', 'a human node needs a prompt');
select throws_ok(format('select public.add_workflow_node(%L, %L, p_lens_version_id => %L)', :'wf', 'private', :'bob_private_v'), '22023',
  format('add_workflow_node: p_lens_version_id %s is not a lens version you can read', :'bob_private_v'), 'another user''s private version is refused');
select throws_ok(format('select public.add_workflow_node(%L, %L, p_lens_version_id => %L, p_config => %L)', :'wf', 'ghost', :'v', format('{"model_id":"%s"}', gen_random_uuid())), '22023',
  null, 'a model_id that names no model is refused');
select throws_ok(format('select public.add_workflow_node(%L, %L, p_lens_version_id => %L, p_config => %L)', :'wf', 'slow', :'v', '{"timeout_ms":10}'), '22023',
  'add_workflow_node: p_config is not valid: node config timeout_ms must be a whole number from 1000 to 86400000', 'a bad timeout');
select throws_ok(format('select public.add_workflow_node(%L, %L, p_lens_version_id => %L, p_config => %L)', :'wf', 'retry', :'v', '{"retry":{"max_retries":50}}'), '22023',
  'add_workflow_node: p_config is not valid: node config retry.max_retries must be a whole number from 0 to 10', 'too many retries');
select throws_ok(format('select public.add_workflow_node(%L, %L, p_inline_override => %L)', :'wf', 'inline', '{"template_body":"x","output_contract":{"kind":"json"}}'), '22023',
  'add_workflow_node: p_inline_override is not valid: output contract must declare artifactKind', 'a bad inline override');
select throws_ok(format('select public.add_workflow_node(%L, %L, p_lens_version_id => %L, p_title => %L)', :'wf', 'titled', :'v', repeat('t', 201)), 'PT413',
  'add_workflow_node: p_title is 201 characters long, over the limit of 200 characters', 'a long title');
select throws_ok(format('select public.add_workflow_node(%L, %L, p_kind => null, p_lens_version_id => %L)', :'wf', 'nokind', :'v'), '22023',
  'add_workflow_node: p_kind must be lens or human_input', 'no kind');
select throws_ok(format('select public.add_workflow_node(%L, %L, p_lens_version_id => %L)', gen_random_uuid(), 'x', :'v'), 'PT404', null, 'an unknown workflow');
select is((select count(*)::int from lenses.workflow_nodes where workflow_id = :'wf'), 4, 'refused calls added no node');

-- The table enforces the same rules.
select tests.clear_authentication();
select throws_ok(format($$insert into lenses.workflow_nodes (workflow_id, key, config) values (%L, 'bare', '{}')$$, :'wf'), '23514', null,
  'a lens node without a body (CHECK)');
select throws_ok(format($$insert into lenses.workflow_nodes (workflow_id, key, kind, config) values (%L, 'h', 'human_input', '{"prompt":"?","model_id":"%s"}')$$, :'wf', :'model_id'), '23514', null,
  'a human node with a model (CHECK)');
select throws_ok(format($$insert into lenses.workflow_nodes (workflow_id, key, lens_version_id, config) values (%L, 'm', %L, '{"model_id":"%s"}')$$, :'wf', :'v', gen_random_uuid()), '23514', null,
  'a model_id that names no ai.models row (trigger)');
select throws_ok(format($$update lenses.workflow_nodes set config = '{"model_id":"%s"}' where id = %L$$, gen_random_uuid(), :'a'), '23514', null,
  'also on update');
select throws_ok(format($$update lenses.workflow_nodes set kind = 'human_input', lens_version_id = null, config = '{"prompt":"?"}' where id = %L$$, :'a'), '23514',
  'workflow_nodes: a node''s workflow and kind never change', 'a node''s kind never changes');
select tests.authenticate_as(:'alice');
select throws_ok(format($$insert into lenses.workflow_nodes (workflow_id, key, lens_version_id) values (%L, 'sneak', %L)$$, :'wf', :'bob_private_v'), '42501',
  format('workflow_nodes: lens version %s is not one you can read', :'bob_private_v'), 'a direct insert cannot point at a private version');

-- update_workflow_node ---------------------------------------------------------------------------------
select is((public.update_workflow_node(:'b', p_key => 'critique', p_title => 'Critique')).key, 'critique', 'update_workflow_node renames');
select is((public.update_workflow_node(:'b', p_lens_version_id => :'v')).inline_override, null, 'a version replaces the inline override');
select is((public.update_workflow_node(:'b', p_inline_override => '{"template_body":"Again [[summary]]","parameters":[{"label":"summary","type":"text"}]}')).lens_version_id,
  null, 'an inline override replaces the version');
select is((public.update_workflow_node(:'b', p_title => '')).title, null, 'an empty title clears it');
select throws_ok(format('select public.update_workflow_node(%L, p_key => %L)', :'b', 'summarise'), '23505',
  format('update_workflow_node: p_key "summarise" is taken in workflow %s', :'wf'), 'a taken key');
select throws_ok(format('select public.update_workflow_node(%L, p_lens_version_id => %L, p_inline_override => %L)', :'b', :'v', '{"template_body":"x"}'), '22023',
  'update_workflow_node: give p_lens_version_id or p_inline_override, not both', 'both bodies at once');
select throws_ok(format('select public.update_workflow_node(%L, p_lens_version_id => %L)', :'c', :'v'), '22023',
  'update_workflow_node: node "approve" is a human_input node; it takes no lens version or inline override', 'a human node takes no version');
select throws_ok(format('select public.update_workflow_node(%L, p_config => %L)', :'c', '{}'), '22023',
  'update_workflow_node: p_config is not valid: human_input node config needs a prompt', 'a config of the wrong shape');
select throws_ok($$select public.update_workflow_node(null)$$, '22023', 'update_workflow_node: p_node_id is required', 'no node id');
select is((select key from lenses.workflow_nodes where id = :'b'), 'critique', 'the refused updates changed nothing');

-- add_workflow_edge ------------------------------------------------------------------------------------
select (public.add_workflow_edge(:'a', :'b', p_condition => '$.score > 0.5', p_source_output_path => 'summary', p_target_input_path => 'summary')).id as ab \gset
select is((select condition::text from lenses.workflow_edges where id = :'ab'), '($."score" > 0.5)', 'the condition is stored as a jsonpath');
select is((select merge_strategy::text from lenses.workflow_edges where id = :'ab'), 'last_write_wins', 'last_write_wins by default');
select (public.add_workflow_edge(:'b', :'c')).id as bc \gset
select (public.add_workflow_edge(:'a', :'c', p_merge_strategy => 'array', p_target_input_path => 'notes')).id as ac \gset
select throws_ok(format('select public.add_workflow_edge(%L, %L)', :'a', :'a'), '22023',
  'add_workflow_edge: an edge cannot go from node "summarise" to itself', 'no self-loop');
select throws_ok(format('select public.add_workflow_edge(%L, %L)', :'b', :'c'), '23505',
  'add_workflow_edge: an edge from "critique" to "approve" into the whole input exists already', 'no duplicate edge');
select throws_ok(format('select public.add_workflow_edge(%L, %L, p_merge_strategy => %L, p_target_input_path => %L)', :'a', :'c', 'concat', 'notes'), '23505',
  'add_workflow_edge: an edge from "summarise" to "approve" into "notes" exists already', 'no duplicate into the same field');
select throws_ok(format('select public.add_workflow_edge(%L, %L)', :'a', :'other_node'), '22023',
  format('add_workflow_edge: p_target_node_id %s is in another workflow than p_source_node_id', :'other_node'), 'no edge across workflows');
select throws_ok(format('select public.add_workflow_edge(%L, %L, p_condition => %L)', :'a', :'d', '$.score >'), '22023', null, 'a condition that is not a jsonpath');
select throws_ok(format('select public.add_workflow_edge(%L, %L, p_source_output_path => %L)', :'a', :'d', '$.summary'), '22023',
  'add_workflow_edge: p_source_output_path "$.summary" must be a dotted path of field names (e.g. summary or meta.score)', 'a source path that is not dotted names');
select throws_ok(format('select public.add_workflow_edge(%L, %L, p_target_input_path => %L)', :'a', :'d', 'a.b'), '22023',
  'add_workflow_edge: p_target_input_path "a.b" must be an input field name (an identifier)', 'a target path that is not a field name');
select throws_ok(format('select public.add_workflow_edge(%L, %L, p_merge_strategy => %L)', :'a', :'d', 'concat'), '22023',
  'add_workflow_edge: p_merge_strategy concat needs a p_target_input_path (the field values are merged into)', 'concat needs a target field');
select throws_ok(format('select public.add_workflow_edge(%L, %L, p_merge_strategy => null)', :'a', :'d'), '22023',
  'add_workflow_edge: p_merge_strategy must be last_write_wins, concat, array or json_object', 'no merge strategy');
select throws_ok(format('select public.add_workflow_edge(%L, null)', :'a'), '22023',
  'add_workflow_edge: p_source_node_id and p_target_node_id are required', 'no target');
select is((select count(*)::int from lenses.workflow_edges where workflow_id = :'wf'), 3, 'refused calls added no edge');

-- The table enforces the same rules.
select tests.clear_authentication();
select throws_ok(format($$insert into lenses.workflow_edges (workflow_id, source_node_id, target_node_id) values (%L, %L, %L)$$, :'wf', :'a', :'a'), '23514', null,
  'no self-loop (CHECK)');
select throws_ok(format($$insert into lenses.workflow_edges (workflow_id, source_node_id, target_node_id) values (%L, %L, %L)$$, :'wf', :'b', :'c'), '23505', null,
  'no duplicate edge, a null target path included (unique nulls not distinct)');
select throws_ok(format($$insert into lenses.workflow_edges (workflow_id, source_node_id, target_node_id) values (%L, %L, %L)$$, :'wf', :'a', :'other_node'), '23514',
  format('workflow_edges: both nodes of an edge must belong to its workflow %s', :'wf'), 'no edge across workflows (trigger)');
select throws_ok(format($$insert into lenses.workflow_edges (workflow_id, source_node_id, target_node_id, merge_strategy) values (%L, %L, %L, 'json_object')$$, :'wf', :'a', :'d'), '23514', null,
  'a merge strategy other than last_write_wins needs a target path (CHECK)');
select throws_ok(format($$update lenses.workflow_edges set target_node_id = %L where id = %L$$, :'d', :'bc'), '23514',
  'workflow_edges: an edge''s workflow and nodes never change (remove it and add another)', 'an edge''s ends never change');

-- update / remove edges and nodes --------------------------------------------------------------------------
select tests.authenticate_as(:'alice');
select is((public.update_workflow_edge(:'ab', p_condition => '')).condition::text, null, 'an empty condition clears it');
select is((public.update_workflow_edge(:'ac', p_merge_strategy => 'json_object')).merge_strategy::text, 'json_object', 'the merge strategy changes');
select throws_ok(format('select public.update_workflow_edge(%L, p_target_input_path => %L)', :'ac', ''), '22023',
  'update_workflow_edge: p_merge_strategy json_object needs a p_target_input_path (the field values are merged into)', 'clearing the target of a json_object edge');
select throws_ok(format('select public.update_workflow_edge(%L, p_condition => %L)', :'ac', 'not a path ('), '22023', null, 'a bad condition');
select is((public.remove_workflow_edge(:'ac')).id, :'ac'::uuid, 'remove_workflow_edge returns the removed edge');
select is((select count(*)::int from lenses.workflow_edges where id = :'ac'), 0, 'and it is gone');
select throws_ok(format('select public.remove_workflow_edge(%L)', :'ac'), 'PT404', format('remove_workflow_edge: no edge %s that you can see', :'ac'), 'removing it twice');
select is((public.remove_workflow_node(:'d')).key, 'public-step', 'remove_workflow_node returns the removed node');

-- Engine helpers ---------------------------------------------------------------------------------------------
select is(lenses.fn_render_node_body(:'a'), 'Summarise hello', 'a node renders with its config params');
select is(lenses.fn_render_node_body(:'b', '{"summary":"s"}'), 'Again s', 'an inline node renders with given params');
select throws_ok(format('select lenses.fn_render_node_body(%L)', :'c'), '22023', 'fn_render_node_body: node "approve" is a human_input node; only lens nodes render',
  'a human node does not render');
select throws_ok(format('select lenses.fn_render_node_body(%L, %L)', :'b', '{"nope":1}'), '22023',
  'fn_render_node_body: node "critique": unknown parameter "nope" (known: summary)', 'unknown values are refused as in versions');
select ok(lenses.fn_edge_condition_holds('$.score > 0.5', '{"score":0.9}') and not lenses.fn_edge_condition_holds('$.score > 0.5', '{"score":0.1}')
  and not lenses.fn_edge_condition_holds('$.score > 0.5', '{}') and lenses.fn_edge_condition_holds(null, '{}')
  and not lenses.fn_edge_condition_holds('$.score', '{"score":1}'),
  'a condition holds when it yields true; missing fields and non-boolean results do not hold; no condition always holds');
select is(lenses.fn_edge_value('{"meta":{"score":3}}', 'meta.score'), '3'::jsonb, 'an edge carries the value at its source path');
select is(lenses.fn_edge_value('{"a":1}', null), '{"a":1}'::jsonb, 'or the whole output');
select is((select model_id from lenses.workflow_nodes_v where id = :'a'), :'model_id'::uuid, 'the node view types model_id');
select is((select (retry ->> 'max_retries')::int from lenses.workflow_nodes_v where id = :'a'), 2, 'and exposes the retry override');

-- Published workflows are frozen ---------------------------------------------------------------------------------
select public.remove_workflow_node(:'b');
select public.publish_workflow(:'wf');
select throws_ok(format('select public.add_workflow_node(%L, %L, p_kind => %L, p_config => %L)', :'wf', 'late', 'human_input', '{"prompt":"?"}'), 'PT409',
  format('add_workflow_node: p_workflow_id %s is published (not a draft); its nodes and edges cannot change', :'wf'), 'no node is added to a published workflow');
select throws_ok(format('select public.remove_workflow_node(%L)', :'a'), 'PT409',
  format('remove_workflow_node: p_node_id %s is in workflow %s, which is published (not a draft); its nodes and edges cannot change', :'a', :'wf'),
  'none is removed (the refusal names the argument that led to the workflow)');
select tests.clear_authentication();
select throws_ok(format($$update lenses.workflow_nodes set title = 'late' where id = %L$$, :'a'), 'PT409',
  format('workflow_nodes: workflow %s is published; its nodes cannot change', :'wf'), 'nor changed directly');
select throws_ok(format($$delete from lenses.workflow_nodes where id = %L$$, :'a'), 'PT409', null, 'nor deleted directly');
select throws_ok(format($$insert into lenses.workflow_edges (workflow_id, source_node_id, target_node_id) values (%L, %L, %L)$$, :'wf', :'c', :'a'), 'PT409',
  format('workflow_edges: workflow %s is published; its edges cannot change', :'wf'), 'and no edge is added directly');

select * from finish();
rollback;

-- The engine's plan of a published workflow: written when the workflow is published, one row per
-- node with what the engine needs, readable by the workflow's owner only; a draft has none.
begin;
select plan(13);

select tests.create_user('planner@example.com', '{"handle":"planner"}') as planner \gset
select tests.create_user('peeker@example.com', '{"handle":"peeker"}') as peeker \gset
select tests.authenticate_as(:'planner');
select (public.create_workflow(p_title => 'Still a draft')).id as draft_wf \gset
select public.add_workflow_node(:'draft_wf', 'only', p_lens_version_id => tests.published_version('Say hi')) is not null as added \gset
select tests.engine_workflow() as wf \gset
select tests.clear_authentication();

select is((select count(*)::int from lenses.workflow_node_plans where workflow_id = :'draft_wf'), 0, 'a draft has no plan');
select is((select array_agg(node_key order by node_key) from lenses.workflow_node_plans where workflow_id = :'wf'),
  array['approve', 'bad', 'draft', 'final', 'good'], 'publishing wrote one plan row per node');
select is((select array_agg(n.key order by n.key) from lenses.workflow_node_plans p
           cross join lateral unnest(p.successor_ids) s(id) join lenses.workflow_nodes n on n.id = s.id
           where p.workflow_id = :'wf' and p.node_key = 'draft'),
  array['bad', 'good'], 'successors are the targets of the outgoing edges');
select is((select predecessor_count from lenses.workflow_node_plans where workflow_id = :'wf' and node_key = 'final'), 2,
  'predecessors are counted');
select is((select param_labels from lenses.workflow_node_plans where workflow_id = :'wf' and node_key = 'draft'), array['topic'],
  'the version''s parameters are resolved, with their labels');
select is((select template_body from lenses.workflow_node_plans where workflow_id = :'wf' and node_key = 'draft'),
  'Write about [[topic]]', 'so is its template');
select is((select output_contract ->> 'kind' from lenses.workflow_node_plans where workflow_id = :'wf' and node_key = 'good'), 'text',
  'and its output contract');
select is((select kind::text || ': ' || human_prompt from lenses.workflow_node_plans where workflow_id = :'wf' and node_key = 'approve'),
  'human_input: Approve the final text?', 'a human-input node keeps its question');

select tests.authenticate_as_service_role();
select throws_ok(format($$select lenses.fn_compile_workflow_plan(%L)$$, :'draft_wf'), 'PT409',
  format('fn_compile_workflow_plan: workflow %s is not published', :'draft_wf'), 'a draft cannot be compiled');
select lives_ok(format($$select lenses.fn_compile_workflow_plan(%L)$$, :'wf'), 'compiling a published workflow again');
select is((select count(*)::int from lenses.workflow_node_plans where workflow_id = :'wf'), 5, 'changes nothing');

select tests.authenticate_as(:'planner');
select is((select count(*)::int from lenses.workflow_node_plans where workflow_id = :'wf'), 5, 'the owner reads the plan');
select tests.authenticate_as(:'peeker');
select is((select count(*)::int from lenses.workflow_node_plans where workflow_id = :'wf'), 0, 'another user reads none of it');

select * from finish();
rollback;

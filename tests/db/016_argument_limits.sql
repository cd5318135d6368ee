-- Every text and JSON argument of a public RPC has a documented limit (README "Limits"), checked
-- before anything else: found from the catalog, then the refusals themselves (413 for size, 400 for
-- depth, each naming the RPC, the argument and the limit, nothing written), and the rendered
-- prompt's ceiling at render and at claim.
begin;
select plan(18);

-- ------------------------------------------------------------------ every argument has a limit
select is(
  (select coalesce(array_agg(p.proname || '(' || a.name || ')' order by p.proname, a.name), '{}')
   from pg_proc p
   join pg_namespace n on n.oid = p.pronamespace
   cross join lateral unnest(p.proargnames[1:p.pronargs], p.proargtypes::oid[]) a(name, typ)
   where n.nspname = 'public'
     and p.proname not in (select e.proname from pg_proc e join pg_depend d on d.objid = e.oid and d.deptype = 'e')
     and a.typ in ('text'::regtype, 'jsonb'::regtype, 'text[]'::regtype)
     and p.prosrc !~ format('lensers\.fn_limit_(text|texts|json)\(%L, %L, %I,', p.proname, a.name, a.name)),
  '{}'::text[],
  'every text, text[] and jsonb argument of a public function is checked against its limit first');

-- ------------------------------------------------------------------ the checks themselves
select lives_ok($$select lensers.fn_limit_text('r', 'p_x', null, 3)$$, 'null passes (the RPC decides about nulls)');
select lives_ok($$select lensers.fn_limit_text('r', 'p_x', 'abé', 3)$$, 'a text at its limit passes (characters, not bytes)');
select throws_ok($$select lensers.fn_limit_text('r', 'p_x', 'abcd', 3)$$, 'PT413',
  'r: p_x is 4 characters long, over the limit of 3 characters', 'one character more is refused with 413');
select throws_ok($$select lensers.fn_limit_texts('r', 'p_tags', array['a', 'b', 'c'], 2, 10)$$, 'PT413',
  'r: p_tags has 3 elements, over the limit of 2', 'too many elements');
select throws_ok($$select lensers.fn_limit_texts('r', 'p_tags', array['a', 'bbbbbbbbbbb'], 2, 10)$$, 'PT413',
  'r: an element of p_tags is 11 characters long, over the limit of 10 characters', 'an element too long');
select lives_ok($$select lensers.fn_limit_json('r', 'p_v', '{"a":{"b":[1,2]}}', 1000, 3)$$, 'nested exactly at the limit passes');
select throws_ok($$select lensers.fn_limit_json('r', 'p_v', '{"a":{"b":[[1],2]}}', 1000, 3)$$, '22023',
  'r: p_v is nested more than 3 levels deep', 'one level deeper is refused with 400');
select throws_ok(format('select lensers.fn_limit_json(%L, %L, %L::jsonb, 262144, 32)', 'r', 'p_v',
                        repeat('[', 10000) || '1' || repeat(']', 10000)), '22023',
  'r: p_v is nested more than 32 levels deep', 'a document 10,000 levels deep is refused (the search stops at the limit)');
select throws_ok(format('select lensers.fn_limit_json(%L, %L, %L::jsonb, 1000, 32)', 'r', 'p_v',
                        jsonb_build_object('s', repeat('x', 2000))), 'PT413', null, 'over the byte limit: 413');

-- ------------------------------------------------------------------ through the RPCs
select tests.create_user('limits@example.com', '{"handle":"limits"}') as owner \gset
select tests.authenticate_as(:'owner');
select tests.engine_workflow() as wf \gset
select count(*)::int as runs_before from lenses.workflow_runs \gset
select throws_like(format($$select public.start_workflow_run(%L, %L::jsonb)$$, :'wf',
                          jsonb_build_object('topic', repeat('x', 300000))),
  'start_workflow_run: p_input is % bytes, over the limit of 262144 bytes', 'a 300 KB run input is refused, naming the argument and limit');
select throws_ok(format($$select public.start_workflow_run(%L, %L::jsonb)$$, :'wf',
                        '{"topic":"x","deep":' || repeat('[', 4000) || '1' || repeat(']', 4000) || '}'), '22023',
  'start_workflow_run: p_input is nested more than 32 levels deep', 'an input nested 4,000 levels deep is refused');
select is((select count(*)::int from lenses.workflow_runs), :runs_before, 'and no run was created');
select throws_ok(format($$select public.create_lens(p_title => %L)$$, repeat('t', 201)), 'PT413',
  'create_lens: p_title is 201 characters long, over the limit of 200 characters', 'a title has 200 characters at most');
select throws_ok($$select public.create_workflow(p_title => 'x', p_tags => array(select 'tag' || g from generate_series(1, 101) g))$$,
  'PT413', 'create_workflow: p_tags has 101 elements, over the limit of 20', 'at most 20 tags');

-- ------------------------------------------------------------------ the rendered prompt's ceiling
-- Every placeholder repeats a 300-character value: 5,000 of them would render 1.5 million characters.
select tests.draft_version(repeat('[[topic]] ', 5000), '[{"label":"topic","tool_key":"text","required":true}]') as big \gset
select throws_ok(format($$select public.render_lens_version(%L, %L::jsonb)$$, :'big', jsonb_build_object('topic', repeat('y', 300))),
  'PT413', null, 'a render past a million characters stops there (413)');
select lives_ok(format($$select public.render_lens_version(%L, %L::jsonb)$$, :'big', jsonb_build_object('topic', repeat('y', 100))),
  'the same template with a shorter value renders');

select tests.published_version(repeat('[[topic]] ', 5000), '[{"label":"topic","tool_key":"text","required":true}]',
  '{"kind":"json","fields":[{"name":"topic","type":"string","required":true}]}') as big_pub \gset
select (public.create_workflow(p_title => 'Big prompt')).id as big_wf \gset
select public.add_workflow_node(:'big_wf', 'only', p_lens_version_id => :'big_pub') is not null as added \gset
select public.publish_workflow(:'big_wf') is not null as published \gset
select (public.start_workflow_run(:'big_wf', jsonb_build_object('topic', repeat('z', 300)))).id as big_run \gset
select tests.authenticate_as_service_role();
select count(*) from tests.claim_node(:'big_run', 'only');
select matches((select error_kind::text || ': ' || error_message from lenses.workflow_node_results where run_id = :'big_run'),
  '^render: the prompt could not be rendered: the rendered prompt is over the limit of 1000000 characters \(at placeholder 3323 of 5000\)$',
  'a claim whose prompt would pass the ceiling fails the attempt as a render error; no model sees it');

select * from finish();
rollback;

-- complete_workflow_tasks: several completions in one transaction, and the next tasks leased in
-- the same one. Bad input refuses the whole batch and changes nothing; a lease no longer held is
-- answered "lost" for its task alone; successors the batch makes ready are leased as they are
-- queued (node_queued then node_started), and the events stay gap-free.
begin;
select plan(40);

select tests.create_user('batcher@example.com', '{"handle":"batcher"}') as batcher \gset
select tests.authenticate_as(:'batcher');
select tests.engine_workflow() as wf \gset
select (public.start_workflow_run(:'wf', '{"topic":"apples"}')).id as run_a \gset
select (public.start_workflow_run(:'wf', '{"topic":"pears"}')).id as run_b \gset

select throws_ok($$select public.complete_workflow_tasks('[]')$$, '42501', null, 'users cannot complete tasks');

select tests.authenticate_as_service_role();
create temp table claimed as select * from public.claim_workflow_tasks('w1', 10, 60);
select c.result_id as a_draft, c.lease_token as a_lease from claimed c where c.run_id = :'run_a' \gset
select c.result_id as b_draft, c.lease_token as b_lease from claimed c where c.run_id = :'run_b' \gset
select is((select count(*)::int from lenses.workflow_node_results where run_id in (:'run_a', :'run_b') and status = 'running'), 2,
  'both drafts are leased');

-- ---------------------------------------------------------------- refusals change nothing
create temp table before_refusals as
  select (select count(*) from lenses.workflow_run_events where run_id in (:'run_a', :'run_b')) as events,
         (select count(*) from ai.llm_calls where run_id in (:'run_a', :'run_b')) as calls;
select format('{"result_id":"%s","lease_token":"%s","text":"{\"summary\":\"s\",\"score\":0.9}","llm_call":{"input_tokens":3,"output_tokens":2,"latency_ms":5}}',
  :'a_draft', :'a_lease') as a_ok \gset
select throws_ok($$select public.complete_workflow_tasks(null)$$, '22023',
  'complete_workflow_tasks: p_completions must be a JSON array of completions', 'the batch is an array');
select throws_ok($$select public.complete_workflow_tasks('{}')$$, '22023',
  'complete_workflow_tasks: p_completions must be a JSON array of completions', 'not an object');
select throws_ok($$select public.complete_workflow_tasks('[]')$$, '22023',
  'complete_workflow_tasks: p_completions must hold 1 to 500 completions, got 0', 'of at least one completion');
select throws_ok(format($$select public.complete_workflow_tasks('[%s, 1]')$$, :'a_ok'), '22023',
  'complete_workflow_tasks: p_completions[1]: must be an object', 'each an object, named by its index');
select throws_ok(format($$select public.complete_workflow_tasks('[%s, {"result_id":"nope","lease_token":"%s","text":"x"}]')$$, :'a_ok', :'b_lease'),
  '22023', 'complete_workflow_tasks: p_completions[1]: result_id must be a uuid', 'with a uuid result_id');
select throws_ok(format($$select public.complete_workflow_tasks('[{"result_id":"%s","lease_token":7,"text":"x"}]')$$, :'b_draft'),
  '22023', 'complete_workflow_tasks: p_completions[0]: lease_token must be a uuid', 'and lease_token');
select throws_ok(format($$select public.complete_workflow_tasks('[{"result_id":"%s","lease_token":"%s"}]')$$, :'b_draft', :'b_lease'),
  '22023', 'complete_workflow_tasks: p_completions[0]: give text (the model''s answer) or output (a JSON object)', 'with an answer');
select throws_ok(format($$select public.complete_workflow_tasks('[{"result_id":"%s","lease_token":"%s","text":5}]')$$, :'b_draft', :'b_lease'),
  '22023', 'complete_workflow_tasks: p_completions[0]: text must be a string', 'a text answer is a string');
select throws_ok(format($$select public.complete_workflow_tasks('[%s, {"result_id":"%s","lease_token":"%s","text":"x","llm_call":{"input_tokens":1}}]')$$,
    :'a_ok', :'b_draft', :'b_lease'),
  '22023', 'complete_workflow_tasks: p_completions[1]: llm_call: latency_ms is required (a number of milliseconds)',
  'a model call record is checked before anything is written');
select throws_ok(format($$select public.complete_workflow_tasks('[%s, %s]')$$, :'a_ok', :'a_ok'), '22023',
  format('complete_workflow_tasks: p_completions names task %s more than once', :'a_draft'), 'a task once per batch');
select throws_ok(format($$select public.complete_workflow_tasks('[%s]', 'w1', 501)$$, :'a_ok'), '22023',
  'complete_workflow_tasks: p_claim_limit must be between 0 and 500, got 501', 'a sane claim');
select throws_ok(format($$select public.complete_workflow_tasks('[%s]', null, 2)$$, :'a_ok'), '22023',
  'complete_workflow_tasks: p_worker_id must be 1 to 200 characters', 'a claim names its worker');
select is((select count(*)::int from lenses.workflow_node_results where run_id in (:'run_a', :'run_b') and status = 'running'), 2,
  'after the refusals both tasks are still leased');
select is((select array[(select count(*) from lenses.workflow_run_events where run_id in (:'run_a', :'run_b')),
                       (select count(*) from ai.llm_calls where run_id in (:'run_a', :'run_b'))]::bigint[]),
  (select array[events, calls] from before_refusals), 'and no event or model call was written');

-- ---------------------------------------------------------------- a lost lease costs only itself
select public.complete_workflow_tasks(format('[%s, {"result_id":"%s","lease_token":"%s","text":"x"}, {"result_id":"%s","lease_token":"%s","text":"x"}]',
  :'a_ok', :'b_draft', gen_random_uuid(), gen_random_uuid(), gen_random_uuid())::jsonb) as first_batch \gset
select is((:'first_batch'::jsonb -> 'answers' -> 0) - 'next_attempt_at',
  jsonb_build_object('result_id', :'a_draft', 'status', 'completed', 'run_status', 'running'), 'the held lease completes');
select is(:'first_batch'::jsonb -> 'answers' -> 1 ->> 'status', 'lost', 'a wrong lease token is answered lost');
select is(:'first_batch'::jsonb -> 'answers' -> 1 ->> 'error',
  format('the lease on task %s is not held (it was reclaimed, cancelled or finished; status running)', :'b_draft'), 'saying why');
select matches(:'first_batch'::jsonb -> 'answers' -> 2 ->> 'error', '^no task ', 'an unknown task too');
select is(:'first_batch'::jsonb -> 'tasks', '[]'::jsonb, 'nothing was claimed without a claim limit');
select is((select status::text from lenses.workflow_node_results where id = :'b_draft'), 'running', 'the lost task is untouched');
select is((select array_agg(node_key || ':' || status order by node_key) from lenses.workflow_node_results where run_id = :'run_a'),
  array['approve:awaiting_dependency', 'bad:skipped', 'draft:completed', 'final:awaiting_dependency', 'good:queued'],
  'the completed draft settled its successors');

-- ---------------------------------------------------------------- completing and leasing the next
select public.complete_workflow_tasks(format('[{"result_id":"%s","lease_token":"%s","text":"{\"summary\":\"p\",\"score\":0.2}","llm_call":{"input_tokens":4,"output_tokens":1,"latency_ms":3}}]',
  :'b_draft', :'b_lease')::jsonb, 'w2', 5, 30) as second_batch \gset
select is(jsonb_array_length(:'second_batch'::jsonb -> 'tasks'), 2, 'the batch leased the two tasks that were ready');
select is(:'second_batch'::jsonb -> 'tasks' -> 0 ->> 'run_id', :'run_b', 'the successor it made ready first');
select is((select node_key || ':' || status || ':' || lease_owner || ':' || attempt_count from lenses.workflow_node_results
           where id = (:'second_batch'::jsonb -> 'tasks' -> 0 ->> 'result_id')::uuid), 'bad:running:w2:1',
  'leased to the worker as it was queued');
select is((select input_data ->> 'summary' from lenses.workflow_node_results
           where id = (:'second_batch'::jsonb -> 'tasks' -> 0 ->> 'result_id')::uuid), 'p', 'with its merged input');
select is(:'second_batch'::jsonb -> 'tasks' -> 0 ->> 'prompt', 'Expand p', 'and its prompt returned');
select is(:'second_batch'::jsonb -> 'tasks' -> 1 ->> 'run_id', :'run_a', 'then a due task from the queue');
select is((select array_agg(event_type::text order by event_id) from lenses.workflow_run_events
           where run_id = :'run_b' and event_id > 4),
  array['node_completed', 'node_queued', 'node_skipped', 'node_started'],
  'the run''s log says completed, queued and started, in order');
select ok(tests.events_gap_free(:'run_b') and tests.events_gap_free(:'run_a'), 'with no gap');
select is((select active_node_id from lenses.workflow_runs where id = :'run_b'),
  (select node_id from lenses.workflow_node_results where run_id = :'run_b' and node_key = 'bad'),
  'the inspector shows the node that started');
select is((select source_output_path || ' -> ' || target_input_path from lenses.workflow_run_provenance p
           join lenses.workflow_nodes t on t.id = p.target_node_id where p.run_id = :'run_b' and t.key = 'bad'),
  'summary -> summary', 'provenance is written for the batch');
select is((select array[total_input_tokens, total_output_tokens]::bigint[] from lenses.workflow_runs where id = :'run_b'),
  (select array[sum(input_tokens), sum(output_tokens)]::bigint[] from ai.llm_calls where run_id = :'run_b'),
  'the run''s totals are the ledger''s');

-- ---------------------------------------------------------------- a failure that stops its run
-- Two nodes of one run complete in one batch; the first breaks its contract with no retry left and
-- the run's failure mode is stop_run: the run stops, which cancels the second, so the second is
-- answered lost, as a later call would have been, and leaves no ledger row.
select tests.authenticate_as(:'batcher');
select public.create_workflow(p_title => 'Stops on failure') as stop_wf_row \gset
select (:'stop_wf_row'::lenses.workflows).id as stop_wf \gset
select (public.add_workflow_node(:'stop_wf', 'root', p_lens_version_id => tests.published_version('Root'))).id as s_root \gset
select (public.add_workflow_node(:'stop_wf', 'strict', p_lens_version_id => tests.published_version('Strict', '[]', null,
  '{"kind":"json","artifactKind":"extraction","fields":[{"name":"x","type":"string","required":true}]}'))).id as s_strict \gset
select (public.add_workflow_node(:'stop_wf', 'loose', p_lens_version_id => tests.published_version('Loose'))).id as s_loose \gset
select public.add_workflow_edge(:'s_root', :'s_strict') is not null as e1, public.add_workflow_edge(:'s_root', :'s_loose') is not null as e2 \gset
select public.publish_workflow(:'stop_wf') is not null as published \gset
select (public.start_workflow_run(:'stop_wf', '{}', p_max_retries => 0, p_failure_mode => 'stop_run')).id as run_s \gset
select tests.authenticate_as_service_role();
select c.result_id as s_root_task, c.lease_token as s_root_lease from public.claim_workflow_tasks('w3', 5, 60) c \gset
select public.complete_workflow_tasks(format('[{"result_id":"%s","lease_token":"%s","text":"go"}]', :'s_root_task', :'s_root_lease')::jsonb,
  'w3', 5, 60) as third_batch \gset
select is(jsonb_array_length(:'third_batch'::jsonb -> 'tasks'), 2, 'both successors were leased with the completion');
select public.complete_workflow_tasks((
  select jsonb_agg(jsonb_build_object('result_id', t ->> 'result_id', 'lease_token', t ->> 'lease_token',
           'text', case when t ->> 'node_key' = 'strict' then 'not json' else 'fine' end,
           'llm_call', '{"input_tokens":1,"output_tokens":1,"latency_ms":1}'::jsonb) order by t ->> 'node_key' desc)
  from jsonb_array_elements(:'third_batch'::jsonb -> 'tasks') t)) as fourth_batch \gset
select is((select array_agg(a ->> 'status' order by a ->> 'status') from jsonb_array_elements(:'fourth_batch'::jsonb -> 'answers') a),
  array['failed', 'lost'], 'the broken contract fails its node; the other completion is answered lost');
select is((select array_agg(node_key || ':' || status order by node_key) from lenses.workflow_node_results where run_id = :'run_s'),
  array['loose:cancelled', 'root:completed', 'strict:failed'], 'the run stopped before the other completed');
select is((select status::text from lenses.workflow_runs where id = :'run_s'), 'failed', 'the run failed');
select is((select count(*)::int from ai.llm_calls c join lenses.workflow_node_results r on r.id = c.node_result_id
           where r.run_id = :'run_s' and r.node_key = 'loose'), 0, 'the lost completion left no ledger row');
select ok(tests.events_gap_free(:'run_s'), 'its events are gap-free');

select * from finish();
rollback;

-- The engine in SQL, step by step as a worker would drive it: start, claim, complete (edge
-- conditions, merges, provenance, skips), retries and rate limits, human input, the ledger and
-- totals, gap-free events, and who may call what.
begin;
select plan(62);

select tests.create_user('runner@example.com', '{"handle":"runner"}') as runner \gset
select tests.create_user('stranger@example.com', '{"handle":"stranger-e"}') as stranger \gset
select tests.authenticate_as(:'runner');
select tests.engine_workflow() as wf \gset

-- ---------------------------------------------------------------- start: refusals change nothing
select throws_ok(format($$select public.start_workflow_run(%L, '{}')$$, :'wf'), '22023',
  'start_workflow_run: p_input does not satisfy entry node draft''s input contract: missing required field "topic"',
  'the input must satisfy the entry node''s input contract');
select throws_ok(format($$select public.start_workflow_run(%L, '{"topic": 3}')$$, :'wf'), '22023',
  'start_workflow_run: p_input does not satisfy entry node draft''s input contract: field "topic" must be string, got number',
  'with the declared types');
select throws_ok(format($$select public.start_workflow_run(%L, '[1]')$$, :'wf'), '22023',
  'start_workflow_run: p_input must be a JSON object', 'an object');
select throws_ok(format($$select public.start_workflow_run(%L, '{"topic":"x"}', p_deadline_seconds => 0)$$, :'wf'), '22023',
  'start_workflow_run: p_deadline_seconds must be between 1 and 604800, got 0', 'a sane deadline');
select (public.create_workflow(p_title => 'Unpublished')).id as draft_wf \gset
select throws_ok(format($$select public.start_workflow_run(%L, '{}')$$, :'draft_wf'), 'PT409',
  format('start_workflow_run: workflow %s is draft, only a published workflow runs', :'draft_wf'), 'only published workflows run');
select tests.authenticate_as(:'stranger');
select throws_ok(format($$select public.start_workflow_run(%L, '{"topic":"x"}')$$, :'wf'), 'PT404',
  format('start_workflow_run: no workflow %s that you can run', :'wf'), 'another user cannot run a private workflow');
select tests.authenticate_as_anon();
select throws_ok(format($$select public.start_workflow_run(%L, '{"topic":"x"}')$$, :'wf'), '42501', null, 'nor can anon');
select tests.clear_authentication();
select is((select count(*)::int from lenses.workflow_runs where workflow_id = :'wf'), 0, 'refused starts created no run');

-- ---------------------------------------------------------------- start
select tests.authenticate_as(:'runner');
select (public.start_workflow_run(:'wf', '{"topic":"cats"}')).id as run \gset
select tests.clear_authentication();
select is((select status::text from lenses.workflow_runs where id = :'run'), 'queued', 'the run is queued');
select is((select array_agg(node_key || ':' || status order by node_key) from lenses.workflow_node_results where run_id = :'run'),
  array['approve:awaiting_dependency', 'bad:awaiting_dependency', 'draft:queued', 'final:awaiting_dependency', 'good:awaiting_dependency'],
  'one result per node; the root is queued');

-- ---------------------------------------------------------------- claim and the lease
select tests.authenticate_as(:'runner');
select throws_ok($$select * from public.claim_workflow_tasks('me', 1, 60)$$, '42501', null, 'users cannot claim tasks');
select tests.authenticate_as_service_role();
select throws_ok($$select * from public.claim_workflow_tasks('w', 0, 60)$$, '22023',
  'claim_workflow_tasks: p_limit must be between 1 and 500, got 0', 'a claim needs a sane batch');
select * from tests.claim_node(:'run', 'draft') \gset c1_
select is(:'c1_prompt'::text, 'Write about cats', 'the claim returns the rendered prompt');
select is(:'c1_model_key'::text, 'local-echo', 'and the default model');
select is(:'c1_attempt'::int, 1, 'the attempt is counted');
select is((select status::text from lenses.workflow_runs where id = :'run'), 'running', 'the run is running');
select is((select active_node_id from lenses.workflow_runs where id = :'run'),
  (select node_id from lenses.workflow_node_results where id = :'c1_result_id'), 'the inspector points at the running node');
select is((select count(*)::int from public.claim_workflow_tasks('other', 10, 60) where run_id = :'run'), 0,
  'a leased task is not claimed again');

select throws_ok(format($$select public.complete_workflow_task(%L, gen_random_uuid(), '{"summary":"x","score":1}')$$, :'c1_result_id'),
  'PT409', null, 'a completion without the lease is refused');
select throws_ok(format($$select public.complete_workflow_task(%L, %L)$$, :'c1_result_id', :'c1_lease_token'), '22023',
  'complete_workflow_task: give p_text (the model''s answer) or p_output (a JSON object)', 'a completion needs an answer');
select is((select status::text from lenses.workflow_node_results where id = :'c1_result_id'), 'running', 'and changes nothing');

-- An answer that breaks the output contract is a retryable failure.
select is((public.complete_workflow_task(:'c1_result_id', :'c1_lease_token', 'not json',
  p_llm_call => '{"input_tokens":4,"output_tokens":2,"latency_ms":5}')) ->> 'status', 'retrying',
  'an answer that breaks the output contract is retried');
select is((select error_kind::text from lenses.workflow_node_results where id = :'c1_result_id'), 'contract_violation', 'as a contract violation');
update lenses.workflow_node_results set next_attempt_at = now() where id = :'c1_result_id';
select * from tests.claim_node(:'run', 'draft') \gset c2_
select is(:'c2_attempt'::int, 2, 'the second attempt');

-- ---------------------------------------------------------------- complete: conditions, skip, provenance
select is((public.complete_workflow_task(:'c2_result_id', :'c2_lease_token', E'```json\n{"summary":"Cats rule","score":0.9}\n```',
  p_llm_call => '{"input_tokens":10,"output_tokens":5,"cached_tokens":2,"latency_ms":12,"ttft_ms":3}')) ->> 'status', 'completed',
  'a JSON answer (in a code fence) completes the node');
select is((select output_data from lenses.workflow_node_results where id = :'c2_result_id'), '{"summary":"Cats rule","score":0.9}'::jsonb,
  'its output is the parsed object');
select is((select status::text || ':' || waiting_reason from lenses.workflow_node_results where run_id = :'run' and node_key = 'bad'),
  'skipped:condition_false', 'the branch whose condition is false is skipped');
select is((select status::text from lenses.workflow_node_results where run_id = :'run' and node_key = 'good'), 'queued',
  'the branch whose condition holds is queued');
select is((select input_data from lenses.workflow_node_results where run_id = :'run' and node_key = 'good'), '{"summary":"Cats rule"}'::jsonb,
  'with the edge''s source path written to its target path');
select is((select source_output_path || ' -> ' || target_input_path from lenses.workflow_run_provenance p
           join lenses.workflow_nodes s on s.id = p.source_node_id join lenses.workflow_nodes t on t.id = p.target_node_id
           where p.run_id = :'run' and s.key = 'draft' and t.key = 'good'), 'summary -> summary', 'provenance names the source and target paths');
select is((select status::text from lenses.workflow_node_results where run_id = :'run' and node_key = 'final'), 'awaiting_dependency',
  'a join waits for all its sources');

-- ---------------------------------------------------------------- retries and rate limits
select * from tests.claim_node(:'run', 'good') \gset g1_
select throws_ok(format($$select public.fail_workflow_task(%L, %L, 'server', '')$$, :'g1_result_id', :'g1_lease_token'), '22023',
  'fail_workflow_task: p_error_message is required', 'a failure needs a message');
select is((public.fail_workflow_task(:'g1_result_id', :'g1_lease_token', 'server', 'HTTP 503')) ->> 'status', 'retrying', 'a 5xx is retried');
select is((select waiting_reason::text || ':' || retry_count from lenses.workflow_node_results where id = :'g1_result_id'),
  'retry_backoff:1', 'with backoff, counted against the policy');
select ok((select next_attempt_at > now() from lenses.workflow_node_results where id = :'g1_result_id'), 'and not due at once');
select is((select count(*)::int from public.claim_workflow_tasks('other', 10, 60) where run_id = :'run'), 0, 'so no claim takes it yet');
update lenses.workflow_node_results set next_attempt_at = now() where id = :'g1_result_id';
select * from tests.claim_node(:'run', 'good') \gset g2_
select is((public.fail_workflow_task(:'g2_result_id', :'g2_lease_token', 'rate_limit', 'HTTP 429', 5000)) ->> 'status', 'retrying',
  'a 429 waits');
select is((select waiting_reason::text || ':' || retry_count from lenses.workflow_node_results where id = :'g2_result_id'),
  'rate_limit:1', 'with rate_limit, not counted against the policy');
select ok((select next_attempt_at between now() + interval '4.9 seconds' and now() + interval '5.1 seconds'
           from lenses.workflow_node_results where id = :'g2_result_id'), 'for as long as the provider asked');
update lenses.workflow_node_results set next_attempt_at = now() where id = :'g2_result_id';
select * from tests.claim_node(:'run', 'good') \gset g3_
select is((public.complete_workflow_task(:'g3_result_id', :'g3_lease_token', 'A long story about cats.',
  p_llm_call => '{"input_tokens":20,"output_tokens":7,"latency_ms":30}')) ->> 'status', 'completed', 'the third attempt completes');
select is((select input_data from lenses.workflow_node_results where run_id = :'run' and node_key = 'final'),
  '{"summary":"A long story about cats."}'::jsonb, 'the join is queued with the active branch''s output only');

-- ---------------------------------------------------------------- human input
select * from tests.claim_node(:'run', 'final') \gset f_
select public.complete_workflow_task(:'f_result_id', :'f_lease_token', 'Final text.');
select is((select status::text || ':' || waiting_reason from lenses.workflow_node_results where run_id = :'run' and node_key = 'approve'),
  'blocked:human_input', 'the human input node waits for a person');
select is((select count(*)::int from public.claim_workflow_tasks('other', 10, 60) where run_id = :'run'), 0, 'no worker claims it');

select tests.authenticate_as(:'stranger');
select throws_ok(format($$select public.submit_human_input(%L, 'approve', '{"ok":true}')$$, :'run'), 'PT404', null,
  'another user cannot answer it');
select tests.authenticate_as(:'runner');
select throws_ok(format($$select public.submit_human_input(%L, 'final', '{"ok":true}')$$, :'run'), '22023',
  'submit_human_input: node "final" is a lens node, not human_input', 'only human_input nodes take input');
select throws_ok(format($$select public.submit_human_input(%L, 'approve', '"yes"')$$, :'run'), '22023',
  'submit_human_input: p_value must be a JSON object (the value must be a JSON object)', 'the answer is an object');
select is((public.submit_human_input(:'run', 'approve', '{"approved":true}')).status::text, 'completed', 'the owner answers');
select throws_ok(format($$select public.submit_human_input(%L, 'approve', '{"approved":false}')$$, :'run'), 'PT409',
  'submit_human_input: node "approve" is not waiting for input (it is completed)', 'once');

-- ---------------------------------------------------------------- the end of the run
select is((public.get_workflow_run(:'run')) ->> 'status', 'completed', 'the run completed');
select is((public.get_workflow_run(:'run')) -> 'output', '{"approve":{"approved":true}}'::jsonb, 'its output is the sink''s');
select ok(not ((public.get_workflow_run(:'run')) -> 'results' -> 0 ? 'lease_token'), 'lease tokens are not shown to users');
select tests.clear_authentication();
select ok(tests.events_gap_free(:'run'), 'its events are numbered 1..N with no gap');
select is((select count(*)::int from ai.llm_calls where run_id = :'run'), 3, 'every model call reported is in the ledger');
select is((select array[total_input_tokens, total_output_tokens, total_cached_tokens]::bigint[] from lenses.workflow_runs where id = :'run'),
  (select array[sum(input_tokens), sum(output_tokens), sum(cached_tokens)]::bigint[] from ai.llm_calls where run_id = :'run'),
  'the run''s totals are the ledger''s sums');
select is((select sum(input_tokens)::bigint from lenses.workflow_node_results where run_id = :'run'),
  (select total_input_tokens from lenses.workflow_runs where id = :'run'), 'and so are the nodes''');
select is((select cost_credits from ai.llm_calls where run_id = :'run' and input_tokens = 20), 0.000000::numeric(14, 6),
  'the local model is free');
select throws_ok($$update ai.llm_calls set input_tokens = 0$$, '42501', null, 'the ledger is append-only');
select throws_ok(format($$delete from lenses.workflow_run_events where run_id = %L$$, :'run'), '42501', null, 'so is the event log');

-- ---------------------------------------------------------------- who sees the run
select tests.authenticate_as(:'stranger');
select throws_ok(format($$select public.get_workflow_run(%L)$$, :'run'), 'PT404', null, 'another user cannot read the run');
select is((select count(*)::int from public.list_workflow_runs()), 0, 'nor list it');
select throws_ok(format($$select * from public.list_workflow_run_events(%L)$$, :'run'), 'PT404', null, 'nor read its events');
select throws_ok(format($$select public.cancel_workflow_run(%L)$$, :'run'), 'PT404', null, 'nor cancel it');

select * from finish();
rollback;

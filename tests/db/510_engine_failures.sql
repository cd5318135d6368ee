-- The engine when things go wrong: cancel, expired leases, node timeouts, run deadlines, client
-- errors, retries spent, the two failure modes, and rerunning from a node.
begin;
select plan(44);

select tests.create_user('ops@example.com', '{"handle":"ops"}') as ops \gset
select tests.create_user('other-ops@example.com', '{"handle":"other-ops"}') as other \gset
select tests.authenticate_as(:'ops');
select tests.engine_workflow() as wf \gset
select tests.engine_workflow(p_draft_config => '{"timeout_ms":1000}') as wf_timeout \gset

-- ---------------------------------------------------------------- cancel
select (public.start_workflow_run(:'wf', '{"topic":"cancel me"}')).id as run \gset
select tests.authenticate_as_service_role();
select * from tests.claim_node(:'run', 'draft') \gset c_
select tests.authenticate_as(:'other');
select throws_ok(format($$select public.cancel_workflow_run(%L)$$, :'run'), 'PT404', null, 'another user cannot cancel the run');
select tests.authenticate_as(:'ops');
select is((public.cancel_workflow_run(:'run', 'changed my mind')).status::text, 'cancelled', 'the owner cancels it');
select is((select array_agg(distinct status::text) from lenses.workflow_node_results where run_id = :'run'), array['cancelled'],
  'every unfinished result is cancelled');
select throws_ok(format($$select public.cancel_workflow_run(%L)$$, :'run'), 'PT409',
  format('cancel_workflow_run: run %s already ended (cancelled)', :'run'), 'a run is cancelled once');
select tests.authenticate_as_service_role();
select throws_ok(format($$select public.complete_workflow_task(%L, %L, '{"summary":"late","score":1}')$$, :'c_result_id', :'c_lease_token'),
  'PT409', null, 'a completion after the cancel is refused');
select is((select output_data from lenses.workflow_node_results where id = :'c_result_id'), null, 'and changes nothing');
select ok(tests.events_gap_free(:'run'), 'events stay gap-free');

-- ---------------------------------------------------------------- a worker dies: the lease expires
select tests.authenticate_as(:'ops');
select (public.start_workflow_run(:'wf', '{"topic":"crash"}')).id as run2 \gset
select tests.authenticate_as_service_role();
select * from tests.claim_node(:'run2', 'draft', 30) \gset l1_
select tests.clear_authentication();
update lenses.workflow_node_results set lease_expires_at = now() - interval '1 second' where id = :'l1_result_id';
select ok(lenses.fn_reap_workflow_runs(100) >= 1, 'the reaper finds the expired lease');
select is((select status::text || ':' || waiting_reason || ':' || retry_count from lenses.workflow_node_results where id = :'l1_result_id'),
  'retrying:retry_backoff:1', 'the task goes back to the queue as a failed attempt');
select ok((select next_attempt_at <= now() from lenses.workflow_node_results where id = :'l1_result_id'), 'due at once');
select tests.authenticate_as_service_role();
select * from tests.claim_node(:'run2', 'draft') \gset l2_
select is(:'l2_attempt'::int, 2, 'another worker claims it');
select throws_ok(format($$select public.complete_workflow_task(%L, %L, '{"summary":"stale","score":1}')$$, :'l1_result_id', :'l1_lease_token'),
  'PT409', null, 'the dead worker''s late completion is refused');
select is((public.complete_workflow_task(:'l2_result_id', :'l2_lease_token', '{"summary":"fresh","score":0.1}')) ->> 'status', 'completed',
  'the new holder completes it');
select is((select output_data ->> 'summary' from lenses.workflow_node_results where id = :'l2_result_id'), 'fresh', 'once');
select is((select count(*)::int from lenses.workflow_run_events where run_id = :'run2' and event_type = 'node_completed'), 1,
  'with a single completion event');

-- ---------------------------------------------------------------- client errors and spent retries
select is((select status::text from lenses.workflow_node_results where run_id = :'run2' and node_key = 'bad'), 'queued',
  'score 0.1 took the other branch');
select * from tests.claim_node(:'run2', 'bad') \gset b_
select is((public.fail_workflow_task(:'b_result_id', :'b_lease_token', 'client', 'HTTP 400: bad request')) ->> 'status', 'failed',
  'a 4xx fails at once');
select is((select retry_count from lenses.workflow_node_results where id = :'b_result_id'), 0, 'without a retry');
select is((select array_agg(node_key || ':' || status order by node_key) from lenses.workflow_node_results
           where run_id = :'run2' and node_key in ('final', 'approve', 'good')),
  array['approve:skipped', 'final:skipped', 'good:skipped'], 'isolate: what depends on it only is skipped');
select is((select status::text from lenses.workflow_runs where id = :'run2'), 'failed', 'and the run ends failed');
select is((select error_message from lenses.workflow_runs where id = :'run2'), 'node bad failed: HTTP 400: bad request',
  'saying which node failed');

-- ---------------------------------------------------------------- stop_run: the first failure ends everything
select tests.authenticate_as(:'ops');
select (public.start_workflow_run(:'wf', '{"topic":"stop"}', p_failure_mode => 'stop_run')).id as run3 \gset
select tests.authenticate_as_service_role();
select * from tests.claim_node(:'run3', 'draft') \gset s1_
select public.fail_workflow_task(:'s1_result_id', :'s1_lease_token', 'server', 'boom 1');
update lenses.workflow_node_results set next_attempt_at = now() where id = :'s1_result_id';
select * from tests.claim_node(:'run3', 'draft') \gset s2_
select public.fail_workflow_task(:'s2_result_id', :'s2_lease_token', 'server', 'boom 2');
update lenses.workflow_node_results set next_attempt_at = now() where id = :'s2_result_id';
select * from tests.claim_node(:'run3', 'draft') \gset s3_
select is(:'s3_attempt'::int, 3, 'the node''s policy allows two retries');
select is((public.fail_workflow_task(:'s3_result_id', :'s3_lease_token', 'server', 'boom 3')) ->> 'status', 'failed',
  'the third failure is final');
select is((select status::text from lenses.workflow_runs where id = :'run3'), 'failed', 'stop_run ends the run');
select is((select array_agg(distinct status::text) from lenses.workflow_node_results where run_id = :'run3' and node_key <> 'draft'),
  array['cancelled'], 'and cancels the rest');
select ok((select array_agg((payload ->> 'delay_ms')::int order by event_id) from lenses.workflow_run_events
           where run_id = :'run3' and event_type = 'node_retrying') is not null, 'each retry says its delay');

-- ---------------------------------------------------------------- timeouts and deadlines
select tests.authenticate_as(:'ops');
select (public.start_workflow_run(:'wf_timeout', '{"topic":"slow"}')).id as run4 \gset
select tests.authenticate_as_service_role();
select * from tests.claim_node(:'run4', 'draft') \gset t_
select ok((select timeout_at between now() + interval '0.9 seconds' and now() + interval '1.1 seconds'
           from lenses.workflow_node_results where id = :'t_result_id'), 'the claim sets the node''s timeout');
select tests.clear_authentication();
update lenses.workflow_node_results set timeout_at = now() - interval '1 millisecond' where id = :'t_result_id';
select lenses.fn_reap_workflow_runs(100);
select is((select status::text from lenses.workflow_node_results where id = :'t_result_id'), 'timed_out', 'past its timeout the node times out');
select is((select status::text from lenses.workflow_runs where id = :'run4'), 'failed', 'and, with nothing else to run, the run fails');

select tests.authenticate_as(:'ops');
select (public.start_workflow_run(:'wf', '{"topic":"deadline"}', p_deadline_seconds => 60)).id as run5 \gset
select tests.clear_authentication();
update lenses.workflow_runs set deadline_at = now() - interval '1 second' where id = :'run5';
select lenses.fn_reap_workflow_runs(100);
select is((select status::text from lenses.workflow_runs where id = :'run5'), 'timed_out', 'past its deadline the run times out');
select is((select array_agg(distinct status::text) from lenses.workflow_node_results where run_id = :'run5'), array['timed_out'],
  'with every unfinished node');

-- ---------------------------------------------------------------- rerun from a node
select tests.authenticate_as(:'ops');
select throws_ok(format($$select public.rerun_workflow_run_from(%L, 'nope')$$, :'run2'), 'PT404',
  'rerun_workflow_run_from: the workflow has no node "nope"', 'a rerun names a node of the workflow');
select tests.authenticate_as(:'other');
select throws_ok(format($$select public.rerun_workflow_run_from(%L, 'bad')$$, :'run2'), 'PT404', null, 'another user cannot rerun it');
select tests.authenticate_as(:'ops');
select (public.rerun_workflow_run_from(:'run2', 'bad')).id as rerun \gset
select is((select status::text || ':' || recovered_from_run_id from lenses.workflow_runs where id = :'rerun'), 'recovered:' || :'run2',
  'the rerun is a recovered run of the old one');
select is((select status::text || ':' || (reused_from_result_id = :'l2_result_id') from lenses.workflow_node_results
           where run_id = :'rerun' and node_key = 'draft'), 'completed:true', 'it reuses the upstream output');
select is((select input_data from lenses.workflow_node_results where run_id = :'rerun' and node_key = 'bad'), '{"summary":"fresh"}'::jsonb,
  'the node runs again from it');
select is((select status::text from lenses.workflow_node_results where run_id = :'rerun' and node_key = 'bad'), 'queued', 'queued');
select is((select array_agg(node_key || ':' || status order by node_key) from lenses.workflow_node_results
           where run_id = :'run2' and node_key in ('bad', 'final', 'approve')),
  array['approve:invalidated', 'bad:invalidated', 'final:invalidated'], 'the old downstream results are invalidated');
select is((select status::text from lenses.workflow_node_results where run_id = :'run2' and node_key = 'draft'), 'completed',
  'the old upstream results stay');
select tests.clear_authentication();
select ok(tests.events_gap_free(:'rerun') and tests.events_gap_free(:'run2'), 'both logs stay gap-free');

-- ---------------------------------------------------------------- no model to run on
select tests.authenticate_as(:'ops');
select (public.start_workflow_run(:'wf', '{"topic":"no model"}')).id as run6 \gset
select tests.clear_authentication();
update ai.models set is_default = false where is_default;
select tests.authenticate_as_service_role();
select is((select count(*)::int from tests.claim_node(:'run6', 'draft')), 0, 'a node with no model to run on is not handed out');
select tests.clear_authentication();
select is((select status::text || ':' || error_kind || ':' || attempt_count from lenses.workflow_node_results where run_id = :'run6' and node_key = 'draft'),
  'failed:client:0', 'it fails as a client error instead of hanging on a lease');

-- ---------------------------------------------------------------- the log outlives its actors
select tests.create_user('leaver@example.com', '{"handle":"leaver"}') as leaver \gset
select lenses.fn_append_workflow_run_event(:'run2', 'message', '{"text":"hello"}', null, tests.profile_id(:'leaver')) as msg \gset
select lives_ok(format($$delete from auth.users where id = %L$$, :'leaver'), 'a user who acted in a run can still be deleted');
select is((select actor_id from lenses.workflow_run_events where run_id = :'run2' and event_id = :'msg'), null,
  'the event stays, with no actor');

select * from finish();
rollback;

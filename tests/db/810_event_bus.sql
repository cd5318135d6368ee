-- The event bus (README "Events"): agents.fn_emit_event (gap-free event ids per scope, fan-out to the
-- subscribed consumers in the emitting transaction, refusals), exactly once per consumer by the
-- deliveries' unique key, the worker's delivery state machine (claim, complete, fail with backoff,
-- max attempts, expired leases, stale tokens), team run ends on the bus, the output_memory consumer
-- (one memory, exactly once; a profile that is not the assignee's fails), RLS and the list RPCs,
-- append-only, and retention.
begin;
select plan(76);
-- Team run ends are emitted at commit (a deferred trigger); this test's transaction never commits.
set constraints agents.team_runs_end_emit immediate;

select tests.create_user('bus-alice@example.com', '{"handle":"bus-alice"}') as alice \gset
select tests.create_user('bus-bob@example.com', '{"handle":"bus-bob"}') as bob \gset
select tests.profile_id(:'alice') as alice_p \gset
select tests.profile_id(:'bob') as bob_p \gset
select tests.create_user('bus-carol@example.com', '{"handle":"bus-carol"}') as carol \gset
select tests.profile_id(:'carol') as carol_p \gset

-- ---------------------------------------------------------------- the consumers' catalog
select results_eq($$select name, handler_kind::text, event_types::text[], payload_filter::text from agents.event_consumers order by name$$,
  $$values ('output_channel', 'sql', array['run_completed'], '($."output_destination"."kind" == "channel")'),
           ('output_memory', 'sql', array['run_completed'], '($."output_destination"."kind" == "memory")'),
           ('output_webhook', 'worker', array['run_completed'], '($."output_destination"."kind" == "webhook")')$$,
  'the output_destination consumers: channel and memory in SQL, webhook in the worker, all on run_completed of their kind');

-- ---------------------------------------------------------------- emitting: ids and fan-out
select tests.authenticate_as_service_role();
select is(agents.fn_emit_event(p_module => 'channels', p_event_type => 'message_received', p_scope_id => :'alice_p',
  p_payload => '{"text":"hi"}', p_subject_kind => 'message', p_subject_id => gen_random_uuid()), 1::bigint,
  'the first event of a scope is 1');
select is(agents.fn_emit_event('contacts', 'contact_created', :'alice_p'), 2::bigint, 'the next is 2');
select is(agents.fn_emit_event('agents', 'run_completed', :'bob_p', '{"output_destination":{"kind":"none"}}'), 1::bigint,
  'another scope counts on its own');
select is(agents.fn_emit_event('agents', 'run_completed', :'alice_p',
  '{"output_destination":{"kind":"webhook","url":"https://example.com/in"}}', p_actor_id => :'alice_p'), 3::bigint,
  'and the first scope goes on with 3');
select tests.clear_authentication();
select results_eq(format($$select event_id::int, event_type::text, module::text, actor_id from agents.events where scope_id = %L order by event_id$$, :'alice_p'),
  format($$values (1, 'message_received', 'channels', null::uuid), (2, 'contact_created', 'contacts', null), (3, 'run_completed', 'agents', %L::uuid)$$, :'alice_p'),
  'the envelope keeps type, module and actor');
select results_eq(format($$select consumer, event_id::int, state::text, attempts from agents.event_deliveries where scope_id in (%L, %L) order by scope_id = %L, event_id$$,
    :'alice_p', :'bob_p', :'alice_p'),
  $$values ('output_webhook', 3, 'pending', 0)$$,
  'fan-out: one delivery, to the consumer whose type and filter match (none for other types or other destinations)');
select throws_ok(format($$insert into agents.event_deliveries (consumer, scope_id, event_id) values ('output_webhook', %L, 3)$$, :'alice_p'),
  '23505', null, 'a second delivery of an event to a consumer is refused by the unique key');

-- refusals of fn_emit_event
select tests.authenticate_as_service_role();
select throws_ok(format($$select agents.fn_emit_event(null, 'message_sent', %L)$$, :'alice_p'), '22023',
  'fn_emit_event: p_module is required', 'the module is required');
select throws_ok($$select agents.fn_emit_event('channels', 'message_sent', null)$$, '22023',
  'fn_emit_event: p_scope_id is required', 'the scope is required');
select throws_ok(format($$select agents.fn_emit_event('channels', null, %L)$$, :'alice_p'), '22023',
  'fn_emit_event: p_event_type is required', 'the type is required');
select throws_ok(format($$select agents.fn_emit_event('channels', 'message_sent', %L, '[1]')$$, :'alice_p'), '22023',
  'fn_emit_event: p_payload must be a JSON object', 'the payload is an object');
select throws_ok(format($$select agents.fn_emit_event('channels', 'message_sent', %L, jsonb_build_object('x', repeat('y', 70000)))$$, :'alice_p'),
  'PT413', null, 'the payload is bounded');
select throws_ok(format($$select agents.fn_emit_event('channels', 'message_sent', %L, p_subject_kind => 'message')$$, :'alice_p'), '22023',
  'fn_emit_event: p_subject_kind and p_subject_id go together', 'a subject is a kind and an id');
select throws_ok(format($$select agents.fn_emit_event('channels', 'message_sent', %L)$$, gen_random_uuid()), '23503', null,
  'the scope is a profile');
select tests.authenticate_as(:'alice');
select throws_ok(format($$select agents.fn_emit_event('channels', 'message_sent', %L)$$, :'alice_p'), '42501', null,
  'a client cannot emit');
select tests.clear_authentication();
select is((select count(*)::int from agents.events where scope_id = :'alice_p'), 3, 'and no refused call wrote an event');

-- ---------------------------------------------------------------- the worker's state machine
select id as d1 from agents.event_deliveries where scope_id = :'alice_p' and event_id = 3 \gset
select tests.authenticate_as_service_role();
select * from public.claim_event_deliveries('output_webhook', 'pgtap-w1', 10, 60) \gset c1_
select is(:'c1_delivery_id'::uuid, :'d1'::uuid, 'the worker leases the due delivery');
select is(:c1_attempts, 1, 'counting the attempt');
select is(:'c1_context'::jsonb ->> 'destination', null, 'the context of an event without a team run has no destination');
select is((select count(*)::int from public.claim_event_deliveries('output_webhook', 'pgtap-w2', 10, 60)), 0,
  'a leased delivery is not claimed twice');
select throws_ok(format($$select public.complete_event_delivery(%L, %L)$$, :'d1', gen_random_uuid()), 'PT409', null,
  'completing with another token is refused (409)');
select throws_ok(format($$select public.complete_event_delivery(%L, %L)$$, gen_random_uuid(), gen_random_uuid()), 'PT404', null,
  'an unknown delivery is not found');
select throws_ok(format($$select public.fail_event_delivery(%L, %L, '')$$, :'d1', :'c1_lease_token'), '22023',
  'fail_event_delivery: p_error is required', 'a failure says why');
select is((public.fail_event_delivery(:'d1', :'c1_lease_token', 'webhook answered 503', true)).state::text, 'pending',
  'a retryable failure goes back to pending');
select tests.clear_authentication();
select ok((select next_attempt_at > now() and next_attempt_at <= now() + interval '1 second' and last_error = 'webhook answered 503'
  and lease_token is null from agents.event_deliveries where id = :'d1'),
  'after a backoff of at most the base (1 s, jittered), keeping the error');
select tests.authenticate_as_service_role();
select is((select count(*)::int from public.claim_event_deliveries('output_webhook', 'pgtap-w1', 10, 60)), 0,
  'not claimed before it is due');
select throws_ok(format($$select public.fail_event_delivery(%L, %L, 'again', true)$$, :'d1', :'c1_lease_token'), 'PT409', null,
  'the old token no longer fails it');
select tests.clear_authentication();
update agents.event_deliveries set next_attempt_at = now() - interval '1 second' where id = :'d1';

-- an expired lease: back to pending (counted), reclaimed; the old token is stale
select tests.authenticate_as_service_role();
select * from public.claim_event_deliveries('output_webhook', 'pgtap-w1', 10, 60) \gset c2_
select is(:c2_attempts, 2, 'the second attempt');
select tests.clear_authentication();
update agents.event_deliveries set lease_expires_at = now() - interval '1 second' where id = :'d1';
select tests.authenticate_as_service_role();
select * from public.claim_event_deliveries('output_webhook', 'pgtap-w2', 10, 60) \gset c3_
select is(:'c3_delivery_id'::uuid, :'d1'::uuid, 'an expired lease is claimed again');
select is(:c3_attempts, 3, 'as another attempt');
select throws_ok(format($$select public.complete_event_delivery(%L, %L)$$, :'d1', :'c2_lease_token'), 'PT409', null,
  'the first worker''s late completion is refused');
select is((public.complete_event_delivery(:'d1', :'c3_lease_token', '{"status":200}')).state::text, 'processed',
  'the new lease holder completes it');
select throws_ok(format($$select public.complete_event_delivery(%L, %L)$$, :'d1', :'c3_lease_token'), 'PT409', null,
  'once: completing again is a conflict');
select tests.clear_authentication();
select results_eq(format($$select state::text, attempts, lease_expirations, result, processed_at is not null, lease_owner from agents.event_deliveries where id = %L$$, :'d1'),
  $$values ('processed', 3, 1, '{"status":200}'::jsonb, true, null::text)$$, 'processed: attempts, the expired lease counted, the result');
select results_eq(format($$select event_id::int, event_type::text, subject_kind::text, subject_id, payload ->> 'consumer' from agents.events where scope_id = %L and event_id = 4$$, :'alice_p'),
  format($$values (4, 'output_delivered', 'event_delivery', %L::uuid, 'output_webhook')$$, :'d1'),
  'the delivery''s outcome is itself an event (output_delivered)');

-- a permanent failure, and max attempts
select tests.authenticate_as_service_role();
select agents.fn_emit_event('agents', 'run_completed', :'alice_p', '{"output_destination":{"kind":"webhook","url":"https://example.com/4xx"}}') as e5 \gset
select * from public.claim_event_deliveries('output_webhook', 'pgtap-w1', 10, 60) \gset c4_
select is((public.fail_event_delivery(:'c4_delivery_id', :'c4_lease_token', 'webhook answered 400: bad', false)).state::text, 'failed',
  'a failure that is not retryable fails at once');
select tests.clear_authentication();
select is((select last_error from agents.event_deliveries where id = :'c4_delivery_id'), 'webhook answered 400: bad', 'with its error');
select is((select event_type::text from agents.events where scope_id = :'alice_p' order by event_id desc limit 1), 'output_delivery_failed',
  'and output_delivery_failed is emitted');
update agents.event_consumers set max_attempts = 1 where name = 'output_webhook';
select tests.authenticate_as_service_role();
select agents.fn_emit_event('agents', 'run_completed', :'alice_p', '{"output_destination":{"kind":"webhook","url":"https://example.com/5xx"}}') as e7 \gset
select * from public.claim_event_deliveries('output_webhook', 'pgtap-w1', 10, 60) \gset c5_
select is((public.fail_event_delivery(:'c5_delivery_id', :'c5_lease_token', 'webhook answered 503', true)).last_error,
  'webhook answered 503 (gave up after 1 attempts)', 'a retryable failure on the last attempt fails, saying so');
select tests.clear_authentication();
update agents.event_consumers set max_attempts = 10 where name = 'output_webhook';

-- claim refusals
select tests.authenticate_as_service_role();
select throws_ok($$select * from public.claim_event_deliveries('nope', 'w', 10, 60)$$, 'PT404', null, 'an unknown consumer is not found');
select throws_ok($$select * from public.claim_event_deliveries('output_memory', 'w', 10, 60)$$, '22023', null,
  'an sql consumer is not claimed by workers');
select throws_ok($$select * from public.claim_event_deliveries('output_webhook', 'w', 0, 60)$$, '22023',
  'claim_event_deliveries: p_limit must be between 1 and 500, got 0', 'the batch is bounded');
select throws_ok($$select * from public.claim_event_deliveries('output_webhook', 'w', 10, 0)$$, '22023',
  'claim_event_deliveries: p_lease_seconds must be between 1 and 3600, got 0', 'so is the lease');
select throws_ok($$select * from public.claim_event_deliveries('output_webhook', repeat('w', 201), 10, 60)$$, 'PT413', null,
  'the worker id is bounded');
select tests.authenticate_as(:'alice');
select throws_ok($$select * from public.claim_event_deliveries('output_webhook', 'w', 10, 60)$$, '42501', null,
  'a client cannot claim');
select throws_ok($$select public.process_event_deliveries(10)$$, '42501', null, 'nor run the sql consumers');
select tests.clear_authentication();

-- ---------------------------------------------------------------- team run ends, output to memory
select ok((select tgdeferrable and tginitdeferred from pg_trigger where tgname = 'team_runs_end_emit' and tgrelid = 'agents.team_runs'::regclass),
  'a team run''s end is emitted at commit (deferred: the scope lock is the last lock its transaction takes)');
select tests.new_agent(:'alice', 'bus-scout') as scout \gset
select tests.new_agent(:'bob', 'bus-other') as other_agent \gset
select tests.authenticate_as(:'alice');
select (public.create_memory_profile(p_ai_lenser_id => :'scout', p_name => 'Outputs', p_retention_days => 30)).id as mp \gset
select tests.published_workflow('Bus memory') as wf_mem \gset
select tests.published_workflow('Bus stranger memory') as wf_bad \gset
select (public.create_workflow_assignment(p_workflow_id => :'wf_mem', p_assignee_kind => 'agent', p_assignee_ai_lenser_id => :'scout',
  p_approval_policy => '{"requiresApproval":false}',
  p_output_destination => jsonb_build_object('kind', 'memory', 'memoryProfileId', :'mp', 'scope', 'workflow'))).id as a_mem \gset
select tests.clear_authentication();
select tests.authenticate_as(:'alice');
select (public.create_memory_profile(p_ai_lenser_id => :'scout', p_name => 'Gone soon')).id as bob_mp \gset
select throws_ok(format($$select public.create_workflow_assignment(p_workflow_id => %L, p_assignee_kind => 'agent', p_assignee_ai_lenser_id => %L,
  p_output_destination => jsonb_build_object('kind', 'memory', 'memoryProfileId', %L))$$, :'wf_bad', :'scout',
  (select id from agents.memory_profiles where ai_lenser_id = :'other_agent' union all select gen_random_uuid() limit 1)),
  '22023', null, 'an assignment''s memory destination must be a profile of the assignee');
select (public.create_workflow_assignment(p_workflow_id => :'wf_bad', p_assignee_kind => 'agent', p_assignee_ai_lenser_id => :'scout',
  p_approval_policy => '{"requiresApproval":false}',
  p_output_destination => jsonb_build_object('kind', 'memory', 'memoryProfileId', :'bob_mp'))).id as a_bad \gset
select (public.run_workflow_assignment(:'a_mem', '{"topic":"bus"}')).id as tr_mem \gset
select tests.clear_authentication();
select workflow_run_id as wr_mem from agents.team_runs where id = :'tr_mem' \gset
select max(event_id) as before_mem from agents.events where scope_id = :'alice_p' \gset
select tests.authenticate_as_service_role();
select * from tests.claim_node(:'wr_mem', 'only') \gset n_
select public.complete_workflow_task(:'n_result_id', :'n_lease_token', 'the answer to remember');
select tests.clear_authentication();
select is((select status::text from agents.team_runs where id = :'tr_mem'), 'completed', 'the team run completed');
select results_eq(format($$select event_type::text, module::text, subject_kind::text, subject_id, payload ->> 'workflow_run_id', payload #>> '{output_destination,kind}'
    from agents.events where scope_id = %L and event_id = %s + 1$$, :'alice_p', :'before_mem'),
  format($$values ('run_completed', 'agents', 'team_run', %L::uuid, %L, 'memory')$$, :'tr_mem', :'wr_mem'),
  'its end is on the bus, in the scope of whoever started it, about the team run');
select results_eq(format($$select consumer, state::text, attempts from agents.event_deliveries where scope_id = %L and event_id = %s + 1$$, :'alice_p', :'before_mem'),
  $$values ('output_memory', 'processed', 1)$$, 'the output_memory consumer processed it in the same transaction');
select results_eq(format($$select content, scope::text, source::text, metadata ->> 'team_run_id', expires_at > now() + interval '29 days'
    from agents.memories where memory_profile_id = %L$$, :'mp'),
  format($$values ('the answer to remember', 'workflow', 'workflow', %L, true)$$, :'tr_mem'),
  'exactly one memory: the output, under the destination''s profile and scope');
select is((select (result ->> 'memory_id')::uuid from agents.event_deliveries where scope_id = :'alice_p' and event_id = :before_mem + 1),
  (select id from agents.memories where memory_profile_id = :'mp'), 'the delivery names the memory it wrote');
select is((select event_type::text from agents.events where scope_id = :'alice_p' and event_id = :before_mem + 2), 'output_delivered',
  'then output_delivered');
select tests.authenticate_as_service_role();
select is(public.process_event_deliveries(100), 0, 'nothing is left to run again');
select tests.clear_authentication();
select is((select count(*)::int from agents.memories where memory_profile_id = :'mp'), 1, 'still one memory');

-- a destination profile that is not the assignee's: failed at once, nothing written
select tests.authenticate_as(:'alice');
select (public.run_workflow_assignment(:'a_bad', '{"topic":"bus"}')).id as tr_bad \gset
select tests.clear_authentication();
select workflow_run_id as wr_bad from agents.team_runs where id = :'tr_bad' \gset
delete from agents.memory_profiles where id = :'bob_mp';
select tests.authenticate_as_service_role();
select * from tests.claim_node(:'wr_bad', 'only') \gset b_
select public.complete_workflow_task(:'b_result_id', :'b_lease_token', 'not for bob');
select tests.clear_authentication();
select results_eq(format($$select d.state::text, d.attempts, d.last_error like '22023: output_memory: memory profile %s does not exist or is not the assignee''s%%'
    from agents.event_deliveries d join agents.events e using (scope_id, event_id) where e.subject_id = %L$$, :'bob_mp', :'tr_bad'),
  $$values ('failed', 1, true)$$, 'a destination profile that is gone when the run ends fails the delivery with the reason (no retry)');
select is((select count(*)::int from agents.memories where metadata ->> 'team_run_id' = :'tr_bad'), 0, 'and writes no memory');

-- a cancelled team run is an event too, delivered to no output consumer
select tests.authenticate_as(:'alice');
select (public.run_workflow_assignment(:'a_mem', '{"topic":"cancel me"}')).id as tr_cancel \gset
select public.cancel_team_run(:'tr_cancel');
select tests.clear_authentication();
select results_eq(format($$select e.event_type::text, count(d.id)::int from agents.events e left join agents.event_deliveries d using (scope_id, event_id)
    where e.subject_id = %L group by 1$$, :'tr_cancel'),
  $$values ('run_cancelled', 0)$$, 'a cancelled team run emits run_cancelled, which no output consumer takes');

-- ---------------------------------------------------------------- RLS and the list RPCs
select tests.authenticate_as(:'alice');
select ok((select count(*) from agents.events where scope_id = :'alice_p') >= 9, 'the owner reads the events of their scope');
select results_eq($$select event_id::int from public.list_events(p_after_event_id => 1, p_limit => 2)$$, $$values (2), (3)$$,
  'list_events: their own scope by default, after a cursor, in order');
select results_eq($$select event_type::text from public.list_events(p_types => array['contact_created']::lenses.run_event_type[])$$,
  $$values ('contact_created')$$, 'filtered by type');
select ok((select count(*) from public.list_event_deliveries(p_consumer => 'output_memory')) >= 2, 'list_event_deliveries: each consumer''s state');
select throws_ok($$select * from public.list_events(p_limit => 0)$$, '22023', 'list_events: p_limit must be between 1 and 1000, got 0',
  'the page is bounded');
select throws_ok($$select * from public.list_event_deliveries(p_consumer => 'nope')$$, 'PT404', null, 'an unknown consumer is not found');
select tests.authenticate_as(:'bob');
select is((select count(*)::int from agents.events where scope_id = :'alice_p'), 0, 'another user reads none of them');
select is((select count(*)::int from agents.event_deliveries where scope_id = :'alice_p'), 0, 'nor their deliveries');
select throws_ok(format($$select * from public.list_events(%L)$$, :'alice_p'), 'PT404', null,
  'and list_events of their scope is not found');
select throws_ok(format($$select * from public.list_event_deliveries(%L)$$, :'alice_p'), 'PT404', null,
  'nor list_event_deliveries');
select tests.authenticate_as_anon();
select throws_ok($$select * from public.list_events()$$, '42501', null, 'anon lists nothing');
select tests.clear_authentication();

-- ---------------------------------------------------------------- append-only, retention
select throws_like(format($$update agents.events set payload = '{}' where scope_id = %L$$, :'alice_p'),
  '%is append-only%', 'events are append-only');
select tests.authenticate_as_service_role();
select agents.fn_emit_event('agents', 'run_completed', :'alice_p', '{"output_destination":{"kind":"webhook","url":"https://example.com/pending"}}') as e_pending \gset
select agents.fn_emit_event('contacts', 'contact_created', :'alice_p') as e_last \gset
select agents.fn_emit_event('contacts', 'contact_created', :'carol_p') as e_carol \gset
select tests.clear_authentication();
-- Age them (the test's own bypass of the append-only trigger, rolled back with the test).
alter table agents.events disable trigger events_append_only;
update agents.events set occurred_at = occurred_at - interval '2 days' where scope_id = :'alice_p';
alter table agents.events enable trigger events_append_only;
select tests.authenticate_as_service_role();
select lenses.fn_purge_runs(p_older_than => interval '1 day');
select tests.clear_authentication();
select results_eq(format($$select event_id::int from agents.events where scope_id = %L order by event_id$$, :'alice_p'),
  format($$values (%s), (%s)$$, :'e_pending', :'e_last'),
  'the purge by age takes old settled events, keeping one a consumer has not settled and the newest of the scope');
select is((select count(*)::int from agents.event_deliveries where scope_id = :'alice_p'), 1, 'the purged events'' deliveries went with them');
select tests.authenticate_as_service_role();
select is(agents.fn_emit_event('contacts', 'contact_created', :'alice_p'), :'e_last'::bigint + 1,
  'ids count on after a purge');
select lenses.fn_purge_runs(p_lenser_id => :'carol_p');
select tests.clear_authentication();
select is((select count(*)::int from agents.events where scope_id = :'carol_p'), 0, 'erasing a lenser takes the events of their scope');

select * from finish();
rollback;

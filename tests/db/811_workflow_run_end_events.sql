-- Workflow run ends on the bus (README "Events"): a run that ends completed, failed, cancelled or
-- timed_out emits exactly one event (module lenses, scope the run's lenser, actor who started it,
-- subject the run, payload ids, status, error, times, and the team run, parent run or schedule it
-- belongs to), at commit (a deferred constraint trigger): a run that ends in a transaction rolled
-- back, or deleted before commit, emits nothing. A team run's end emits both its events, and its
-- output destination is delivered once.
begin;
select plan(28);

select tests.create_user('we-alice@example.com', '{"handle":"we-alice"}') as alice \gset
select tests.profile_id(:'alice') as alice_p \gset
select tests.create_user('we-carol@example.com', '{"handle":"we-carol"}') as carol \gset
select tests.profile_id(:'carol') as carol_p \gset

select ok((select tgdeferrable and tginitdeferred from pg_trigger where tgname = 'workflow_runs_end_emit' and tgrelid = 'lenses.workflow_runs'::regclass),
  'a workflow run''s end is emitted at commit (deferred: the scope lock is the last lock its transaction takes)');

select tests.authenticate_as(:'alice');
select tests.published_workflow('Ends') as wf \gset
select (public.start_workflow_run(:'wf', '{}')).id as r_ok \gset
select (public.start_workflow_run(:'wf', '{}')).id as r_fail \gset
select (public.start_workflow_run(:'wf', '{}')).id as r_cancel \gset
select (public.start_workflow_run(:'wf', '{}', p_deadline_seconds => 60)).id as r_late \gset
select (public.start_workflow_run(:'wf', '{}')).id as r_back \gset
select tests.clear_authentication();

-- ---------------------------------------------------------------- completed, at commit
select tests.authenticate_as_service_role();
select * from tests.claim_node(:'r_ok', 'only') \gset ok_
select public.complete_workflow_task(:'ok_result_id', :'ok_lease_token', 'done') is not null as done \gset
select tests.clear_authentication();
select is((select status::text from lenses.workflow_runs where id = :'r_ok'), 'completed', 'the run completed');
select is((select count(*)::int from agents.events where subject_id = :'r_ok'), 0, 'nothing is emitted before the commit');
-- What the commit would do: the pending end fires now, and every later end at once.
set constraints lenses.workflow_runs_end_emit immediate;
select results_eq(format($$select scope_id, event_type::text, module::text, subject_kind::text, actor_id, contact_id from agents.events where subject_id = %L$$, :'r_ok'),
  format($$values (%L::uuid, 'run_completed', 'lenses', 'workflow_run', %L::uuid, null::uuid)$$, :'alice_p', :'alice_p'),
  'a completed run emits one run_completed: in its lenser''s scope, by who started it, about the run');
select is((select payload - 'started_at' - 'finished_at' from agents.events where subject_id = :'r_ok'),
  jsonb_build_object('workflow_run_id', :'r_ok'::uuid, 'workflow_id', :'wf'::uuid, 'status', 'completed'),
  'its payload: the run, the workflow, the status (no error, no team run, parent or schedule)');
select ok((select (payload ->> 'started_at')::timestamptz = r.started_at and (payload ->> 'finished_at')::timestamptz = r.finished_at
  from agents.events e join lenses.workflow_runs r on r.id = e.subject_id where e.subject_id = :'r_ok'), 'and its start and end times');
select is((select count(*)::int from agents.event_deliveries d join agents.events e using (scope_id, event_id) where e.subject_id = :'r_ok'), 0,
  'no consumer takes it');

-- ---------------------------------------------------------------- failed, cancelled, timed_out
select tests.authenticate_as_service_role();
select * from tests.claim_node(:'r_fail', 'only') \gset f_
select public.fail_workflow_task(:'f_result_id', :'f_lease_token', 'client', 'HTTP 400: ' || repeat('x', 3000)) is not null as failed \gset
select tests.clear_authentication();
select results_eq(format($$select event_type::text, payload ->> 'status', actor_id from agents.events where subject_id = %L$$, :'r_fail'),
  format($$values ('run_failed', 'failed', %L::uuid)$$, :'alice_p'), 'a failed run emits one run_failed');
select is((select payload ->> 'error' from agents.events where subject_id = :'r_fail'),
  (select left(error_message, 2000) from lenses.workflow_runs where id = :'r_fail'), 'with its error');
select ok((select char_length(payload ->> 'error') = 2000 and char_length(r.error_message) > 2000
  from agents.events e join lenses.workflow_runs r on r.id = e.subject_id where e.subject_id = :'r_fail'), 'cut to 2000 characters');

select tests.authenticate_as(:'alice');
select public.cancel_workflow_run(:'r_cancel', 'not needed') is not null as cancelled \gset
select tests.clear_authentication();
select results_eq(format($$select event_type::text, payload ->> 'status', (payload ->> 'finished_at') is not null from agents.events where subject_id = %L$$, :'r_cancel'),
  $$values ('run_cancelled', 'cancelled', true)$$, 'a cancelled run emits one run_cancelled');

update lenses.workflow_runs set deadline_at = now() - interval '1 second' where id = :'r_late';
select lenses.fn_reap_workflow_runs(100) is not null as reaped \gset
select is((select status::text from lenses.workflow_runs where id = :'r_late'), 'timed_out', 'past its deadline the run times out');
select results_eq(format($$select event_type::text, payload ->> 'status', module::text from agents.events where subject_id = %L$$, :'r_late'),
  $$values ('run_failed', 'timed_out', 'lenses')$$, 'a timed-out run emits one run_failed, its status timed_out');

-- ---------------------------------------------------------------- rolled back: nothing
set constraints lenses.workflow_runs_end_emit deferred;
select tests.authenticate_as_service_role();
select * from tests.claim_node(:'r_back', 'only') \gset b_
select tests.clear_authentication();
savepoint ending;
select tests.authenticate_as_service_role();
select public.complete_workflow_task(:'b_result_id', :'b_lease_token', 'never') is not null as done \gset
select tests.clear_authentication();
rollback to savepoint ending;
set constraints lenses.workflow_runs_end_emit immediate;
select is((select status::text from lenses.workflow_runs where id = :'r_back'), 'running', 'a run whose end was rolled back is still running');
select is((select count(*)::int from agents.events where subject_id = :'r_back'), 0, 'and emitted nothing');
select tests.authenticate_as_service_role();
select public.cancel_workflow_run(:'r_back') is not null as cancelled \gset
select tests.clear_authentication();
select is((select count(*)::int from agents.events where subject_id = :'r_back'), 1, 'its later end emits once');

-- ended, then deleted in the same transaction (its lenser erased): nothing to emit, the commit stands
set constraints lenses.workflow_runs_end_emit deferred;
select tests.authenticate_as(:'carol');
select tests.published_workflow('Carol ends') as wf_carol \gset
select (public.start_workflow_run(:'wf_carol', '{}')).id as r_carol \gset
select public.cancel_workflow_run(:'r_carol') is not null as cancelled \gset
select tests.clear_authentication();
select lenses.fn_purge_runs(p_lenser_id => :'carol_p') is not null as purged \gset
set constraints lenses.workflow_runs_end_emit immediate;
select is((select count(*)::int from agents.events where scope_id = :'carol_p'), 0, 'a run deleted before the commit emits nothing');

-- ---------------------------------------------------------------- a team run's end: both events, one delivery
set constraints agents.team_runs_end_emit immediate;
select tests.new_agent(:'alice', 'we-scout') as scout \gset
select tests.authenticate_as(:'alice');
select (public.create_memory_profile(p_ai_lenser_id => :'scout', p_name => 'Outputs')).id as mp \gset
select tests.published_workflow('Team ends') as wf_team \gset
select tests.published_workflow('Team ends posted') as wf_hook \gset
select (public.create_workflow_assignment(p_workflow_id => :'wf_team', p_assignee_kind => 'agent', p_assignee_ai_lenser_id => :'scout',
  p_approval_policy => '{"requiresApproval":false}',
  p_output_destination => jsonb_build_object('kind', 'memory', 'memoryProfileId', :'mp'))).id as a_mem \gset
select (public.create_workflow_assignment(p_workflow_id => :'wf_hook', p_assignee_kind => 'agent', p_assignee_ai_lenser_id => :'scout',
  p_approval_policy => '{"requiresApproval":false}',
  p_output_destination => '{"kind":"webhook","url":"https://example.com/hook"}')).id as a_hook \gset
select (public.run_workflow_assignment(:'a_mem', '{"topic":"team"}')).id as tr_mem \gset
select (public.run_workflow_assignment(:'a_hook', '{"topic":"team"}')).id as tr_hook \gset
select tests.clear_authentication();
select workflow_run_id as wr_mem from agents.team_runs where id = :'tr_mem' \gset
select workflow_run_id as wr_hook from agents.team_runs where id = :'tr_hook' \gset
select tests.authenticate_as_service_role();
select * from tests.claim_node(:'wr_mem', 'only') \gset m_
select public.complete_workflow_task(:'m_result_id', :'m_lease_token', 'remember this') is not null as done \gset
select * from tests.claim_node(:'wr_hook', 'only') \gset h_
select public.complete_workflow_task(:'h_result_id', :'h_lease_token', 'post this') is not null as done \gset
select tests.clear_authentication();
select results_eq(format($$select module::text, subject_kind::text, event_type::text from agents.events
    where subject_id in (%L, %L) order by module$$, :'wr_mem', :'tr_mem'),
  $$values ('agents', 'team_run', 'run_completed'), ('lenses', 'workflow_run', 'run_completed')$$,
  'a team run''s end emits its own event and its workflow run''s');
select is((select payload ->> 'team_run_id' from agents.events where subject_id = :'wr_mem'), :'tr_mem',
  'the workflow run''s event names its team run');
select results_eq(format($$select d.consumer, e.subject_kind::text, d.state::text from agents.event_deliveries d
    join agents.events e using (scope_id, event_id) where e.subject_id in (%L, %L, %L, %L) order by d.consumer$$,
    :'wr_mem', :'tr_mem', :'wr_hook', :'tr_hook'),
  $$values ('output_memory', 'team_run', 'processed'), ('output_webhook', 'team_run', 'pending')$$,
  'each output destination is delivered once, from the team run''s event only');
select is((select count(*)::int from agents.memories where memory_profile_id = :'mp'), 1, 'one memory written');
select is((select count(*)::int from agents.events e join agents.event_consumers c on e.event_type = any (c.event_types)
    and coalesce(jsonb_path_match(e.payload, c.payload_filter, silent => true), false)
  where e.module = 'lenses' and e.scope_id = :'alice_p'), 0, 'no output consumer''s filter takes any workflow run''s end');
select tests.authenticate_as_service_role();
select is(public.process_event_deliveries(100), 0, 'and nothing is left to deliver again');
select tests.clear_authentication();

-- ---------------------------------------------------------------- a sub-run names its parent; a schedule's run its schedule
select tests.authenticate_as(:'alice');
select (public.start_workflow_run(:'wf', '{}')).id as r_parent \gset
select (public.start_workflow_run(:'wf', '{}')).id as r_sub \gset
select (public.create_tool_profile(p_ai_lenser_id => :'scout', p_name => 'runs', p_allow_tools => '{run_workflow}')).id as tp \gset
select tests.clear_authentication();
select id as parent_result from lenses.workflow_node_results where run_id = :'r_parent' \gset
insert into agents.tool_invocations (ai_lenser_id, tool_id, tool_profile_id, workflow_node_result_id)
select :'scout', r.id, :'tp', :'parent_result' from agents.tools_registry r where r.key = 'run_workflow' returning id as call \gset
update lenses.workflow_runs set parent_invocation_id = :'call' where id = :'r_sub';
select tests.authenticate_as(:'alice');
select public.cancel_workflow_run(:'r_sub') is not null as cancelled \gset
select tests.clear_authentication();
select results_eq(format($$select payload ->> 'parent_run_id', payload ->> 'parent_invocation_id' from agents.events where subject_id = %L$$, :'r_sub'),
  format($$values (%L, %L)$$, :'r_parent', :'call'), 'a sub-run''s end names its parent run and the call that started it');

select tests.authenticate_as(:'alice');
select (public.create_workflow_schedule(:'wf', 'Ends daily', '0 9 * * *')).id as sched \gset
select workflow_run_id as r_sched from public.run_workflow_schedule_now(:'sched') \gset
select public.cancel_workflow_run(:'r_sched') is not null as cancelled \gset
select tests.clear_authentication();
select is((select payload ->> 'schedule_id' from agents.events where subject_id = :'r_sched'), :'sched',
  'a scheduled run''s end names its schedule');

-- ---------------------------------------------------------------- a reply's run names its contact
select tests.authenticate_as(:'alice');
select (public.create_channel_binding(:'scout', 'whatsapp', 'Ends line', '15559101',
  p_app_secret_env => 'WA_APP_SECRET', p_verify_token_env => 'WA_VERIFY_TOKEN', p_access_token_env => 'WA_ACCESS_TOKEN')).id as binding \gset
select tests.authenticate_as_service_role();
select public.receive_channel_events(:'binding', '[{"kind":"message","providerMessageId":"wamid.we1","sender":{"externalId":"4918100001","name":"Wim"},"body":"hi","sentAt":"2026-12-02T10:00:00Z"}]') is not null as received \gset
select tests.clear_authentication();
select contact_id as wim from agents.conversations where binding_id = :'binding' \gset
update agents.conversation_turns set due_at = now() - interval '1 second' where binding_id = :'binding';
select tests.authenticate_as_service_role();
select public.dispatch_conversation_turns(10) is not null as dispatched \gset
select tests.clear_authentication();
select run_id as r_reply from agents.conversation_turns where binding_id = :'binding' \gset
select profile_id as scout_p from agents.ai_lensers where id = :'scout' \gset
select tests.authenticate_as_service_role();
select * from tests.claim_node(:'r_reply', 'reply') \gset y_
select public.complete_workflow_task(:'y_result_id', :'y_lease_token', 'hello Wim') is not null as done \gset
select tests.clear_authentication();
select results_eq(format($$select scope_id, contact_id, event_type::text from agents.events where subject_id = %L$$, :'r_reply'),
  format($$values (%L::uuid, %L::uuid, 'run_completed')$$, :'scout_p', :'wim'),
  'a reply''s run ends in the agent''s scope, naming the contact it answers');

-- ---------------------------------------------------------------- RLS
select tests.authenticate_as(:'alice');
select is((select count(*)::int from public.list_events(p_types => array['run_completed', 'run_failed', 'run_cancelled']::lenses.run_event_type[])
  where subject_id in (:'r_ok', :'r_fail', :'r_cancel', :'r_late')), 4, 'the owner lists their runs'' ends');
select tests.authenticate_as(:'carol');
select is((select count(*)::int from agents.events where subject_id in (:'r_ok', :'r_fail', :'r_cancel', :'r_late')), 0,
  'another user reads none of them');
select tests.clear_authentication();

select * from finish();
rollback;

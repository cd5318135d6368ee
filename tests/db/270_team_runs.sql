-- Team runs: run_workflow_assignment with its approval and queue policies, approvals decided once
-- and bound to what was requested, expiry by the sweeper, escalation, steps and events mirrored
-- from the workflow run, who performs which node, cancel, and who may see or do what.
begin;
select plan(63);

select tests.create_user('tr-alice@example.com', '{"handle":"tr-alice"}') as alice \gset
select tests.create_user('tr-olga@example.com', '{"handle":"tr-olga"}') as olga \gset
select tests.create_user('tr-bob@example.com', '{"handle":"tr-bob"}') as bob \gset
select tests.new_agent(:'alice', 'tr-scout') as scout \gset
select tests.new_agent(:'alice', 'tr-sage') as sage \gset
select tests.grant_agent_role(:'scout', :'olga', 'operator');

select tests.authenticate_as(:'alice');
select tests.published_workflow('TR gated') as wf_gated \gset
select tests.published_workflow('TR serial') as wf_serial \gset
select tests.published_workflow('TR parallel') as wf_parallel \gset
select tests.published_workflow('TR skip') as wf_skip \gset
select tests.published_workflow('TR team') as wf_team \gset

select (public.create_workflow_assignment(p_workflow_id => :'wf_gated', p_assignee_kind => 'agent',
  p_assignee_ai_lenser_id => :'scout',
  p_approval_policy => '{"requiresApproval":true,"expiresAfterSeconds":600}',
  p_queue_policy => '{"mode":"serial"}')).id as a_gated \gset
select (public.create_workflow_assignment(p_workflow_id => :'wf_serial', p_assignee_kind => 'agent',
  p_assignee_ai_lenser_id => :'scout', p_approval_policy => '{"requiresApproval":false}',
  p_queue_policy => '{"mode":"serial"}')).id as a_serial \gset
select (public.create_workflow_assignment(p_workflow_id => :'wf_parallel', p_assignee_kind => 'agent',
  p_assignee_ai_lenser_id => :'scout', p_approval_policy => '{"requiresApproval":false}',
  p_queue_policy => '{"mode":"parallel","maxConcurrent":2}')).id as a_parallel \gset
select (public.create_workflow_assignment(p_workflow_id => :'wf_skip', p_assignee_kind => 'agent',
  p_assignee_ai_lenser_id => :'scout', p_approval_policy => '{"requiresApproval":false}',
  p_queue_policy => '{"mode":"skip_if_running"}')).id as a_skip \gset

-- ---------------------------------------------------------------- bad input changes nothing
select tests.authenticate_as(:'olga');
select throws_ok($$select public.run_workflow_assignment(null)$$, '22023',
  'run_workflow_assignment: p_assignment_id is required', 'the assignment is required');
select throws_ok(format($$select public.run_workflow_assignment(%L, '[1]')$$, :'a_gated'), '22023',
  'run_workflow_assignment: p_input must be a JSON object', 'the input is an object');
select throws_ok(format($$select public.run_workflow_assignment(%L, jsonb_build_object('x', repeat('y', 300000)))$$, :'a_gated'),
  'PT413', 'run_workflow_assignment: p_input is 300017 bytes, over the limit of 262144 bytes', 'the input has a size limit');
select throws_ok(format($$select public.run_workflow_assignment(%L, p_deadline_seconds => 0)$$, :'a_gated'), '22023',
  'run_workflow_assignment: p_deadline_seconds must be between 1 and 604800, got 0', 'a sane deadline');
select throws_ok(format($$select public.run_workflow_assignment(%L)$$, gen_random_uuid()), 'PT404', null,
  'an unknown assignment is not found');
select tests.authenticate_as(:'bob');
select throws_ok(format($$select public.run_workflow_assignment(%L)$$, :'a_gated'), 'PT404',
  format('run_workflow_assignment: no workflow assignment %s that you can run', :'a_gated'),
  'a stranger cannot run someone else''s assignment, and is not told it exists');
select tests.authenticate_as_anon();
select throws_ok(format($$select public.run_workflow_assignment(%L)$$, :'a_gated'), '42501', null, 'nor can anon');
select tests.clear_authentication();
select is((select count(*)::int from agents.team_runs where assignment_id = :'a_gated'), 0, 'and no team run was written');

-- ---------------------------------------------------------------- approval required: an operator runs
select tests.authenticate_as(:'olga');
select (public.run_workflow_assignment(:'a_gated', '{"topic":"first"}')).id as tr1 \gset
select tests.clear_authentication();
select results_eq(format($$select status::text, approval_status::text, queue_state::text, workflow_run_id is null,
    approval_expires_at between now() + interval '599 seconds' and now() + interval '601 seconds', lenser_id
    from agents.team_runs where id = %L$$, :'tr1'),
  format($$values ('queued', 'pending', 'waiting', true, true, %L::uuid)$$, tests.human(:'olga')),
  'an operator may run: the run waits for approval, with its expiry, and belongs to who started it');
select results_eq(format($$select event_id, event_type::text from agents.agent_run_events where team_run_id = %L order by 1$$, :'tr1'),
  $$values (1::bigint, 'run_queued'), (2::bigint, 'approval_requested')$$, 'run_queued then approval_requested');

select tests.authenticate_as(:'alice');
select results_eq(format($$select kind::text, team_run_id, assignment_id from agents.approval_requests_v where request_id = %L$$, :'tr1'),
  format($$values ('team_run', %L::uuid, %L::uuid)$$, :'tr1', :'a_gated'),
  'the owner sees it in approval_requests_v');
select tests.authenticate_as(:'olga');
select is((select count(*)::int from agents.approval_requests_v where request_id = :'tr1'), 0,
  'the operator does not: approverRoles defaults to owner and co_owner');
select throws_ok(format($$select public.approve_team_run(%L)$$, :'tr1'), '42501',
  'approve_team_run: your role may not decide this approval (approverRoles: ["owner", "co_owner"])',
  'and may not approve it');
select tests.authenticate_as(:'bob');
select throws_ok(format($$select public.approve_team_run(%L)$$, :'tr1'), 'PT404',
  format('approve_team_run: no team run %s that you can see', :'tr1'), 'a stranger is not told it exists');

select tests.authenticate_as(:'alice');
select throws_ok(format($$select public.reject_team_run(%L, '  ')$$, :'tr1'), '22023',
  'reject_team_run: p_reason is required: say why the run is rejected', 'a rejection needs a reason');
select is((public.approve_team_run(:'tr1', 'looks fine')).status::text, 'running', 'the owner approves: the run starts');
select tests.clear_authentication();
select results_eq(format($$select approval_status::text, decided_by, decision_reason, queue_state::text, workflow_run_id is not null
    from agents.team_runs where id = %L$$, :'tr1'),
  format($$values ('approved', %L::uuid, 'looks fine', 'admitted', true)$$, tests.human(:'alice')),
  'who decided, and why, are kept on the row; the workflow run is linked');
select results_eq(format($$select s.node_key, s.member_source::text, s.ai_lenser_id, s.status::text, s.node_result_id = r.id
    from agents.agent_run_steps s join agents.team_runs t on t.id = s.team_run_id
    join lenses.workflow_node_results r on r.run_id = t.workflow_run_id and r.node_id = s.node_id
    where s.team_run_id = %L$$, :'tr1'),
  format($$values ('only', 'assignee', %L::uuid, 'queued', true)$$, :'scout'),
  'one step per node, performed by the assignee agent, mirroring its node result');
select tests.authenticate_as(:'alice');
select throws_ok(format($$select public.approve_team_run(%L)$$, :'tr1'), '23505', null,
  'a second approval (a replay, a double click) is refused');
select throws_ok(format($$select public.reject_team_run(%L, 'too late')$$, :'tr1'), '23505', null,
  'and so is a rejection after it');
select tests.clear_authentication();
select results_eq(format($$select approval_status::text, decision_reason, (select count(*)::int from agents.agent_run_events e where e.team_run_id = %L and e.event_type = 'approval_granted')
    from agents.team_runs where id = %L$$, :'tr1', :'tr1'),
  $$values ('approved', 'looks fine', 1)$$, 'neither changed anything');

-- ---------------------------------------------------------------- serial: the second waits for the first
select tests.authenticate_as(:'alice');
select (public.run_workflow_assignment(:'a_gated', '{"topic":"second"}')).id as tr2 \gset
select is((public.approve_team_run(:'tr2')).status::text, 'queued', 'approved while another runs: it waits its turn (serial)');
select is((select queue_state::text from agents.team_runs where id = :'tr2'), 'waiting', 'waiting in the queue');
select is((public.cancel_team_run(:'tr1', 'not needed')).status::text, 'cancelled', 'cancelling the first');
select tests.clear_authentication();
select results_eq(format($$select r.status::text, t.status_reason from agents.team_runs t join lenses.workflow_runs r on r.id = t.workflow_run_id where t.id = %L$$, :'tr1'),
  $$values ('cancelled', 'not needed')$$, 'cancels its workflow run, with the reason');
select is((select status::text from agents.team_runs where id = :'tr2'), 'running',
  'and the next waiting run starts in the same transaction');
select is((select status::text from agents.agent_run_steps where team_run_id = :'tr1'), 'skipped',
  'the cancelled run''s open step is skipped');
select tests.authenticate_as(:'alice');
select throws_ok(format($$select public.cancel_team_run(%L)$$, :'tr1'), '23505',
  format('cancel_team_run: team run %s already ended (cancelled)', :'tr1'), 'an ended run cannot be cancelled again');

-- ---------------------------------------------------------------- rejection
select (public.run_workflow_assignment(:'a_gated', '{"topic":"third"}')).id as tr3 \gset
select results_eq(format($$select status::text, approval_status::text, status_reason from public.reject_team_run(%L, 'not this week')$$, :'tr3'),
  $$values ('cancelled', 'rejected', 'rejected: not this week')$$, 'a rejected run ends cancelled, with the reason');
select results_eq(format($$select event_type::text from agents.agent_run_events where team_run_id = %L and event_id > 2 order by event_id$$, :'tr3'),
  $$values ('approval_rejected'), ('run_cancelled')$$, 'as events: the rejection, then the run''s end');

-- ---------------------------------------------------------------- an approval binds to what was requested
select (public.run_workflow_assignment(:'a_gated', '{"topic":"fourth"}')).id as tr4 \gset
select public.update_workflow_assignment(:'a_gated', p_retry_policy => '{"maxRetries":3}');
select throws_ok(format($$select public.approve_team_run(%L)$$, :'tr4'), '23505',
  format('approve_team_run: the assignment''s policies changed since team run %s was requested; approving would approve something else: start a new run', :'tr4'),
  'approving after the assignment''s policies changed is refused');
select is((select approval_status::text from agents.team_runs where id = :'tr4'), 'pending', 'and changes nothing');

-- ---------------------------------------------------------------- expiry, swept
select tests.clear_authentication();
update agents.team_runs set approval_expires_at = now() - interval '1 second' where id = :'tr4';
select tests.authenticate_as(:'alice');
select throws_ok(format($$select public.approve_team_run(%L)$$, :'tr4'), '23505', null, 'an expired request cannot be approved');
select tests.clear_authentication();
select ok(agents.fn_expire_team_run_approvals() >= 1, 'the sweeper ends expired requests');
select results_eq(format($$select status::text, status_reason like 'the approval request expired at %%' from agents.team_runs where id = %L$$, :'tr4'),
  $$values ('cancelled', true)$$, 'cancelled, with the reason');
select is(agents.fn_expire_team_run_approvals(), 0, 'once');

-- ---------------------------------------------------------------- skip_if_running, parallel
select tests.authenticate_as(:'alice');
select (public.run_workflow_assignment(:'a_skip')).id as skip1 \gset
select (public.run_workflow_assignment(:'a_skip')).id as skip2 \gset
select results_eq(format($$select id, status::text, queue_state::text from agents.team_runs where id in (%L, %L) order by queue_position$$, :'skip1', :'skip2'),
  format($$values (%L::uuid, 'running', 'admitted'), (%L::uuid, 'cancelled', 'skipped')$$, :'skip1', :'skip2'),
  'skip_if_running: a start while another runs is recorded as skipped');
select is((select status_reason from agents.team_runs where id = :'skip2'),
  format('skipped: the assignment''s queue policy is skip_if_running and team run %s is active', :'skip1'), 'with the reason');

select (public.run_workflow_assignment(:'a_parallel')).id as par1 \gset
select (public.run_workflow_assignment(:'a_parallel')).id as par2 \gset
select (public.run_workflow_assignment(:'a_parallel')).id as par3 \gset
select results_eq(format($$select status::text from agents.team_runs where assignment_id = %L order by queue_position$$, :'a_parallel'),
  $$values ('running'), ('running'), ('queued')$$, 'parallel with maxConcurrent 2: the third waits');

-- ---------------------------------------------------------------- steps mirror the engine; the run's end moves the queue
select tests.authenticate_as_service_role();
select r.id as par1_run from lenses.workflow_runs r join agents.team_runs t on t.workflow_run_id = r.id where t.id = :'par1' \gset
select * from tests.claim_node(:'par1_run', 'only') \gset c_
select is((select status::text from agents.agent_run_steps where team_run_id = :'par1'), 'running', 'a claimed node''s step runs');
select is((public.complete_workflow_task(:'c_result_id', :'c_lease_token', 'hello there')) ->> 'status', 'completed',
  'the worker completes the node');
select tests.clear_authentication();
select results_eq(format($$select status::text, recent_output_summary, finished_at is not null from agents.agent_run_steps where team_run_id = %L$$, :'par1'),
  $$values ('completed', 'hello there', true)$$, 'its step completes with an output summary');
select is((select status::text from agents.team_runs where id = :'par1'), 'completed', 'the team run ends with its workflow run');
select is((select status::text from agents.team_runs where id = :'par3'), 'running', 'and the waiting third starts');
select results_eq(format($$select event_type::text from agents.agent_run_events where team_run_id = %L order by event_id$$, :'par1'),
  $$values ('run_queued'), ('run_started'), ('step_queued'), ('step_started'), ('step_completed'), ('run_completed')$$,
  'the team run''s events, in order');
select is((select count(*)::int from (select team_run_id from agents.agent_run_events
  where team_run_id in (:'par1', :'par2', :'par3', :'tr1', :'tr2', :'tr3', :'tr4')
  group by team_run_id having min(event_id) <> 1 or max(event_id) <> count(*)) g), 0,
  'every team run''s event ids are 1..N with no gap (they are unique per team run)');
select throws_ok(format($$update agents.agent_run_events set payload = '{}' where team_run_id = %L$$, :'par1'), '42501', null,
  'team run events are append-only');

-- ---------------------------------------------------------------- who performs a team's nodes
select tests.authenticate_as(:'alice');
select (public.create_team(p_name => 'TR team')).id as team \gset
select (public.add_team_member(p_team_id => :'team', p_agent_id => :'sage', p_lane => 1,
  p_capabilities => '{research}')).id as m_sage \gset
select throws_ok(format($$select public.create_workflow_assignment(p_workflow_id => %L, p_assignee_kind => 'team', p_assignee_team_id => %L)$$, :'wf_team', :'team'),
  '22023', 'workflow assignment: nobody in the team can take node "only": bind it in node_bindings, give a member its instruction category, or give the team a lead',
  'an assignment whose node nobody can take is refused when it is saved');
select (public.add_team_member(p_team_id => :'team', p_agent_id => :'scout', p_role => 'lead')).id as m_scout \gset
select (public.create_workflow_assignment(p_workflow_id => :'wf_team', p_assignee_kind => 'team', p_assignee_team_id => :'team',
  p_approval_policy => '{"requiresApproval":false}')).id as a_team \gset
select (public.run_workflow_assignment(:'a_team')).id as team1 \gset
select results_eq(format($$select member_id, member_source::text, lane from agents.agent_run_steps where team_run_id = %L$$, :'team1'),
  format($$values (%L::uuid, 'lead', 0)$$, :'m_scout'), 'without a binding or a capable member, the lead takes the node');
select public.update_team_member(:'m_sage', p_capabilities => '{instruction,research}');
select (public.run_workflow_assignment(:'a_team')).id as team2 \gset
select results_eq(format($$select member_id, member_source::text, lane from agents.agent_run_steps where team_run_id = %L$$, :'team2'),
  format($$values (%L::uuid, 'capability', 1)$$, :'m_sage'), 'a member declaring the node''s instruction category takes it');
select public.update_workflow_assignment(:'a_team', p_node_bindings => jsonb_build_object('only', :'m_scout'));
select (public.run_workflow_assignment(:'a_team')).id as team3 \gset
select results_eq(format($$select member_id, member_source::text from agents.agent_run_steps where team_run_id = %L$$, :'team3'),
  format($$values (%L::uuid, 'binding')$$, :'m_scout'), 'an explicit binding wins');
select throws_ok(format($$select public.update_workflow_assignment(%L, p_node_bindings => '{"nope": "%s"}')$$, :'a_team', :'m_scout'),
  '22023', 'workflow assignment: node_bindings names node "nope", which the workflow does not have', 'a binding to an unknown node is refused');
select throws_ok(format($$select public.update_workflow_assignment(%L, p_node_bindings => '{"only": 3}')$$, :'a_team'),
  '22023', 'update_workflow_assignment: p_node_bindings must be a JSON object of node key -> team member id (a uuid)',
  'bindings are node key -> member id');
select throws_ok(format($$select public.update_team_member(%L, p_capabilities => '{research,research}')$$, :'m_sage'),
  '22023', 'update_team_member: p_capabilities must not repeat a category', 'capabilities do not repeat');

-- ---------------------------------------------------------------- escalation
select public.update_workflow_assignment(:'a_team', p_approval_policy => '{"requiresApproval":true}');
select (public.run_workflow_assignment(:'a_team')).id as team4 \gset
select throws_ok(format($$select public.escalate_team_run(%L)$$, :'team4'), '22023',
  format('escalate_team_run: team %s has no reports_to edge to escalate to', :'team'), 'escalation needs a reports_to edge');
select public.add_team_edge(p_source_member_id => :'m_sage', p_target_member_id => :'m_scout', p_edge_type => 'reports_to');
select is((public.escalate_team_run(:'team4', 'please look')).escalated_to, array[:'m_scout'::uuid],
  'a pending approval escalates to the members reports_to edges name');
select throws_ok(format($$select public.escalate_team_run(%L)$$, :'team4'), '23505', null, 'once');

-- ---------------------------------------------------------------- nobody else sees any of it
select tests.authenticate_as(:'bob');
select is((select count(*)::int from agents.team_runs) + (select count(*)::int from agents.agent_run_steps)
  + (select count(*)::int from agents.agent_run_events) + (select count(*)::int from agents.approval_requests_v), 0,
  'another user sees no team run, step, event or approval');
select throws_ok(format($$select public.get_team_run(%L)$$, :'tr1'), 'PT404', null, 'nor gets one by id');
select throws_ok(format($$select public.cancel_team_run(%L)$$, :'tr2'), 'PT404', null, 'nor cancels one');
select tests.authenticate_as_anon();
select throws_ok($$select count(*) from agents.team_runs$$, '42501', null, 'anon cannot read team runs');
select tests.authenticate_as(:'olga');
select is((select count(*)::int from public.list_team_runs(p_assignment_id => :'a_gated')), 4,
  'the operator lists the assignment''s team runs');
select is((select count(*)::int from public.list_team_run_events(:'tr1')) > 0, true, 'and reads their events');

select * from finish();
rollback;

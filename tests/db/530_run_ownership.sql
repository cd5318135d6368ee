-- Runs belong to whoever starts them (issue 13, item 2): a stranger's run of a public workflow is
-- the stranger's (its row, results, events, provenance, ledger, human input, cancel, rerun, budgets,
-- acting agent), the workflow's owner sees only get_workflow_run_stats. Team runs, schedules.
-- Also (item 6): active_node_id names a node waiting for a person; the run statuses a run never has.
begin;
select plan(76);

select tests.create_user('own-owner@example.com', '{"handle":"own-owner"}') as owner \gset
select tests.create_user('own-stranger@example.com', '{"handle":"own-stranger"}') as stranger \gset
select tests.create_user('own-third@example.com', '{"handle":"own-third"}') as third \gset
select tests.profile_id(:'owner') as owner_p \gset
select tests.profile_id(:'stranger') as stranger_p \gset

select tests.authenticate_as(:'owner');
select tests.engine_workflow('public') as wf \gset
select (public.start_workflow_run(:'wf', '{"topic":"owner data"}')).id as orun \gset
select tests.authenticate_as(:'stranger');
select (public.start_workflow_run(:'wf', '{"topic":"stranger secret"}')).id as srun \gset
select tests.clear_authentication();

-- ---------------------------------------------------------------- whose run it is
select is((select lenser_id from lenses.workflow_runs where id = :'srun'), :'stranger_p'::uuid,
  'a stranger''s run of a public workflow belongs to the stranger');
select is((select started_by from lenses.workflow_runs where id = :'srun'), :'stranger_p'::uuid, 'who started it');
select is((select lenser_id from lenses.workflow_runs where id = :'orun'), :'owner_p'::uuid, 'the owner''s own run is the owner''s');
select is((select actor_id from lenses.workflow_run_events where run_id = :'srun' and event_type = 'run_queued'), :'stranger_p'::uuid,
  'run_queued names the stranger as its actor');

-- Drive the stranger's run to its human input step, as a worker would, with ledger rows.
select tests.authenticate_as_service_role();
select * from tests.claim_node(:'srun', 'draft') \gset d_
select is(:'d_prompt'::text, 'Write about stranger secret', 'the stranger''s input reaches the prompt');
select public.complete_workflow_task(:'d_result_id', :'d_lease_token', '{"summary":"S summary","score":0.9}',
  p_llm_call => '{"input_tokens":10,"output_tokens":5,"latency_ms":3}');
select * from tests.claim_node(:'srun', 'good') \gset g_
select public.complete_workflow_task(:'g_result_id', :'g_lease_token', 'S story', p_llm_call => '{"input_tokens":7,"output_tokens":3,"latency_ms":3}');
select * from tests.claim_node(:'srun', 'final') \gset f_
select is((select active_node_id from lenses.workflow_runs where id = :'srun'),
  (select node_id from lenses.workflow_node_results where id = :'f_result_id'), 'the inspector shows the running node');
select public.complete_workflow_task(:'f_result_id', :'f_lease_token', 'S final', p_llm_call => '{"input_tokens":4,"output_tokens":2,"latency_ms":3}');
select tests.clear_authentication();
select is((select status::text || ':' || waiting_reason from lenses.workflow_node_results where run_id = :'srun' and node_key = 'approve'),
  'blocked:human_input', 'the stranger''s run waits for a person');

-- ---------------------------------------------------------------- item 6: active_node_id while a person is asked
select is((select active_node_id from lenses.workflow_runs where id = :'srun'),
  (select node_id from lenses.workflow_node_results where run_id = :'srun' and node_key = 'approve'),
  'active_node_id names the node waiting for a person (not null)');
select ok((select count(*) = 3 from ai.llm_calls where run_id = :'srun'), 'three ledger rows for the stranger''s run');
select ok((select count(*) > 0 from lenses.workflow_run_provenance where run_id = :'srun'), 'and provenance rows');

-- ---------------------------------------------------------------- the owner reads nothing of it
select tests.authenticate_as(:'owner');
select is((select count(*)::int from lenses.workflow_runs where id = :'srun'), 0, 'the owner cannot select the stranger''s run');
select is((select count(*)::int from lenses.workflow_node_results where run_id = :'srun'), 0, 'nor its node results (input, output)');
select is((select count(*)::int from lenses.workflow_run_events where run_id = :'srun'), 0, 'nor its events');
select is((select count(*)::int from lenses.workflow_run_provenance where run_id = :'srun'), 0, 'nor its provenance');
select is((select count(*)::int from ai.llm_calls where run_id = :'srun'), 0, 'nor its ledger rows');
select throws_ok(format($$select public.get_workflow_run(%L)$$, :'srun'), 'PT404', null, 'get_workflow_run refuses it as not found');
select throws_ok(format($$select * from public.list_workflow_run_events(%L)$$, :'srun'), 'PT404', null, 'list_workflow_run_events too');
select throws_ok(format($$select * from public.list_workflow_run_provenance(%L)$$, :'srun'), 'PT404', null, 'list_workflow_run_provenance too');
select throws_ok(format($$select * from public.list_llm_calls(p_run_id => %L)$$, :'srun'), 'PT404', null, 'list_llm_calls too');
select is((select array_agg(id) from public.list_workflow_runs(p_workflow_id => :'wf')), array[:'orun'::uuid],
  'list_workflow_runs of the owner''s workflow shows only the owner''s own run');
select is((select count(*)::int from public.get_llm_cost_rollup(now() - interval '1 day', now() + interval '1 day', 'workflow')
           where calls > 0), 0, 'the owner''s cost rollup counts none of the stranger''s calls');
select throws_ok(format($$select public.submit_human_input(%L, 'approve', '{"approved":false}')$$, :'srun'), 'PT404', null,
  'the owner cannot answer the stranger''s human input');
select throws_ok(format($$select public.cancel_workflow_run(%L)$$, :'srun'), 'PT404', null, 'nor cancel the stranger''s run');
select tests.clear_authentication();
select is((select status::text || ':' || waiting_reason from lenses.workflow_node_results where run_id = :'srun' and node_key = 'approve'),
  'blocked:human_input', 'so the step still waits');
select is((select status::text from lenses.workflow_runs where id = :'srun'), 'running', 'and the run still runs');

-- ---------------------------------------------------------------- the owner sees that it ran
select max(created_at) as wf_last, sum(total_cost_credits) as wf_cost from lenses.workflow_runs where workflow_id = :'wf' \gset
select tests.authenticate_as(:'owner');
select is((select array_agg(status::text || ':' || runs order by status) from public.get_workflow_run_stats(:'wf')),
  array['queued:1', 'running:1'], 'get_workflow_run_stats counts the runs by status, the stranger''s included');
select is((select max(last_run_at) from public.get_workflow_run_stats(:'wf')), :'wf_last'::timestamptz,
  'and says when the latest was started (the stranger''s)');
select is((select sum(total_cost_credits) from public.get_workflow_run_stats(:'wf')), :'wf_cost'::numeric, 'and their total cost');
select is((select array_agg(a.attname::text order by a.attnum) from pg_proc p
           cross join lateral unnest(p.proargnames) with ordinality a(attname, attnum)
           where p.oid = 'public.get_workflow_run_stats(uuid)'::regprocedure and a.attname <> 'p_workflow_id'),
  array['status', 'runs', 'total_cost_credits', 'last_run_at'], 'it answers status, runs, total cost, last run: nothing of the data');
select tests.authenticate_as(:'stranger');
select throws_ok(format($$select * from public.get_workflow_run_stats(%L)$$, :'wf'), 'PT404',
  format('get_workflow_run_stats: no workflow %s of yours', :'wf'), 'a stranger gets no stats of a workflow that is not theirs');
select throws_ok($$select * from public.get_workflow_run_stats(null)$$, '22023', 'get_workflow_run_stats: p_workflow_id is required',
  'p_workflow_id is required');
select tests.authenticate_as_anon();
select throws_ok(format($$select * from public.get_workflow_run_stats(%L)$$, :'wf'), '42501', null, 'anon may not call it');
select tests.clear_authentication();

-- ---------------------------------------------------------------- the stranger has all of it
select count(*) as srun_events from lenses.workflow_run_events where run_id = :'srun' \gset
select count(*) as srun_prov from lenses.workflow_run_provenance where run_id = :'srun' \gset
select tests.authenticate_as(:'stranger');
select is((public.get_workflow_run(:'srun')) -> 'input', '{"topic":"stranger secret"}'::jsonb, 'the stranger reads the run''s input');
select is((select count(*)::int from public.list_workflow_run_events(:'srun')), :'srun_events'::int, 'and every event of it');
select is((select count(*)::int from public.list_llm_calls(p_run_id => :'srun')), 3, 'and its ledger rows');
select is((select count(*)::int from public.list_workflow_run_provenance(:'srun')), :'srun_prov'::int, 'and its provenance');
select is((select count(*)::int from lenses.workflow_runs where id = :'orun'), 0, 'but not the owner''s run');
select is((select count(*)::int from public.list_workflow_runs(p_workflow_id => :'wf')), 1, 'list_workflow_runs shows the stranger only theirs');
select is((public.submit_human_input(:'srun', 'approve', '{"approved":true}')).status::text, 'completed', 'the stranger answers');
select tests.clear_authentication();
select is((select status::text from lenses.workflow_runs where id = :'srun'), 'completed', 'and their run completes');
select tests.authenticate_as(:'owner');
select is((select array_agg(status::text || ':' || runs order by status) from public.get_workflow_run_stats(:'wf')),
  array['queued:1', 'completed:1'], 'the owner sees that it completed');
select throws_ok(format($$select public.rerun_workflow_run_from(%L, 'final')$$, :'srun'), 'PT404', null, 'the owner cannot rerun it');
select tests.authenticate_as(:'stranger');
select (public.rerun_workflow_run_from(:'srun', 'final')).id as rerun \gset
select is((select lenser_id from lenses.workflow_runs where id = :'rerun'), :'stranger_p'::uuid,
  'the stranger''s rerun is the stranger''s too');
select tests.authenticate_as(:'third');
select is((select count(*)::int from lenses.workflow_runs where workflow_id = :'wf'), 0, 'a third user sees no run of it');
select tests.clear_authentication();

-- ---------------------------------------------------------------- budgets: the starter's
select tests.authenticate_as(:'owner');
select (public.create_budget('workflow', 1000, 'month', 'hard', 'fail', p_workflow_id => :'wf')).id as wf_budget \gset
select (public.create_budget('lenser', 1000, 'month', 'soft')).id as owner_budget \gset
select (public.start_workflow_run(:'wf', '{"topic":"owner again"}')).id as orun2 \gset
select tests.authenticate_as(:'stranger');
select (public.create_budget('lenser', 1000, 'month', 'soft')).id as stranger_budget \gset
select (public.start_workflow_run(:'wf', '{"topic":"stranger again"}')).id as srun2 \gset
select tests.authenticate_as_service_role();
select * from tests.claim_node(:'srun2', 'draft') \gset s2_
select * from tests.claim_node(:'orun2', 'draft') \gset o2_
select tests.clear_authentication();
select is((select budget_ids from ai.budget_reservations where node_result_id = :'s2_result_id'),
  array[:'stranger_budget'::uuid], 'the stranger''s task reserves in the stranger''s budget only (not the owner''s workflow or lenser budget)');
select is((select budget_ids from ai.budget_reservations where node_result_id = :'o2_result_id'),
  (select array_agg(x order by x) from unnest(array[:'wf_budget'::uuid, :'owner_budget'::uuid]) x),
  'the owner''s task reserves in the owner''s workflow and lenser budgets');
select is((select count(*)::int from ai.budget_reservations where :'wf_budget' = any (budget_ids)), 1,
  'the owner''s workflow budget holds exactly the owner''s one task');

-- ---------------------------------------------------------------- an agent's public workflow
-- The owner's agent owns a public workflow: the owner (who may act as the agent) runs it as the
-- agent, an agent turn; a stranger's run of it is the stranger's, a plain model call, not the agent's.
select tests.new_agent(:'owner', 'own-agent') as agent \gset
select profile_id as agent_p from agents.ai_lensers where id = :'agent' \gset
select tests.authenticate_as(:'owner');
select tests.published_version('Agent says [[topic]]', '[{"label":"topic","tool_key":"text","required":true}]',
  '{"kind":"json","fields":[{"name":"topic","type":"string","required":true}]}', '{"kind":"text","artifactKind":"markdown"}',
  'public', 'Agent lens') as agent_version \gset
select (public.create_workflow(p_title => 'Agent wf', p_visibility => 'public', p_lenser_id => :'agent_p')).id as awf \gset
select public.add_workflow_node(:'awf', 'only', p_lens_version_id => :'agent_version');
select public.publish_workflow(:'awf');
select (public.start_workflow_run(:'awf', '{"topic":"as agent"}')).id as arun \gset
select tests.authenticate_as(:'stranger');
select (public.start_workflow_run(:'awf', '{"topic":"mine"}')).id as asrun \gset
select tests.clear_authentication();
select is((select lenser_id from lenses.workflow_runs where id = :'arun'), :'agent_p'::uuid,
  'the agent''s owner runs the agent''s workflow as the agent');
select is((select started_by from lenses.workflow_runs where id = :'arun'), :'owner_p'::uuid, 'started by the owner');
select is((select lenser_id from lenses.workflow_runs where id = :'asrun'), :'stranger_p'::uuid,
  'a stranger''s run of the agent''s public workflow is the stranger''s');
select tests.authenticate_as_service_role();
select * from tests.claim_node(:'asrun', 'only') \gset as_
select * from tests.claim_node(:'arun', 'only') \gset ao_
select tests.clear_authentication();
select is((select ai_lenser_id from lenses.workflow_node_results where id = :'as_result_id'), null,
  'the stranger''s task is no turn of the owner''s agent (no agent, memory, tools or agent budget of theirs)');
select is((select ai_lenser_id from lenses.workflow_node_results where id = :'ao_result_id'), :'agent'::uuid,
  'the owner''s run of it is the agent''s turn');
select tests.authenticate_as(:'owner');
select is((select count(*)::int from lenses.workflow_runs where id = :'asrun'), 0, 'the agent''s owner cannot see the stranger''s run');
select is((select count(*)::int from lenses.workflow_runs where id = :'arun'), 1, 'and sees the agent''s run');
select lives_ok(format($$select * from public.list_llm_calls(p_run_id => %L)$$, :'arun'), 'and may list its ledger rows');
select throws_ok(format($$select * from public.list_llm_calls(p_run_id => %L)$$, :'asrun'), 'PT404', null,
  'not those of the stranger''s run');
select is((select sum(runs)::int from public.get_workflow_run_stats(:'awf')), 2, 'the agent''s owner counts both runs in the stats');
select tests.clear_authentication();
select tests.grant_agent_role(:'agent', :'third', 'operator');
select tests.authenticate_as(:'third');
select is((select count(*)::int from lenses.workflow_runs where workflow_id = :'awf'), 1,
  'an operator of the agent sees the agent''s run, not the stranger''s');
select is((select sum(runs)::int from public.get_workflow_run_stats(:'awf')), 2, 'and its stats');
select tests.clear_authentication();

-- ---------------------------------------------------------------- team runs: the starter's
-- The owner's agent is assigned the owner's workflow; an operator of the agent runs the assignment:
-- the workflow run is the operator's, not the workflow owner's.
select tests.authenticate_as(:'owner');
select (public.create_workflow_assignment(p_workflow_id => tests.published_workflow('Team fixture'),
  p_assignee_kind => 'agent', p_assignee_ai_lenser_id => :'agent', p_approval_policy => '{"requiresApproval":false}')).id as assignment \gset
select tests.authenticate_as(:'third');
select (public.run_workflow_assignment(:'assignment')).id as team_run \gset
select tests.clear_authentication();
select is((select r.lenser_id from lenses.workflow_runs r join agents.team_runs t on t.workflow_run_id = r.id where t.id = :'team_run'),
  tests.profile_id(:'third'), 'a team run''s workflow run belongs to who started the team run');
select tests.authenticate_as(:'owner');
select is((select count(*)::int from lenses.workflow_runs r where r.id = (select workflow_run_id from agents.team_runs where id = :'team_run')),
  0, 'the workflow''s owner cannot read that workflow run');
select tests.authenticate_as(:'third');
select is((select count(*)::int from lenses.workflow_runs r where r.id = (select workflow_run_id from agents.team_runs where id = :'team_run')),
  1, 'its starter can');
select tests.clear_authentication();

-- ---------------------------------------------------------------- schedules: the schedule's lenser's
select tests.authenticate_as(:'owner');
select (public.create_workflow_schedule(:'awf', 'agent nightly', '0 3 * * *', p_input => '{"topic":"nightly"}')).id as sched \gset
select (public.create_workflow_schedule(:'wf', 'own nightly', '0 3 * * *', p_input => '{"topic":"nightly"}')).id as sched2 \gset
select public.run_workflow_schedule_now(:'sched');
select public.run_workflow_schedule_now(:'sched2');
select tests.clear_authentication();
select is((select r.lenser_id from lenses.workflow_runs r join lenses.workflow_schedule_fires f on f.workflow_run_id = r.id
           where f.schedule_id = :'sched'), :'agent_p'::uuid, 'a schedule''s run of its owner''s agent''s workflow is the agent''s');
select is((select r.lenser_id from lenses.workflow_runs r join lenses.workflow_schedule_fires f on f.workflow_run_id = r.id
           where f.schedule_id = :'sched2'), :'owner_p'::uuid, 'a schedule''s run of its owner''s workflow is the owner''s');
-- The schedule's lenser loses the agent: its runs are then the schedule lenser's own, never the agent's.
select ok(lensers.fn_may_act_as(:'owner_p', :'agent_p'), 'fn_may_act_as: an owner may act as the agent');
select ok(not lensers.fn_may_act_as(:'stranger_p', :'agent_p'), 'a stranger may not');
select ok(lensers.fn_may_act_as(:'stranger_p', :'stranger_p'), 'anyone may act as themselves');
update agents.ownerships set revoked_at = now() where ai_lenser_id = :'agent' and owner_lenser_id = tests.profile_id(:'third');
select ok(not lensers.fn_may_act_as(tests.profile_id(:'third'), :'agent_p'), 'a revoked ownership no longer counts');

-- ---------------------------------------------------------------- item 6: statuses a run never has
select throws_ok(format($$update lenses.workflow_runs set status = 'pending' where id = %L$$, :'orun'), '23514', null,
  'a run is never pending (CHECK workflow_runs_status_reachable)');
select throws_ok(format($$update lenses.workflow_runs set status = 'draft' where id = %L$$, :'orun'), '23514', null, 'nor a draft');
select throws_ok(format($$update lenses.workflow_runs set status = 'validated' where id = %L$$, :'orun'), '23514', null, 'nor validated');
select is((select count(*)::int from lenses.workflow_runs where status in ('draft', 'validated', 'pending')), 0,
  'no run has those statuses');

-- ---------------------------------------------------------------- item 6: active_node_id, more paths
-- A human-input root (blocked at start) and a parallel lens root: the inspector names the waiting
-- node at start, the running node while it runs, the waiting node again when that one completes,
-- and no node once the person answered and nothing runs.
select tests.authenticate_as(:'owner');
select (public.create_workflow(p_title => 'Ask first')).id as hwf \gset
select (public.add_workflow_node(:'hwf', 'ask', p_kind => 'human_input', p_config => '{"prompt":"Topic?"}')).id as ask_node \gset
select (public.add_workflow_node(:'hwf', 'work', p_lens_version_id => :'agent_version')).id as work_node \gset
select public.publish_workflow(:'hwf');
select (public.start_workflow_run(:'hwf', '{"topic":"t"}')).id as hrun \gset
select is((select active_node_id from lenses.workflow_runs where id = :'hrun'), :'ask_node'::uuid,
  'a run whose root waits for a person names that node at start');
select tests.authenticate_as_service_role();
select * from tests.claim_node(:'hrun', 'work') \gset w_
select is((select active_node_id from lenses.workflow_runs where id = :'hrun'), :'work_node'::uuid, 'the running node while it runs');
select public.complete_workflow_task(:'w_result_id', :'w_lease_token', 'done');
select is((select active_node_id from lenses.workflow_runs where id = :'hrun'), :'ask_node'::uuid,
  'the waiting node again once the running one completed');
select tests.authenticate_as(:'owner');
select public.submit_human_input(:'hrun', 'ask', '{"topic":"x"}');
select is((select status::text || ':' || coalesce(active_node_id::text, 'none') from lenses.workflow_runs where id = :'hrun'),
  'completed:none', 'none once answered and the run ended');
select tests.clear_authentication();

select * from finish();
rollback;

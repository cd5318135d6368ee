-- Reviews in a team run: a reviews edge gives the reviewer a review step after each attempt of the
-- reviewed member's step; a rejection sends the step back with the feedback in the prompt, bounded
-- by the retry policy, then blocked; an approval completes the node with the reviewed output.
begin;
select plan(22);

select tests.create_user('rv-alice@example.com', '{"handle":"rv-alice"}') as alice \gset
select tests.new_agent(:'alice', 'rv-writer') as writer \gset
select tests.new_agent(:'alice', 'rv-critic') as critic \gset

select tests.authenticate_as(:'alice');
select tests.published_workflow('Reviewed') as wf \gset
select (public.create_team(p_name => 'Review team')).id as team \gset
select (public.add_team_member(p_team_id => :'team', p_agent_id => :'writer', p_role => 'lead')).id as m_writer \gset
select (public.add_team_member(p_team_id => :'team', p_agent_id => :'critic', p_role => 'reviewer', p_lane => 1)).id as m_critic \gset
select public.add_team_edge(p_source_member_id => :'m_critic', p_target_member_id => :'m_writer', p_edge_type => 'reviews');
select (public.create_model_profile(p_ai_lenser_id => :'critic', p_name => 'Critic model',
  p_model_id => (select id from ai.models where model_key = 'gpt-4o-mini'), p_is_default => true)).id as critic_model \gset
select (public.create_workflow_assignment(p_workflow_id => :'wf', p_assignee_kind => 'team', p_assignee_team_id => :'team',
  p_approval_policy => '{"requiresApproval":false}', p_retry_policy => '{"maxRetries":1}')).id as a \gset
select (public.run_workflow_assignment(:'a')).id as tr \gset
select tests.clear_authentication();

select results_eq(format($$select kind::text, member_id, member_source::text, status::text from agents.agent_run_steps where team_run_id = %L order by kind$$, :'tr'),
  format($$values ('perform', %L::uuid, 'lead', 'queued'), ('review', %L::uuid, 'reviewer', 'queued')$$, :'m_writer', :'m_critic'),
  'the reviewed member''s step is followed by its reviewer''s review step');

create temporary table task (result_id uuid, lease_token uuid, prompt text, model_key text, contract jsonb) on commit drop;
grant all on task to service_role;
create or replace function pg_temp.claim() returns text language plpgsql as $$
begin
  delete from task;
  perform set_config('role', 'service_role', true);
  insert into task select c.result_id, c.lease_token, c.prompt, c.model_key, c.output_contract
    from public.claim_workflow_tasks('pgtap-review', 10, 60) c;
  perform set_config('role', 'postgres', true);
  return (select t.prompt from task t);
end $$;
create or replace function pg_temp.answer(p_text text) returns jsonb language plpgsql as $$
declare v jsonb;
begin
  perform set_config('role', 'service_role', true);
  select public.complete_workflow_task(t.result_id, t.lease_token, p_text) into v from task t;
  perform set_config('role', 'postgres', true);
  return v;
end $$;

-- ---------------------------------------------------------------- the member's first attempt
select is(pg_temp.claim(), 'Say hello', 'the member''s task is the node''s prompt');
select is(pg_temp.answer('hello, world') ->> 'review', 'requested', 'its answer goes to the reviewer, not to the next node');
select results_eq(format($$select awaiting_review, candidate_output, status::text from agents.agent_run_steps where team_run_id = %L and kind = 'perform'$$, :'tr'),
  $$values (true, '{"text": "hello, world"}'::jsonb, 'running')$$, 'the output waits as the candidate; the step is still at work');
select is((select r.status::text from lenses.workflow_node_results r join agents.agent_run_steps s on s.node_result_id = r.id
  where s.team_run_id = :'tr' and s.kind = 'perform'), 'queued', 'the node result is queued for the review task');

-- ---------------------------------------------------------------- the review, rejected
select matches(pg_temp.claim(), E'Their answer:\\nhello, world', 'the review task shows the reviewer the answer');
select results_eq($$select model_key, contract ->> 'artifactKind' from task$$, $$values ('gpt-4o-mini', 'classification')$$,
  'on the reviewer''s model, with the verdict contract');
select is((select status::text from agents.agent_run_steps where team_run_id = :'tr' and kind = 'review'), 'running', 'the review step runs');
select is(pg_temp.answer('{"approved": false, "feedback": "Greet the team, not the world."}') ->> 'review', 'rejected',
  'the reviewer rejects');
select results_eq(format($$select review_rounds, review_feedback, awaiting_review, status::text from agents.agent_run_steps where team_run_id = %L and kind = 'perform'$$, :'tr'),
  $$values (1, 'Greet the team, not the world.', false, 'queued')$$, 'the step goes back to its member with the feedback');

-- ---------------------------------------------------------------- rework, review, approved
select matches(pg_temp.claim(), 'Their feedback:\nGreet the team, not the world\.', 'the member''s next attempt carries the feedback');
select is(pg_temp.answer('hello, team') ->> 'review', 'requested', 'and is reviewed again');
select pg_temp.claim();
select is(pg_temp.answer('{"verdict": "fine"}') ->> 'error_kind', 'contract_violation', 'a review that is not a verdict is refused');
select is((select r.status::text from lenses.workflow_node_results r join agents.agent_run_steps s on s.node_result_id = r.id
  where s.team_run_id = :'tr' and s.kind = 'perform'), 'retrying', 'and retried like any failed attempt');
update lenses.workflow_node_results x set next_attempt_at = now()
where x.id = (select node_result_id from agents.agent_run_steps where team_run_id = :'tr' and kind = 'perform');
select matches(pg_temp.claim(), E'Their answer:\\nhello, team', 'the retried review sees the same candidate');
select is(pg_temp.answer('{"approved": true, "feedback": "Good."}') ->> 'status', 'completed', 'approved: the node completes');
select results_eq(format($$select r.output_data, t.status::text from lenses.workflow_node_results r
    join agents.agent_run_steps s on s.node_result_id = r.id join agents.team_runs t on t.id = s.team_run_id
    where s.team_run_id = %L and s.kind = 'perform'$$, :'tr'),
  $$values ('{"text": "hello, team"}'::jsonb, 'completed')$$, 'with the reviewed output, and the team run completes');
select results_eq(format($$select kind::text, status::text from agents.agent_run_steps where team_run_id = %L order by kind$$, :'tr'),
  $$values ('perform', 'completed'), ('review', 'completed')$$, 'both steps completed');
select is((select count(*)::int from ai.llm_calls c join agents.agent_run_steps s on s.node_result_id = c.node_result_id
  where s.team_run_id = :'tr' and s.kind = 'perform'), 0, 'no ledger rows (the test answered without model calls)');
select is((select count(*)::int from (select team_run_id from agents.agent_run_events where team_run_id = :'tr'
  group by team_run_id having min(event_id) = 1 and max(event_id) = count(*)) g), 1, 'the team run''s events have no gap');

-- ---------------------------------------------------------------- rejected past the retry policy: blocked
select tests.authenticate_as(:'alice');
select (public.run_workflow_assignment(:'a')).id as tr2 \gset
select tests.clear_authentication();
select pg_temp.claim(); select pg_temp.answer('first');
select pg_temp.claim(); select pg_temp.answer('{"approved": false, "feedback": "No."}');
select pg_temp.claim(); select pg_temp.answer('second');
select pg_temp.claim();
select is(pg_temp.answer('{"approved": false, "feedback": "Still no."}') ->> 'status', 'blocked',
  'a second rejection with maxRetries 1 blocks the step');
select results_eq(format($$select s.status::text, s.blocker_summary, t.status::text from agents.agent_run_steps s
    join agents.team_runs t on t.id = s.team_run_id where s.team_run_id = %L and s.kind = 'perform'$$, :'tr2'),
  $$values ('blocked', 'the reviewer rejected the output 2 times: Still no.', 'blocked')$$,
  'the step and the team run are blocked, with the reviewer''s feedback');

select * from finish();
rollback;

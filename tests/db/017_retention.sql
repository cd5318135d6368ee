-- Retention (README "Retention"): runs and their logs leave only through lenses.fn_purge_runs. A run
-- is not deleted directly, nor as a side effect of deleting its workflow or its lenser; the purge
-- by age takes ended runs with everything of theirs, but keeps a run whose ledger is charged to a
-- budget period still open; the erasure of a lenser takes the lenser with all their runs.
begin;
select plan(39);

select tests.create_user('keeper@example.com', '{"handle":"keeper"}') as owner \gset
select tests.profile_id(:'owner') as owner_profile \gset

-- A run of a one-node workflow, ended: started by the owner, claimed and completed with a ledger row.
create or replace function pg_temp.ended_run(p_owner uuid, p_workflow uuid) returns uuid language plpgsql as $$
declare
  v_run uuid;
  v_task record;
begin
  perform tests.authenticate_as(p_owner);
  v_run := (public.start_workflow_run(p_workflow, '{}')).id;
  perform tests.authenticate_as_service_role();
  select * into v_task from tests.claim_node(v_run, 'only');
  perform public.complete_workflow_task(v_task.result_id, v_task.lease_token, 'hello',
    p_llm_call => '{"input_tokens":3,"output_tokens":2,"latency_ms":4}');
  perform tests.clear_authentication();
  return v_run;
end $$;

\o /dev/null
select tests.authenticate_as(:'owner');
select tests.published_workflow('Kept') as workflow \gset
select tests.published_workflow('Budgeted') as budgeted_wf \gset
select (public.create_budget('workflow', 5, 'month', 'soft', p_workflow_id => :'budgeted_wf')).id as budget \gset
select (public.create_ai_lenser('keeper-agent', 'Keeper agent')).id as agent \gset
select profile_id as agent_profile from agents.ai_lensers where id = :'agent' \gset
select (public.create_workflow_assignment(p_workflow_id => :'workflow', p_assignee_kind => 'agent', p_assignee_ai_lenser_id => :'agent',
  p_approval_policy => '{"requiresApproval":false}')).id as assignment \gset
select (public.run_workflow_assignment(:'assignment', '{}')).id as team_run \gset
select public.cancel_team_run(:'team_run', 'done with it');
select (public.run_workflow_assignment(:'assignment', '{}')).id as open_team_run \gset
select tests.clear_authentication();
select workflow_run_id as team_wrun from agents.team_runs where id = :'team_run' \gset
select pg_temp.ended_run(:'owner', :'workflow') as old_run \gset
select pg_temp.ended_run(:'owner', :'workflow') as recent_run \gset
select pg_temp.ended_run(:'owner', :'budgeted_wf') as budgeted_run \gset
select tests.create_user('plain@example.com', '{"handle":"plain"}') as plain \gset
select tests.authenticate_as(:'plain');
select tests.published_workflow('Plain') as plain_wf \gset
select tests.clear_authentication();
select pg_temp.ended_run(:'plain', :'plain_wf') as plain_run \gset
update lenses.workflow_runs set created_at = now() - interval '41 days', started_at = now() - interval '41 days',
  finished_at = now() - interval '40 days' where id in (:'old_run', :'budgeted_run', :'team_wrun');
update agents.team_runs set finished_at = now() - interval '40 days' where id = :'team_run';
\o

select is((select array_agg(status::text order by status::text) from lenses.workflow_runs where id in (:'old_run', :'recent_run', :'budgeted_run')),
  array['completed', 'completed', 'completed'], 'the fixture: three ended runs');
select ok((select count(*) from ai.llm_calls where run_id = :'old_run') = 1
  and (select count(*) from lenses.workflow_run_events where run_id = :'old_run') > 1, 'each with events and a ledger row');
select is((select count(*)::int from ai.budget_reservations where run_id = :'budgeted_run' and status = 'settled'), 1,
  'the budgeted run''s call was charged to this month''s period of its workflow''s budget');

-- ---------------------------------------------------------------- who may call it, and bad arguments
select tests.authenticate_as(:'owner');
select throws_ok($$select lenses.fn_purge_runs(interval '1 day')$$, '42501', null, 'a signed-in user cannot purge');
select tests.authenticate_as_anon();
select throws_ok($$select lenses.fn_purge_runs(interval '1 day')$$, '42501', null, 'nor can anon');
select tests.authenticate_as_service_role();
select throws_ok($$select lenses.fn_purge_runs()$$, '22023',
  'fn_purge_runs: give exactly one of p_older_than (purge by age) and p_lenser_id (erase a lenser)', 'one mode is named');
select throws_ok(format($$select lenses.fn_purge_runs(interval '1 day', %L)$$, :'owner_profile'), '22023',
  'fn_purge_runs: give exactly one of p_older_than (purge by age) and p_lenser_id (erase a lenser)', 'only one');
select throws_ok($$select lenses.fn_purge_runs(interval '-1 day')$$, '22023',
  'fn_purge_runs: p_older_than must not be negative (got -1 days)', 'the age is not negative');
select throws_ok($$select lenses.fn_purge_runs(interval '1 day', p_limit => 0)$$, '22023',
  'fn_purge_runs: p_limit must be between 1 and 100000 (got 0)', 'the batch is bounded');
select throws_ok($$select lenses.fn_purge_runs(p_lenser_id => '00000000-0000-0000-0000-000000000001')$$, 'PT404',
  'fn_purge_runs: p_lenser_id: no profile 00000000-0000-0000-0000-000000000001', 'an unknown lenser is not found');
select tests.clear_authentication();
select is((select count(*)::int from lenses.retention_purges where transaction_id = pg_current_xact_id()), 0, 'refused calls leave no purge behind');

-- ---------------------------------------------------------------- no run leaves as a side effect
select throws_like(format($$delete from lenses.workflow_runs where id = %L$$, :'old_run'),
  '%cannot be deleted: runs and their logs leave only through lenses.fn_purge_runs%', 'a run is not deleted directly, even by its table''s owner');
select throws_like(format($$delete from agents.team_runs where id = %L$$, :'team_run'),
  '%cannot be deleted: runs and their logs leave only through lenses.fn_purge_runs%', 'nor is a team run');
select throws_like(format($$delete from lenses.workflows where id = %L$$, :'workflow'),
  '%cannot be deleted: runs and their logs leave only through lenses.fn_purge_runs%', 'deleting a workflow does not take its runs');
select throws_like(format($$delete from auth.users where id = %L$$, :'plain'),
  '%cannot be deleted: runs and their logs leave only through lenses.fn_purge_runs%', 'deleting a user who has runs is refused');
select tests.authenticate_as_service_role();
select throws_ok(format($$delete from lenses.workflow_runs where id = %L$$, :'old_run'), '42501', null, 'service_role cannot delete a run either');
select tests.clear_authentication();
create or replace function pg_temp.tg_delete_run() returns trigger language plpgsql as $$
begin
  delete from lenses.workflow_runs where id = new.id;
  return new;
end $$;
create temporary table run_trap (id uuid) on commit drop;
create trigger run_trap_deletes after insert on run_trap for each row execute function pg_temp.tg_delete_run();
select throws_like(format($$insert into run_trap values (%L)$$, :'old_run'),
  '%cannot be deleted: runs and their logs leave only through lenses.fn_purge_runs%', 'nor does a trigger of the caller''s own');
select is((select count(*)::int from lenses.workflow_runs where id in (:'old_run', :'recent_run', :'budgeted_run')), 3, 'every run is still there');
select ok((select count(*) from ai.llm_calls where run_id = :'old_run') = 1 and exists (select 1 from auth.users where id = :'owner'),
  'with its ledger, and the user too');

-- ---------------------------------------------------------------- purge by age
select tests.authenticate_as_service_role();
select * from lenses.fn_purge_runs(interval '30 days') \gset purge_
select tests.clear_authentication();
select is(:'purge_workflow_runs'::int || '/' || :'purge_team_runs'::int, '2/1',
  'the purge by age deleted the runs that ended long enough ago (a plain one, and a team run''s with its team run)');
select is((select count(*)::int from agents.team_runs where id = :'team_run')
        + (select count(*)::int from agents.agent_run_events where team_run_id = :'team_run')
        + (select count(*)::int from lenses.workflow_runs where id = :'team_wrun'), 0, 'the team run is gone with its events and its run');
select is(:'purge_kept_for_ledger'::int, 1, 'and kept the old run whose ledger is charged to a budget period still open');
select is((select count(*)::int from lenses.workflow_runs where id = :'old_run'), 0, 'the old run is gone');
select is((select count(*)::int from lenses.workflow_run_events where run_id = :'old_run')
        + (select count(*)::int from lenses.workflow_node_results where run_id = :'old_run')
        + (select count(*)::int from ai.llm_calls where run_id = :'old_run'), 0, 'with its events, results and ledger rows');
select is((select array_agg(id order by id) from lenses.workflow_runs where id in (:'recent_run', :'budgeted_run')),
  (select array_agg(x order by x) from unnest(array[:'recent_run'::uuid, :'budgeted_run'::uuid]) x), 'the recent run and the budgeted run stay');
select ok((select count(*) from ai.llm_calls where run_id = :'budgeted_run') = 1
  and (select count(*) from lenses.workflow_run_events where run_id = :'recent_run') > 1, 'with their logs');
select is((select mode || ' ' || older_than::text || ' ' || workflow_runs || ' ' || team_runs || ' ' || kept_for_ledger || ' ' || (finished_at is not null)
           from lenses.retention_purges where id = :'purge_purge_id'),
  'age 30 days 2 1 1 true', 'the purge is recorded, and closed');
select throws_like(format($$delete from lenses.workflow_run_events where run_id = %L$$, :'recent_run'),
  '% is append-only: delete is not allowed%', 'after the purge, in the same transaction, the logs refuse deletes again');

select spent_credits as spent_before from ai.budget_periods where budget_id = :'budget' \gset
\o /dev/null
select tests.authenticate_as(:'owner');
select public.archive_budget(:'budget');
\o
select tests.authenticate_as_service_role();
select * from lenses.fn_purge_runs(interval '30 days') \gset purge2_
select tests.clear_authentication();
select is(:'purge2_workflow_runs'::int || '/' || :'purge2_kept_for_ledger'::int, '1/0',
  'once its budget is archived, the budgeted run goes too');
select is((select count(*)::int from ai.llm_calls where run_id = :'budgeted_run'), 0, 'and its ledger rows with it');
select is((select count(*)::int || ' ' || sum(spent_credits) from ai.budget_periods where budget_id = :'budget'),
  '1 ' || :'spent_before', 'the budget''s period and what it counted stay');

-- ---------------------------------------------------------------- erasing a lenser
select tests.create_user('actor@example.com', '{"handle":"actor"}') as actor \gset
select lenses.fn_append_workflow_run_event(:'recent_run', 'message', '{"text":"hi"}', null, tests.profile_id(:'actor')) as msg \gset
select lives_ok(format($$delete from auth.users where id = %L$$, :'actor'), 'a user with no runs of their own is deleted as before');
select is((select actor_id from lenses.workflow_run_events where run_id = :'recent_run' and event_id = :'msg'), null,
  'the events they acted in stay, with a null actor');

select count(*) as owner_runs from lenses.workflow_runs where lenser_id = :'owner_profile' \gset
select tests.authenticate_as_service_role();
select * from lenses.fn_purge_runs(p_lenser_id => :'agent_profile') \gset erase_agent_
select * from lenses.fn_purge_runs(p_lenser_id => :'owner_profile') \gset erase_
select tests.clear_authentication();
select is(:'erase_agent_workflow_runs'::int || '/' || :'erase_agent_team_runs'::int, '0/1',
  'erasing an agent (before its owner: a user who owns agents is not deleted) takes the team run assigned to it, still open');
select is((select count(*)::int from agents.team_runs where id = :'open_team_run'), 0, 'it is gone');
select ok(:'owner_runs'::int >= 1 and :'erase_workflow_runs'::int = :'owner_runs'::int and :'erase_team_runs'::int = 0,
  'erasing a lenser takes all their runs, ended or not');
select ok(not exists (select 1 from auth.users where id = :'owner') and not exists (select 1 from lensers.profiles where id = :'owner_profile'),
  'the user and the profile are gone');
select is((select count(*)::int from lenses.workflow_runs where lenser_id = :'owner_profile' or workflow_id in (:'workflow', :'budgeted_wf'))
        + (select count(*)::int from lenses.workflow_run_events where run_id = :'recent_run'), 0,
  'with their runs and logs');
select is((select mode || ' ' || workflow_runs || ' ' || team_runs from lenses.retention_purges where id = :'erase_purge_id'),
  'erase ' || :'owner_runs' || ' 0', 'the erasure is recorded');

select * from finish();
rollback;

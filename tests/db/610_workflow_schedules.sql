-- Schedules: saved with their settings checked (naming the field), fired exactly once per fire time
-- by the dispatcher, catch-up after downtime within the window, skip reasons (paused, overlap,
-- unpublished workflow: the schedule pauses itself), serial waits, run now and backfill, the run's
-- end recorded on the schedule, and who may see or do what.
begin;
select plan(57);

select tests.create_user('sc-alice@example.com', '{"handle":"sc-alice"}') as alice \gset
select tests.create_user('sc-olga@example.com', '{"handle":"sc-olga"}') as olga \gset
select tests.create_user('sc-bob@example.com', '{"handle":"sc-bob"}') as bob \gset
select tests.new_agent(:'alice', 'sc-agent') as agent \gset
select tests.grant_agent_role(:'agent', :'olga', 'operator');

select tests.authenticate_as(:'alice');
select tests.published_workflow('Scheduled') as wf \gset

-- ---------------------------------------------------------------- saving: settings checked
select throws_ok(format($$select public.create_workflow_schedule(%L, 'Daily', '61 * * * *')$$, :'wf'), '22023', null,
  'a bad minute field is refused');
select throws_ok(format($$select public.create_workflow_schedule(%L, 'Daily', '0 9 * * *', 'Mars/Olympus')$$, :'wf'), '22023', null,
  'an unknown time zone is refused');
select throws_ok(format($$select public.create_workflow_schedule(%L, 'Daily', '0 9 * * *', p_input => '[1]')$$, :'wf'), '22023',
  'create_workflow_schedule: p_input must be a JSON object', 'the input is an object');
select throws_ok(format($$select public.create_workflow_schedule(%L, 'Daily', '0 9 * * *', p_start_at => now(), p_end_at => now() - interval '1 day')$$, :'wf'),
  '22023', 'create_workflow_schedule: p_end_at must be after p_start_at', 'the window is a window');
select throws_ok(format($$select public.create_workflow_schedule(%L, 'Daily', '0 9 * * *', p_queue_policy => '{"mode":"later"}')$$, :'wf'),
  '22023', null, 'a bad queue policy is refused');
select throws_ok($$select public.create_workflow_schedule(null, 'Daily', '0 9 * * *')$$, '22023',
  'create_workflow_schedule: p_workflow_id is required', 'the workflow is required');
select tests.authenticate_as(:'bob');
select throws_ok(format($$select public.create_workflow_schedule(%L, 'Mine now', '0 9 * * *')$$, :'wf'), 'PT404', null,
  'a stranger cannot schedule someone else''s workflow');
select tests.clear_authentication();
select is((select count(*)::int from lenses.workflow_schedules where workflow_id = :'wf'), 0, 'nothing was written');
select throws_ok(format($$insert into lenses.workflow_schedules (lenser_id, workflow_id, name, cron_expression, timezone) values (%L, %L, 'x', '* * * * *', 'Mars/Olympus')$$,
  tests.human(:'alice'), :'wf'), '22023', null, 'the database refuses an unknown time zone however the row is written');
select throws_ok(format($$insert into lenses.workflow_schedules (lenser_id, workflow_id, name, cron_expression) values (%L, %L, 'x', '* * *')$$,
  tests.human(:'alice'), :'wf'), '23514', null, 'and an invalid expression');

select tests.authenticate_as(:'alice');
select (public.create_workflow_schedule(:'wf', 'Berlin mornings', '30 9 * * 1-5', 'Europe/Berlin', '{}')).id as s1 \gset
select is((select next_run_at from lenses.workflow_schedules where id = :'s1'),
  lenses.fn_next_schedule_fire('30 9 * * 1-5', 'Europe/Berlin', (select created_at from lenses.workflow_schedules where id = :'s1')),
  'its next fire time comes from the expression in its own time zone');
select is((select count(*)::int from public.preview_workflow_schedule(:'s1', 3)), 3, 'preview lists the next fire times');
select ok((select bool_and(extract(hour from local_time) = 9 and extract(minute from local_time) = 30)
  from public.preview_workflow_schedule(:'s1', 5)), 'at 09:30 Berlin time');

-- ---------------------------------------------------------------- dispatch: exactly once
select (public.create_workflow_schedule(:'wf', 'Every minute', '* * * * *', p_catch_up_window_seconds => 3600)).id as s2 \gset
select tests.clear_authentication();
update lenses.workflow_schedules set next_run_at = date_trunc('minute', now()) - interval '3 hours' where id = :'s2';
update lenses.workflow_schedules set next_run_at = null where id = :'s1';
select ok(lenses.fn_dispatch_schedules() > 0, 'the dispatcher fires what is due');
select results_eq(format($$select count(*) filter (where outcome = 'started')::int, count(*) filter (where skip_reason = 'outside_catch_up_window')::int
    from lenses.workflow_schedule_fires where schedule_id = %L$$, :'s2'),
  format($$values (60, %s)$$, (select count(*) from generate_series(date_trunc('minute', now()) - interval '3 hours', now(), interval '1 minute')) - 60),
  'after a 3-hour outage only the hour inside the catch-up window starts; the rest are recorded as skipped');
select is((select count(*)::int from lenses.workflow_runs r join lenses.workflow_schedule_fires f on f.workflow_run_id = r.id
  where f.schedule_id = :'s2'), 60, 'one run per started fire');
select ok((select next_run_at > now() from lenses.workflow_schedules where id = :'s2'), 'and next_run_at moves past now');
select is(lenses.fn_dispatch_schedules(), 0, 'a second dispatch in the same minute fires nothing');
select is((select fire_count from lenses.workflow_schedules where id = :'s2'), 60, 'fire_count counts the started fires');
select is(lenses.fn_fire_schedule((select s from lenses.workflow_schedules s where id = :'s2'),
  (select max(fire_at) from lenses.workflow_schedule_fires where schedule_id = :'s2')), null,
  'firing a fire time again starts nothing (its key exists)');

-- ---------------------------------------------------------------- without a window: only the latest missed fire
select tests.authenticate_as(:'alice');
-- s3 schedules a workflow of the agent, which olga operates.
select (public.create_workflow(p_title => 'Agent scheduled',
  p_lenser_id => (select profile_id from agents.ai_lensers where id = :'agent'))).id as wf_agent \gset
select public.add_workflow_node(:'wf_agent', 'only', p_lens_version_id => tests.published_version('Say hello', p_title => 'Agent lens'));
select public.publish_workflow(:'wf_agent');
select (public.create_workflow_schedule(:'wf_agent', 'Hourly', '0 * * * *')).id as s3 \gset
select tests.clear_authentication();
update lenses.workflow_schedules set next_run_at = date_trunc('hour', now()) - interval '5 hours' where id = :'s3';
select lenses.fn_dispatch_schedules();
select results_eq(format($$select outcome::text, count(*)::int from lenses.workflow_schedule_fires where schedule_id = %L group by 1 order by 1$$, :'s3'),
  $$values ('skipped', 5), ('started', 1)$$, 'by default only the latest missed fire starts');

-- ---------------------------------------------------------------- paused, overlap, waiting, run's end
select tests.authenticate_as(:'olga');
select is((public.pause_workflow_schedule(:'s3', 'maintenance')).pause_note, 'maintenance', 'an operator may pause, with a note');
select throws_ok(format($$select public.resume_workflow_schedule(%L)$$, :'s3'), '42501', null, 'but not resume (owners edit)');
select throws_ok(format($$select public.update_workflow_schedule(%L, p_name => 'x')$$, :'s3'), '42501', null, 'nor edit');
select tests.clear_authentication();
update lenses.workflow_schedules set next_run_at = now() - interval '1 second' where id = :'s3';
select lenses.fn_dispatch_schedules();
select results_eq(format($$select skip_reason::text, detail from lenses.workflow_schedule_fires where schedule_id = %L order by fire_at desc limit 1$$, :'s3'),
  $$values ('paused', 'maintenance')$$, 'a paused schedule''s fire is recorded as skipped: paused, with the note');

select tests.authenticate_as(:'alice');
select (public.create_workflow_schedule(:'wf', 'No overlap', '*/5 * * * *', p_queue_policy => '{"mode":"skip_if_running"}')).id as s4 \gset
select (public.create_workflow_schedule(:'wf', 'One at a time', '*/5 * * * *', p_queue_policy => '{"mode":"serial"}')).id as s5 \gset
select tests.clear_authentication();
select lenses.fn_fire_schedule((select s from lenses.workflow_schedules s where id = :'s4'), '2026-01-01 10:00Z');
select is((lenses.fn_fire_schedule((select s from lenses.workflow_schedules s where id = :'s4'), '2026-01-01 10:05Z')).skip_reason::text,
  'overlap', 'skip_if_running: a fire while the previous run is active is skipped (overlap)');
select lenses.fn_fire_schedule((select s from lenses.workflow_schedules s where id = :'s5'), '2026-01-01 10:00Z');
select is((lenses.fn_fire_schedule((select s from lenses.workflow_schedules s where id = :'s5'), '2026-01-01 10:05Z')).outcome::text,
  'waiting', 'serial: it waits');
select r.id as s5_run from lenses.workflow_runs r join lenses.workflow_schedule_fires f on f.workflow_run_id = r.id
where f.schedule_id = :'s5' and f.fire_at = '2026-01-01 10:00Z' \gset
select tests.authenticate_as(:'alice');
select public.cancel_workflow_run(:'s5_run', 'stop');
select tests.clear_authentication();
select results_eq(format($$select last_result::text, last_completed_at is not null from lenses.workflow_schedules where id = %L$$, :'s5'),
  $$values ('cancelled', true)$$, 'the run''s end is recorded on the schedule, in the same transaction');
select is((select outcome::text from lenses.workflow_schedule_fires where schedule_id = :'s5' and fire_at = '2026-01-01 10:05Z'),
  'started', 'and the waiting fire starts');

-- ---------------------------------------------------------------- an unpublished workflow pauses the schedule
select tests.authenticate_as(:'alice');
select tests.published_workflow('Retired') as wf2 \gset
select (public.create_workflow_schedule(:'wf2', 'Retired daily', '0 6 * * *')).id as s6 \gset
select public.archive_workflow(:'wf2');
select tests.clear_authentication();
update lenses.workflow_schedules set next_run_at = now() - interval '1 second' where id = :'s6';
select lenses.fn_dispatch_schedules();
select results_eq(format($$select f.skip_reason::text, s.paused_at is not null, s.pause_note from lenses.workflow_schedule_fires f
    join lenses.workflow_schedules s on s.id = f.schedule_id where f.schedule_id = %L$$, :'s6'),
  $$values ('workflow_unpublished', true, 'the workflow is archived, not published')$$,
  'a fire of an unpublished workflow is skipped and the schedule pauses itself with the reason');

-- ---------------------------------------------------------------- a deleted workflow pauses the schedule too
select tests.authenticate_as(:'alice');
select (public.create_workflow(p_title => 'Short-lived draft')).id as wf_draft \gset
select (public.create_workflow_schedule(:'wf_draft', 'Draft daily', '0 7 * * *')).id as s11 \gset
delete from lenses.workflows where id = :'wf_draft';
select tests.clear_authentication();
update lenses.workflow_schedules set next_run_at = now() - interval '1 second' where id = :'s11';
select lenses.fn_dispatch_schedules();
select results_eq(format($$select f.skip_reason::text, f.detail, s.workflow_id is null, s.pause_note from lenses.workflow_schedule_fires f
    join lenses.workflow_schedules s on s.id = f.schedule_id where f.schedule_id = %L$$, :'s11'),
  $$values ('workflow_unpublished', 'the workflow was deleted', true, 'the workflow was deleted')$$,
  'a schedule whose workflow was deleted keeps its history, records why it did not run, and pauses itself');
select tests.authenticate_as(:'alice');
select is((public.get_workflow_schedule(:'s11')).paused_at is not null, true, 'its owner still sees it');
select is((public.delete_workflow_schedule(:'s11')).id, :'s11'::uuid, 'and may delete it');
select tests.clear_authentication();

-- ---------------------------------------------------------------- run now, backfill, limits
select next_run_at as s3_next from lenses.workflow_schedules where id = :'s3' \gset
select tests.authenticate_as(:'olga');
select results_eq(format($$select manual, outcome::text from public.run_workflow_schedule_now(%L)$$, :'s3'),
  $$values (true, 'started')$$, 'an operator may run a schedule now (a manual fire, even while paused)');
select tests.clear_authentication();
select is((select next_run_at from lenses.workflow_schedules where id = :'s3'), :'s3_next'::timestamptz,
  'which does not move the schedule');
select tests.authenticate_as(:'alice');
select is((select count(*)::int from public.backfill_workflow_schedule(:'s1', now() - interval '14 days', now(), 3)), 3,
  'backfill fires past fire times, bounded');
select is((select count(*)::int from public.backfill_workflow_schedule(:'s1', now() - interval '14 days', now(), 3)), 3,
  'a second backfill takes the next ones');
select throws_ok(format($$select * from public.backfill_workflow_schedule(%L, now(), now() + interval '1 day')$$, :'s1'), '22023',
  'backfill_workflow_schedule: p_to must be between p_from and now', 'backfill does not reach the future');
select (public.create_workflow_schedule(:'wf', 'Twice', '* * * * *', p_max_fires => 2)).id as s7 \gset
select tests.clear_authentication();
update lenses.workflow_schedules set next_run_at = date_trunc('minute', now()) - interval '1 minute', catch_up_window_seconds = 600 where id = :'s7';
select lenses.fn_dispatch_schedules();
select is((select fire_count from lenses.workflow_schedules where id = :'s7'), 2, 'a schedule fires up to its limit');
update lenses.workflow_schedules set next_run_at = now() - interval '1 second' where id = :'s7';
select lenses.fn_dispatch_schedules();
select results_eq(format($$select f.skip_reason::text, s.next_run_at is null from lenses.workflow_schedule_fires f
    join lenses.workflow_schedules s on s.id = f.schedule_id where f.schedule_id = %L order by f.fire_at desc limit 1$$, :'s7'),
  $$values ('limit_reached', true)$$, 'then its next fire is recorded as limit_reached and it stops');
select tests.authenticate_as(:'alice');
select (public.create_workflow_schedule(:'wf', 'Ended', '0 * * * *', p_start_at => now() - interval '3 days',
  p_end_at => now() - interval '2 days')).id as s8 \gset
select tests.clear_authentication();
update lenses.workflow_schedules set next_run_at = now() - interval '1 second' where id = :'s8';
select lenses.fn_dispatch_schedules();
select results_eq(format($$select f.outcome::text, f.skip_reason::text, s.next_run_at is null from lenses.workflow_schedule_fires f
    join lenses.workflow_schedules s on s.id = f.schedule_id where f.schedule_id = %L$$, :'s8'),
  $$values ('skipped', 'ended', true)$$, 'a fire after end_at is recorded as ended, and the schedule stops');
select is((select count(*)::int from public.preview_workflow_schedule(:'s8', 5)), 0, 'an ended schedule previews no fire');

-- ---------------------------------------------------------------- through an assignment: team runs
select tests.authenticate_as(:'alice');
select tests.published_workflow('Team scheduled') as wf3 \gset
select (public.create_workflow_assignment(p_workflow_id => :'wf3', p_assignee_kind => 'agent', p_assignee_ai_lenser_id => :'agent',
  p_approval_policy => '{"requiresApproval":true}')).id as a3 \gset
select (public.create_workflow_schedule(:'wf3', 'Agent weekly', '0 8 * * 1', p_workflow_assignment_id => :'a3')).id as s9 \gset
select results_eq(format($$select assignee_type::text, assignee_id from lenses.workflow_schedules where id = %L$$, :'s9'),
  format($$values ('agent', %L::uuid)$$, :'agent'), 'a schedule of an assignment records its assignee');
select tests.clear_authentication();
select lenses.fn_fire_schedule((select s from lenses.workflow_schedules s where id = :'s9'), '2026-01-05 08:00Z');
select results_eq(format($$select f.outcome::text, t.approval_status::text, t.lenser_id from lenses.workflow_schedule_fires f
    join agents.team_runs t on t.id = f.team_run_id where f.schedule_id = %L$$, :'s9'),
  format($$values ('started', 'pending', %L::uuid)$$, tests.human(:'alice')),
  'a fire requests a team run through the assignment (its approval policy applies), as the schedule''s owner');
select is((lenses.fn_fire_schedule((select s from lenses.workflow_schedules s where id = :'s9'), '2026-01-12 08:00Z')).skip_reason::text,
  'approval_pending', 'the next fire is skipped while that team run still waits for approval');
select t.id as s9_team from agents.team_runs t join lenses.workflow_schedule_fires f on f.team_run_id = t.id where f.schedule_id = :'s9' \gset
select tests.authenticate_as(:'alice');
select public.reject_team_run(:'s9_team', 'not this week');
select tests.clear_authentication();
select is((select last_result::text from lenses.workflow_schedules where id = :'s9'), 'cancelled',
  'the team run''s end is recorded on the schedule');
-- An assignment is deleted only once its team runs are gone, and those leave only through the
-- retention purge (README "Retention"): the rejected team run ended long enough ago here.
update agents.team_runs set finished_at = now() - interval '2 days' where id = :'s9_team';
\o /dev/null
select lenses.fn_purge_runs(interval '1 day');
\o
delete from agents.workflow_assignments where id = :'a3';
select results_eq(format($$select workflow_assignment_id is null, assignee_type::text from lenses.workflow_schedules where id = %L$$, :'s9'),
  $$values (true, 'agent')$$, 'a schedule outlives its deleted assignment, remembering the assignee');
select results_eq(format($$select skip_reason::text, detail from lenses.fn_fire_schedule((select s from lenses.workflow_schedules s where id = %L), '2026-01-19 08:00Z')$$, :'s9'),
  $$values ('assignment_disabled', 'the assignment was deleted')$$, 'and its next fire pauses it with the reason');

-- ---------------------------------------------------------------- a schedule's own approval and queue policy
select tests.authenticate_as(:'alice');
select throws_ok(format($$select public.create_workflow_schedule(%L, 'Gated', '0 8 * * *', p_approval_policy => '{"requiresApproval":true}')$$, :'wf'),
  '22023', 'create_workflow_schedule: p_approval_policy is for a schedule of an assignment (its team runs); a workflow run has no approval',
  'a plain schedule has no approval policy');
select (public.create_team(p_name => 'Schedule team')).id as team4 \gset
select public.add_team_member(p_team_id => :'team4', p_agent_id => :'agent', p_role => 'lead');
select (public.create_workflow_assignment(p_workflow_id => :'wf3', p_assignee_kind => 'team', p_assignee_team_id => :'team4',
  p_approval_policy => '{"requiresApproval":false}')).id as a4 \gset
select (public.create_workflow_schedule(:'wf3', 'Gated team', '0 8 * * *', p_workflow_assignment_id => :'a4',
  p_approval_policy => '{"requiresApproval":true}', p_queue_policy => '{"mode":"skip_if_running"}')).id as s10 \gset
select tests.clear_authentication();
select lenses.fn_fire_schedule((select s from lenses.workflow_schedules s where id = :'s10'), '2026-02-02 08:00Z');
select t.id as s10_team from agents.team_runs t join lenses.workflow_schedule_fires f on f.team_run_id = t.id where f.schedule_id = :'s10' \gset
select is((select approval_status::text from agents.team_runs where id = :'s10_team'), 'pending',
  'the schedule''s approval policy stands for the assignment''s (which requires none)');
select tests.authenticate_as(:'alice');
select is((public.approve_team_run(:'s10_team')).status::text, 'running', 'and the approval binds to it: approving works');
select tests.clear_authentication();
select is((lenses.fn_fire_schedule((select s from lenses.workflow_schedules s where id = :'s10'), '2026-02-03 08:00Z')).skip_reason::text,
  'overlap', 'the schedule''s own queue policy applies to its team runs: skipped while the previous one runs');

-- ---------------------------------------------------------------- visibility
select tests.authenticate_as(:'bob');
select is((select count(*)::int from lenses.workflow_schedules) + (select count(*)::int from lenses.workflow_schedule_fires), 0,
  'another user sees no schedule and no fire');
select throws_ok(format($$select public.get_workflow_schedule(%L)$$, :'s1'), 'PT404', null, 'nor gets one');
select throws_ok(format($$select public.run_workflow_schedule_now(%L)$$, :'s3'), 'PT404', null, 'nor runs one');
select tests.authenticate_as(:'alice');
select is((select count(*)::int from public.list_workflow_schedules(:'wf')), 6, 'the owner lists the workflow''s schedules');
select ok((select count(*) from public.list_workflow_schedule_fires(:'s2', 200)) >= 60, 'and their fires');

select * from finish();
rollback;

-- list_workflow_runs as a user reads newest first per profile they may act as (their own and their
-- agents') and merges (issue 13, benchmarks: the RLS list at 1M runs). What it lists must be exactly
-- what RLS lets the user select, in the same order, page by page; service_role still lists every run.
begin;
select plan(14);

select tests.create_user('lr-owner@example.com', '{"handle":"lr-owner"}') as owner \gset
select tests.create_user('lr-other@example.com', '{"handle":"lr-other"}') as other \gset
select tests.profile_id(:'owner') as owner_p \gset
select tests.profile_id(:'other') as other_p \gset
select tests.new_agent(:'owner', 'lr-agent') as agent \gset
select profile_id as agent_p from agents.ai_lensers where id = :'agent' \gset

select tests.authenticate_as(:'owner');
select tests.published_workflow('lr: list target') as wf \gset
select tests.published_workflow('lr: other target') as wf2 \gset
select tests.clear_authentication();

-- Runs of the owner, of their agent and of the other user, interleaved in time, with ties on
-- created_at (the order breaks them by id) and of two workflows and several statuses.
insert into lenses.workflow_runs (workflow_id, lenser_id, status, created_at, started_at, finished_at)
select case when i % 3 = 0 then :'wf2'::uuid else :'wf'::uuid end,
       case i % 3 when 0 then :'owner_p'::uuid when 1 then :'agent_p'::uuid else :'other_p'::uuid end,
       (case when i % 4 = 0 then 'failed' else 'completed' end)::lenses.workflow_run_status,
       timestamptz '2026-01-01' + (i / 2) * interval '1 minute', timestamptz '2026-01-01', timestamptz '2026-01-02'
from generate_series(1, 60) i;

-- What RLS lets the owner select, newest first: the reference for every page.
create temporary table lr_expected (n serial, id uuid, workflow_id uuid, status lenses.workflow_run_status);
grant all on lr_expected to authenticated;
grant usage on sequence lr_expected_n_seq to authenticated;
select tests.authenticate_as(:'owner');
insert into lr_expected (id, workflow_id, status)
select id, workflow_id, status from lenses.workflow_runs order by created_at desc, id;

select is((select count(*)::int from lr_expected), 40, 'RLS lets the owner see their 20 runs and their agent''s 20');
select is((select array_agg(x.id order by x.ordinality) from public.list_workflow_runs() with ordinality x),
  (select array_agg(id order by n) from lr_expected where n <= 50), 'the first page is what RLS lets them see, newest first');
select is((select array_agg(x.id order by x.ordinality) from public.list_workflow_runs(p_limit => 7) with ordinality x),
  (select array_agg(id order by n) from lr_expected where n <= 7), 'a short page');
select is((select array_agg(x.id order by x.ordinality) from public.list_workflow_runs(p_limit => 7, p_offset => 14) with ordinality x),
  (select array_agg(id order by n) from lr_expected where n between 15 and 21), 'a later page (the offset)');
select is((select array_agg(x.id order by x.ordinality) from public.list_workflow_runs(p_limit => 10, p_offset => 35) with ordinality x),
  (select array_agg(id order by n) from lr_expected where n > 35), 'the last page, short');
select is((select count(*)::int from public.list_workflow_runs(p_limit => 10, p_offset => 40)), 0, 'past the end: nothing');
select is((select array_agg(x.id order by x.ordinality) from public.list_workflow_runs(p_workflow_id => :'wf', p_status => 'completed') with ordinality x),
  (select array_agg(id order by n) from lr_expected where workflow_id = :'wf' and status = 'completed'),
  'filtered by workflow and status');
select is((select count(*)::int from public.list_workflow_runs() x where x.lenser_id = :'other_p'), 0,
  'none of the other user''s runs');

-- The agent's runs follow its ownership: handed to the other user, they leave the owner's list and
-- join the other's.
select tests.clear_authentication();
select tests.grant_agent_role(:'agent', :'other', 'owner');
update agents.ownerships set revoked_at = now()
where ai_lenser_id = :'agent' and owner_lenser_id = :'owner_p';
select tests.authenticate_as(:'owner');
select is((select array_agg(distinct x.lenser_id) from public.list_workflow_runs(p_limit => 200) x), array[:'owner_p'::uuid],
  'with the ownership revoked, only their own runs');
select is((select count(*)::int from public.list_workflow_runs(p_limit => 200)), 20, 'all 20 of them');

select tests.authenticate_as(:'other');
select is((select array_agg(x.id order by x.ordinality) from public.list_workflow_runs(p_limit => 200) with ordinality x),
  (select array_agg(r.id order by r.created_at desc, r.id) from lenses.workflow_runs r), 'the other user now lists theirs and the agent''s, as RLS sees them');
select is((select count(*)::int from public.list_workflow_runs(p_limit => 200) x where x.lenser_id = :'agent_p'), 20,
  'the agent''s 20 among them');

select tests.authenticate_as_service_role();
select is((select count(*)::int from public.list_workflow_runs(p_workflow_id => :'wf', p_limit => 200))
          + (select count(*)::int from public.list_workflow_runs(p_workflow_id => :'wf2', p_limit => 200)), 60,
  'service_role lists every run, whoever''s');
select throws_ok($$select * from public.list_workflow_runs(p_limit => 0)$$, '22023', null, 'the page is still checked');
select tests.clear_authentication();

select * from finish();
rollback;

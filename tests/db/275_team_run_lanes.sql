-- Who does what while a team run runs: lanes (one step at a time per lane, in workflow order;
-- lanes in parallel), blocking edges (a member waits until another's steps are done, and a blocking
-- edge that could never clear is refused), handoff when a member's agent is inactive, and each step
-- running on its member's model profile.
begin;
select plan(18);

select tests.create_user('ln-alice@example.com', '{"handle":"ln-alice"}') as alice \gset
select tests.new_agent(:'alice', 'ln-lead') as lead \gset
select tests.new_agent(:'alice', 'ln-mate') as mate \gset
select tests.new_agent(:'alice', 'ln-side') as side \gset

-- A workflow of four nodes: a, b and c are roots; d follows a.
select tests.authenticate_as(:'alice');
select tests.published_version('Say hello', p_title => 'Lanes lens') as v \gset
select (public.create_workflow(p_title => 'Lanes')).id as wf \gset
select (public.add_workflow_node(:'wf', 'a', p_lens_version_id => :'v')).id as na \gset
select (public.add_workflow_node(:'wf', 'b', p_lens_version_id => :'v')).id as nb \gset
select (public.add_workflow_node(:'wf', 'c', p_lens_version_id => :'v')).id as nc \gset
select (public.add_workflow_node(:'wf', 'd', p_lens_version_id => :'v')).id as nd \gset
select public.add_workflow_edge(:'na', :'nd');
select public.publish_workflow(:'wf');

select (public.create_team(p_name => 'Lanes team')).id as team \gset
select (public.add_team_member(p_team_id => :'team', p_agent_id => :'lead', p_role => 'lead', p_lane => 0)).id as m_lead \gset
select (public.add_team_member(p_team_id => :'team', p_agent_id => :'mate', p_lane => 0)).id as m_mate \gset
select (public.add_team_member(p_team_id => :'team', p_agent_id => :'side', p_lane => 1)).id as m_side \gset
select (public.create_workflow_assignment(p_workflow_id => :'wf', p_assignee_kind => 'team', p_assignee_team_id => :'team',
  p_approval_policy => '{"requiresApproval":false}',
  p_node_bindings => jsonb_build_object('a', :'m_lead', 'b', :'m_mate', 'c', :'m_side', 'd', :'m_side'))).id as a_lanes \gset

-- The side member runs on its own model profile.
select (public.create_model_profile(p_ai_lenser_id => :'side', p_name => 'Side model',
  p_model_id => (select id from ai.models where model_key = 'gpt-4o-mini'), p_params => '{"temperature":0.2}')).id as side_model \gset
select public.set_team_member_profiles(:'m_side', p_model_profile_id => :'side_model');

select (public.run_workflow_assignment(:'a_lanes')).id as tr \gset
select tests.clear_authentication();
select results_eq(format($$select node_key, lane, workflow_order from agents.agent_run_steps where team_run_id = %L order by workflow_order$$, :'tr'),
  $$values ('a', 0, 1), ('b', 0, 2), ('c', 1, 3), ('d', 1, 4)$$, 'each step has its member''s lane and its place in workflow order');

-- ---------------------------------------------------------------- lanes
create temporary table claimed (node_key text, result_id uuid, lease_token uuid, model_key text, params jsonb) on commit drop;
grant all on claimed to service_role;
create or replace function pg_temp.claim() returns setof text language plpgsql as $$
begin
  perform set_config('role', 'service_role', true);
  insert into claimed select c.node_key, c.result_id, c.lease_token, c.model_key, c.model_params
    from public.claim_workflow_tasks('pgtap-lanes', 10, 60) c;
  perform set_config('role', 'postgres', true);
  return query select c.node_key from claimed c order by 1;
end $$;
create or replace function pg_temp.complete(p_key text) returns void language plpgsql as $$
begin
  perform set_config('role', 'service_role', true);
  perform public.complete_workflow_task(c.result_id, c.lease_token, 'done ' || p_key) from claimed c where c.node_key = p_key;
  perform set_config('role', 'postgres', true);
  delete from claimed c where c.node_key = p_key;
end $$;

select results_eq($$select * from pg_temp.claim()$$, $$values ('a'), ('c')$$,
  'lanes run in parallel, one step each: a (lane 0, first in order) and c (lane 1); b waits for a');
select results_eq(format($$select node_key, status::text from agents.agent_run_steps where team_run_id = %L order by workflow_order$$, :'tr'),
  $$values ('a', 'running'), ('b', 'queued'), ('c', 'running'), ('d', 'queued')$$, 'the steps say so');
select is((select next_attempt_at from lenses.workflow_node_results where id = (select node_result_id from agents.agent_run_steps
  where team_run_id = :'tr' and node_key = 'b')), 'infinity'::timestamptz, 'b is deferred until its lane frees');
select results_eq($$select model_key, params from claimed where node_key = 'c'$$,
  $$values ('gpt-4o-mini', '{"temperature":0.2}'::jsonb)$$, 'c runs on its member''s model profile, with its parameters');
select results_eq($$select model_key from claimed where node_key = 'a'$$, $$values ('local-echo')$$,
  'a member without a model profile (and whose agent has no default) runs on the catalog default');

select pg_temp.complete('a');
select results_eq($$select * from pg_temp.claim()$$, $$values ('b'), ('c')$$,
  'when a ends, b (lane 0) starts; d (lane 1, after a) waits while c runs');
select is((select status::text from agents.agent_run_steps where team_run_id = :'tr' and node_key = 'd'), 'queued', 'd waits');
select pg_temp.complete('c');
select results_eq($$select * from pg_temp.claim()$$, $$values ('b'), ('d')$$, 'when c ends, d starts');
select pg_temp.complete('b');
select pg_temp.complete('d');
select is((select status::text from agents.team_runs where id = :'tr'), 'completed', 'and the team run completes');
select is((select count(*)::int from (select team_run_id from agents.agent_run_events where team_run_id = :'tr'
  group by team_run_id having min(event_id) = 1 and max(event_id) = count(*)) g), 1, 'its events have no gap');
delete from claimed;

-- ---------------------------------------------------------------- blocking edges
select tests.authenticate_as(:'alice');
select (public.create_workflow(p_title => 'Blocking')).id as wf2 \gset
select (public.add_workflow_node(:'wf2', 'x', p_lens_version_id => :'v')).id as nx \gset
select (public.add_workflow_node(:'wf2', 'y', p_lens_version_id => :'v')).id as ny \gset
select public.publish_workflow(:'wf2');
select public.add_team_edge(p_source_member_id => :'m_lead', p_target_member_id => :'m_side', p_edge_type => 'reports_to',
  p_is_blocking => true);
select throws_ok(format($$select public.run_workflow_assignment(%L)$$, :'a_lanes'), '22023',
  format('run_workflow_assignment: member %s waits for member %s''s steps (a blocking team edge), but node "d" of member %s comes after node "a" of member %s: neither could start',
    :'m_lead', :'m_side', :'m_side', :'m_lead'),
  'a blocking edge whose target''s work follows the waiting member''s own is refused at start');
select (public.create_workflow_assignment(p_workflow_id => :'wf2', p_assignee_kind => 'team', p_assignee_team_id => :'team',
  p_approval_policy => '{"requiresApproval":false}',
  p_node_bindings => jsonb_build_object('x', :'m_lead', 'y', :'m_side'))).id as a_block \gset
select (public.run_workflow_assignment(:'a_block')).id as tr2 \gset
select tests.clear_authentication();
select results_eq($$select * from pg_temp.claim()$$, $$values ('y')$$,
  'the lead waits for the side member''s steps (x and y are in different lanes, both roots)');
select pg_temp.complete('y');
select results_eq($$select * from pg_temp.claim()$$, $$values ('x')$$, 'and starts when they are done');
select pg_temp.complete('x');
select is((select status::text from agents.team_runs where id = :'tr2'), 'completed', 'the run completes');
delete from claimed;

-- ---------------------------------------------------------------- handoff from an inactive agent
select tests.authenticate_as(:'alice');
select public.add_team_edge(p_source_member_id => :'m_mate', p_target_member_id => :'m_side', p_edge_type => 'handoff');
select public.set_ai_lenser_active(:'mate', false, 'on leave');
select (public.create_workflow(p_title => 'Handoff')).id as wf3 \gset
select public.add_workflow_node(:'wf3', 'only', p_lens_version_id => :'v');
select public.publish_workflow(:'wf3');
select (public.create_workflow_assignment(p_workflow_id => :'wf3', p_assignee_kind => 'team', p_assignee_team_id => :'team',
  p_approval_policy => '{"requiresApproval":false}', p_node_bindings => jsonb_build_object('only', :'m_mate'))).id as a_hand \gset
select (public.run_workflow_assignment(:'a_hand')).id as tr3 \gset
select tests.clear_authentication();
select results_eq(format($$select member_id, member_source::text, lane from agents.agent_run_steps where team_run_id = %L$$, :'tr3'),
  format($$values (%L::uuid, 'handoff', 1)$$, :'m_side'),
  'a step bound to a member whose agent is inactive goes to the member its handoff edge names');

-- ---------------------------------------------------------------- the order helper, directly
select results_eq(format($$select n.key, o.workflow_order from agents.fn_workflow_order(%L) o join lenses.workflow_nodes n on n.id = o.node_id order by 2$$, :'wf'),
  $$values ('a', 1), ('b', 2), ('c', 3), ('d', 4)$$, 'workflow order: depth from the roots, then key');
select is((select count(*)::int from agents.fn_workflow_order(gen_random_uuid())), 0, 'an unknown workflow has no order');

select * from finish();
rollback;

-- shares_context at run time: a team member's turn reads the team-shared memory of the members whose
-- shares_context edge points at it (their team-scope entries for this team, under a memory profile
-- in team_shared isolation), and nothing of a member without such an edge, of an isolated profile,
-- or of another team.
begin;
select plan(6);

select tests.create_user('sc-alice@example.com', '{"handle":"sc-alice"}') as alice \gset
select tests.new_agent(:'alice', 'sc-source') as source \gset
select tests.new_agent(:'alice', 'sc-target') as target \gset
select tests.new_agent(:'alice', 'sc-loner') as loner \gset

select tests.authenticate_as(:'alice');
select (public.create_workflow(p_title => 'Shared context')).id as wf \gset
select public.add_workflow_node(:'wf', 'ask', p_lens_version_id => tests.published_version('Where do the otters sleep?', p_title => 'SC lens'));
select public.publish_workflow(:'wf');
select (public.create_team(p_name => 'Context team')).id as team \gset
select (public.create_team(p_name => 'Other team')).id as other_team \gset
select (public.add_team_member(p_team_id => :'team', p_agent_id => :'target', p_role => 'lead')).id as m_target \gset
select (public.add_team_member(p_team_id => :'team', p_agent_id => :'source')).id as m_source \gset
select (public.add_team_member(p_team_id => :'team', p_agent_id => :'loner')).id as m_loner \gset

-- Memory profiles: the source and the loner share with the team; the target keeps its own.
select (public.create_memory_profile(p_ai_lenser_id => :'source', p_name => 'Shared', p_scope_type => 'team',
  p_isolation_mode => 'team_shared', p_is_default => true)).id as mem_source \gset
select (public.create_memory_profile(p_ai_lenser_id => :'loner', p_name => 'Shared', p_scope_type => 'team',
  p_isolation_mode => 'team_shared', p_is_default => true)).id as mem_loner \gset
select (public.create_memory_profile(p_ai_lenser_id => :'target', p_name => 'Own', p_is_default => true)).id as mem_target \gset
select (public.fn_write_memory_entry(:'mem_source', 'The otters sleep in the kelp by the north pier.',
  p_metadata => jsonb_build_object('team_id', :'team'))).id as shared_entry \gset
select (public.fn_write_memory_entry(:'mem_source', 'The otters sleep in the kelp, said another team.',
  p_metadata => jsonb_build_object('team_id', :'other_team'))).id as other_team_entry \gset
select (public.fn_write_memory_entry(:'mem_loner', 'The otters sleep in the kelp near the loner.',
  p_metadata => jsonb_build_object('team_id', :'team'))).id as loner_entry \gset
select (public.fn_write_memory_entry(:'mem_target', 'Otters sleep holding hands.')).id as own_entry \gset

select public.add_team_edge(p_source_member_id => :'m_source', p_target_member_id => :'m_target', p_edge_type => 'shares_context');
select (public.create_workflow_assignment(p_workflow_id => :'wf', p_assignee_kind => 'team', p_assignee_team_id => :'team',
  p_approval_policy => '{"requiresApproval":false}', p_node_bindings => jsonb_build_object('ask', :'m_target'))).id as assignment \gset
select (public.run_workflow_assignment(:'assignment')).workflow_run_id as run \gset

select tests.authenticate_as_service_role();
select * from tests.claim_node(:'run', 'ask') \gset task_
select memory_ids from agents.agent_turns where node_result_id = :'task_result_id' \gset
select is((select ai_lenser_id from agents.agent_turns where node_result_id = :'task_result_id'), :'target'::uuid,
  'the bound member''s agent acts');
select ok(:'shared_entry' = any (:'memory_ids'::uuid[]), 'it reads the team-shared entry of a member sharing context with it');
select ok(:'own_entry' = any (:'memory_ids'::uuid[]), 'and its own entries');
select ok(not (:'loner_entry' = any (:'memory_ids'::uuid[])), 'never the shared memory of a member without a shares_context edge to it');
select ok(not (:'other_team_entry' = any (:'memory_ids'::uuid[])), 'never what was shared with another team');

-- Without the edge, a new turn reads none of the source's memory.
select tests.authenticate_as(:'alice');
select public.remove_team_edge((select id from agents.team_edges where source_member_id = :'m_source' and target_member_id = :'m_target'));
select tests.clear_authentication();
update agents.agent_turns set prompt_hash = repeat('0', 64) where node_result_id = :'task_result_id';
select ok(not exists (
  select 1 from agents.fn_turn_context(:'task_result_id', :'run', :'wf', :'target', :'m_target', :'team', 'Where do the otters sleep?') c,
    jsonb_array_elements(c -> 'memories') e where (e ->> 'id')::uuid = :'shared_entry'),
  'once the edge is gone, a new turn does not read it');

select * from finish();
rollback;

-- Teams, members and edges: the RPCs, the table rules (same-team edges, no self-loop, no cycle of
-- blocking edges, profiles of the member's own agent, archived teams read-only) and who may do what.
begin;
select plan(61);

select tests.create_user('alice@example.com', '{"handle":"alice"}') as alice \gset
select tests.create_user('bob@example.com', '{"handle":"bob"}') as bob \gset
select tests.create_user('olga@example.com', '{"handle":"olga"}') as olga \gset
select tests.new_agent(:'alice', 'scout') as scout \gset
select tests.new_agent(:'alice', 'sage') as sage \gset
select tests.new_agent(:'alice', 'quill') as quill \gset
select tests.new_agent(:'bob', 'rival') as rival \gset
select tests.grant_agent_role(:'scout', :'olga', 'operator');
select profile_id as scout_profile from agents.ai_lensers where id = :'scout' \gset
select tests.human(:'alice') as alice_profile \gset
select tests.human(:'bob') as bob_profile \gset

select tests.authenticate_as(:'alice');
select (public.create_tool_profile(p_ai_lenser_id => :'scout', p_name => 'Scout tools', p_tool_groups => '{web}')).id as scout_tools \gset
select (public.create_tool_profile(p_ai_lenser_id => :'sage', p_name => 'Sage tools')).id as sage_tools \gset
select (public.create_model_profile(p_ai_lenser_id => :'scout', p_name => 'Scout model',
  p_model_id => (select id from ai.models where model_key = 'local-echo'))).id as scout_model \gset

-- ---------------------------------------------------------------- teams
select (public.create_team(p_name => 'Research', p_description => 'Finds things', p_scratchpad => '{"goal":"map the field"}')).id as research \gset
select results_eq(format($$select owner_lenser_id, status::text, scratchpad from agents.teams where id = %L$$, :'research'),
  format($$values (%L::uuid, 'active', '{"goal":"map the field"}'::jsonb)$$, :'alice_profile'),
  'create_team: owned by the caller''s own profile by default, active');
select (public.create_team(p_name => 'Scout crew', p_owner_lenser_id => :'scout_profile')).id as crew \gset
select is((select owner_lenser_id from agents.teams where id = :'crew'), :'scout_profile'::uuid, 'a team can be owned by an AI the caller manages');
select throws_ok(format($$select public.create_team(p_name => 'Theirs', p_owner_lenser_id => %L)$$, :'bob_profile'),
  '42501', format('create_team: you may not create teams for lenser %s', :'bob_profile'), 'not for someone else');
select throws_ok($$select public.create_team(p_name => 'research')$$,
  '23505', 'create_team: p_name "research" is taken by another team of this owner', 'names are unique per owner');
select throws_ok($$select public.create_team(p_name => 'X', p_scratchpad => '[]')$$,
  '22023', 'create_team: p_scratchpad must be a JSON object', 'the scratchpad is an object');
select throws_ok($$select public.create_team(p_name => 'X', p_status => 'archived')$$,
  '22023', 'create_team: p_status must be active or paused for a new team', 'a new team is not archived');
select throws_ok($$select public.create_team(p_name => '')$$, '22023', 'create_team: p_name must be 1 to 120 characters', 'a name is required');
select is((select count(*)::int from agents.teams), 2, 'the refused calls created nothing');
select results_eq(format($$select status::text, scratchpad, description from public.update_team(p_team_id => %L, p_status => 'paused', p_scratchpad => '{"goal":"x"}')$$, :'research'),
  $$values ('paused', '{"goal":"x"}'::jsonb, 'Finds things')$$, 'update_team changes what is given and keeps the rest');
select throws_ok(format($$select public.update_team(p_team_id => %L, p_status => 'archived')$$, :'research'),
  '22023', 'update_team: p_status must be active or paused (archive with archive_team)', 'archiving has its own RPC');

-- ---------------------------------------------------------------- members
select (public.add_team_member(p_team_id => :'research', p_agent_id => :'scout', p_role => 'lead', p_responsibility => 'Search',
  p_tool_profile_id => :'scout_tools', p_model_profile_id => :'scout_model')).id as m_scout \gset
select (public.add_team_member(p_team_id => :'research', p_agent_id => :'sage', p_lane => 1)).id as m_sage \gset
select (public.add_team_member(p_team_id => :'research', p_agent_id => :'quill', p_lane => 1, p_role => 'reviewer')).id as m_quill \gset
select results_eq(format($$select agent_id, role::text, lane from public.list_team_members(%L) order by lane, role$$, :'research'),
  format($$values (%L::uuid, 'lead', 0), (%L::uuid, 'member', 1), (%L::uuid, 'reviewer', 1)$$, :'scout', :'sage', :'quill'),
  'add_team_member; list_team_members by lane');
select throws_ok(format($$select public.add_team_member(p_team_id => %L, p_agent_id => %L)$$, :'research', :'scout'),
  '23505', format('add_team_member: agent %s is already a member of team %s', :'scout', :'research'), 'an agent joins a team once');
select throws_ok(format($$select public.add_team_member(p_team_id => %L, p_agent_id => %L, p_lane => -1)$$, :'crew', :'sage'),
  '22023', 'add_team_member: p_lane must be 0 or more, got -1', 'lanes are 0 or more');
select throws_ok(format($$select public.add_team_member(p_team_id => %L, p_agent_id => %L, p_tool_profile_id => %L)$$, :'crew', :'sage', :'scout_tools'),
  '22023', format('add_team_member: p_tool_profile_id %s is not a tool profile of agent %s', :'scout_tools', :'sage'),
  'a member''s profiles are its own agent''s');
select throws_ok(format($$select public.add_team_member(p_team_id => %L, p_agent_id => %L)$$, :'crew', :'rival'),
  '42501', format('add_team_member: you do not own, co-own or operate agent %s', :'rival'), 'only agents the caller may operate');
select is((select count(*)::int from agents.team_members where team_id = :'crew'), 0, 'the refused calls added nothing');
select results_eq(format($$select role::text, responsibility, lane from public.update_team_member(p_member_id => %L, p_role => 'member', p_clear_responsibility => true, p_lane => 2)$$, :'m_scout'),
  $$values ('member', null::text, 2)$$, 'update_team_member');
select results_eq(format($$select tool_profile_id, model_profile_id from public.set_team_member_profiles(p_member_id => %L, p_tool_profile_id => %L)$$, :'m_scout', :'scout_tools'),
  format($$values (%L::uuid, null::uuid)$$, :'scout_tools'), 'set_team_member_profiles sets all four (null: the agent''s default)');
select throws_ok(format($$select public.delete_tool_profile(%L)$$, :'scout_tools'),
  'PT409', format('delete_tool_profile: tool profile %s is used by team members; change them first', :'scout_tools'),
  'a profile in use by a member is not deleted');
select is((select count(*)::int from agents.tool_profiles where id = :'scout_tools'), 1, 'and it is still there');

-- ---------------------------------------------------------------- edges
select (public.add_team_edge(p_source_member_id => :'m_scout', p_target_member_id => :'m_sage', p_edge_type => 'delegates', p_is_blocking => true)).id as e1 \gset
select (public.add_team_edge(p_source_member_id => :'m_sage', p_target_member_id => :'m_quill', p_edge_type => 'handoff', p_is_blocking => true)).id as e2 \gset
select is((select count(*)::int from public.list_team_edges(:'research')), 2, 'add_team_edge; list_team_edges');
select throws_ok(format($$select public.add_team_edge(p_source_member_id => %L, p_target_member_id => %L, p_edge_type => 'delegates')$$, :'m_scout', :'m_sage'),
  '23505', format('add_team_edge: a delegates edge from %s to %s already exists', :'m_scout', :'m_sage'), 'an edge of a type exists once');
select throws_ok(format($$select public.add_team_edge(p_source_member_id => %L, p_target_member_id => %L, p_edge_type => 'reviews')$$, :'m_scout', :'m_scout'),
  '22023', format('add_team_edge: an edge cannot join member %s to itself', :'m_scout'), 'no self-loop (RPC)');
select throws_ok(format($$select public.add_team_edge(p_source_member_id => %L, p_target_member_id => %L, p_edge_type => null)$$, :'m_scout', :'m_quill'),
  '22023', 'add_team_edge: p_edge_type is required (one of delegates, reviews, reports_to, shares_context, handoff)', 'the edge type is required');
select throws_ok(format($$select public.add_team_edge(p_source_member_id => %L, p_target_member_id => %L, p_edge_type => 'handoff', p_is_blocking => true)$$, :'m_quill', :'m_scout'),
  '23514',
  format('add_team_edge: team_edges: a blocking edge from member %s to member %s would close a cycle of blocking edges (%s -> %s -> %s -> %s)',
    :'m_quill', :'m_scout', :'m_quill', :'m_scout', :'m_sage', :'m_quill'),
  'a blocking edge closing a cycle of blocking edges is refused, naming the cycle');
select lives_ok(format($$select public.add_team_edge(p_source_member_id => %L, p_target_member_id => %L, p_edge_type => 'reports_to')$$, :'m_quill', :'m_scout'),
  'the same edge, not blocking, is fine');
select is((select count(*)::int from agents.team_edges where team_id = :'research'), 3, 'only the refused edge is missing');

select (public.add_team_member(p_team_id => :'crew', p_agent_id => :'scout')).id as m_crew_scout \gset
select throws_ok(format($$select public.add_team_edge(p_source_member_id => %L, p_target_member_id => %L, p_edge_type => 'delegates')$$, :'m_crew_scout', :'m_sage'),
  '22023', format('add_team_edge: p_target_member_id %s is not a member of the source''s team %s', :'m_sage', :'crew'), 'edges stay inside a team (RPC)');

select tests.clear_authentication();
select throws_ok(format($$insert into agents.team_edges (team_id, source_member_id, target_member_id, edge_type) values (%L, %L, %L, 'reviews')$$, :'research', :'m_sage', :'m_sage'),
  '23514', 'new row for relation "team_edges" violates check constraint "team_edges_no_self_loop"', 'no self-loop (CHECK)');
select throws_ok(format($$insert into agents.team_edges (team_id, source_member_id, target_member_id, edge_type) values (%L, %L, %L, 'reviews')$$, :'research', :'m_sage', :'m_crew_scout'),
  '23503', null, 'both ends are members of the edge''s team (composite foreign key)');
select throws_ok(format($$insert into agents.team_edges (team_id, source_member_id, target_member_id, edge_type, is_blocking) values (%L, %L, %L, 'reviews', true)$$, :'research', :'m_sage', :'m_scout'),
  '23514', null, 'a two-member blocking cycle is refused (trigger)');
select throws_ok(format($$update agents.team_edges set is_blocking = true where source_member_id = %L and target_member_id = %L$$, :'m_quill', :'m_scout'),
  '23514', null, 'so is turning an edge blocking when that closes a cycle');
select throws_ok(format($$insert into agents.team_members (team_id, agent_id, tool_profile_id) values (%L, %L, %L)$$, :'crew', :'sage', :'scout_tools'),
  '23503', null, 'a member''s profile is its own agent''s (composite foreign key)');
select throws_ok(format($$update agents.team_members set agent_id = %L where id = %L$$, :'quill', :'m_crew_scout'),
  '23514', 'team_members: a member''s team and agent cannot change; remove it and add another', 'a member''s agent never changes');

-- A diamond of blocking edges (s -> a, s -> b, a -> t, b -> t): a further edge s -> t is fine, t -> s closes a cycle.
insert into agents.teams (owner_lenser_id, name) values (:'alice_profile', 'Diamond') returning id as diamond \gset
insert into agents.team_members (team_id, agent_id, lane) values (:'diamond', :'scout', 0) returning id as d_s \gset
insert into agents.team_members (team_id, agent_id, lane) values (:'diamond', :'sage', 1) returning id as d_a \gset
insert into agents.team_members (team_id, agent_id, lane) values (:'diamond', :'quill', 1) returning id as d_b \gset
insert into agents.team_members (team_id, agent_id, lane) values (:'diamond', tests.new_agent(:'alice', 'tally'), 2) returning id as d_t \gset
insert into agents.team_edges (team_id, source_member_id, target_member_id, edge_type, is_blocking) values
  (:'diamond', :'d_s', :'d_a', 'delegates', true), (:'diamond', :'d_s', :'d_b', 'delegates', true),
  (:'diamond', :'d_a', :'d_t', 'handoff', true), (:'diamond', :'d_b', :'d_t', 'handoff', true);
select lives_ok(format($$insert into agents.team_edges (team_id, source_member_id, target_member_id, edge_type, is_blocking) values (%L, %L, %L, 'reviews', true)$$, :'diamond', :'d_s', :'d_t'),
  'two blocking paths to the same member are no cycle');
select throws_like(format($$insert into agents.team_edges (team_id, source_member_id, target_member_id, edge_type, is_blocking) values (%L, %L, %L, 'reports_to', true)$$, :'diamond', :'d_t', :'d_s'),
  format('team_edges: a blocking edge from member %s to member %s would close a cycle of blocking edges (%s -> %s -> %s)', :'d_t', :'d_s', :'d_t', :'d_s', :'d_t'),
  'closing it is refused, naming the shortest cycle');
delete from agents.teams where id = :'diamond';

select tests.authenticate_as(:'alice');
select lives_ok(format($$select public.remove_team_edge(%L)$$, :'e2'), 'remove_team_edge');
select is((public.remove_team_member(:'m_sage')).agent_id, :'sage'::uuid, 'remove_team_member returns the removed member');
select is((select count(*)::int from agents.team_edges where team_id = :'research'), 1, 'and the edges touching it went with it');

-- ---------------------------------------------------------------- archived teams
select is((public.archive_team(:'research')).status::text, 'archived', 'archive_team');
select isnt((select archived_at from agents.teams where id = :'research'), null, 'sets archived_at');
select throws_ok(format($$select public.update_team(p_team_id => %L, p_name => 'Again')$$, :'research'),
  'PT409', format('update_team: team %s is archived and read-only', :'research'), 'an archived team does not change');
select throws_ok(format($$select public.add_team_member(p_team_id => %L, p_agent_id => %L)$$, :'research', :'sage'),
  'PT409', format('add_team_member: team %s is archived and read-only', :'research'), 'nor do its members');
select throws_ok(format($$select public.archive_team(%L)$$, :'research'),
  'PT409', format('archive_team: team %s is archived and read-only', :'research'), 'archiving happens once');
select is((select count(*)::int from public.list_teams()), 1, 'list_teams leaves archived teams out');
select results_eq($$select name, member_count, edge_count from public.list_teams(p_include_archived => true)$$,
  $$values ('Research', 2, 1), ('Scout crew', 1, 0)$$, 'and shows them on request, with counts');
select lives_ok($$select public.create_team(p_name => 'Research')$$, 'an archived team''s name is free again');
select tests.clear_authentication();
select throws_ok(format($$update agents.teams set name = 'Renamed' where id = %L$$, :'research'),
  'PT409', format('teams: team %s is archived and read-only', :'research'), 'archived is final (trigger)');
select throws_ok(format($$delete from agents.team_members where id = %L$$, :'m_scout'),
  'PT409', format('team_members: team %s is archived and read-only', :'research'), 'its members stay (trigger)');
select lives_ok(format($$delete from lensers.profiles where id = (select profile_id from agents.ai_lensers where id = %L)$$, :'quill'),
  'deleting an agent that belongs to an archived team removes its membership with it');

-- ---------------------------------------------------------------- who may do what
select tests.authenticate_as(:'bob');
select throws_ok(format($$select public.update_team(p_team_id => %L, p_name => 'Mine')$$, :'crew'),
  'PT404', format('update_team: no team %s that you can see', :'crew'), 'another user cannot change a team');
select is((select count(*)::int from public.list_teams(p_include_archived => true)), 0, 'nor list one');
select throws_ok(format($$select * from public.list_team_members(%L)$$, :'crew'), 'PT404', null, 'nor list its members');
select throws_ok(format($$select public.remove_team_member(%L)$$, :'m_crew_scout'), 'PT404', null, 'nor remove them');

select tests.authenticate_as(:'olga');
select results_eq($$select name from public.list_teams()$$, $$values ('Scout crew')$$,
  'an operator of an AI sees the teams it owns');
select throws_ok(format($$select public.update_team(p_team_id => %L, p_name => 'Mine')$$, :'crew'),
  '42501', format('update_team: you may not change team %s (read-only for you)', :'crew'), 'but cannot change them');
select throws_ok(format($$select public.remove_team_member(%L)$$, :'m_crew_scout'),
  '42501', format('remove_team_member: you may not change team %s (read-only for you)', :'crew'), 'nor their members');
select (public.create_team(p_name => 'Olga''s desk')).id as desk \gset
select lives_ok(format($$select public.add_team_member(p_team_id => %L, p_agent_id => %L, p_tool_profile_id => %L)$$, :'desk', :'scout', :'scout_tools'),
  'an operator puts the agent in a team of their own, with its profiles');

select tests.authenticate_as_anon();
select throws_ok($$select public.create_team(p_name => 'Anon')$$, '42501', null, 'anon cannot call the team RPCs');
select throws_ok($$select * from public.list_teams()$$, '42501', null, 'nor list teams');
select tests.clear_authentication();
select results_eq(format($$select name, status::text from agents.teams where id = %L$$, :'crew'), $$values ('Scout crew', 'active')$$,
  'the refused callers changed nothing');

select * from finish();
rollback;

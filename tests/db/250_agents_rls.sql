-- RLS on every control-room table, directly (not through the RPCs): another signed-in user sees
-- and changes nothing of a user's rows; anon cannot even read the tables; an operator of the agent
-- sees its rows but cannot insert, update or delete them (tool invocations excepted: operators run
-- tools, as 240_agent_tools.sql shows). The rows are the same at the end as at the start.
begin;
select plan(80);

select tests.create_user('alice@example.com', '{"handle":"alice"}') as alice \gset
select tests.create_user('bob@example.com', '{"handle":"bob"}') as bob \gset
select tests.create_user('olga@example.com', '{"handle":"olga"}') as olga \gset
select tests.new_agent(:'alice', 'scout') as scout \gset
select tests.new_agent(:'alice', 'sage') as sage \gset
select tests.new_agent(:'alice', 'quill') as quill \gset
select tests.grant_agent_role(:'scout', :'olga', 'operator');
select tests.grant_agent_role(:'sage', :'olga', 'operator');
select profile_id as scout_profile from agents.ai_lensers where id = :'scout' \gset
insert into lenses.workflows (lenser_id, title) values (tests.human(:'alice'), 'Daily digest');
select id as wf from lenses.workflows where title = 'Daily digest' \gset

-- One row of everything, made through the RPCs as alice.
select tests.authenticate_as(:'alice');
select (public.create_personality_profile(p_ai_lenser_id => :'scout', p_name => 'P', p_is_default => true)).id as pp \gset
select (public.create_memory_profile(p_ai_lenser_id => :'scout', p_name => 'M', p_is_default => true)).id as mp \gset
select (public.create_tool_profile(p_ai_lenser_id => :'scout', p_name => 'T', p_tool_groups => '{utility}', p_is_default => true)).id as tp \gset
select (public.create_model_profile(p_ai_lenser_id => :'scout', p_name => 'L', p_model_id => (select id from ai.models where model_key = 'local-echo'), p_is_default => true)).id as lp \gset
select (public.create_team(p_name => 'Crew', p_owner_lenser_id => :'scout_profile')).id as crew \gset
select (public.add_team_member(p_team_id => :'crew', p_agent_id => :'scout', p_personality_profile_id => :'pp')).id as m1 \gset
select (public.add_team_member(p_team_id => :'crew', p_agent_id => :'sage')).id as m2 \gset
select (public.add_team_edge(p_source_member_id => :'m1', p_target_member_id => :'m2', p_edge_type => 'delegates')).id as e1 \gset
select (public.create_workflow_assignment(p_workflow_id => :'wf', p_assignee_kind => 'agent', p_assignee_ai_lenser_id => :'scout')).id as wa \gset
select (public.fn_write_memory_entry(p_memory_profile_id => :'mp', p_content => 'remember this')).id as mem \gset
select (public.fn_invoke_tool(p_ai_lenser_id => :'scout', p_tool_key => 'calculator', p_input => '{"expression":"1"}')).id as ti \gset
select tests.clear_authentication();

-- Helpers for this file: rows visible, and rows a statement touched, as the current role.
create function tests.visible_rows(p_table text) returns integer language plpgsql set search_path = '' as $$
declare n integer;
begin
  execute format('select count(*) from %s', p_table) into n;
  return n;
end $$;
create function tests.rows_touched(p_sql text) returns integer language plpgsql set search_path = '' as $$
declare n integer;
begin
  execute p_sql;
  get diagnostics n = row_count;
  return n;
end $$;
create function tests.agents_fingerprint() returns text language sql set search_path = '' as $$
  select md5(concat_ws('|',
    (select string_agg(t::text, ',' order by t.id) from agents.personality_profiles t),
    (select string_agg(t::text, ',' order by t.id) from agents.memory_profiles t),
    (select string_agg(t::text, ',' order by t.id) from agents.tool_profiles t),
    (select string_agg(t::text, ',' order by t.id) from agents.model_profiles t),
    (select string_agg(t::text, ',' order by t.id) from agents.teams t),
    (select string_agg(t::text, ',' order by t.id) from agents.team_members t),
    (select string_agg(t::text, ',' order by t.id) from agents.team_edges t),
    (select string_agg(t::text, ',' order by t.id) from agents.workflow_assignments t),
    (select string_agg(t::text, ',' order by t.id) from agents.memories t),
    (select string_agg(t::text, ',' order by t.id) from agents.tool_invocations t),
    (select string_agg(t::text, ',' order by t.id) from agents.tools_registry t)))
$$;
grant execute on function tests.visible_rows(text), tests.rows_touched(text) to anon, authenticated;
select tests.agents_fingerprint() as before \gset

create temp table agent_tables (name text primary key) on commit drop;
insert into agent_tables values ('agents.personality_profiles'), ('agents.memory_profiles'), ('agents.tool_profiles'),
  ('agents.model_profiles'), ('agents.teams'), ('agents.team_members'), ('agents.team_edges'), ('agents.workflow_assignments'),
  ('agents.memories'), ('agents.tool_invocations');
grant select on agent_tables to anon, authenticated;

-- Statements a non-owner might try; each is refused or touches no row.
create temp table tries (name text, kind text, stmt text) on commit drop;
insert into tries values
  ('agents.personality_profiles', 'update', 'update agents.personality_profiles set name = ''x'''),
  ('agents.memory_profiles', 'update', 'update agents.memory_profiles set name = ''x'''),
  ('agents.tool_profiles', 'update', 'update agents.tool_profiles set requires_approval = true'),
  ('agents.model_profiles', 'update', 'update agents.model_profiles set params = ''{"temperature":1}'''),
  ('agents.teams', 'update', 'update agents.teams set scratchpad = ''{"x":1}'''),
  ('agents.team_members', 'update', 'update agents.team_members set lane = 5'),
  ('agents.workflow_assignments', 'update', 'update agents.workflow_assignments set retry_policy = ''{"maxRetries":9}'''),
  ('agents.memories', 'update', 'update agents.memories set redacted_at = now()'),
  ('agents.personality_profiles', 'delete', 'delete from agents.personality_profiles'),
  ('agents.memory_profiles', 'delete', 'delete from agents.memory_profiles'),
  ('agents.tool_profiles', 'delete', 'delete from agents.tool_profiles'),
  ('agents.model_profiles', 'delete', 'delete from agents.model_profiles'),
  ('agents.team_members', 'delete', 'delete from agents.team_members'),
  ('agents.team_edges', 'delete', 'delete from agents.team_edges'),
  ('agents.personality_profiles', 'insert', format('insert into agents.personality_profiles (ai_lenser_id, name) values (%L, ''x'')', :'scout')),
  ('agents.memory_profiles', 'insert', format('insert into agents.memory_profiles (ai_lenser_id, name) values (%L, ''x'')', :'scout')),
  ('agents.tool_profiles', 'insert', format('insert into agents.tool_profiles (ai_lenser_id, name) values (%L, ''x'')', :'scout')),
  ('agents.model_profiles', 'insert', format('insert into agents.model_profiles (ai_lenser_id, name, model_id) values (%L, ''x'', (select id from ai.models where model_key = ''local-echo''))', :'scout')),
  ('agents.teams', 'insert', format('insert into agents.teams (owner_lenser_id, name) values (%L, ''x'')', :'scout_profile')),
  ('agents.team_members', 'insert', format('insert into agents.team_members (team_id, agent_id) values (%L, %L)', :'crew', :'quill')),
  ('agents.team_edges', 'insert', format('insert into agents.team_edges (team_id, source_member_id, target_member_id, edge_type) values (%L, %L, %L, ''reviews'')', :'crew', :'m2', :'m1')),
  ('agents.workflow_assignments', 'insert', format('insert into agents.workflow_assignments (workflow_id, assignee_kind, assignee_ai_lenser_id) values (%L, ''agent'', %L)', :'wf', :'sage')),
  ('agents.memories', 'insert', format('insert into agents.memories (memory_profile_id, ai_lenser_id, scope, source, content) values (%L, %L, ''agent'', ''manual'', ''x'')', :'mp', :'scout'));
grant select on tries to anon, authenticated;

-- ---------------------------------------------------------------- another user
select tests.authenticate_as(:'bob');
select is(tests.visible_rows(name), 0, format('another user sees no rows of %s', name)) from agent_tables order by name;
select is(tests.rows_touched(stmt), 0, format('another user''s %s on %s touches no row', kind, name)) from tries where kind in ('update', 'delete') order by name, kind;
select throws_ok(stmt, '42501', null, format('another user''s insert into %s is refused', name)) from tries where kind = 'insert' order by name;
select throws_ok(format($$insert into agents.tool_invocations (ai_lenser_id, tool_id, input) values (%L, (select id from agents.tools_registry where key = 'calculator'), '{"expression":"1"}')$$, :'scout'),
  '42501', null, 'another user''s insert into agents.tool_invocations is refused');
select is(tests.rows_touched($$update agents.tool_invocations set cost_credits = 1$$), 0, 'another user''s update on agents.tool_invocations touches no row');

-- ---------------------------------------------------------------- anon
select tests.authenticate_as_anon();
select throws_ok(format('select count(*) from %s', name), '42501', null, format('anon cannot read %s', name)) from agent_tables order by name;
select throws_ok($$select count(*) from agents.tools_registry$$, '42501', null, 'anon cannot read agents.tools_registry');

-- ---------------------------------------------------------------- an operator
select tests.authenticate_as(:'olga');
select ok(tests.visible_rows(name) > 0, format('an operator sees the agent''s rows of %s', name)) from agent_tables order by name;
select is(tests.rows_touched(stmt), 0, format('an operator''s %s on %s touches no row', kind, name)) from tries where kind in ('update', 'delete') order by name, kind;
select throws_ok(stmt, '42501', null, format('an operator''s insert into %s is refused', name)) from tries where kind = 'insert' order by name;

select tests.clear_authentication();
select is(tests.agents_fingerprint(), :'before', 'every row is as it was');

select * from finish();
rollback;

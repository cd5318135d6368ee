-- Test helpers for the agents control room (teams, profiles, memory, tools). Loaded after the
-- migrations with the other helper files; self-contained (the load order between files is not
-- guaranteed), plpgsql so that nothing is resolved before the functions are called.
set client_min_messages = warning;
create schema if not exists tests;
grant usage on schema tests to anon, authenticated, service_role;

-- Creates an AI lenser owned by a user (through public.create_ai_lenser, as that user; its handle is
-- p_handle with a random suffix) and returns
-- its agents.ai_lensers id. Leaves the session as postgres, unauthenticated.
create or replace function tests.new_agent(p_owner uuid, p_handle text)
returns uuid language plpgsql set search_path = '' as $$
declare v_id uuid;
begin
  perform set_config('request.jwt.claims', json_build_object('sub', p_owner, 'role', 'authenticated')::text, true);
  perform set_config('role', 'authenticated', true);
  -- A suffix keeps the handle free of the demo data's (seed.sql) and of other tests'.
  select (public.create_ai_lenser(p_handle => p_handle || '-' || substr(md5(random()::text), 1, 6),
    p_display_name => initcap(p_handle))).id into v_id;
  perform set_config('role', 'postgres', true);
  perform set_config('request.jwt.claims', '', true);
  return v_id;
end $$;

-- Grants a user a role on an agent (directly, as the platform would after an invitation).
create or replace function tests.grant_agent_role(p_ai_lenser_id uuid, p_user uuid, p_role agents.ownership_role)
returns void language plpgsql set search_path = '' as $$
begin
  insert into agents.ownerships (ai_lenser_id, owner_lenser_id, role)
  values (p_ai_lenser_id, (select p.id from lensers.profiles p where p.user_id = p_user), p_role);
end $$;

-- A 1536-dimension vector, zero except 1 at each given (1-based) position; with p_values, those values.
create or replace function tests.vec(p_positions integer[], p_values real[] default null)
returns extensions.vector language plpgsql immutable set search_path = '' as $$
declare
  v real[] := array_fill(0::real, array[1536]);
  i integer;
begin
  for i in 1 .. cardinality(p_positions) loop
    v[p_positions[i]] := coalesce(p_values[i], 1);
  end loop;
  return v::extensions.vector;
end $$;

-- A profile id of a lenser, by user.
create or replace function tests.human(p_user uuid)
returns uuid language plpgsql stable set search_path = '' as $$
begin
  return (select p.id from lensers.profiles p where p.user_id = p_user);
end $$;

-- A step of a team run of an agent: as the agent's owner, a published one-node workflow assigned to
-- the agent without approval, run once; returns the step's id. Leaves the session as postgres.
create or replace function tests.team_run_step(p_owner uuid, p_ai_lenser_id uuid)
returns uuid language plpgsql set search_path = '' as $$
declare
  v_assignment uuid;
  v_team_run uuid;
begin
  perform set_config('request.jwt.claims', json_build_object('sub', p_owner, 'role', 'authenticated')::text, true);
  perform set_config('role', 'authenticated', true);
  v_assignment := (public.create_workflow_assignment(
    p_workflow_id => tests.published_workflow('Step fixture ' || substr(md5(random()::text), 1, 6)),
    p_assignee_kind => 'agent', p_assignee_ai_lenser_id => p_ai_lenser_id,
    p_approval_policy => '{"requiresApproval":false}')).id;
  v_team_run := (public.run_workflow_assignment(v_assignment)).id;
  perform set_config('role', 'postgres', true);
  perform set_config('request.jwt.claims', '', true);
  return (select s.id from agents.agent_run_steps s where s.team_run_id = v_team_run);
end $$;

grant execute on all functions in schema tests to anon, authenticated, service_role;

-- Test helpers for the pgTAP suite (after basejump's supabase-test-helpers): a `tests` schema,
-- loaded by scripts/test.sh after the advisors ran, never by a migration.
set client_min_messages = warning;
create schema if not exists tests;
grant usage on schema tests to anon, authenticated, service_role;

-- Creates an auth user (the sign-up trigger makes its profile) and returns its id.
create or replace function tests.create_user(p_email text, p_meta jsonb default '{}')
returns uuid language plpgsql set search_path = '' as $$
declare v_id uuid := gen_random_uuid();
begin
  insert into auth.users (id, aud, role, email, email_confirmed_at, raw_app_meta_data, raw_user_meta_data)
  values (v_id, 'authenticated', 'authenticated', p_email, now(), '{"provider":"email"}', p_meta);
  return v_id;
end $$;

-- The profile id of an auth user.
create or replace function tests.profile_id(p_user_id uuid)
returns uuid language sql stable set search_path = '' as $$
  select id from lensers.profiles where user_id = p_user_id
$$;

-- Acts as a signed-in user for the rest of the transaction, as PostgREST would.
create or replace function tests.authenticate_as(p_user_id uuid)
returns void language plpgsql set search_path = '' as $$
begin
  perform set_config('request.jwt.claims', json_build_object('sub', p_user_id, 'role', 'authenticated')::text, true);
  perform set_config('role', 'authenticated', true);
end $$;

create or replace function tests.authenticate_as_anon()
returns void language plpgsql set search_path = '' as $$
begin
  perform set_config('request.jwt.claims', '{"role":"anon"}', true);
  perform set_config('role', 'anon', true);
end $$;

create or replace function tests.authenticate_as_service_role()
returns void language plpgsql set search_path = '' as $$
begin
  perform set_config('request.jwt.claims', '{"role":"service_role"}', true);
  perform set_config('role', 'service_role', true);
end $$;

create or replace function tests.clear_authentication()
returns void language plpgsql set search_path = '' as $$
begin
  perform set_config('role', 'postgres', true);
  perform set_config('request.jwt.claims', '', true);
end $$;

grant execute on all functions in schema tests to anon, authenticated, service_role;

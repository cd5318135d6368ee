-- What the Supabase Postgres image provides inside a database and our migrations rely on, for a
-- plain PostgreSQL cluster. Run by scripts/db.sh as the cluster superuser against the application
-- database, after supabase-compat-roles.sql. Every statement is conditional: where an object
-- already exists (a real Supabase image, or a second run) it is left as it is.
-- Not part of the product schema: it never goes into supabase/migrations.

\set ON_ERROR_STOP on
set client_min_messages = warning;

-- The application database belongs to `postgres`, so it owns schema public (pg_database_owner).
do $$
begin
  if (select datdba::regrole::text from pg_database where datname = current_database()) <> 'postgres' then
    execute format('alter database %I owner to postgres', current_database());
  end if;
end
$$;

grant usage on schema public to anon, authenticated, service_role;

-- Lints read the exposed schemas from this setting, as PostgREST is configured.
do $$
begin
  execute format('alter database %I set pgrst.db_schemas = %L', current_database(), 'public');
end
$$;

-- Schema extensions, where hosted Supabase installs extensions.
create schema if not exists extensions;
grant usage on schema extensions to postgres, anon, authenticated, service_role;
grant create on schema extensions to postgres;

-- Extensions that are not trusted need a superuser. On hosted Supabase, supautils lets
-- `postgres` create them; here they are created ahead, so a migration's
-- `create extension if not exists` finds them in place.
-- pg_cron can only be created in the database its cron.database_name names (postgres, as on hosted
-- Supabase); the scratch databases of the schema tools (scripts/schema.sh) have none, and the
-- migration that schedules jobs says so and skips them there.
do $$
begin
  if current_database() = current_setting('cron.database_name', true) then
    create extension if not exists pg_cron with schema pg_catalog;
    grant usage on schema cron to postgres;
    grant select on cron.job, cron.job_run_details to postgres;
  end if;
end
$$;
create extension if not exists vector with schema extensions;
create extension if not exists pgtap with schema extensions;
create extension if not exists plpgsql_check with schema extensions;

-- Schema auth: the users table (GoTrue's columns that an app touches) and the JWT helpers.
create schema if not exists auth;
grant usage on schema auth to postgres, anon, authenticated, service_role;

create table if not exists auth.users (
  instance_id uuid,
  id uuid primary key,
  aud varchar(255),
  role varchar(255),
  email varchar(255),
  encrypted_password varchar(255),
  email_confirmed_at timestamptz,
  invited_at timestamptz,
  confirmation_sent_at timestamptz,
  last_sign_in_at timestamptz,
  raw_app_meta_data jsonb,
  raw_user_meta_data jsonb,
  is_super_admin boolean,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  phone text unique default null,
  phone_confirmed_at timestamptz,
  confirmed_at timestamptz generated always as (least(email_confirmed_at, phone_confirmed_at)) stored,
  banned_until timestamptz,
  is_sso_user boolean not null default false,
  deleted_at timestamptz,
  is_anonymous boolean not null default false
);
create unique index if not exists users_email_partial_key on auth.users (email) where is_sso_user = false;
grant all on table auth.users to postgres;

do $$
begin
  if to_regprocedure('auth.uid()') is null then
    create function auth.uid() returns uuid language sql stable as $f$
      select coalesce(
        nullif(current_setting('request.jwt.claim.sub', true), ''),
        (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
      )::uuid
    $f$;
  end if;
  if to_regprocedure('auth.role()') is null then
    create function auth.role() returns text language sql stable as $f$
      select coalesce(
        nullif(current_setting('request.jwt.claim.role', true), ''),
        (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
      )::text
    $f$;
  end if;
  if to_regprocedure('auth.email()') is null then
    create function auth.email() returns text language sql stable as $f$
      select coalesce(
        nullif(current_setting('request.jwt.claim.email', true), ''),
        (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'email')
      )::text
    $f$;
  end if;
  if to_regprocedure('auth.jwt()') is null then
    create function auth.jwt() returns jsonb language sql stable as $f$
      select coalesce(
        nullif(current_setting('request.jwt.claim', true), ''),
        nullif(current_setting('request.jwt.claims', true), '')
      )::jsonb
    $f$;
  end if;
end
$$;
grant execute on function auth.uid(), auth.role(), auth.email(), auth.jwt()
  to postgres, anon, authenticated, service_role;

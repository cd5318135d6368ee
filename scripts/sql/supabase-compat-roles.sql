-- The roles the Supabase Postgres image provides, for a plain PostgreSQL cluster. Run by
-- scripts/db.sh as the cluster superuser (supabase_admin, as on hosted Supabase) before the
-- application database exists. Conditional: existing roles are left as they are.
-- Not part of the product schema: it never goes into supabase/migrations.

\set ON_ERROR_STOP on
set client_min_messages = warning;

-- Roles (cluster-wide), with hosted Supabase's attributes.
do $$
begin
  if not exists (select from pg_roles where rolname = 'anon') then
    create role anon nologin inherit;
  end if;
  if not exists (select from pg_roles where rolname = 'authenticated') then
    create role authenticated nologin inherit;
  end if;
  if not exists (select from pg_roles where rolname = 'service_role') then
    create role service_role nologin inherit bypassrls;
  end if;
  if not exists (select from pg_roles where rolname = 'authenticator') then
    create role authenticator login noinherit password 'postgres';
  end if;
  -- Migrations run as `postgres`, which on hosted Supabase is not a superuser.
  if not exists (select from pg_roles where rolname = 'postgres') then
    create role postgres login createdb createrole replication bypassrls password 'postgres';
  end if;
end
$$;

grant anon, authenticated, service_role to authenticator;
grant anon, authenticated, service_role to postgres;


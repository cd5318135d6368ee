-- The platform the migrations stand on: Supabase's roles, schemas, extensions and auth helpers,
-- and the privilege rules every migration must keep.
begin;
select plan(24);

-- Roles as on hosted Supabase; migrations run as a postgres that is not a superuser.
select is((select rolsuper from pg_roles where rolname = 'postgres'), false, 'postgres is not a superuser');
select is((select rolbypassrls from pg_roles where rolname = 'postgres'), true, 'postgres bypasses RLS, as on hosted');
select is((select rolcanlogin from pg_roles where rolname = 'anon'), false, 'anon cannot log in');
select is((select rolcanlogin from pg_roles where rolname = 'authenticated'), false, 'authenticated cannot log in');
select is((select rolbypassrls from pg_roles where rolname = 'service_role'), true, 'service_role bypasses RLS');
select is((select rolinherit from pg_roles where rolname = 'authenticator'), false, 'authenticator does not inherit');
select ok(pg_has_role('authenticator', 'anon', 'member') and pg_has_role('authenticator', 'authenticated', 'member')
  and pg_has_role('authenticator', 'service_role', 'member'), 'authenticator can switch to the three API roles');

-- Schemas and extensions.
select schemas_are(array['public', 'lensers', 'agents', 'lenses', 'ai', 'auth', 'extensions', 'cron', 'tests', 'supabase_migrations']);
select is((select extnamespace::regnamespace::text from pg_extension where extname = 'vector'), 'extensions', 'pgvector lives in schema extensions');
select is((select extnamespace::regnamespace::text from pg_extension where extname = 'pgcrypto'), 'extensions', 'pgcrypto lives in schema extensions');
select is((select extnamespace::regnamespace::text from pg_extension where extname = 'pg_cron'), 'pg_catalog', 'pg_cron lives in pg_catalog');
select is(current_setting('pgrst.db_schemas'), 'public', 'the exposed schemas are set as PostgREST is configured');

-- auth.* with Supabase's semantics.
select is(auth.uid(), null, 'auth.uid() is null without a JWT');
set local request.jwt.claims = '{"sub":"6f1b7d3e-1d3c-4a5e-9f00-000000000001","role":"authenticated","email":"a@example.com"}';
select is(auth.uid(), '6f1b7d3e-1d3c-4a5e-9f00-000000000001'::uuid, 'auth.uid() reads sub from request.jwt.claims');
select is(auth.role(), 'authenticated', 'auth.role() reads role');
select is(auth.email(), 'a@example.com', 'auth.email() reads email');
select is(auth.jwt() ->> 'role', 'authenticated', 'auth.jwt() returns the claims');
set local request.jwt.claims = '';
select is(auth.uid(), null, 'an empty claims setting means no user');

-- Privilege rules for everything our migrations create.
select is_empty($$
  select p.oid::regprocedure::text from pg_proc p
  where p.pronamespace::regnamespace::text in ('public', 'lensers', 'agents', 'lenses', 'ai')
    and has_function_privilege('public', p.oid, 'execute')
    and p.oid not in (select objid from pg_depend where deptype = 'e')
$$, 'no function of ours is executable by PUBLIC');
select is_empty($$
  select p.oid::regprocedure::text from pg_proc p
  where p.pronamespace::regnamespace::text in ('public', 'lensers', 'agents', 'lenses', 'ai')
    and p.prokind = 'f' and not exists (select 1 from unnest(p.proconfig) c where c like 'search_path=%')
    and p.oid not in (select objid from pg_depend where deptype = 'e')
$$, 'every function of ours sets search_path');
-- Why an RPC is SECURITY DEFINER is said in its schema file (a `-- [security definer: why]` line
-- above it: tests/functions/security_definer_notes_test.ts), never in its COMMENT, which PostgREST
-- publishes as the RPC's description in the OpenAPI document.
select is_empty($$
  select p.oid::regprocedure::text from pg_proc p
  where p.pronamespace::regnamespace::text in ('public', 'lensers', 'agents', 'lenses', 'ai')
    and p.oid not in (select objid from pg_depend where deptype = 'e')
    and obj_description(p.oid, 'pg_proc') ilike '%security definer%'
$$, 'no function comment carries an internal security definer note (comments reach the API description)');
select is_empty($$
  select p.oid::regprocedure::text from pg_proc p
  where p.pronamespace::regnamespace::text in ('lensers', 'agents', 'lenses', 'ai') and p.prosecdef
    and has_function_privilege('anon', p.oid, 'execute')
$$, 'no SECURITY DEFINER helper outside public is executable by anon');
select is_empty($$
  select c.oid::regclass::text from pg_class c
  where c.relnamespace::regnamespace::text in ('public', 'lensers', 'agents', 'lenses', 'ai')
    and c.relkind = 'v' and not coalesce('security_invoker=true' = any(c.reloptions) or 'security_invoker=on' = any(c.reloptions), false)
$$, 'every view is security_invoker');
select is_empty($$
  select c.oid::regclass::text from pg_class c
  where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm')
$$, 'public holds no tables or views: it is the RPC surface only');

select * from finish();
rollback;

-- The four domain schemas. Only `public` is exposed through the Data API (supabase/config.toml
-- [api] schemas); the domain schemas are reached through RPCs in `public`, and RLS on their tables
-- decides what a caller sees.

-- Functions are not executable by PUBLIC unless their file grants them to a role by name.
alter default privileges revoke execute on functions from public;
alter default privileges in schema public revoke execute on functions from public;
-- Hosted projects created before explicit grants still carry these defaults for `public`.
alter default privileges in schema public revoke all on tables from anon, authenticated;
alter default privileges in schema public revoke all on sequences from anon, authenticated;
alter default privileges in schema public revoke all on functions from anon, authenticated;

create schema if not exists lensers;
comment on schema lensers is 'Identity: one profile per lenser, human or AI.';
create schema if not exists agents;
comment on schema agents is 'Agent runtime: ownership, teams, profiles, memory, tools, channels.';
create schema if not exists lenses;
comment on schema lenses is 'Lenses, versions, parameters, workflows and their runs.';
create schema if not exists ai;
comment on schema ai is 'Catalog of providers and models, and the ledger of model calls.';

-- Usage alone grants nothing: each table, view and function is granted by name, and RLS decides rows.
grant usage on schema lensers to anon, authenticated, service_role;
grant usage on schema agents to anon, authenticated, service_role;
grant usage on schema lenses to anon, authenticated, service_role;
grant usage on schema ai to anon, authenticated, service_role;

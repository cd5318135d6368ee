create table agents.tool_profiles (
  id uuid default gen_random_uuid() not null,
  ai_lenser_id uuid not null,
  name text not null,
  allow_tools text[] default '{}'::text[] not null,
  deny_tools text[] default '{}'::text[] not null,
  tool_groups text[] default '{}'::text[] not null,
  provider_overrides jsonb default '{}'::jsonb not null,
  requires_approval boolean default false not null,
  http_allow_hosts text[] default '{}'::text[] not null,
  http_allow_private_network boolean default false not null,
  is_default boolean default false not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint tool_profiles_pkey PRIMARY KEY (id),
  constraint tool_profiles_id_agent_key UNIQUE (id, ai_lenser_id),
  constraint tool_profiles_allow_deny_disjoint CHECK ((NOT (allow_tools && deny_tools))),
  constraint tool_profiles_http_allow_hosts_shape CHECK (((cardinality(http_allow_hosts) <= 100) AND (array_position(http_allow_hosts, NULL::text) IS NULL) AND agents.fn_host_patterns_valid(http_allow_hosts))),
  constraint tool_profiles_name_length CHECK (((char_length(btrim(name)) >= 1) AND (char_length(btrim(name)) <= 80))),
  constraint tool_profiles_no_null_entries CHECK (((array_position(allow_tools, NULL::text) IS NULL) AND (array_position(deny_tools, NULL::text) IS NULL) AND (array_position(tool_groups, NULL::text) IS NULL))),
  constraint tool_profiles_provider_overrides_shape CHECK ((agents.fn_tool_provider_overrides_errors(provider_overrides) = ARRAY[]::text[])),
  constraint tool_profiles_ai_lenser_id_fkey FOREIGN KEY (ai_lenser_id) REFERENCES agents.ai_lensers(id) ON DELETE CASCADE
);

alter table agents.tool_profiles enable row level security;
comment on table agents.tool_profiles is 'Which tools an agent may call: a tool is allowed when its key is in allow_tools or its group in tool_groups, and not in deny_tools (deny wins). requires_approval makes every call wait for an owner.';
comment on column agents.tool_profiles.http_allow_hosts is 'Hosts the HTTP tools (http_get, http_post, custom HTTP tools) may reach: exact names or *.example.com; empty: any public host.';
comment on column agents.tool_profiles.http_allow_private_network is 'When true the HTTP tools may reach loopback, private and link-local addresses (SSRF guard off; for local development).';
comment on column agents.tool_profiles.provider_overrides is 'Per tool key: {provider?, timeoutMs?, maxCallsPerRun?} (types/profiles.ts ToolProviderOverrides).';

create index tool_profiles_agent_idx on agents.tool_profiles using btree (ai_lenser_id);

create unique index tool_profiles_name_key on agents.tool_profiles using btree (ai_lenser_id, lower(name));

create unique index tool_profiles_one_default on agents.tool_profiles using btree (ai_lenser_id) where is_default;

create policy tool_profiles_delete on agents.tool_profiles
  as permissive for delete to authenticated
  using (( SELECT agents.can_manage_ai_lenser(tool_profiles.ai_lenser_id) AS can_manage_ai_lenser));

create policy tool_profiles_insert on agents.tool_profiles
  as permissive for insert to authenticated
  with check (( SELECT agents.can_manage_ai_lenser(tool_profiles.ai_lenser_id) AS can_manage_ai_lenser));

create policy tool_profiles_select on agents.tool_profiles
  as permissive for select to authenticated
  using (( SELECT agents.can_operate_ai_lenser(tool_profiles.ai_lenser_id) AS can_operate_ai_lenser));

create policy tool_profiles_update on agents.tool_profiles
  as permissive for update to authenticated
  using (( SELECT agents.can_manage_ai_lenser(tool_profiles.ai_lenser_id) AS can_manage_ai_lenser))
  with check (( SELECT agents.can_manage_ai_lenser(tool_profiles.ai_lenser_id) AS can_manage_ai_lenser));

create trigger tool_profiles_agent_fixed before update on agents.tool_profiles for each row execute procedure agents.tg_profiles_agent_fixed();

create trigger tool_profiles_known_tools before insert or update of allow_tools, deny_tools, tool_groups, provider_overrides on agents.tool_profiles for each row execute procedure agents.tg_tool_profiles_known_tools();

create trigger tool_profiles_set_updated_at before update on agents.tool_profiles for each row execute procedure lensers.tg_set_updated_at();

create trigger tool_profiles_config_version after insert or update on agents.tool_profiles for each row execute procedure agents.tg_tier_config_version('tool_profile');

grant select, delete on table agents.tool_profiles to authenticated;
grant all on table agents.tool_profiles to service_role;
grant insert (ai_lenser_id) on table agents.tool_profiles to authenticated;
grant insert (name), update (name) on table agents.tool_profiles to authenticated;
grant insert (allow_tools), update (allow_tools) on table agents.tool_profiles to authenticated;
grant insert (deny_tools), update (deny_tools) on table agents.tool_profiles to authenticated;
grant insert (tool_groups), update (tool_groups) on table agents.tool_profiles to authenticated;
grant insert (provider_overrides), update (provider_overrides) on table agents.tool_profiles to authenticated;
grant insert (requires_approval), update (requires_approval) on table agents.tool_profiles to authenticated;
grant insert (is_default), update (is_default) on table agents.tool_profiles to authenticated;
grant insert (http_allow_hosts), update (http_allow_hosts) on table agents.tool_profiles to authenticated;
grant insert (http_allow_private_network), update (http_allow_private_network) on table agents.tool_profiles to authenticated;

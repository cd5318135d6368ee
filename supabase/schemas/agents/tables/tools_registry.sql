create table agents.tools_registry (
  id uuid default gen_random_uuid() not null,
  key text not null,
  name text not null,
  description text not null,
  input_schema jsonb default '{"type": "object", "properties": {}}'::jsonb not null,
  egress_class agents.tool_egress_class not null,
  requires_approval boolean default false not null,
  tool_group text not null,
  enabled boolean default true not null,
  settings jsonb default '{}'::jsonb not null,
  owner_id uuid,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint tools_registry_pkey PRIMARY KEY (id),
  constraint tools_registry_key_key UNIQUE (key),
  constraint tools_registry_custom_is_http CHECK (((owner_id IS NULL) OR ((egress_class = ANY (ARRAY['external_read'::agents.tool_egress_class, 'external_write'::agents.tool_egress_class])) AND (tool_group = 'custom'::text) AND (jsonb_typeof((settings -> 'url'::text)) = 'string'::text) AND (jsonb_typeof((settings -> 'secret_env'::text)) = 'string'::text)))),
  constraint tools_registry_owner_id_fkey FOREIGN KEY (owner_id) REFERENCES lensers.profiles(id) ON DELETE CASCADE,
  constraint tools_registry_settings_object CHECK (((jsonb_typeof(settings) = 'object'::text) AND (octet_length((settings)::text) <= 8192))),
  constraint tools_registry_description_length CHECK (((char_length(btrim(description)) >= 1) AND (char_length(btrim(description)) <= 2000))),
  constraint tools_registry_external_write_needs_approval CHECK (((egress_class <> 'external_write'::agents.tool_egress_class) OR requires_approval)),
  constraint tools_registry_group_slug CHECK ((tool_group ~ '^[a-z][a-z0-9_]{1,62}$'::text)),
  constraint tools_registry_input_schema_object CHECK (((jsonb_typeof(input_schema) = 'object'::text) AND ((input_schema ->> 'type'::text) = 'object'::text) AND ((NOT (input_schema ? 'properties'::text)) OR (jsonb_typeof((input_schema -> 'properties'::text)) = 'object'::text)) AND ((NOT (input_schema ? 'required'::text)) OR (jsonb_typeof((input_schema -> 'required'::text)) = 'array'::text)))),
  constraint tools_registry_key_slug CHECK ((key ~ '^[a-z][a-z0-9_]{1,62}$'::text)),
  constraint tools_registry_name_length CHECK (((char_length(btrim(name)) >= 1) AND (char_length(btrim(name)) <= 120)))
);

alter table agents.tools_registry enable row level security;
comment on table agents.tools_registry is 'Tools agents may call. Tool profiles allow or deny them by key or tool_group.';
comment on column agents.tools_registry.egress_class is 'How far the tool reaches: none (pure computation), internal (this project''s data), external_read, external_write.';
comment on column agents.tools_registry.requires_approval is 'When true every invocation waits for an owner''s approval, whatever the tool profile says.';

create index tools_registry_owner_idx on agents.tools_registry using btree (owner_id);

create index tools_registry_group_idx on agents.tools_registry using btree (tool_group);

create policy tools_registry_read on agents.tools_registry
  as permissive for select to authenticated
  using (((owner_id IS NULL) OR (owner_id = ( SELECT lensers.current_profile_id() AS current_profile_id))));

create trigger tools_registry_set_updated_at before update on agents.tools_registry for each row execute procedure lensers.tg_set_updated_at();

grant select on table agents.tools_registry to authenticated;
grant all on table agents.tools_registry to service_role;
comment on column agents.tools_registry.settings is 'Operator settings the tool runs with (web_search: {engine, base_url, api_key_env}); names of secrets, never secrets.';
comment on column agents.tools_registry.owner_id is 'Null for a built-in tool; the human who registered a custom HTTP tool (only agents they own or co-own may use it).';

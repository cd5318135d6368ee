create table lenses.tools (
  id uuid default gen_random_uuid() not null,
  key text not null,
  name text not null,
  category lenses.tool_category not null,
  type lenses.param_type not null,
  description text not null,
  default_config jsonb default '{}'::jsonb not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint tools_pkey PRIMARY KEY (id),
  constraint tools_id_type_key UNIQUE (id, type),
  constraint tools_key_key UNIQUE (key),
  constraint tools_default_config_shape CHECK ((cardinality(lenses.fn_param_config_errors(type, default_config, false)) = 0)),
  constraint tools_description_length CHECK (((char_length(description) >= 1) AND (char_length(description) <= 500))),
  constraint tools_key_slug CHECK ((key ~ '^[a-z][a-z0-9_]{1,39}$'::text)),
  constraint tools_name_length CHECK (((char_length(btrim(name)) >= 1) AND (char_length(btrim(name)) <= 80)))
);

alter table lenses.tools enable row level security;
comment on table lenses.tools is 'Parameter type registry: what a [[label]] in a lens template can be bound to.';

create policy tools_read on lenses.tools
  as permissive for select to authenticated
  using (true);

create policy tools_read_anon on lenses.tools
  as permissive for select to anon
  using (true);

create trigger tools_set_updated_at before update on lenses.tools for each row execute procedure lensers.tg_set_updated_at();

grant select on table lenses.tools to anon, authenticated;
grant all on table lenses.tools to service_role;

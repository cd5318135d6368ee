create table lenses.version_parameters (
  id uuid default gen_random_uuid() not null,
  version_id uuid not null,
  tool_id uuid not null,
  param_type lenses.param_type not null,
  label text not null,
  display_name text not null,
  required boolean default false not null,
  default_value jsonb,
  config jsonb default '{}'::jsonb not null,
  sort_order integer default 0 not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint version_parameters_pkey PRIMARY KEY (id),
  constraint version_parameters_label_per_version UNIQUE (version_id, label),
  constraint version_parameters_config_shape CHECK ((cardinality(lenses.fn_param_config_errors(param_type, config, true)) = 0)),
  constraint version_parameters_display_name_length CHECK (((char_length(btrim(display_name)) >= 1) AND (char_length(btrim(display_name)) <= 120))),
  constraint version_parameters_label_identifier CHECK ((label ~ '^[A-Za-z_][A-Za-z0-9_]{0,62}$'::text)),
  constraint version_parameters_sort_order CHECK (((sort_order >= 0) AND (sort_order <= 10000))),
  constraint version_parameters_tool_fk FOREIGN KEY (tool_id, param_type) REFERENCES lenses.tools(id, type),
  constraint version_parameters_version_id_fkey FOREIGN KEY (version_id) REFERENCES lenses.versions(id) ON DELETE CASCADE
);

alter table lenses.version_parameters enable row level security;
comment on table lenses.version_parameters is 'One row per [[label]] of a version: its tool (type), display name, required flag, default and config.';
comment on column lenses.version_parameters.default_value is 'Used when a render gives no value; null for none. Type-checked like a rendered value.';
comment on column lenses.version_parameters.config is 'types/param-config.ts for the type; overlays the tool''s default_config (effective config = tool default || this).';

create index version_parameters_tool_idx on lenses.version_parameters using btree (tool_id, param_type);

create policy version_parameters_delete on lenses.version_parameters
  as permissive for delete to authenticated
  using ((version_id IN ( SELECT v.id
   FROM (lenses.versions v
     JOIN lenses.lenses l ON ((l.id = v.lens_id)))
  WHERE (l.lenser_id IN ( SELECT lensers.editable_profile_ids() AS editable_profile_ids)))));

create policy version_parameters_insert on lenses.version_parameters
  as permissive for insert to authenticated
  with check ((version_id IN ( SELECT v.id
   FROM (lenses.versions v
     JOIN lenses.lenses l ON ((l.id = v.lens_id)))
  WHERE (l.lenser_id IN ( SELECT lensers.editable_profile_ids() AS editable_profile_ids)))));

create policy version_parameters_select on lenses.version_parameters
  as permissive for select to authenticated
  using ((version_id IN ( SELECT v.id
   FROM lenses.versions v)));

create policy version_parameters_select_anon on lenses.version_parameters
  as permissive for select to anon
  using ((version_id IN ( SELECT v.id
   FROM lenses.versions v)));

create policy version_parameters_update on lenses.version_parameters
  as permissive for update to authenticated
  using ((version_id IN ( SELECT v.id
   FROM (lenses.versions v
     JOIN lenses.lenses l ON ((l.id = v.lens_id)))
  WHERE (l.lenser_id IN ( SELECT lensers.editable_profile_ids() AS editable_profile_ids)))))
  with check ((version_id IN ( SELECT v.id
   FROM (lenses.versions v
     JOIN lenses.lenses l ON ((l.id = v.lens_id)))
  WHERE (l.lenser_id IN ( SELECT lensers.editable_profile_ids() AS editable_profile_ids)))));

create trigger version_parameters_guard before insert or delete or update on lenses.version_parameters for each row execute procedure lenses.tg_version_parameters_guard();

create trigger version_parameters_set_updated_at before update on lenses.version_parameters for each row execute procedure lensers.tg_set_updated_at();

grant select on table lenses.version_parameters to anon;
grant select, delete on table lenses.version_parameters to authenticated;
grant all on table lenses.version_parameters to service_role;
grant insert (version_id) on table lenses.version_parameters to authenticated;
grant insert (tool_id), update (tool_id) on table lenses.version_parameters to authenticated;
grant insert (label), update (label) on table lenses.version_parameters to authenticated;
grant insert (display_name), update (display_name) on table lenses.version_parameters to authenticated;
grant insert (required), update (required) on table lenses.version_parameters to authenticated;
grant insert (default_value), update (default_value) on table lenses.version_parameters to authenticated;
grant insert (config), update (config) on table lenses.version_parameters to authenticated;
grant insert (sort_order), update (sort_order) on table lenses.version_parameters to authenticated;

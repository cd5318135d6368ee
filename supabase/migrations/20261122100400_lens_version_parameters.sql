-- lenses.version_parameters: binds each [[label]] of a version's template to a tool (a parameter
-- type) with a display name, a required flag, a default and a config. param_type is the tool's
-- type, copied by the insert trigger and kept equal by a composite foreign key, so the config can be
-- checked by a CHECK constraint and the renderer needs no join. Default values are type-checked
-- with the same normaliser the renderer uses (lenses.fn_param_value_error, next migration).
-- A version's parameters change only while the version is a draft.

create table lenses.version_parameters (
  id uuid primary key default gen_random_uuid(),
  version_id uuid not null references lenses.versions (id) on delete cascade,
  tool_id uuid not null,
  param_type lenses.param_type not null,
  label text not null,
  display_name text not null,
  required boolean not null default false,
  default_value jsonb,
  config jsonb not null default '{}',
  sort_order integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint version_parameters_tool_fk foreign key (tool_id, param_type) references lenses.tools (id, type),
  constraint version_parameters_label_per_version unique (version_id, label),
  constraint version_parameters_label_identifier check (label ~ '^[A-Za-z_][A-Za-z0-9_]{0,62}$'),
  constraint version_parameters_display_name_length check (char_length(btrim(display_name)) between 1 and 120),
  constraint version_parameters_config_shape check (cardinality(lenses.fn_param_config_errors(param_type, config, true)) = 0),
  constraint version_parameters_sort_order check (sort_order between 0 and 10000)
);
comment on table lenses.version_parameters is
  'One row per [[label]] of a version: its tool (type), display name, required flag, default and config.';
comment on column lenses.version_parameters.default_value is
  'Used when a render gives no value; null for none. Type-checked like a rendered value.';
comment on column lenses.version_parameters.config is
  'types/param-config.ts for the type; overlays the tool''s default_config (effective config = tool default || this).';

create index version_parameters_tool_idx on lenses.version_parameters (tool_id, param_type);

create trigger version_parameters_set_updated_at before update on lenses.version_parameters
  for each row execute function lensers.tg_set_updated_at();

-- Draft-only changes, the tool's type, and a default that renders.
create function lenses.tg_version_parameters_guard() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_version_id uuid := case when tg_op = 'DELETE' then old.version_id else new.version_id end;
  v_status lenses.lens_status;
  v_tool lenses.tools;
  v_error text;
begin
  select v.status into v_status from lenses.versions v where v.id = v_version_id;
  if found and v_status <> 'draft' then
    raise exception 'version_parameters: version % is %; its parameters cannot change', v_version_id, v_status
      using errcode = '23514';
  end if;
  if tg_op = 'UPDATE' and old.version_id <> new.version_id then
    if exists (select 1 from lenses.versions v where v.id = old.version_id and v.status <> 'draft') then
      raise exception 'version_parameters: version % is not a draft; its parameters cannot change', old.version_id
        using errcode = '23514';
    end if;
  end if;
  if tg_op = 'DELETE' then
    return old;
  end if;

  select t.* into v_tool from lenses.tools t where t.id = new.tool_id;
  if not found then
    raise exception 'version_parameters: tool % does not exist', new.tool_id using errcode = '23503';
  end if;
  if tg_op = 'INSERT' or new.tool_id is distinct from old.tool_id then
    new.param_type := v_tool.type;
  end if;
  if new.default_value = 'null'::jsonb then
    new.default_value := null;
  end if;
  if new.default_value is not null then
    v_error := lenses.fn_param_value_error(new.label, new.param_type, v_tool.default_config || new.config, new.default_value);
    if v_error is not null then
      raise exception 'version_parameters: default_value of %', v_error using errcode = '23514';
    end if;
  end if;
  return new;
end
$$;

create trigger version_parameters_guard before insert or update or delete on lenses.version_parameters
  for each row execute function lenses.tg_version_parameters_guard();

alter table lenses.version_parameters enable row level security;

-- Readable wherever the version is (the subquery runs under the versions policies).
create policy version_parameters_select_anon on lenses.version_parameters
  for select to anon
  using (version_id in (select v.id from lenses.versions v));
create policy version_parameters_select on lenses.version_parameters
  for select to authenticated
  using (version_id in (select v.id from lenses.versions v));
create policy version_parameters_insert on lenses.version_parameters
  for insert to authenticated
  with check (version_id in (
    select v.id from lenses.versions v join lenses.lenses l on l.id = v.lens_id
    where l.lenser_id in (select lensers.editable_profile_ids())));
create policy version_parameters_update on lenses.version_parameters
  for update to authenticated
  using (version_id in (
    select v.id from lenses.versions v join lenses.lenses l on l.id = v.lens_id
    where l.lenser_id in (select lensers.editable_profile_ids())))
  with check (version_id in (
    select v.id from lenses.versions v join lenses.lenses l on l.id = v.lens_id
    where l.lenser_id in (select lensers.editable_profile_ids())));
create policy version_parameters_delete on lenses.version_parameters
  for delete to authenticated
  using (version_id in (
    select v.id from lenses.versions v join lenses.lenses l on l.id = v.lens_id
    where l.lenser_id in (select lensers.editable_profile_ids())));

grant select on lenses.version_parameters to anon, authenticated;
grant insert (version_id, tool_id, label, display_name, required, default_value, config, sort_order)
  on lenses.version_parameters to authenticated;
grant update (tool_id, label, display_name, required, default_value, config, sort_order) on lenses.version_parameters to authenticated;
grant delete on lenses.version_parameters to authenticated;
grant all on lenses.version_parameters to service_role;

revoke execute on function lenses.tg_version_parameters_guard() from public;

-- Draft-only changes, the tool's type, and a default that renders.
create or replace function lenses.tg_version_parameters_guard()
 returns trigger
 language plpgsql
 set search_path to ''
as $function$
declare
  v_version_id uuid := case when tg_op = 'DELETE' then old.version_id else new.version_id end;
  v_status lenses.lens_status;
  v_tool lenses.tools;
  v_error text;
begin
  select v.status into v_status from lenses.versions v where v.id = v_version_id;
  if found and v_status <> 'draft' then
    raise exception 'version_parameters: version % is %; its parameters cannot change', v_version_id, v_status
      using errcode = 'PT409';
  end if;
  if tg_op = 'UPDATE' and old.version_id <> new.version_id then
    if exists (select 1 from lenses.versions v where v.id = old.version_id and v.status <> 'draft') then
      raise exception 'version_parameters: version % is not a draft; its parameters cannot change', old.version_id
        using errcode = 'PT409';
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
$function$;

revoke all on function lenses.tg_version_parameters_guard() from public;

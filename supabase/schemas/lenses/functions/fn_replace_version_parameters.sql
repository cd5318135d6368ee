-- Replaces a draft version's parameters after checking every item of p_parameters (nothing is
-- written when one is bad).
create or replace function lenses.fn_replace_version_parameters(p_rpc text, p_version_id uuid, p_parameters jsonb)
 returns void
 language plpgsql
 set search_path to ''
as $function$
declare
  v_item jsonb;
  v_index integer := 0;
  v_where text;
  v_key text;
  v_tool lenses.tools;
  v_errors text[];
  v_error text;
  v_labels text[] := '{}'::text[];
  v_rows jsonb := '[]'::jsonb;
begin
  if p_parameters is null or jsonb_typeof(p_parameters) <> 'array' then
    raise exception '%: p_parameters must be a JSON array of parameters', p_rpc using errcode = '22023';
  end if;
  if jsonb_array_length(p_parameters) > 100 then
    raise exception '%: p_parameters has more than 100 parameters', p_rpc using errcode = '22023';
  end if;
  for v_item in select e from jsonb_array_elements(p_parameters) e loop
    v_where := format('%s: p_parameters[%s]', p_rpc, v_index);
    if jsonb_typeof(v_item) <> 'object' then
      raise exception '% must be an object', v_where using errcode = '22023';
    end if;
    for v_key in select k from jsonb_object_keys(v_item) k order by k loop
      if v_key not in ('label', 'tool_key', 'display_name', 'required', 'default_value', 'config', 'sort_order') then
        raise exception '% has an unknown key "%" (allowed: label, tool_key, display_name, required, default_value, config, sort_order)',
          v_where, v_key using errcode = '22023';
      end if;
    end loop;
    if jsonb_typeof(v_item -> 'label') is distinct from 'string' or (v_item ->> 'label') !~ '^[A-Za-z_][A-Za-z0-9_]{0,62}$' then
      raise exception '%.label must be an identifier (letters, digits, _; at most 63), got %', v_where,
        coalesce((v_item -> 'label')::text, 'nothing') using errcode = '22023';
    end if;
    if (v_item ->> 'label') = any (v_labels) then
      raise exception '%.label "%" is used twice', v_where, v_item ->> 'label' using errcode = '22023';
    end if;
    v_labels := v_labels || (v_item ->> 'label');
    select t.* into v_tool from lenses.tools t where t.key = v_item ->> 'tool_key';
    if not found then
      raise exception '%.tool_key % is not a known tool (see list_lens_tools)', v_where,
        coalesce((v_item -> 'tool_key')::text, 'is missing; it') using errcode = '22023';
    end if;
    if v_item ? 'display_name' and (jsonb_typeof(v_item -> 'display_name') <> 'string'
                                   or char_length(btrim(v_item ->> 'display_name')) not between 1 and 120) then
      raise exception '%.display_name must be a string of 1 to 120 characters', v_where using errcode = '22023';
    end if;
    if v_item ? 'required' and jsonb_typeof(v_item -> 'required') <> 'boolean' then
      raise exception '%.required must be true or false', v_where using errcode = '22023';
    end if;
    if v_item ? 'sort_order' and (jsonb_typeof(v_item -> 'sort_order') <> 'number'
        or lenses.fn_jsonb_numeric(v_item -> 'sort_order') <> trunc(lenses.fn_jsonb_numeric(v_item -> 'sort_order'))
        or lenses.fn_jsonb_numeric(v_item -> 'sort_order') not between 0 and 10000) then
      raise exception '%.sort_order must be a whole number from 0 to 10000', v_where using errcode = '22023';
    end if;
    v_errors := lenses.fn_param_config_errors(v_tool.type, coalesce(v_item -> 'config', '{}'::jsonb), true);
    if cardinality(v_errors) > 0 then
      raise exception '%.config is not valid for tool % (%): %', v_where, v_tool.key, v_tool.type, array_to_string(v_errors, '; ')
        using errcode = '22023';
    end if;
    if nullif(v_item -> 'default_value', 'null'::jsonb) is not null then
      v_error := lenses.fn_param_value_error(v_item ->> 'label', v_tool.type,
        v_tool.default_config || coalesce(v_item -> 'config', '{}'::jsonb), v_item -> 'default_value');
      if v_error is not null then
        raise exception '%.default_value: %', v_where, v_error using errcode = '22023';
      end if;
    end if;
    v_rows := v_rows || jsonb_build_object(
      'tool_id', v_tool.id,
      'label', v_item ->> 'label',
      'display_name', coalesce(btrim(v_item ->> 'display_name'), v_item ->> 'label'),
      'required', coalesce((v_item ->> 'required')::boolean, false),
      'default_value', nullif(v_item -> 'default_value', 'null'::jsonb),
      'config', coalesce(v_item -> 'config', '{}'::jsonb),
      'sort_order', coalesce((v_item ->> 'sort_order')::integer, v_index));
    v_index := v_index + 1;
  end loop;

  delete from lenses.version_parameters vp where vp.version_id = p_version_id;
  insert into lenses.version_parameters (version_id, tool_id, label, display_name, required, default_value, config, sort_order)
  select p_version_id, (r ->> 'tool_id')::uuid, r ->> 'label', r ->> 'display_name', (r ->> 'required')::boolean,
    r -> 'default_value', r -> 'config', (r ->> 'sort_order')::integer
  from jsonb_array_elements(v_rows) r;
end
$function$;

revoke all on function lenses.fn_replace_version_parameters(p_rpc text, p_version_id uuid, p_parameters jsonb) from public;
grant execute on function lenses.fn_replace_version_parameters(p_rpc text, p_version_id uuid, p_parameters jsonb) to authenticated, service_role;

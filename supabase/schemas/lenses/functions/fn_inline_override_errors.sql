-- Inline override shape.
create or replace function lenses.fn_inline_override_errors(p_override jsonb)
 returns text[]
 language plpgsql
 immutable
 set search_path to ''
as $function$
declare
  v_errors text[] := '{}'::text[];
  v_key text;
  v_param jsonb;
  v_index integer := 0;
  v_where text;
  v_type lenses.param_type;
  v_labels text[] := '{}'::text[];
begin
  if p_override is null or jsonb_typeof(p_override) <> 'object' then
    return array['inline override must be a JSON object'];
  end if;
  for v_key in select k from jsonb_object_keys(p_override) k order by k loop
    if v_key not in ('template_body', 'input_contract', 'output_contract', 'instruction_category', 'parameters') then
      v_errors := v_errors || format('inline override has an unknown key "%s" (allowed: template_body, input_contract, output_contract, instruction_category, parameters)', v_key);
    end if;
  end loop;
  if jsonb_typeof(p_override -> 'template_body') is distinct from 'string'
     or char_length(p_override ->> 'template_body') not between 1 and 100000 then
    v_errors := v_errors || 'inline override template_body must be a string of 1 to 100000 characters'::text;
  end if;
  if nullif(p_override -> 'input_contract', 'null'::jsonb) is not null then
    v_errors := v_errors || lenses.fn_contract_errors(p_override -> 'input_contract', 'input');
  end if;
  if nullif(p_override -> 'output_contract', 'null'::jsonb) is not null then
    v_errors := v_errors || lenses.fn_contract_errors(p_override -> 'output_contract', 'output');
  end if;
  if p_override ? 'instruction_category' and (jsonb_typeof(p_override -> 'instruction_category') <> 'string'
      or not (p_override ->> 'instruction_category') = any (enum_range(null::lenses.instruction_category)::text[])) then
    v_errors := v_errors || format('inline override instruction_category must be one of %s',
      array_to_string(enum_range(null::lenses.instruction_category)::text[], ', '));
  end if;
  if p_override ? 'parameters' then
    if jsonb_typeof(p_override -> 'parameters') <> 'array' then
      v_errors := v_errors || 'inline override parameters must be an array'::text;
    else
      if jsonb_array_length(p_override -> 'parameters') > 100 then
        v_errors := v_errors || 'inline override has more than 100 parameters'::text;
      end if;
      for v_param in select p from jsonb_array_elements(p_override -> 'parameters') p loop
        v_where := format('inline override parameters[%s]', v_index);
        v_index := v_index + 1;
        if jsonb_typeof(v_param) <> 'object' then
          v_errors := v_errors || format('%s must be an object', v_where);
          continue;
        end if;
        for v_key in select k from jsonb_object_keys(v_param) k order by k loop
          if v_key not in ('label', 'type', 'required', 'display_name', 'default_value', 'config') then
            v_errors := v_errors || format('%s has an unknown key "%s" (allowed: label, type, required, display_name, default_value, config)', v_where, v_key);
          end if;
        end loop;
        if jsonb_typeof(v_param -> 'label') is distinct from 'string' or (v_param ->> 'label') !~ '^[A-Za-z_][A-Za-z0-9_]{0,62}$' then
          v_errors := v_errors || format('%s.label must be an identifier (letters, digits, _; at most 63)', v_where);
        elsif (v_param ->> 'label') = any (v_labels) then
          v_errors := v_errors || format('%s.label "%s" is used twice', v_where, v_param ->> 'label');
        else
          v_labels := v_labels || (v_param ->> 'label');
        end if;
        v_type := null;
        if jsonb_typeof(v_param -> 'type') is distinct from 'string'
           or not (v_param ->> 'type') = any (enum_range(null::lenses.param_type)::text[]) then
          v_errors := v_errors || format('%s.type must be one of %s', v_where, array_to_string(enum_range(null::lenses.param_type)::text[], ', '));
        else
          v_type := (v_param ->> 'type')::lenses.param_type;
        end if;
        if v_param ? 'required' and jsonb_typeof(v_param -> 'required') <> 'boolean' then
          v_errors := v_errors || format('%s.required must be true or false', v_where);
        end if;
        if v_param ? 'display_name' and (jsonb_typeof(v_param -> 'display_name') <> 'string'
                                         or char_length(btrim(v_param ->> 'display_name')) not between 1 and 120) then
          v_errors := v_errors || format('%s.display_name must be a string of 1 to 120 characters', v_where);
        end if;
        if v_type is not null then
          v_errors := v_errors || (select coalesce(array_agg(format('%s.config: %s', v_where, e)), '{}')
                                   from unnest(lenses.fn_param_config_errors(v_type, coalesce(v_param -> 'config', '{}'::jsonb), true)) e);
        end if;
      end loop;
    end if;
  end if;
  return v_errors;
end
$function$;

comment on function lenses.fn_inline_override_errors(p_override jsonb) is 'Errors in a workflow node inline override (empty when valid); the SQL twin of types/workflow-node-config.ts InlineOverride.';

revoke all on function lenses.fn_inline_override_errors(p_override jsonb) from public;
grant execute on function lenses.fn_inline_override_errors(p_override jsonb) to anon, authenticated, service_role;

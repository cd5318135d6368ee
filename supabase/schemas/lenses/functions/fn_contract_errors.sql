create or replace function lenses.fn_contract_errors(p_contract jsonb, p_kind text)
 returns text[]
 language plpgsql
 immutable
 set search_path to ''
as $function$
declare
  v_errors text[] := '{}'::text[];
  v_allowed text[];
  v_key text;
  v_field jsonb;
  v_index integer := 0;
  v_where text;
begin
  if p_kind is null or p_kind not in ('input', 'output') then
    raise exception 'fn_contract_errors: p_kind must be input or output, got %', coalesce(p_kind, 'null')
      using errcode = '22023';
  end if;
  if p_contract is null or jsonb_typeof(p_contract) <> 'object' then
    return array[format('%s contract must be a JSON object', p_kind)];
  end if;
  v_allowed := case p_kind when 'input' then array['kind', 'fields'] else array['kind', 'artifactKind', 'fields'] end;
  for v_key in select k from jsonb_object_keys(p_contract) k order by k loop
    if not v_key = any (v_allowed) then
      v_errors := v_errors || format('%s contract has an unknown key "%s" (allowed: %s)', p_kind, v_key, array_to_string(v_allowed, ', '));
    end if;
  end loop;

  if not p_contract ? 'kind' then
    v_errors := v_errors || format('%s contract must declare kind (text or json)', p_kind);
  elsif jsonb_typeof(p_contract -> 'kind') <> 'string'
        or not (p_contract ->> 'kind') = any (enum_range(null::lenses.contract_kind)::text[]) then
    v_errors := v_errors || format('%s contract kind must be text or json, got %s', p_kind, p_contract -> 'kind');
  end if;

  if p_kind = 'output' then
    if not p_contract ? 'artifactKind' then
      v_errors := v_errors || 'output contract must declare artifactKind'::text;
    elsif jsonb_typeof(p_contract -> 'artifactKind') <> 'string'
          or not (p_contract ->> 'artifactKind') = any (enum_range(null::lenses.artifact_kind)::text[]) then
      v_errors := v_errors || format('output contract artifactKind must be one of %s, got %s',
        array_to_string(enum_range(null::lenses.artifact_kind)::text[], ', '), p_contract -> 'artifactKind');
    end if;
  end if;

  if p_contract ? 'fields' then
    if jsonb_typeof(p_contract -> 'fields') <> 'array' then
      v_errors := v_errors || format('%s contract fields must be an array', p_kind);
    else
      if jsonb_array_length(p_contract -> 'fields') > 100 then
        v_errors := v_errors || format('%s contract has more than 100 fields', p_kind);
      end if;
      for v_field in select f from jsonb_array_elements(p_contract -> 'fields') f loop
        v_where := format('%s contract fields[%s]', p_kind, v_index);
        v_index := v_index + 1;
        if jsonb_typeof(v_field) <> 'object' then
          v_errors := v_errors || format('%s must be an object', v_where);
          continue;
        end if;
        for v_key in select k from jsonb_object_keys(v_field) k order by k loop
          if v_key not in ('name', 'type', 'required', 'description') then
            v_errors := v_errors || format('%s has an unknown key "%s" (allowed: name, type, required, description)', v_where, v_key);
          end if;
        end loop;
        if jsonb_typeof(v_field -> 'name') is distinct from 'string' or (v_field ->> 'name') !~ '^[A-Za-z_][A-Za-z0-9_]{0,62}$' then
          v_errors := v_errors || format('%s.name must be an identifier (letters, digits, _; at most 63)', v_where);
        end if;
        if jsonb_typeof(v_field -> 'type') is distinct from 'string'
           or not (v_field ->> 'type') = any (enum_range(null::lenses.contract_field_type)::text[]) then
          v_errors := v_errors || format('%s.type must be one of %s', v_where,
            array_to_string(enum_range(null::lenses.contract_field_type)::text[], ', '));
        end if;
        if jsonb_typeof(v_field -> 'required') is distinct from 'boolean' then
          v_errors := v_errors || format('%s.required must be true or false', v_where);
        end if;
        if v_field ? 'description' and (jsonb_typeof(v_field -> 'description') <> 'string'
                                        or char_length(v_field ->> 'description') > 500) then
          v_errors := v_errors || format('%s.description must be a string of at most 500 characters', v_where);
        end if;
      end loop;
      if (select count(distinct f ->> 'name') from jsonb_array_elements(p_contract -> 'fields') f
          where jsonb_typeof(f) = 'object' and jsonb_typeof(f -> 'name') = 'string')
         < (select count(*) from jsonb_array_elements(p_contract -> 'fields') f
            where jsonb_typeof(f) = 'object' and jsonb_typeof(f -> 'name') = 'string') then
        v_errors := v_errors || format('%s contract field names must be unique', p_kind);
      end if;
      if p_contract ->> 'kind' = 'text' and jsonb_array_length(p_contract -> 'fields') > 0 then
        v_errors := v_errors || format('%s contract of kind text has no fields (its value is { text })', p_kind);
      end if;
    end if;
  end if;
  return v_errors;
end
$function$;

comment on function lenses.fn_contract_errors(p_contract jsonb, p_kind text) is 'Errors in an input or output contract (empty when valid); the SQL twin of types/contracts.ts.';

revoke all on function lenses.fn_contract_errors(p_contract jsonb, p_kind text) from public;
grant execute on function lenses.fn_contract_errors(p_contract jsonb, p_kind text) to anon, authenticated, service_role;

-- Errors (empty when none) of a value against a contract; a null contract accepts any object.
create or replace function lenses.fn_contract_value_errors(p_contract jsonb, p_value jsonb)
 returns text[]
 language plpgsql
 immutable
 set search_path to ''
as $function$
declare
  v_errors text[] := '{}'::text[];
  v_field jsonb;
  v_item jsonb;
begin
  if p_value is null or jsonb_typeof(p_value) <> 'object' then
    return array['the value must be a JSON object'];
  end if;
  if p_contract is null then
    return v_errors;
  end if;
  if p_contract ->> 'kind' = 'text' then
    if jsonb_typeof(p_value -> 'text') is distinct from 'string' then
      v_errors := v_errors || 'a text value needs a string field "text"'::text;
    end if;
    return v_errors;
  end if;
  for v_field in select jsonb_array_elements(coalesce(p_contract -> 'fields', '[]')) loop
    v_item := p_value -> (v_field ->> 'name');
    if v_item is null or jsonb_typeof(v_item) = 'null' then
      if (v_field ->> 'required')::boolean then
        v_errors := v_errors || format('missing required field "%s"', v_field ->> 'name');
      end if;
    elsif not lenses.fn_json_type_matches(v_item, v_field ->> 'type') then
      v_errors := v_errors || format('field "%s" must be %s, got %s', v_field ->> 'name', v_field ->> 'type', jsonb_typeof(v_item));
    end if;
  end loop;
  return v_errors;
end
$function$;

comment on function lenses.fn_contract_value_errors(p_contract jsonb, p_value jsonb) is 'The reasons a value does not satisfy a contract (text: { text: string }; json: required fields of the declared types).';

revoke all on function lenses.fn_contract_value_errors(p_contract jsonb, p_value jsonb) from public;
grant execute on function lenses.fn_contract_value_errors(p_contract jsonb, p_value jsonb) to authenticated, service_role;

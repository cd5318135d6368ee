create or replace function lenses.fn_json_type_matches(p_value jsonb, p_type text)
 returns boolean
 language plpgsql
 immutable
 set search_path to ''
as $function$
begin
  return case p_type
    when 'string' then jsonb_typeof(p_value) = 'string'
    when 'number' then jsonb_typeof(p_value) = 'number'
    when 'integer' then jsonb_typeof(p_value) = 'number' and (p_value #>> '{}')::numeric = trunc((p_value #>> '{}')::numeric)
    when 'boolean' then jsonb_typeof(p_value) = 'boolean'
    when 'object' then jsonb_typeof(p_value) = 'object'
    when 'array' then jsonb_typeof(p_value) = 'array'
    else false
  end;
end
$function$;

revoke all on function lenses.fn_json_type_matches(p_value jsonb, p_type text) from public;
grant execute on function lenses.fn_json_type_matches(p_value jsonb, p_type text) to authenticated, service_role;

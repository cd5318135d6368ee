-- A JSON number as numeric, or null when the value is not a number.
create or replace function agents.fn_json_number(p_value jsonb)
 returns numeric
 language sql
 immutable
 set search_path to ''
as $function$
  select case when jsonb_typeof(p_value) = 'number' then (p_value #>> '{}')::numeric end
$function$;

revoke all on function agents.fn_json_number(p_value jsonb) from public;
grant execute on function agents.fn_json_number(p_value jsonb) to authenticated, service_role;

create or replace function agents.fn_json_is_guid(p_value jsonb)
 returns boolean
 language sql
 immutable
 set search_path to ''
as $function$
  select coalesce(jsonb_typeof(p_value) = 'string'
    and (p_value #>> '{}') ~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$', false)
$function$;

revoke all on function agents.fn_json_is_guid(p_value jsonb) from public;
grant execute on function agents.fn_json_is_guid(p_value jsonb) to authenticated, service_role;

create or replace function agents.fn_json_unknown_keys(p_value jsonb, p_allowed text[])
 returns text[]
 language sql
 immutable
 set search_path to ''
as $function$
  select coalesce(array_agg(format('unknown key "%s"', k) order by k), '{}')
  from jsonb_object_keys(p_value) k
  where not k = any (p_allowed)
$function$;

revoke all on function agents.fn_json_unknown_keys(p_value jsonb, p_allowed text[]) from public;
grant execute on function agents.fn_json_unknown_keys(p_value jsonb, p_allowed text[]) to authenticated, service_role;

-- What a tool call's approval binds to: sha256 over the tool key and its input in canonical form
-- (jsonb's text form: keys sorted, no insignificant whitespace).
create or replace function agents.fn_tool_call_hash(p_tool_key text, p_input jsonb)
 returns text
 language sql
 immutable
 set search_path to ''
as $function$
  select encode(pg_catalog.sha256(convert_to(jsonb_build_array(p_tool_key, p_input)::text, 'UTF8')), 'hex')
$function$;

revoke all on function agents.fn_tool_call_hash(p_tool_key text, p_input jsonb) from public;
grant execute on function agents.fn_tool_call_hash(p_tool_key text, p_input jsonb) to authenticated, service_role;

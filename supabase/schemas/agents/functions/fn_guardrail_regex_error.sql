-- Why a guardrail rule's regular expression does not compile under PostgreSQL's ARE engine (the
-- engine that runs it), or null when it does. The pattern is compiled against an empty string, in a
-- subtransaction, so a bad pattern is an answer and never an error.
create or replace function agents.fn_guardrail_regex_error(p_pattern text, p_flags text)
 returns text
 language plpgsql
 immutable
 set search_path to ''
as $function$
begin
  perform pg_catalog.regexp_count('', p_pattern, 1, coalesce(p_flags, ''));
  return null;
exception when invalid_regular_expression or invalid_parameter_value then
  return sqlerrm;
end
$function$;

revoke all on function agents.fn_guardrail_regex_error(p_pattern text, p_flags text) from public;
grant execute on function agents.fn_guardrail_regex_error(p_pattern text, p_flags text) to authenticated, service_role;

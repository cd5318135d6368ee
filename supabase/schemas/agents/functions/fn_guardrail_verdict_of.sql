-- The verdict a list of hits makes: block wins over rewrite, rewrite over log; no hit is a pass.
create or replace function agents.fn_guardrail_verdict_of(p_hits jsonb)
 returns text
 language sql
 immutable
 set search_path to ''
as $function$
  select case
    when jsonb_path_exists(p_hits, '$[*] ? (@.action == "block")') then 'block'
    when jsonb_path_exists(p_hits, '$[*] ? (@.action == "rewrite")') then 'rewrite'
    when jsonb_path_exists(p_hits, '$[*] ? (@.action == "log")') then 'log'
    else 'pass' end
$function$;

revoke all on function agents.fn_guardrail_verdict_of(p_hits jsonb) from public;
grant execute on function agents.fn_guardrail_verdict_of(p_hits jsonb) to authenticated, service_role;

-- A blocked_terms rule's terms as one ARE pattern: each term literal (its metacharacters escaped),
-- longest first so the longest term wins where terms overlap; with wholeWord (the default), a term
-- matches only where no letter, digit or underscore touches it on either side.
create or replace function agents.fn_guardrail_terms_pattern(p_config jsonb)
 returns text
 language sql
 immutable
 set search_path to ''
as $function$
  select case when coalesce((p_config ->> 'wholeWord')::boolean, true)
    then '(?<![[:alnum:]_])(?:' || t.alternatives || ')(?![[:alnum:]_])'
    else '(?:' || t.alternatives || ')' end
  from (
    select string_agg(regexp_replace(e, '([.[\]{}()*+?^$|\\])', '\\\1', 'g'), '|' order by char_length(e) desc, e) as alternatives
    from jsonb_array_elements_text(p_config -> 'terms') e
  ) t
$function$;

revoke all on function agents.fn_guardrail_terms_pattern(p_config jsonb) from public;
grant execute on function agents.fn_guardrail_terms_pattern(p_config jsonb) to authenticated, service_role;

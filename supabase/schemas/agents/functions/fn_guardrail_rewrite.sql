-- A text as a rewrite rule leaves it: every match replaced by the rule's replacement (default
-- "[redacted]"; blocked_terms, regex, pii), or cut to maxChars characters (max_length). A model_judge
-- rule's rewrite is the judge's (public.record_guardrail_judgement).
create or replace function agents.fn_guardrail_rewrite(p_kind agents.guardrail_kind, p_config jsonb, p_text text)
 returns text
 language plpgsql
 immutable
 set search_path to ''
as $function$
declare
  v_replacement text := coalesce(p_config ->> 'replacement', '[redacted]');
  v_text text := p_text;
  v_match text;
begin
  case p_kind
    when 'blocked_terms' then
      return regexp_replace(p_text, agents.fn_guardrail_terms_pattern(p_config), replace(v_replacement, '\', '\\'),
        case when coalesce((p_config ->> 'caseSensitive')::boolean, false) then 'g' else 'gi' end);
    when 'regex' then
      return regexp_replace(p_text, p_config ->> 'pattern', replace(v_replacement, '\', '\\'),
        'g' || coalesce(p_config ->> 'flags', ''));
    when 'max_length' then
      return left(p_text, (p_config ->> 'maxChars')::integer);
    when 'pii' then
      for v_match in
        select x.t from (
          select distinct e ->> 'text' as t
          from jsonb_array_elements(agents.fn_guardrail_pii_matches(
            array(select jsonb_array_elements_text(p_config -> 'kinds')), p_text, 100000)) e) x
        order by char_length(x.t) desc, x.t
      loop
        v_text := replace(v_text, v_match, v_replacement);
      end loop;
      return v_text;
    else
      return p_text;
  end case;
end
$function$;

revoke all on function agents.fn_guardrail_rewrite(p_kind agents.guardrail_kind, p_config jsonb, p_text text) from public;
grant execute on function agents.fn_guardrail_rewrite(p_kind agents.guardrail_kind, p_config jsonb, p_text text) to authenticated, service_role;

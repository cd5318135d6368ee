-- What a deterministic guardrail rule finds in a text, as a JSON array (empty: no hit), at most
-- p_limit entries: blocked_terms and regex [{text}] (each non-empty match), pii [{kind, text}],
-- max_length [{length, maxChars}] when the text is longer than maxChars. A model_judge rule finds
-- nothing here: the worker asks its model (README "Guardrails").
create or replace function agents.fn_guardrail_matches(p_kind agents.guardrail_kind, p_config jsonb, p_text text, p_limit integer default 50)
 returns jsonb
 language plpgsql
 immutable
 set search_path to ''
as $function$
declare
  v_pattern text;
  v_flags text;
begin
  if p_text is null then
    return '[]'::jsonb;
  end if;
  case p_kind
    when 'blocked_terms', 'regex' then
      if p_kind = 'blocked_terms' then
        v_pattern := agents.fn_guardrail_terms_pattern(p_config);
        v_flags := case when coalesce((p_config ->> 'caseSensitive')::boolean, false) then '' else 'i' end;
      else
        v_pattern := p_config ->> 'pattern';
        v_flags := coalesce(p_config ->> 'flags', '');
      end if;
      return coalesce((
        select jsonb_agg(jsonb_build_object('text', m.t) order by m.n)
        from (
          select n, regexp_substr(p_text, v_pattern, 1, n, v_flags) as t
          from generate_series(1, least(regexp_count(p_text, v_pattern, 1, v_flags), p_limit)) n
        ) m
        where m.t <> ''), '[]'::jsonb);
    when 'max_length' then
      if char_length(p_text) > (p_config ->> 'maxChars')::integer then
        return jsonb_build_array(jsonb_build_object('length', char_length(p_text), 'maxChars', (p_config ->> 'maxChars')::integer));
      end if;
      return '[]'::jsonb;
    when 'pii' then
      return agents.fn_guardrail_pii_matches(array(select jsonb_array_elements_text(p_config -> 'kinds')), p_text, p_limit);
    else
      return '[]'::jsonb;
  end case;
end
$function$;

revoke all on function agents.fn_guardrail_matches(p_kind agents.guardrail_kind, p_config jsonb, p_text text, p_limit integer) from public;
grant execute on function agents.fn_guardrail_matches(p_kind agents.guardrail_kind, p_config jsonb, p_text text, p_limit integer) to authenticated, service_role;

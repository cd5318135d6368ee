-- The first problem of a guardrail rule's config for its kind, as '<.field>: <what>' (the field is
-- empty for the config itself), or null when the config is valid. The same rules as
-- types/guardrails.ts (GuardrailConfig); tests/functions/guardrails_test.ts checks that the two agree.
--   blocked_terms {terms: 1..500 strings of 1..200 characters (not blank), caseSensitive?: boolean,
--                  wholeWord?: boolean, replacement?: string}
--   regex         {pattern: 1..1000 characters that compile as a PostgreSQL ARE and do not match the
--                  empty string, flags?: "", "i", "n", "in" or "ni", replacement?: string}
--   max_length    {maxChars: integer 1..1000000}
--   pii           {kinds: 1..4 distinct agents.guardrail_pii_kind values, replacement?: string}
--   model_judge   {instruction: 1..4000 characters (not blank), modelId?: uuid, replacement?: string}
--   replacement   0..200 characters (what a rewrite puts in place of each match; default "[redacted]")
-- The table's CHECK calls it, so no row holds an invalid config; the RPCs call it first to name the
-- field in their 22023 refusal.
create or replace function agents.fn_guardrail_config_errors(p_kind agents.guardrail_kind, p_config jsonb)
 returns text
 language plpgsql
 immutable
 set search_path to ''
as $function$
declare
  v_allowed text[];
  v_key text;
  v_value jsonb;
  v_item jsonb;
  v_i integer := 0;
  v_error text;
begin
  if p_config is null or jsonb_typeof(p_config) <> 'object' then
    return ': must be a JSON object';
  end if;
  v_allowed := case p_kind
    when 'blocked_terms' then array['terms', 'caseSensitive', 'wholeWord', 'replacement']
    when 'regex' then array['pattern', 'flags', 'replacement']
    when 'max_length' then array['maxChars']
    when 'pii' then array['kinds', 'replacement']
    when 'model_judge' then array['instruction', 'modelId', 'replacement']
  end;
  for v_key in select k from jsonb_object_keys(p_config) k order by k loop
    if not v_key = any (v_allowed) then
      return format('.%s: is not a field of a %s rule (its fields: %s)', v_key, p_kind, array_to_string(v_allowed, ', '));
    end if;
  end loop;

  v_value := p_config -> 'replacement';
  if v_value is not null and (jsonb_typeof(v_value) <> 'string' or char_length(v_value #>> '{}') > 200) then
    return '.replacement: must be a string of at most 200 characters';
  end if;

  if p_kind = 'blocked_terms' then
    v_value := p_config -> 'terms';
    if v_value is null or jsonb_typeof(v_value) <> 'array' or jsonb_array_length(v_value) not between 1 and 500 then
      return '.terms: must be an array of 1 to 500 strings';
    end if;
    for v_item in select e from jsonb_array_elements(v_value) e loop
      if jsonb_typeof(v_item) <> 'string' or char_length(btrim(v_item #>> '{}', E' \t\n\r')) = 0
         or char_length(v_item #>> '{}') > 200 then
        return format('.terms[%s]: must be a string of 1 to 200 characters, not blank', v_i);
      end if;
      v_i := v_i + 1;
    end loop;
    foreach v_key in array array['caseSensitive', 'wholeWord'] loop
      v_value := p_config -> v_key;
      if v_value is not null and jsonb_typeof(v_value) <> 'boolean' then
        return format('.%s: must be true or false', v_key);
      end if;
    end loop;
  elsif p_kind = 'regex' then
    v_value := p_config -> 'pattern';
    if v_value is null or jsonb_typeof(v_value) <> 'string' or char_length(v_value #>> '{}') not between 1 and 1000 then
      return '.pattern: must be a string of 1 to 1000 characters';
    end if;
    v_item := p_config -> 'flags';
    if v_item is not null and (jsonb_typeof(v_item) <> 'string' or not (v_item #>> '{}') = any (array['', 'i', 'n', 'in', 'ni'])) then
      return '.flags: must be "", "i" (case-insensitive), "n" (newline-sensitive) or "in"';
    end if;
    v_error := agents.fn_guardrail_regex_error(v_value #>> '{}', v_item #>> '{}');
    if v_error is not null then
      return format('.pattern: does not compile: %s', v_error);
    end if;
    if regexp_like('', v_value #>> '{}', coalesce(v_item #>> '{}', '')) then
      return '.pattern: must not match the empty string (it would match between every character)';
    end if;
  elsif p_kind = 'max_length' then
    v_value := p_config -> 'maxChars';
    if v_value is null or jsonb_typeof(v_value) <> 'number' or (v_value)::numeric <> trunc((v_value)::numeric)
       or (v_value)::numeric not between 1 and 1000000 then
      return '.maxChars: must be an integer from 1 to 1000000';
    end if;
  elsif p_kind = 'pii' then
    v_value := p_config -> 'kinds';
    if v_value is null or jsonb_typeof(v_value) <> 'array' or jsonb_array_length(v_value) = 0 then
      return format('.kinds: must be a non-empty array of distinct values of %s',
        array_to_string(enum_range(null::agents.guardrail_pii_kind), ', '));
    end if;
    for v_item in select e from jsonb_array_elements(v_value) e loop
      if jsonb_typeof(v_item) <> 'string'
         or not (v_item #>> '{}') = any (enum_range(null::agents.guardrail_pii_kind)::text[]) then
        return format('.kinds[%s]: must be one of %s', v_i, array_to_string(enum_range(null::agents.guardrail_pii_kind), ', '));
      end if;
      v_i := v_i + 1;
    end loop;
    if (select count(distinct e) from jsonb_array_elements(v_value) e) <> jsonb_array_length(v_value) then
      return '.kinds: must not repeat a kind';
    end if;
  elsif p_kind = 'model_judge' then
    v_value := p_config -> 'instruction';
    if v_value is null or jsonb_typeof(v_value) <> 'string' or char_length(btrim(v_value #>> '{}', E' \t\n\r')) = 0
       or char_length(v_value #>> '{}') > 4000 then
      return '.instruction: must be a string of 1 to 4000 characters, not blank';
    end if;
    v_value := p_config -> 'modelId';
    if v_value is not null and (jsonb_typeof(v_value) <> 'string'
       or (v_value #>> '{}') !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$') then
      return '.modelId: must be a uuid (an ai.models id)';
    end if;
  end if;
  return null;
end
$function$;

revoke all on function agents.fn_guardrail_config_errors(p_kind agents.guardrail_kind, p_config jsonb) from public;
grant execute on function agents.fn_guardrail_config_errors(p_kind agents.guardrail_kind, p_config jsonb) to authenticated, service_role;

-- Why a model call record is unusable (null when it is fine); p_name names it in the message.
create or replace function lenses.fn_llm_call_error(p_call jsonb, p_name text default 'p_llm_call'::text)
 returns text
 language plpgsql
 immutable
 set search_path to ''
as $function$
declare
  v_in bigint;
  v_out bigint;
  v_cached bigint;
  v_cache_write bigint;
  v_reasoning bigint;
begin
  if p_call is null then
    return null;
  end if;
  if jsonb_typeof(p_call) <> 'object' then
    return p_name || ' must be a JSON object';
  end if;
  begin
    v_in := coalesce((p_call ->> 'input_tokens')::bigint, 0);
    v_out := coalesce((p_call ->> 'output_tokens')::bigint, 0);
    v_cached := coalesce((p_call ->> 'cached_tokens')::bigint, 0);
    v_cache_write := coalesce((p_call ->> 'cache_write_tokens')::bigint, 0);
    v_reasoning := coalesce((p_call ->> 'reasoning_tokens')::bigint, 0);
  exception when invalid_text_representation or numeric_value_out_of_range then
    return p_name || ': input_tokens, output_tokens, cached_tokens, cache_write_tokens and reasoning_tokens must be whole numbers';
  end;
  if v_in < 0 or v_out < 0 or v_cached < 0 or v_cached > v_in then
    return p_name || ': token counts must be 0 or more, and cached_tokens at most input_tokens';
  end if;
  if v_cache_write < 0 or v_reasoning < 0 or v_cached + v_cache_write > v_in or v_reasoning > v_out then
    return p_name || ': cache_write_tokens and reasoning_tokens must be 0 or more, cached_tokens + cache_write_tokens at most input_tokens, and reasoning_tokens at most output_tokens';
  end if;
  if jsonb_typeof(p_call -> 'latency_ms') is distinct from 'number' then
    return p_name || ': latency_ms is required (a number of milliseconds)';
  end if;
  return null;
end
$function$;

revoke all on function lenses.fn_llm_call_error(p_call jsonb, p_name text) from public;
grant execute on function lenses.fn_llm_call_error(p_call jsonb, p_name text) to service_role;

-- Cost in credits of a call at p_at from the price row then in force (ai.fn_price_cost's buckets).
-- Null cost and null price_effective_from when the model had no price then (unpriced: never a
-- silent 0).
create or replace function ai.fn_call_cost(p_model_id uuid, p_at timestamp with time zone, p_input_tokens bigint, p_output_tokens bigint, p_cached_tokens bigint default 0, p_cache_write_tokens bigint default 0, p_reasoning_tokens bigint default 0, OUT cost numeric, OUT price_effective_from timestamp with time zone)
 returns record
 language sql
 stable
 set search_path to ''
as $function$
  select ai.fn_price_cost(p, p_input_tokens, p_output_tokens, p_cached_tokens, p_cache_write_tokens, p_reasoning_tokens),
         p.effective_from
  from (select 1) one left join ai.fn_model_price(p_model_id, p_at) p on true
$function$;

comment on function ai.fn_call_cost(p_model_id uuid, p_at timestamp with time zone, p_input_tokens bigint, p_output_tokens bigint, p_cached_tokens bigint, p_cache_write_tokens bigint, p_reasoning_tokens bigint, OUT cost numeric, OUT price_effective_from timestamp with time zone) is 'A call''s cost from the price row in force at its time, by disjoint token buckets; null when the model is unpriced then.';

revoke all on function ai.fn_call_cost(p_model_id uuid, p_at timestamp with time zone, p_input_tokens bigint, p_output_tokens bigint, p_cached_tokens bigint, p_cache_write_tokens bigint, p_reasoning_tokens bigint, OUT cost numeric, OUT price_effective_from timestamp with time zone) from public;
grant execute on function ai.fn_call_cost(p_model_id uuid, p_at timestamp with time zone, p_input_tokens bigint, p_output_tokens bigint, p_cached_tokens bigint, p_cache_write_tokens bigint, p_reasoning_tokens bigint, OUT cost numeric, OUT price_effective_from timestamp with time zone) to authenticated, service_role;

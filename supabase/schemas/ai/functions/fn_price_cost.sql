-- A call's cost in credits from a price row, by disjoint buckets: uncached input (input - cached -
-- cache write), cached input read, cache write, output (output - reasoning), reasoning, each at its
-- price per million tokens; rounded to 6 decimals. Null for no price row (unpriced: never a silent 0).
-- The one formula: ai.fn_call_cost and the ledger (lenses.fn_llm_call_row) both use it.
create or replace function ai.fn_price_cost(p_price ai.model_prices, p_input_tokens bigint, p_output_tokens bigint, p_cached_tokens bigint, p_cache_write_tokens bigint, p_reasoning_tokens bigint)
 returns numeric
 language sql
 immutable
 set search_path to ''
as $function$
  select round((
      greatest(p_input_tokens - p_cached_tokens - p_cache_write_tokens, 0) * (p_price).input_per_mtok
      + p_cached_tokens * (p_price).cached_input_per_mtok
      + p_cache_write_tokens * (p_price).cache_write_per_mtok
      + greatest(p_output_tokens - p_reasoning_tokens, 0) * (p_price).output_per_mtok
      + p_reasoning_tokens * (p_price).reasoning_per_mtok
    ) / 1000000.0, 6)
$function$;

revoke all on function ai.fn_price_cost(p_price ai.model_prices, p_input_tokens bigint, p_output_tokens bigint, p_cached_tokens bigint, p_cache_write_tokens bigint, p_reasoning_tokens bigint) from public;
grant execute on function ai.fn_price_cost(p_price ai.model_prices, p_input_tokens bigint, p_output_tokens bigint, p_cached_tokens bigint, p_cache_write_tokens bigint, p_reasoning_tokens bigint) to authenticated, service_role;

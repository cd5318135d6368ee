-- Cost in credits (USD) from the model's prices per million tokens; cached input at its own price.
create or replace function ai.fn_call_cost(p_model_id uuid, p_input_tokens bigint, p_output_tokens bigint, p_cached_tokens bigint)
 returns numeric
 language sql
 stable
 set search_path to ''
as $function$
  select coalesce(round((
      greatest(p_input_tokens - p_cached_tokens, 0) * m.input_price_per_mtok
      + p_cached_tokens * m.cached_input_price_per_mtok
      + p_output_tokens * m.output_price_per_mtok
    ) / 1000000.0, 6), 0)
  from ai.models m where m.id = p_model_id
$function$;

revoke all on function ai.fn_call_cost(p_model_id uuid, p_input_tokens bigint, p_output_tokens bigint, p_cached_tokens bigint) from public;
grant execute on function ai.fn_call_cost(p_model_id uuid, p_input_tokens bigint, p_output_tokens bigint, p_cached_tokens bigint) to authenticated, service_role;

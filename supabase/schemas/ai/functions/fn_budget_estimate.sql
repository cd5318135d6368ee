-- What a task may cost, reserved at its claim: ceil(prompt characters / 4) input tokens at the input
-- price plus the output limit (params max_tokens, max_completion_tokens or max_output_tokens, else
-- the model's max_output_tokens, else 4096) at the output price, per million tokens, from the price
-- row in force at p_at; rounded up to 6 decimals. Null when the model is unpriced then.
create or replace function ai.fn_budget_estimate(p_model_id uuid, p_prompt_chars bigint, p_params jsonb, p_at timestamp with time zone)
 returns numeric
 language sql
 stable
 set search_path to ''
as $function$
  select ceil((
      ceil(greatest(coalesce(p_prompt_chars, 0), 0) / 4.0) * p.input_per_mtok
      + coalesce(
          (select (p_params ->> k)::numeric from unnest(array['max_tokens', 'max_completion_tokens', 'max_output_tokens']) with ordinality u(k, ord)
           where jsonb_typeof(p_params -> k) = 'number' and (p_params ->> k)::numeric > 0 order by u.ord limit 1),
          (select m.max_output_tokens from ai.models m where m.id = p_model_id),
          4096) * p.output_per_mtok
    ) / 1000000.0 * 1000000) / 1000000.0
  from ai.fn_model_price(p_model_id, p_at) p
$function$;

comment on function ai.fn_budget_estimate(p_model_id uuid, p_prompt_chars bigint, p_params jsonb, p_at timestamp with time zone) is 'A task''s budget estimate: ceil(chars/4) x input price + output limit x output price (per million tokens); null when unpriced.';

revoke all on function ai.fn_budget_estimate(p_model_id uuid, p_prompt_chars bigint, p_params jsonb, p_at timestamp with time zone) from public;
grant execute on function ai.fn_budget_estimate(p_model_id uuid, p_prompt_chars bigint, p_params jsonb, p_at timestamp with time zone) to authenticated, service_role;

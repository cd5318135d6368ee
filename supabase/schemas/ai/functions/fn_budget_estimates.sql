-- What tasks may cost, reserved at their claim, one row per task (ord: its position in the arrays):
-- ceil(prompt characters / 4) input tokens at the input price plus the output limit (params
-- max_tokens, max_completion_tokens or max_output_tokens, else the model's max_output_tokens, else
-- 4096) at the output price, per million tokens, from the price row in force at p_at, rounded up to
-- 6 decimals, times the model calls the task may make (p_calls, default 1: an agent turn that may
-- call tools makes up to max_tool_iterations + 1). Null when the model is unpriced then. Set-wise:
-- the claim calls it once for all its tasks.
-- PL/pgSQL rather than SQL: a SQL function with its own search_path is never inlined and is planned
-- again at every call; PL/pgSQL keeps its plan for the session (the claim calls this every time).
create or replace function ai.fn_budget_estimates(p_model_ids uuid[], p_chars bigint[], p_params jsonb[], p_calls integer[], p_at timestamp with time zone)
 returns table(ord bigint, estimate numeric)
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  return query
  select u.ord,
         ceil((
             ceil(greatest(coalesce(u.chars, 0), 0) / 4.0) * mp.input_per_mtok
             + coalesce(
                 (select (u.params ->> k.key)::numeric
                  from unnest(array['max_tokens', 'max_completion_tokens', 'max_output_tokens']) with ordinality k(key, pos)
                  where jsonb_typeof(u.params -> k.key) = 'number' and (u.params ->> k.key)::numeric > 0
                  order by k.pos limit 1),
                 m.max_output_tokens,
                 4096) * mp.output_per_mtok
           ) / 1000000.0 * 1000000) / 1000000.0 * greatest(coalesce(u.calls, 1), 1)
  from unnest(p_model_ids, p_chars, p_params, p_calls) with ordinality u(model_id, chars, params, calls, ord)
  left join ai.models m on m.id = u.model_id
  left join lateral (select p.input_per_mtok, p.output_per_mtok from ai.model_prices p
                     where p.model_id = u.model_id and p.effective_from <= p_at
                     order by p.effective_from desc limit 1) mp on true
  where u.model_id is not null;
end
$function$;

comment on function ai.fn_budget_estimates(p_model_ids uuid[], p_chars bigint[], p_params jsonb[], p_calls integer[], p_at timestamp with time zone) is 'Tasks'' budget estimates, one row each: (ceil(chars/4) x input price + output limit x output price) per million tokens x model calls; null when unpriced.';

revoke all on function ai.fn_budget_estimates(p_model_ids uuid[], p_chars bigint[], p_params jsonb[], p_calls integer[], p_at timestamp with time zone) from public;
grant execute on function ai.fn_budget_estimates(p_model_ids uuid[], p_chars bigint[], p_params jsonb[], p_calls integer[], p_at timestamp with time zone) to service_role;

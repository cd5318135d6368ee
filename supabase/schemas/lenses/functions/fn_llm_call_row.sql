-- A model call as the ledger records it (ai.llm_calls), priced from the model's price row in force
-- now (ai.fn_price_cost: null cost, unpriced, when there is none), with the acting agent and the
-- run's workflow for rollups; not inserted.
-- Null when there was no call; 22023 when the record is unusable.
create or replace function lenses.fn_llm_call_row(p_result lenses.workflow_node_results, p_call jsonb, p_status ai.llm_call_status, p_error_kind lenses.task_error_kind)
 returns ai.llm_calls
 language plpgsql
 set search_path to ''
as $function$
declare
  v_error text := lenses.fn_llm_call_error(p_call);
  v_row ai.llm_calls;
  v_model record;
  v_price ai.model_prices;
begin
  if v_error is not null then
    raise exception '%', v_error using errcode = '22023';
  end if;
  if p_call is null then
    return null;
  end if;
  -- One statement for the catalog row, the price in force and the run's workflow: it runs for every
  -- model call. A call outside any run (a guardrail's model judge: p_result carries only the model
  -- and the agent) has no workflow.
  select m.id, m.model_key, p.id as provider_id, p.key as provider_key, r.workflow_id,
         mp.effective_from, mp.input_per_mtok, mp.cached_input_per_mtok, mp.cache_write_per_mtok,
         mp.output_per_mtok, mp.reasoning_per_mtok
  into v_model
  from (select p_result.run_id as run_id, p_result.model_id as model_id) q
  left join lenses.workflow_runs r on r.id = q.run_id
  left join ai.models m on m.id = q.model_id
  left join ai.providers p on p.id = m.provider_id
  left join lateral (select x.* from ai.model_prices x where x.model_id = m.id and x.effective_from <= now()
                     order by x.effective_from desc limit 1) mp on true;
  if v_model.effective_from is not null then
    v_price := row(v_model.id, v_model.effective_from, v_model.input_per_mtok, v_model.cached_input_per_mtok,
      v_model.cache_write_per_mtok, v_model.output_per_mtok, v_model.reasoning_per_mtok, null)::ai.model_prices;
  end if;
  v_row.id := gen_random_uuid();
  v_row.provider_id := v_model.provider_id;
  v_row.model_id := v_model.id;
  v_row.provider_key := coalesce(v_model.provider_key, p_call ->> 'provider_key', 'unknown');
  v_row.model_key := coalesce(v_model.model_key, p_call ->> 'model_key', 'unknown');
  v_row.node_result_id := p_result.id;
  v_row.run_id := p_result.run_id;
  v_row.attempt := p_result.attempt_count;
  v_row.status := p_status;
  v_row.error_kind := p_error_kind;
  v_row.input_tokens := coalesce((p_call ->> 'input_tokens')::bigint, 0);
  v_row.output_tokens := coalesce((p_call ->> 'output_tokens')::bigint, 0);
  v_row.cached_tokens := coalesce((p_call ->> 'cached_tokens')::bigint, 0);
  v_row.cache_write_tokens := coalesce((p_call ->> 'cache_write_tokens')::bigint, 0);
  v_row.reasoning_tokens := coalesce((p_call ->> 'reasoning_tokens')::bigint, 0);
  v_row.cost_credits := ai.fn_price_cost(v_price, v_row.input_tokens, v_row.output_tokens, v_row.cached_tokens,
    v_row.cache_write_tokens, v_row.reasoning_tokens);
  v_row.price_effective_from := v_price.effective_from;
  v_row.unpriced := v_row.cost_credits is null;
  v_row.ai_lenser_id := p_result.ai_lenser_id;
  v_row.workflow_id := v_model.workflow_id;
  v_row.latency_ms := (p_call ->> 'latency_ms')::numeric::integer;
  v_row.ttft_ms := (p_call ->> 'ttft_ms')::numeric::integer;
  v_row.metadata := coalesce(p_call -> 'metadata', '{}');
  v_row.created_at := now();
  return v_row;
end
$function$;

revoke all on function lenses.fn_llm_call_row(p_result lenses.workflow_node_results, p_call jsonb, p_status ai.llm_call_status, p_error_kind lenses.task_error_kind) from public;
grant execute on function lenses.fn_llm_call_row(p_result lenses.workflow_node_results, p_call jsonb, p_status ai.llm_call_status, p_error_kind lenses.task_error_kind) to service_role;

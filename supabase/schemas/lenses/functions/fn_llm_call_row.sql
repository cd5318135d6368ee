-- A model call as the ledger records it (ai.llm_calls), priced from the model's price row in force
-- now (ai.fn_call_cost: null cost, unpriced, when there is none), with the acting agent and the
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
begin
  if v_error is not null then
    raise exception '%', v_error using errcode = '22023';
  end if;
  if p_call is null then
    return null;
  end if;
  select m.id, m.model_key, p.id as provider_id, p.key as provider_key
  into v_model
  from ai.models m left join ai.providers p on p.id = m.provider_id
  where m.id = p_result.model_id;
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
  select c.cost, c.price_effective_from into v_row.cost_credits, v_row.price_effective_from
  from ai.fn_call_cost(v_model.id, now(), v_row.input_tokens, v_row.output_tokens, v_row.cached_tokens,
                       v_row.cache_write_tokens, v_row.reasoning_tokens) c;
  v_row.unpriced := v_row.cost_credits is null;
  v_row.ai_lenser_id := p_result.ai_lenser_id;
  v_row.workflow_id := (select r.workflow_id from lenses.workflow_runs r where r.id = p_result.run_id);
  v_row.latency_ms := (p_call ->> 'latency_ms')::numeric::integer;
  v_row.ttft_ms := (p_call ->> 'ttft_ms')::numeric::integer;
  v_row.metadata := coalesce(p_call -> 'metadata', '{}');
  v_row.created_at := now();
  return v_row;
end
$function$;

revoke all on function lenses.fn_llm_call_row(p_result lenses.workflow_node_results, p_call jsonb, p_status ai.llm_call_status, p_error_kind lenses.task_error_kind) from public;
grant execute on function lenses.fn_llm_call_row(p_result lenses.workflow_node_results, p_call jsonb, p_status ai.llm_call_status, p_error_kind lenses.task_error_kind) to service_role;

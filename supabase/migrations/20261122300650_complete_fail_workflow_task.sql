-- Completing and failing a leased task: the worker's two ways to end an attempt. Each is one
-- transaction that checks the lease, writes the model call to ai.llm_calls and adds it to the
-- node's and the run's totals, and moves the run on.

-- Records one model call against a leased result in the ledger and returns its usage (all zero
-- when there was no call), for the caller to add to the node's and the run's totals in the
-- updates it makes anyway.
create function lenses.fn_record_llm_call(
  p_result lenses.workflow_node_results,
  p_call jsonb,
  p_status ai.llm_call_status,
  p_error_kind lenses.task_error_kind,
  out input_tokens bigint,
  out output_tokens bigint,
  out cached_tokens bigint,
  out cost numeric
)
language plpgsql
set search_path = ''
as $$
declare
  v_model ai.models;
  v_provider ai.providers;
begin
  input_tokens := 0; output_tokens := 0; cached_tokens := 0; cost := 0;
  if p_call is null then
    return;
  end if;
  if jsonb_typeof(p_call) <> 'object' then
    raise exception 'p_llm_call must be a JSON object' using errcode = '22023';
  end if;
  begin
    input_tokens := coalesce((p_call ->> 'input_tokens')::bigint, 0);
    output_tokens := coalesce((p_call ->> 'output_tokens')::bigint, 0);
    cached_tokens := coalesce((p_call ->> 'cached_tokens')::bigint, 0);
  exception when invalid_text_representation or numeric_value_out_of_range then
    raise exception 'p_llm_call: input_tokens, output_tokens and cached_tokens must be whole numbers' using errcode = '22023';
  end;
  if input_tokens < 0 or output_tokens < 0 or cached_tokens < 0 or cached_tokens > input_tokens then
    raise exception 'p_llm_call: token counts must be 0 or more, and cached_tokens at most input_tokens' using errcode = '22023';
  end if;
  if jsonb_typeof(p_call -> 'latency_ms') is distinct from 'number' then
    raise exception 'p_llm_call: latency_ms is required (a number of milliseconds)' using errcode = '22023';
  end if;
  select m.* into v_model from ai.models m where m.id = p_result.model_id;
  select p.* into v_provider from ai.providers p where p.id = v_model.provider_id;
  cost := coalesce(round((
      greatest(input_tokens - cached_tokens, 0) * v_model.input_price_per_mtok
      + cached_tokens * v_model.cached_input_price_per_mtok
      + output_tokens * v_model.output_price_per_mtok
    ) / 1000000.0, 6), 0);

  insert into ai.llm_calls (provider_id, model_id, provider_key, model_key, node_result_id, run_id, attempt, status, error_kind,
    input_tokens, output_tokens, cached_tokens, cost_credits, latency_ms, ttft_ms, metadata)
  values (v_provider.id, v_model.id, coalesce(v_provider.key, p_call ->> 'provider_key', 'unknown'),
    coalesce(v_model.model_key, p_call ->> 'model_key', 'unknown'), p_result.id, p_result.run_id, p_result.attempt_count,
    p_status, p_error_kind, input_tokens, output_tokens, cached_tokens, cost, (p_call ->> 'latency_ms')::numeric::integer,
    (p_call ->> 'ttft_ms')::numeric::integer, coalesce(p_call -> 'metadata', '{}'));
end
$$;

-- Adds a model call's usage to a result that the caller will not update again itself.
create function lenses.fn_add_usage_to_result(p_result_id uuid, p_in bigint, p_out bigint, p_cached bigint, p_cost numeric)
returns void
language plpgsql
set search_path = ''
as $$
begin
  if p_in = 0 and p_out = 0 and p_cached = 0 and p_cost = 0 then
    return;
  end if;
  update lenses.workflow_node_results x
  set input_tokens = x.input_tokens + p_in, output_tokens = x.output_tokens + p_out,
      cached_tokens = x.cached_tokens + p_cached, cost_credits = x.cost_credits + p_cost
  where x.id = p_result_id;
end
$$;

-- The output a node produced: the given JSON, or the model's text read by the output contract
-- (json: the text must parse as a JSON object, code fences allowed; text: { "text": ... }).
create function lenses.fn_parse_node_output(p_contract jsonb, p_text text, p_output jsonb) returns jsonb
language plpgsql
immutable
set search_path = ''
as $$
declare
  v_body text;
begin
  if p_output is not null then
    return p_output;
  end if;
  if p_contract ->> 'kind' = 'json' then
    v_body := btrim(coalesce(p_text, ''));
    v_body := regexp_replace(v_body, '^```[a-zA-Z]*\s*\n(.*)\n\s*```$', '\1', 's');
    begin
      return v_body::jsonb;
    exception when invalid_text_representation then
      return null;
    end;
  end if;
  return jsonb_build_object('text', coalesce(p_text, ''));
end
$$;

create function public.complete_workflow_task(
  p_result_id uuid,
  p_lease_token uuid,
  p_text text default null,
  p_output jsonb default null,
  p_llm_call jsonb default null
) returns jsonb
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_result lenses.workflow_node_results;
  v_usage record;
  v_contract jsonb;
  v_output jsonb;
  v_errors text[];
begin
  if p_text is null and p_output is null then
    raise exception 'complete_workflow_task: give p_text (the model''s answer) or p_output (a JSON object)' using errcode = '22023';
  end if;
  v_result := lenses.fn_leased_result('complete_workflow_task', p_result_id, p_lease_token);
  select * into v_usage from lenses.fn_record_llm_call(v_result, p_llm_call, 'succeeded', null);

  select nv.output_contract into v_contract from lenses.workflow_nodes_v nv where nv.id = v_result.node_id;
  v_output := lenses.fn_parse_node_output(v_contract, p_text, p_output);
  v_errors := case when v_output is null then array['the answer is not a JSON object']
                   else lenses.fn_contract_value_errors(v_contract, v_output) end;
  if cardinality(v_errors) > 0 then
    perform lenses.fn_add_usage_to_result(p_result_id, v_usage.input_tokens, v_usage.output_tokens, v_usage.cached_tokens, v_usage.cost);
    v_result := lenses.fn_fail_node_result(p_result_id, 'contract_violation',
      format('the output does not satisfy the output contract: %s', array_to_string(v_errors, '; ')));
    perform lenses.fn_node_stopped(v_result.run_id, v_result.node_id,
      v_usage.input_tokens, v_usage.output_tokens, v_usage.cached_tokens, v_usage.cost);
    return jsonb_build_object('status', v_result.status, 'error_kind', 'contract_violation', 'next_attempt_at', v_result.next_attempt_at);
  end if;

  update lenses.workflow_node_results x
  set status = 'completed', waiting_reason = null, output_data = v_output, error_kind = null, error_message = null,
      lease_token = null, lease_owner = null, lease_expires_at = null, timeout_at = null, finished_at = now(),
      duration_ms = (extract(epoch from now() - x.started_at) * 1000)::integer,
      input_tokens = x.input_tokens + v_usage.input_tokens, output_tokens = x.output_tokens + v_usage.output_tokens,
      cached_tokens = x.cached_tokens + v_usage.cached_tokens, cost_credits = x.cost_credits + v_usage.cost
  where x.id = p_result_id
  returning * into v_result;
  perform lenses.fn_append_workflow_run_event(v_result.run_id, 'node_completed',
    jsonb_build_object('node_key', v_result.node_key, 'output', v_output, 'duration_ms', v_result.duration_ms,
                       'input_tokens', v_result.input_tokens, 'output_tokens', v_result.output_tokens), v_result.node_id);
  perform lenses.fn_node_stopped(v_result.run_id, v_result.node_id,
    v_usage.input_tokens, v_usage.output_tokens, v_usage.cached_tokens, v_usage.cost);
  perform lenses.fn_settle_successors(v_result.run_id, v_result.node_id);
  perform lenses.fn_finish_run_if_done(v_result.run_id);
  return jsonb_build_object('status', 'completed',
    'run_status', (select r.status from lenses.workflow_runs r where r.id = v_result.run_id));
end
$$;
comment on function public.complete_workflow_task(uuid, uuid, text, jsonb, jsonb) is
  'Worker: ends a held task with its answer (checked against the output contract), records the model call, moves the run on.';

create function public.fail_workflow_task(
  p_result_id uuid,
  p_lease_token uuid,
  p_error_kind lenses.task_error_kind,
  p_error_message text,
  p_retry_after_ms integer default null,
  p_llm_call jsonb default null
) returns jsonb
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_result lenses.workflow_node_results;
  v_usage record;
begin
  if p_error_kind is null then
    raise exception 'fail_workflow_task: p_error_kind is required' using errcode = '22023';
  end if;
  if p_error_message is null or btrim(p_error_message) = '' then
    raise exception 'fail_workflow_task: p_error_message is required' using errcode = '22023';
  end if;
  if p_retry_after_ms is not null and p_retry_after_ms not between 0 and 86400000 then
    raise exception 'fail_workflow_task: p_retry_after_ms must be between 0 and 86400000' using errcode = '22023';
  end if;
  v_result := lenses.fn_leased_result('fail_workflow_task', p_result_id, p_lease_token);
  select * into v_usage from lenses.fn_record_llm_call(v_result, p_llm_call, 'failed', p_error_kind);
  perform lenses.fn_add_usage_to_result(p_result_id, v_usage.input_tokens, v_usage.output_tokens, v_usage.cached_tokens, v_usage.cost);
  v_result := lenses.fn_fail_node_result(p_result_id, p_error_kind, left(p_error_message, 4000), p_retry_after_ms);
  perform lenses.fn_node_stopped(v_result.run_id, v_result.node_id,
    v_usage.input_tokens, v_usage.output_tokens, v_usage.cached_tokens, v_usage.cost);
  return jsonb_build_object('status', v_result.status, 'waiting_reason', v_result.waiting_reason,
    'retry_count', v_result.retry_count, 'next_attempt_at', v_result.next_attempt_at,
    'run_status', (select r.status from lenses.workflow_runs r where r.id = v_result.run_id));
end
$$;
comment on function public.fail_workflow_task(uuid, uuid, lenses.task_error_kind, text, integer, jsonb) is
  'Worker: ends a held attempt with a classified error; rate limits wait, client errors fail, the rest retry with backoff.';

revoke execute on function
  lenses.fn_record_llm_call(lenses.workflow_node_results, jsonb, ai.llm_call_status, lenses.task_error_kind),
  lenses.fn_add_usage_to_result(uuid, bigint, bigint, bigint, numeric),
  lenses.fn_parse_node_output(jsonb, text, jsonb),
  public.complete_workflow_task(uuid, uuid, text, jsonb, jsonb),
  public.fail_workflow_task(uuid, uuid, lenses.task_error_kind, text, integer, jsonb)
from public;
grant execute on function
  lenses.fn_record_llm_call(lenses.workflow_node_results, jsonb, ai.llm_call_status, lenses.task_error_kind),
  lenses.fn_add_usage_to_result(uuid, bigint, bigint, bigint, numeric),
  lenses.fn_parse_node_output(jsonb, text, jsonb),
  public.complete_workflow_task(uuid, uuid, text, jsonb, jsonb),
  public.fail_workflow_task(uuid, uuid, lenses.task_error_kind, text, integer, jsonb)
to service_role;

-- Worker: the model judges of leased judgement p_id answered: p_verdict is its stored verdict with
-- every pending rule judged (public.record_guardrail_judgement, as resolvePendingJudgements merges
-- them). Refused, changing nothing: an unknown judgement PT404; a lease that is not the live one
-- (expired and taken again, or already judged) PT409; a verdict with rules still pending PT409; a
-- verdict that is not the judgement of the stored one 22023 (agents.fn_guardrail_judgement_error).
-- Otherwise the message is settled (agents.fn_settle_guardrail_judgement: released, rewritten or
-- blocked with the fallback sent; an inbound one's turn queued or refused) and the verdict recorded.
-- p_calls: the judges' model calls, [{modelId, ruleId, call}] (call: as complete_workflow_task's
-- p_llm_call), each written to the ledger (ai.llm_calls: no run, the judgement's agent, metadata
-- kind guardrail_judge with the judgement and rule), so a judge's tokens and cost count in the
-- agent's rollups; at most 50 (one per pending rule).
-- Returns {id, direction, verdict, messageId, fallbackMessageId, turnId}. Granted to service_role only.
create or replace function public.complete_guardrail_judgement(p_id uuid, p_lease_token uuid, p_verdict jsonb, p_calls jsonb default '[]'::jsonb)
 returns jsonb
 language plpgsql
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'complete_guardrail_judgement';
  v_row agents.guardrail_judgements;
  v_error text;
  v_call jsonb;
  v_result lenses.workflow_node_results;
  v_ledger ai.llm_calls;
begin
  perform lensers.fn_limit_json('complete_guardrail_judgement', 'p_verdict', p_verdict, 4194304, 32);
  perform lensers.fn_limit_json('complete_guardrail_judgement', 'p_calls', p_calls, 262144, 8);
  if p_calls is null or jsonb_typeof(p_calls) <> 'array' then
    raise exception '%: p_calls must be a JSON array of {modelId, ruleId, call}', c_rpc using errcode = '22023';
  end if;
  if jsonb_array_length(p_calls) > 50 then
    raise exception '%: p_calls holds % calls, more than 50', c_rpc, jsonb_array_length(p_calls) using errcode = '22023';
  end if;
  for v_call in select e from jsonb_array_elements(p_calls) e loop
    if jsonb_typeof(v_call) <> 'object' or jsonb_typeof(v_call -> 'call') is distinct from 'object'
       or not coalesce(agents.fn_json_is_guid(v_call -> 'ruleId'), false)
       or not (v_call -> 'modelId' = 'null'::jsonb or coalesce(agents.fn_json_is_guid(v_call -> 'modelId'), false))
       or exists (select 1 from jsonb_object_keys(v_call) k where k not in ('modelId', 'ruleId', 'call')) then
      raise exception '%: each of p_calls must be {modelId: uuid | null, ruleId: uuid, call: {...}}', c_rpc using errcode = '22023';
    end if;
  end loop;
  if p_id is null then
    raise exception '%: p_id must be given', c_rpc using errcode = '22023';
  end if;
  if p_lease_token is null then
    raise exception '%: p_lease_token must be given', c_rpc using errcode = '22023';
  end if;
  select j.* into v_row from agents.guardrail_judgements j where j.id = p_id for update;
  if v_row.id is null then
    raise exception '%: no guardrail judgement %', c_rpc, p_id using errcode = 'PT404';
  end if;
  if v_row.lease_token is distinct from p_lease_token then
    raise exception '%: p_lease_token is not the live lease of judgement % (expired and taken again, or already judged)', c_rpc, p_id
      using errcode = 'PT409';
  end if;
  if p_verdict is null or jsonb_typeof(p_verdict) <> 'object' or jsonb_typeof(p_verdict -> 'hits') is distinct from 'array'
     or jsonb_typeof(p_verdict -> 'pending') is distinct from 'array' then
    raise exception '%: p_verdict must be a guardrail verdict {verdict, text, hits, pending, ...}', c_rpc using errcode = '22023';
  end if;
  if jsonb_array_length(p_verdict -> 'pending') > 0 then
    raise exception '%: p_verdict still has % model_judge rule(s) to judge (public.record_guardrail_judgement)',
      c_rpc, jsonb_array_length(p_verdict -> 'pending') using errcode = 'PT409';
  end if;
  v_error := agents.fn_guardrail_judgement_error(v_row.verdict, p_verdict);
  if v_error is not null then
    raise exception '%: p_verdict is not the judgement of judgement %: %', c_rpc, p_id, v_error using errcode = '22023';
  end if;
  -- The judges' calls in the ledger: a node result that names only the model and the agent.
  v_result.ai_lenser_id := v_row.ai_lenser_id;
  for v_call in select e from jsonb_array_elements(p_calls) e loop
    v_result.model_id := (v_call ->> 'modelId')::uuid;
    v_ledger := lenses.fn_llm_call_row(v_result, v_call -> 'call', 'succeeded', null);
    v_ledger.metadata := v_ledger.metadata || jsonb_build_object('kind', 'guardrail_judge', 'guardrailJudgementId', v_row.id,
      'ruleId', v_call -> 'ruleId', 'direction', v_row.direction);
    insert into ai.llm_calls select v_ledger.*;
  end loop;
  -- Last: the settlement emits the bus events.
  return agents.fn_settle_guardrail_judgement(v_row, p_verdict);
end
$function$;

comment on function public.complete_guardrail_judgement(p_id uuid, p_lease_token uuid, p_verdict jsonb, p_calls jsonb) is 'Worker: records the model judges'' final verdict on a leased guardrail judgement and releases, rewrites or blocks its message (or queues or refuses its turn), and their model calls in the ledger. Service role only.';

revoke all on function public.complete_guardrail_judgement(p_id uuid, p_lease_token uuid, p_verdict jsonb, p_calls jsonb) from public, anon, authenticated;
grant execute on function public.complete_guardrail_judgement(p_id uuid, p_lease_token uuid, p_verdict jsonb, p_calls jsonb) to service_role;

-- A verdict of agents.fn_check_guardrails for a path that cannot wait for a model's judgement (a
-- channel message, checked in the transaction that stores it): every pending model_judge rule is
-- answered as unavailable, which fails closed (block, reason judge_unavailable), as any judge
-- failure does (public.record_guardrail_judgement).
create or replace function agents.fn_guardrail_verdict_unjudged(p_verdict jsonb)
 returns jsonb
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_verdict jsonb := p_verdict;
  v_rule uuid;
begin
  for v_rule in select (x ->> 'ruleId')::uuid from jsonb_array_elements(coalesce(p_verdict -> 'pending', '[]'::jsonb)) x loop
    v_verdict := public.record_guardrail_judgement(v_verdict, v_rule,
      '{"error": "a channel message is checked in the transaction that stores it, where no model is asked"}'::jsonb);
  end loop;
  return v_verdict;
end
$function$;

comment on function agents.fn_guardrail_verdict_unjudged(p_verdict jsonb) is 'A guardrail verdict with its pending model_judge rules answered as unavailable (fail closed: block).';

revoke all on function agents.fn_guardrail_verdict_unjudged(p_verdict jsonb) from public;
grant execute on function agents.fn_guardrail_verdict_unjudged(p_verdict jsonb) to service_role;

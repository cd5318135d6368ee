-- The worker's answer for one pending model_judge rule of a guardrail verdict (README "Guardrails"),
-- merged into the verdict, which it answers (nothing is written: the verdict is recorded with
-- agents.fn_record_guardrail_verdict once nothing is pending). p_judgement is the model's strict
-- verdict {allow: boolean, reason: string, rewrite?: string}, or {error: string} when the judge could
-- not answer (provider error, timeout, an answer that is not that JSON). allow = true: the rule passes.
-- allow = false: a hit with the rule's action: block; rewrite (the text becomes the judge's rewrite,
-- else the rule's replacement); log. An error fails closed: a block hit with reason
-- 'judge_unavailable', whatever the rule's action. A verdict that becomes block has nothing pending.
create or replace function public.record_guardrail_judgement(p_verdict jsonb, p_rule_id uuid, p_judgement jsonb)
 returns jsonb
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'record_guardrail_judgement';
  v_pending jsonb;
  v_hit jsonb;
  v_hits jsonb;
  v_text text;
  v_verdict text;
begin
  perform lensers.fn_limit_json('record_guardrail_judgement', 'p_verdict', p_verdict, 4194304, 32);
  perform lensers.fn_limit_json('record_guardrail_judgement', 'p_judgement', p_judgement, 1048576, 8);
  if p_verdict is null or jsonb_typeof(p_verdict) <> 'object' or jsonb_typeof(p_verdict -> 'pending') is distinct from 'array'
     or jsonb_typeof(p_verdict -> 'hits') is distinct from 'array' then
    raise exception '%: p_verdict must be a verdict of agents.fn_check_guardrails', c_rpc using errcode = '22023';
  end if;
  if p_rule_id is null then
    raise exception '%: p_rule_id is required', c_rpc using errcode = '22023';
  end if;
  select e into v_pending from jsonb_array_elements(p_verdict -> 'pending') e where e ->> 'ruleId' = p_rule_id::text;
  if v_pending is null then
    raise exception '%: p_rule_id % is not pending in p_verdict', c_rpc, p_rule_id using errcode = '22023';
  end if;
  if p_judgement is null or jsonb_typeof(p_judgement) <> 'object' or not (
       (p_judgement ?& array['allow', 'reason'] and jsonb_typeof(p_judgement -> 'allow') = 'boolean'
        and jsonb_typeof(p_judgement -> 'reason') = 'string'
        and (not p_judgement ? 'rewrite' or jsonb_typeof(p_judgement -> 'rewrite') in ('string', 'null'))
        and (select count(*) from jsonb_object_keys(p_judgement) k where k not in ('allow', 'reason', 'rewrite')) = 0)
       or (p_judgement ? 'error' and jsonb_typeof(p_judgement -> 'error') = 'string'
        and (select count(*) from jsonb_object_keys(p_judgement) k where k <> 'error') = 0)) then
    raise exception '%: p_judgement must be {allow: boolean, reason: string, rewrite?: string} or {error: string}', c_rpc
      using errcode = '22023';
  end if;
  perform lensers.fn_limit_text(c_rpc, 'p_judgement.reason', p_judgement ->> 'reason', 4000);
  perform lensers.fn_limit_text(c_rpc, 'p_judgement.error', p_judgement ->> 'error', 4000);
  perform lensers.fn_limit_text(c_rpc, 'p_judgement.rewrite', p_judgement ->> 'rewrite', 1000000);

  v_text := p_verdict ->> 'text';
  v_hits := p_verdict -> 'hits';
  v_hit := jsonb_build_object('ruleId', v_pending -> 'ruleId', 'ruleVersion', v_pending -> 'ruleVersion',
    'tier', v_pending -> 'tier', 'kind', 'model_judge', 'severity', v_pending -> 'severity');
  if p_judgement ? 'error' then
    v_hits := v_hits || jsonb_build_array(v_hit || jsonb_build_object('action', 'block', 'reason', 'judge_unavailable',
      'matches', jsonb_build_array(jsonb_build_object('reason', 'judge_unavailable', 'error', p_judgement -> 'error'))));
  elsif not (p_judgement ->> 'allow')::boolean then
    v_hits := v_hits || jsonb_build_array(v_hit || jsonb_build_object('action', v_pending -> 'action',
      'reason', p_judgement -> 'reason', 'matches', jsonb_build_array(jsonb_build_object('reason', p_judgement -> 'reason'))));
    if v_pending ->> 'action' = 'rewrite' then
      v_text := coalesce(p_judgement ->> 'rewrite', v_pending ->> 'replacement', '[redacted]');
    end if;
  end if;
  v_verdict := agents.fn_guardrail_verdict_of(v_hits);
  return p_verdict || jsonb_build_object(
    'verdict', v_verdict,
    'text', case when v_verdict = 'block' then null else v_text end,
    'hits', v_hits,
    'pending', case when v_verdict = 'block' then '[]'::jsonb else coalesce((
      select jsonb_agg(e order by n) from jsonb_array_elements(p_verdict -> 'pending') with ordinality x(e, n)
      where e ->> 'ruleId' <> p_rule_id::text), '[]'::jsonb) end);
end
$function$;

comment on function public.record_guardrail_judgement(p_verdict jsonb, p_rule_id uuid, p_judgement jsonb) is 'Worker: merges a model_judge rule''s judgement ({allow, reason, rewrite?} or {error}) into a guardrail verdict and answers it; a judge error blocks (judge_unavailable).';

revoke all on function public.record_guardrail_judgement(p_verdict jsonb, p_rule_id uuid, p_judgement jsonb) from public, anon, authenticated;
grant execute on function public.record_guardrail_judgement(p_verdict jsonb, p_rule_id uuid, p_judgement jsonb) to service_role;

-- Checks a text against the enabled guardrail rules of an agent, its team (optional) and its channel
-- binding (optional) for one direction ('input': what reaches the agent; 'output': its reply), and
-- answers the verdict (README "Guardrails"), writing nothing:
--   {verdict: pass | block | rewrite | log, text, original, direction, aiLenserId, teamId, bindingId,
--    hits: [{ruleId, ruleVersion, tier, kind, action, severity, matches}],
--    pending: [{ruleId, ruleVersion, tier, action, severity, instruction, replacement, model}]}
-- Rules are taken in a stable order: tier (agent, team, binding), then creation order (seq). Block and
-- log rules look at the original text; rewrite rules apply one after another, each to the text the
-- previous ones left. Block wins over rewrite, rewrite over log. `text` is what may go on: the
-- rewritten text, the original for pass and log, null for block. model_judge rules are not decided
-- here: they are `pending` (with the model to ask) until the worker records each judgement
-- (public.record_guardrail_judgement); when a deterministic rule already blocks, none is pending.
-- A verdict with pending rules cannot be recorded (agents.fn_record_guardrail_verdict).
create or replace function agents.fn_check_guardrails(p_ai_lenser_id uuid, p_team_id uuid, p_binding_id uuid, p_direction agents.guardrail_direction, p_text text)
 returns jsonb
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'fn_check_guardrails';
  v_rule agents.guardrail_rules;
  v_text text := p_text;
  v_matches jsonb;
  v_hits jsonb := '[]'::jsonb;
  v_pending jsonb := '[]'::jsonb;
  v_verdict text;
begin
  if p_ai_lenser_id is null then
    raise exception '%: p_ai_lenser_id is required', c_rpc using errcode = '22023';
  end if;
  if p_direction is null or p_direction = 'both' then
    raise exception '%: p_direction must be input or output', c_rpc using errcode = '22023';
  end if;
  if p_text is null then
    raise exception '%: p_text is required', c_rpc using errcode = '22023';
  end if;
  perform lensers.fn_limit_text(c_rpc, 'p_text', p_text, 1000000);

  for v_rule in
    select r.* from agents.guardrail_rules r
    where r.enabled
      and r.direction in (p_direction, 'both')
      and ((r.tier = 'agent' and r.ai_lenser_id = p_ai_lenser_id)
        or (r.tier = 'team' and r.team_id = p_team_id)
        or (r.tier = 'binding' and r.binding_id = p_binding_id))
    order by r.tier, r.seq
  loop
    if v_rule.kind = 'model_judge' then
      v_pending := v_pending || jsonb_build_array(jsonb_build_object(
        'ruleId', v_rule.id, 'ruleVersion', v_rule.version, 'tier', v_rule.tier, 'action', v_rule.action,
        'severity', v_rule.severity, 'instruction', v_rule.config ->> 'instruction',
        'replacement', coalesce(v_rule.config ->> 'replacement', '[redacted]'),
        'model', agents.fn_guardrail_judge_model(p_ai_lenser_id, v_rule.config)));
      continue;
    end if;
    v_matches := agents.fn_guardrail_matches(v_rule.kind, v_rule.config,
      case when v_rule.action = 'rewrite' then v_text else p_text end);
    if jsonb_array_length(v_matches) = 0 then
      continue;
    end if;
    if v_rule.action = 'rewrite' then
      v_text := agents.fn_guardrail_rewrite(v_rule.kind, v_rule.config, v_text);
    end if;
    v_hits := v_hits || jsonb_build_array(jsonb_build_object(
      'ruleId', v_rule.id, 'ruleVersion', v_rule.version, 'tier', v_rule.tier, 'kind', v_rule.kind,
      'action', v_rule.action, 'severity', v_rule.severity, 'matches', v_matches));
  end loop;

  v_verdict := agents.fn_guardrail_verdict_of(v_hits);
  if v_verdict = 'block' then
    v_pending := '[]'::jsonb;
  end if;
  return jsonb_build_object(
    'verdict', v_verdict,
    'text', case when v_verdict = 'block' then null else v_text end,
    'original', p_text,
    'direction', p_direction,
    'aiLenserId', p_ai_lenser_id,
    'teamId', p_team_id,
    'bindingId', p_binding_id,
    'hits', v_hits,
    'pending', v_pending);
end
$function$;

comment on function agents.fn_check_guardrails(p_ai_lenser_id uuid, p_team_id uuid, p_binding_id uuid, p_direction agents.guardrail_direction, p_text text) is 'The guardrail verdict on a text for one direction: pass / block / rewrite / log, the text that may go on, the hits, and the model_judge rules still to judge (README "Guardrails"). Writes nothing.';

revoke all on function agents.fn_check_guardrails(p_ai_lenser_id uuid, p_team_id uuid, p_binding_id uuid, p_direction agents.guardrail_direction, p_text text) from public;
grant execute on function agents.fn_check_guardrails(p_ai_lenser_id uuid, p_team_id uuid, p_binding_id uuid, p_direction agents.guardrail_direction, p_text text) to service_role;

-- Records a guardrail verdict (agents.fn_check_guardrails, after every pending model_judge rule was
-- judged through public.record_guardrail_judgement) in the caller's transaction: one
-- agents.guardrail_violations row per hit (a pass writes nothing), with the original text, the
-- rewritten text for rewrite hits of a verdict that let the message go, the matches, and p_context
-- (a hit's judge reason is added as context.reason). The reply pipeline calls it in the transaction
-- that queues the outbound message (or the fallback text on a block), so nothing leaves unrecorded.
-- With p_message_id, recording the same verdict again writes nothing (one row per message, rule and
-- direction). Answers the number of rows written. A verdict with pending rules is refused (PT409).
create or replace function agents.fn_record_guardrail_verdict(p_verdict jsonb, p_conversation_id uuid default null, p_message_id uuid default null, p_node_result_id uuid default null, p_context jsonb default '{}'::jsonb)
 returns integer
 language plpgsql
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'fn_record_guardrail_verdict';
  v_verdict text := p_verdict ->> 'verdict';
  v_written integer;
begin
  perform lensers.fn_limit_json(c_rpc, 'p_context', p_context, 65536, 32);
  if p_verdict is null or jsonb_typeof(p_verdict) <> 'object' or v_verdict is null
     or not v_verdict = any (array['pass', 'block', 'rewrite', 'log'])
     or jsonb_typeof(p_verdict -> 'hits') is distinct from 'array'
     or p_verdict ->> 'original' is null or p_verdict ->> 'aiLenserId' is null
     or not (p_verdict ->> 'direction') = any (array['input', 'output']) then
    raise exception '%: p_verdict must be a verdict of agents.fn_check_guardrails', c_rpc using errcode = '22023';
  end if;
  if jsonb_array_length(coalesce(p_verdict -> 'pending', '[]'::jsonb)) > 0 then
    raise exception '%: p_verdict still has % model_judge rule(s) to judge (public.record_guardrail_judgement)',
      c_rpc, jsonb_array_length(p_verdict -> 'pending') using errcode = 'PT409';
  end if;
  if p_context is not null and jsonb_typeof(p_context) <> 'object' then
    raise exception '%: p_context must be a JSON object', c_rpc using errcode = '22023';
  end if;
  insert into agents.guardrail_violations (rule_id, rule_version, tier, kind, action, severity, direction,
    ai_lenser_id, team_id, binding_id, conversation_id, message_id, node_result_id, outbound_blocked,
    original_text, rewritten_text, matches, context)
  select (h ->> 'ruleId')::uuid, (h ->> 'ruleVersion')::integer, (h ->> 'tier')::agents.guardrail_tier,
         (h ->> 'kind')::agents.guardrail_kind, (h ->> 'action')::agents.guardrail_action,
         (h ->> 'severity')::agents.guardrail_severity, (p_verdict ->> 'direction')::agents.guardrail_direction,
         (p_verdict ->> 'aiLenserId')::uuid, (p_verdict ->> 'teamId')::uuid, (p_verdict ->> 'bindingId')::uuid,
         p_conversation_id, p_message_id, p_node_result_id, v_verdict = 'block',
         p_verdict ->> 'original',
         case when h ->> 'action' = 'rewrite' and v_verdict <> 'block' then p_verdict ->> 'text' end,
         coalesce(h -> 'matches', '[]'::jsonb),
         coalesce(p_context, '{}'::jsonb) || case when h ? 'reason' then jsonb_build_object('reason', h -> 'reason') else '{}'::jsonb end
  from jsonb_array_elements(p_verdict -> 'hits') with ordinality x(h, n)
  order by x.n
  on conflict (message_id, rule_id, direction) where message_id is not null do nothing;
  get diagnostics v_written = row_count;
  -- One guardrail_violated event on the bus (the agent's scope) for what was written now.
  if v_written > 0 then
    perform agents.fn_emit_event('guardrails', 'guardrail_violated',
      (select a.profile_id from agents.ai_lensers a where a.id = (p_verdict ->> 'aiLenserId')::uuid),
      jsonb_build_object('verdict', v_verdict, 'direction', p_verdict ->> 'direction', 'violations', v_written,
        'rule_ids', (select jsonb_agg(h -> 'ruleId') from jsonb_array_elements(p_verdict -> 'hits') h),
        'binding_id', p_verdict -> 'bindingId', 'conversation_id', p_conversation_id, 'message_id', p_message_id,
        'node_result_id', p_node_result_id),
      case when p_message_id is not null then 'message' end::agents.event_subject_kind, p_message_id, null,
      (select m.contact_id from agents.messages m where m.id = p_message_id));
  end if;
  return v_written;
end
$function$;

comment on function agents.fn_record_guardrail_verdict(p_verdict jsonb, p_conversation_id uuid, p_message_id uuid, p_node_result_id uuid, p_context jsonb) is 'Writes one guardrail_violations row per hit of a fully judged verdict, in the caller''s transaction; once per message, rule and direction.';

revoke all on function agents.fn_record_guardrail_verdict(p_verdict jsonb, p_conversation_id uuid, p_message_id uuid, p_node_result_id uuid, p_context jsonb) from public;
grant execute on function agents.fn_record_guardrail_verdict(p_verdict jsonb, p_conversation_id uuid, p_message_id uuid, p_node_result_id uuid, p_context jsonb) to service_role;

-- Settles a held channel message with the final verdict of its model judges (nothing pending; from
-- complete_guardrail_judgement, or claim_guardrail_judgements closing a judgement no judge answered),
-- in the caller's transaction: the judgement row is judged, then
--  * output: pass / log release the outbox row (due now; NOTIFY channel_sends); rewrite first makes
--    the judged text the message's body; block fails the message (error guardrail_blocked; never
--    sent, its outbox row done) and queues the binding's fallback text (agents.fn_reply_outbound);
--  * input: pass / log / rewrite queue (or extend) the conversation's turn through the message
--    (agents.fn_enqueue_conversation_turn); block queues none and answers with the fallback text;
-- and the verdict is recorded against the message (every hit, the deterministic ones decided when it
-- was stored included: agents.fn_record_guardrail_verdict, once per message, rule and direction).
-- Returns {id, direction, verdict, messageId, fallbackMessageId, turnId}.
create or replace function agents.fn_settle_guardrail_judgement(p_judgement agents.guardrail_judgements, p_verdict jsonb)
 returns jsonb
 language plpgsql
 set search_path to ''
as $function$
declare
  v_verdict text := p_verdict ->> 'verdict';
  v_binding agents.channel_bindings;
  v_message agents.messages;
  v_fallback uuid;
  v_turn uuid;
  v_events jsonb := '[]'::jsonb;
begin
  update agents.guardrail_judgements j set status = 'judged', final_verdict = p_verdict, judged_at = now(),
    lease_token = null, lease_owner = null, lease_expires_at = null
  where j.id = p_judgement.id;
  -- The conversation's row lock, as receive_channel_events and fn_reply_outbound take it.
  perform 1 from agents.conversations c where c.id = p_judgement.conversation_id for update;
  select b.* into v_binding from agents.channel_bindings b where b.id = p_judgement.binding_id;
  select m.* into v_message from agents.messages m where m.id = p_judgement.message_id;

  if p_judgement.direction = 'output' then
    if v_verdict = 'block' then
      update agents.messages m set delivery_status = 'failed',
        error = jsonb_build_object('code', 'guardrail_blocked', 'title', 'an output guardrail blocked this message',
          'message', 'a model-judged guardrail rule blocked it; the binding''s fallback text was sent instead')
      where m.id = v_message.id;
      update agents.message_sends s set held_for_judgement = false, done_at = now(),
        last_error = '{"code": "guardrail_blocked"}'::jsonb
      where s.message_id = v_message.id;
      v_fallback := agents.fn_reply_outbound(p_judgement.conversation_id, v_binding.fallback_text, null, '{"kind": "fallback"}'::jsonb);
      v_events := jsonb_build_array(jsonb_build_object('type', 'message_status_changed', 'messageId', v_message.id,
        'payload', '{"error": {"code": "guardrail_blocked"}}'::jsonb));
    else
      if v_verdict = 'rewrite' then
        update agents.messages m set body = left(p_verdict ->> 'text', 4096) where m.id = v_message.id;
      end if;
      update agents.message_sends s set held_for_judgement = false, next_attempt_at = now()
      where s.message_id = v_message.id;
      perform pg_catalog.pg_notify('channel_sends', v_message.id::text);
    end if;
  elsif v_verdict = 'block' then
    v_fallback := agents.fn_reply_outbound(p_judgement.conversation_id, v_binding.fallback_text, null, '{"kind": "fallback"}'::jsonb);
  else
    v_turn := agents.fn_enqueue_conversation_turn(p_judgement.conversation_id, p_judgement.seq);
  end if;

  if v_verdict <> 'pass' then
    perform agents.fn_record_guardrail_verdict(p_verdict, p_judgement.conversation_id, v_message.id, null,
      case when p_judgement.direction = 'input' then '{"origin": "inbound"}'::jsonb
           else jsonb_build_object('origin', coalesce(v_message.metadata ->> 'origin', 'reply'), 'turnId', v_message.metadata -> 'turnId') end);
  end if;
  perform agents.fn_emit_message_events(v_events);
  return jsonb_build_object('id', p_judgement.id, 'direction', p_judgement.direction, 'verdict', v_verdict,
    'messageId', v_message.id, 'fallbackMessageId', v_fallback, 'turnId', v_turn);
end
$function$;

comment on function agents.fn_settle_guardrail_judgement(p_judgement agents.guardrail_judgements, p_verdict jsonb) is 'Records a held channel message''s final guardrail verdict and releases, rewrites or blocks it (output), or queues or refuses its turn (input).';

revoke all on function agents.fn_settle_guardrail_judgement(p_judgement agents.guardrail_judgements, p_verdict jsonb) from public;
grant execute on function agents.fn_settle_guardrail_judgement(p_judgement agents.guardrail_judgements, p_verdict jsonb) to service_role;

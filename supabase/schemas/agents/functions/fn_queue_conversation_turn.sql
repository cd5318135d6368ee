-- Answers inbound message p_seq of conversation p_conversation_id, in the transaction that stored it
-- (receive_channel_events, under the conversation's row lock): its input guardrails first, then its
-- turn (agents.fn_enqueue_conversation_turn: one open turn per conversation, debounced). Nothing is
-- queued for a paused or closed conversation, an archived binding or one without a reply workflow.
-- Returns the turn's id, or null.
create or replace function agents.fn_queue_conversation_turn(p_conversation_id uuid, p_seq bigint)
 returns uuid
 language plpgsql
 set search_path to ''
as $function$
declare
  v_conversation agents.conversations;
  v_binding agents.channel_bindings;
  v_message_id uuid;
  v_body text;
  v_check jsonb;
begin
  select c.* into v_conversation from agents.conversations c where c.id = p_conversation_id;
  select b.* into v_binding from agents.channel_bindings b where b.id = v_conversation.binding_id;
  if v_conversation.id is null or v_conversation.state <> 'active' or v_binding.status <> 'active'
     or v_binding.reply_workflow_id is null then
    return null;
  end if;
  -- The input guardrails: a blocked message queues no turn (the binding's fallback text answers it);
  -- a rewritten one reaches the reply's prompt rewritten (agents.fn_conversation_history); every
  -- verdict but pass is recorded against the message. With model_judge rules pending, the message
  -- waits for the worker's judges (agents.guardrail_judgements, direction input) and queues no turn:
  -- complete_guardrail_judgement decides, and dispatch_conversation_turns starts no turn of the
  -- conversation meanwhile.
  select m.id, m.body into v_message_id, v_body from agents.messages m
  where m.conversation_id = p_conversation_id and m.seq = p_seq;
  v_check := agents.fn_check_guardrails(v_binding.ai_lenser_id, null, v_binding.id, 'input', coalesce(v_body, ''));
  if jsonb_array_length(v_check -> 'pending') > 0 then
    insert into agents.guardrail_judgements (direction, ai_lenser_id, binding_id, conversation_id, message_id, seq, verdict)
    values ('input', v_binding.ai_lenser_id, v_binding.id, p_conversation_id, v_message_id, p_seq, v_check)
    on conflict (message_id, direction) do nothing;
    perform pg_catalog.pg_notify('channel_sends', v_message_id::text);
    return null;
  end if;
  if v_check ->> 'verdict' <> 'pass' then
    perform agents.fn_record_guardrail_verdict(v_check, p_conversation_id, v_message_id, null, '{"origin": "inbound"}'::jsonb);
  end if;
  if v_check ->> 'verdict' = 'block' then
    perform agents.fn_reply_outbound(p_conversation_id, v_binding.fallback_text, null, '{"kind": "fallback"}'::jsonb);
    return null;
  end if;
  return agents.fn_enqueue_conversation_turn(p_conversation_id, p_seq);
end
$function$;

comment on function agents.fn_queue_conversation_turn(p_conversation_id uuid, p_seq bigint) is 'Checks an inbound message''s input guardrails and queues (or debounces, or marks for a follow-up) its conversation''s one open turn; holds it for the model judges when any is pending; null when no turn is queued.';

revoke all on function agents.fn_queue_conversation_turn(p_conversation_id uuid, p_seq bigint) from public;
grant execute on function agents.fn_queue_conversation_turn(p_conversation_id uuid, p_seq bigint) to service_role;

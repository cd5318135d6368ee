-- Queues the turn that answers conversation p_conversation_id through inbound message p_seq, in the
-- transaction that stored the message (receive_channel_events, under the conversation's row lock).
-- One open turn per conversation (the partial unique key on conversation_turns): a queued turn is
-- extended (due_at moves to now() + the binding's debounce, through_seq to this message), a running
-- one is marked followup (its end queues the next turn). Nothing is queued for a paused or closed
-- conversation, an archived binding or one without a reply workflow. NOTIFY conversation_turns wakes
-- the worker. Returns the turn's id, or null.
create or replace function agents.fn_queue_conversation_turn(p_conversation_id uuid, p_seq bigint)
 returns uuid
 language plpgsql
 set search_path to ''
as $function$
declare
  v_conversation agents.conversations;
  v_binding agents.channel_bindings;
  v_turn_id uuid;
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
  -- verdict but pass is recorded against the message.
  select m.id, m.body into v_message_id, v_body from agents.messages m
  where m.conversation_id = p_conversation_id and m.seq = p_seq;
  v_check := agents.fn_guardrail_verdict_unjudged(
    agents.fn_check_guardrails(v_binding.ai_lenser_id, null, v_binding.id, 'input', coalesce(v_body, '')));
  if v_check ->> 'verdict' <> 'pass' then
    perform agents.fn_record_guardrail_verdict(v_check, p_conversation_id, v_message_id, null, '{"origin": "inbound"}'::jsonb);
  end if;
  if v_check ->> 'verdict' = 'block' then
    perform agents.fn_reply_outbound(p_conversation_id, v_binding.fallback_text, null, '{"kind": "fallback"}'::jsonb);
    return null;
  end if;
  insert into agents.conversation_turns as t (conversation_id, binding_id, ai_lenser_id, due_at, through_seq)
  values (v_conversation.id, v_binding.id, v_binding.ai_lenser_id,
    now() + make_interval(secs => v_binding.debounce_ms / 1000.0), p_seq)
  on conflict (conversation_id) where status in ('queued', 'running') do update set
    due_at = case when t.status = 'queued' then excluded.due_at else t.due_at end,
    through_seq = case when t.status = 'queued' then greatest(t.through_seq, excluded.through_seq) else t.through_seq end,
    followup = t.followup or t.status = 'running'
  returning t.id into v_turn_id;
  perform pg_catalog.pg_notify('conversation_turns', v_turn_id::text);
  return v_turn_id;
end
$function$;

comment on function agents.fn_queue_conversation_turn(p_conversation_id uuid, p_seq bigint) is 'Queues (or debounces, or marks for a follow-up) the one open turn of a conversation for an inbound message; null when the conversation may not be answered.';

revoke all on function agents.fn_queue_conversation_turn(p_conversation_id uuid, p_seq bigint) from public;
grant execute on function agents.fn_queue_conversation_turn(p_conversation_id uuid, p_seq bigint) to service_role;

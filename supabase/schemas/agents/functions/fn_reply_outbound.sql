-- Every outbound message of a conversation goes through here (a turn's reply, the send_message tool,
-- a run's output_destination channel, a guardrail's fallback): the text is checked by the output
-- guardrails, then stored as an outbound message (status queued, the next seq under the
-- conversation's row lock; in a Slack thread, the thread of the last inbound message) and put in the
-- outbox (agents.message_sends), in the caller's transaction; NOTIFY channel_sends wakes the sender.
-- With model_judge rules pending the message is held (held_for_judgement, with the text the verdict
-- lets go so far) and queued for the judges (agents.guardrail_judgements, direction output):
-- complete_guardrail_judgement records the final verdict and releases, rewrites or blocks it.
-- The text is cut to 4,096 characters (WhatsApp's limit). p_origin: {"kind": "turn" | "send_message"
-- | "output_destination" | "fallback", "deliveryKey"?: exactly once per key, ...}. Returns the message's id.
create or replace function agents.fn_reply_outbound(p_conversation_id uuid, p_text text, p_turn_id uuid default NULL::uuid, p_origin jsonb default '{}'::jsonb)
 returns uuid
 language plpgsql
 set search_path to ''
as $function$
declare
  v_conversation agents.conversations;
  v_binding agents.channel_bindings;
  v_text text := left(coalesce(p_text, ''), 4096);
  v_held boolean := false;
  v_thread text;
  v_message_id uuid := pg_catalog.gen_random_uuid();
  v_key text := p_origin ->> 'deliveryKey';
  v_claimed uuid;
  v_check jsonb;
begin
  select c.* into v_conversation from agents.conversations c where c.id = p_conversation_id for update;
  if v_conversation.id is null then
    raise exception 'fn_reply_outbound: no conversation %', p_conversation_id using errcode = 'PT404';
  end if;
  select b.* into v_binding from agents.channel_bindings b where b.id = v_conversation.binding_id;
  if btrim(v_text) = '' then
    raise exception 'fn_reply_outbound: p_text is empty' using errcode = '22023';
  end if;

  -- The output guardrails (the agent's and the binding's rules), the one place every outbound text
  -- passes: block sends the binding's fallback text instead, rewrite the rewritten text, log the text as
  -- it is; the verdict is recorded once the message exists (below). A model_judge rule cannot be asked
  -- here: the message waits for the worker's judges (held). The fallback itself is not checked.
  if coalesce(p_origin ->> 'kind', '') <> 'fallback' then
    v_check := agents.fn_check_guardrails(v_binding.ai_lenser_id, null, v_binding.id, 'output', v_text);
    v_held := jsonb_array_length(v_check -> 'pending') > 0;
    v_text := case v_check ->> 'verdict' when 'block' then v_binding.fallback_text
                                         when 'rewrite' then left(v_check ->> 'text', 4096)
                                         else v_text end;
  end if;

  -- The outbox row first (its message follows in this transaction; the foreign key is deferred): a
  -- delivery key already queued makes this a no-op that answers the message queued then.
  insert into agents.message_sends (message_id, binding_id, ai_lenser_id, conversation_id, turn_id, origin, held_for_judgement, delivery_key)
  values (v_message_id, v_binding.id, v_binding.ai_lenser_id, v_conversation.id, p_turn_id, coalesce(p_origin, '{}'), v_held, v_key)
  on conflict (delivery_key) where delivery_key is not null do nothing
  returning message_id into v_claimed;
  if v_claimed is null then
    return (select s.message_id from agents.message_sends s where s.delivery_key = v_key);
  end if;

  if v_binding.channel = 'slack' then
    select m.thread_id into v_thread from agents.messages m
    where m.conversation_id = v_conversation.id and m.direction = 'inbound'
    order by m.seq desc limit 1;
  end if;
  insert into agents.messages (id, conversation_id, seq, binding_id, ai_lenser_id, channel, direction, contact_id, body,
    metadata, thread_id, delivery_status)
  values (v_message_id, v_conversation.id, v_conversation.last_message_seq + 1, v_binding.id, v_binding.ai_lenser_id, v_binding.channel,
    'outbound', v_conversation.contact_id, v_text,
    jsonb_strip_nulls(jsonb_build_object('origin', coalesce(p_origin ->> 'kind', 'reply'), 'turnId', p_turn_id)),
    v_thread, 'queued');
  update agents.conversations c set last_message_seq = v_conversation.last_message_seq + 1, last_active_at = now()
  where c.id = v_conversation.id;
  if v_held then
    insert into agents.guardrail_judgements (direction, ai_lenser_id, binding_id, conversation_id, message_id, verdict)
    values ('output', v_binding.ai_lenser_id, v_binding.id, v_conversation.id, v_message_id, v_check);
  elsif v_check is not null and v_check ->> 'verdict' <> 'pass' then
    perform agents.fn_record_guardrail_verdict(v_check, v_conversation.id, v_message_id, null,
      jsonb_build_object('origin', coalesce(p_origin ->> 'kind', 'reply'), 'turnId', p_turn_id));
  end if;
  -- [bus: message_queued is not an event; message_sent / message_status_changed come from the sender]
  perform pg_catalog.pg_notify('channel_sends', v_message_id::text);
  return v_message_id;
end
$function$;

comment on function agents.fn_reply_outbound(p_conversation_id uuid, p_text text, p_turn_id uuid, p_origin jsonb) is 'The one way out: checks an outbound text with the output guardrails, stores it as a queued outbound message and puts it in the outbox.';

revoke all on function agents.fn_reply_outbound(p_conversation_id uuid, p_text text, p_turn_id uuid, p_origin jsonb) from public;
grant execute on function agents.fn_reply_outbound(p_conversation_id uuid, p_text text, p_turn_id uuid, p_origin jsonb) to service_role;

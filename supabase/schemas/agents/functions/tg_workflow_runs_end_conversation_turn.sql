-- When the run of a conversation turn ends, the turn ends with it, in the transaction that ends the
-- run: completed -> its reply text (agents.fn_run_reply_text) goes out through agents.fn_reply_outbound
-- (guardrails, outbox) and the turn is done (done without a message when the run answered nothing);
-- failed, cancelled or timed out -> the turn failed, no reply. A turn marked followup (a message came
-- while it ran) queues the next turn of its conversation, answering through its newest inbound message.
-- [security definer: the run may end in a client's transaction (cancel_workflow_run) that may not write
-- turns, messages or the outbox; this trigger is their only writer there and cannot be called directly]
create or replace function agents.tg_workflow_runs_end_conversation_turn()
 returns trigger
 language plpgsql
 security definer
 set search_path to ''
as $function$
declare
  v_turn agents.conversation_turns;
  v_text text;
  v_message_id uuid;
  v_last_inbound bigint;
  v_next uuid;
begin
  select t.* into v_turn from agents.conversation_turns t where t.run_id = new.id and t.status = 'running';
  if v_turn.id is null then
    return null;
  end if;
  -- Locks in receive_channel_events' order: the conversation, then its turn (a message arriving now
  -- holds the conversation and updates the open turn; the other order would deadlock with it).
  perform 1 from agents.conversations c where c.id = v_turn.conversation_id for update;
  select t.* into v_turn from agents.conversation_turns t where t.id = v_turn.id and t.status = 'running' for update;
  if v_turn.id is null then
    return null;
  end if;
  if new.status = 'completed' then
    v_text := agents.fn_run_reply_text(new.output);
    if v_text is not null then
      v_message_id := agents.fn_reply_outbound(v_turn.conversation_id, v_text, v_turn.id,
        jsonb_build_object('kind', 'turn', 'turnId', v_turn.id, 'runId', new.id));
    end if;
    update agents.conversation_turns t set status = 'done', ended_at = now(), reply_message_id = v_message_id,
      reason = case when v_message_id is null then 'the run answered nothing' end
    where t.id = v_turn.id;
  else
    update agents.conversation_turns t set status = 'failed', ended_at = now(),
      reason = left(format('the reply run ended %s%s', new.status, coalesce(': ' || new.error_message, '')), 4000)
    where t.id = v_turn.id;
  end if;
  -- [bus: conversation_turn_ended {turnId, conversationId, runId, status, replyMessageId}]
  if v_turn.followup then
    select max(m.seq) into v_last_inbound from agents.messages m
    where m.conversation_id = v_turn.conversation_id and m.direction = 'inbound';
    if v_last_inbound > v_turn.through_seq then
      v_next := agents.fn_queue_conversation_turn(v_turn.conversation_id, v_last_inbound);
    end if;
  end if;
  return null;
end
$function$;

revoke all on function agents.tg_workflow_runs_end_conversation_turn() from public;

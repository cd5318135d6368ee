-- Queues the one open turn of conversation p_conversation_id through inbound message p_seq, once the
-- message may reach the agent (agents.fn_queue_conversation_turn when its input guardrails pass, or
-- complete_guardrail_judgement when its model judges let it go). One open turn per conversation (the
-- partial unique key on conversation_turns): a queued turn is extended (due_at moves to now() + the
-- binding's debounce, through_seq to this message), a running one is marked followup (its end queues
-- the next turn). NOTIFY conversation_turns wakes the worker. Returns the turn's id. A conversation
-- or binding that is no longer answerable is dispatch_conversation_turns's to cancel.
create or replace function agents.fn_enqueue_conversation_turn(p_conversation_id uuid, p_seq bigint)
 returns uuid
 language plpgsql
 set search_path to ''
as $function$
declare
  v_binding agents.channel_bindings;
  v_turn_id uuid;
begin
  select b.* into v_binding from agents.channel_bindings b
  where b.id = (select c.binding_id from agents.conversations c where c.id = p_conversation_id);
  insert into agents.conversation_turns as t (conversation_id, binding_id, ai_lenser_id, due_at, through_seq)
  values (p_conversation_id, v_binding.id, v_binding.ai_lenser_id,
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

comment on function agents.fn_enqueue_conversation_turn(p_conversation_id uuid, p_seq bigint) is 'Queues (or debounces, or marks for a follow-up) the one open turn of a conversation through an inbound message that may reach the agent.';

revoke all on function agents.fn_enqueue_conversation_turn(p_conversation_id uuid, p_seq bigint) from public;
grant execute on function agents.fn_enqueue_conversation_turn(p_conversation_id uuid, p_seq bigint) to service_role;

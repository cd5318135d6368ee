-- The bus events of outbound messages (message_sent, message_status_changed), in the caller's
-- transaction: p_events is an array of {type, messageId, payload}; each goes to its agent's scope
-- with the message as subject and its contact. Callers emit last, after their row locks, as
-- receive_channel_events does, so a scope's lock is never held while waiting for a message row.
create or replace function agents.fn_emit_message_events(p_events jsonb)
 returns void
 language plpgsql
 set search_path to ''
as $function$
declare
  v_event jsonb;
  v_message agents.messages;
begin
  for v_event in select e from jsonb_array_elements(coalesce(p_events, '[]'::jsonb)) e loop
    select m.* into v_message from agents.messages m where m.id = (v_event ->> 'messageId')::uuid;
    continue when v_message.id is null;
    perform agents.fn_emit_event('channels', (v_event ->> 'type')::lenses.run_event_type,
      (select a.profile_id from agents.ai_lensers a where a.id = v_message.ai_lenser_id),
      jsonb_build_object('message_id', v_message.id, 'binding_id', v_message.binding_id,
        'conversation_id', v_message.conversation_id, 'channel', v_message.channel, 'status', v_message.delivery_status)
        || coalesce(v_event -> 'payload', '{}'::jsonb),
      'message', v_message.id, null, v_message.contact_id);
  end loop;
end
$function$;

comment on function agents.fn_emit_message_events(p_events jsonb) is 'Emits outbound messages'' bus events (message_sent, message_status_changed) in their agents'' scopes.';

revoke all on function agents.fn_emit_message_events(p_events jsonb) from public;
grant execute on function agents.fn_emit_message_events(p_events jsonb) to service_role;

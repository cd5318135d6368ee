-- Worker: the provider accepted the leased message p_message_id: it is sent, with the provider's
-- message id (unique per channel: statuses find the message by it; a second message claiming the same
-- id is refused, 23505), and its outbox row is done (no longer uncertain). A stale lease: PT409 (also
-- when Meta's status, carrying our callback data, reconciled the message first: receive_channel_events).
-- Returns {messageId, status}.
create or replace function public.complete_channel_send(p_message_id uuid, p_lease_token uuid, p_provider_message_id text)
 returns jsonb
 language plpgsql
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'complete_channel_send';
  v_status agents.message_status;
begin
  perform lensers.fn_limit_text('complete_channel_send', 'p_provider_message_id', p_provider_message_id, 256);
  if p_provider_message_id is null or btrim(p_provider_message_id) = '' then
    raise exception '%: p_provider_message_id must be the provider''s message id', c_rpc using errcode = '22023';
  end if;
  perform agents.fn_leased_send(c_rpc, p_message_id, p_lease_token);
  begin
    update agents.messages m set provider_message_id = p_provider_message_id,
      delivery_status = case when m.delivery_status = 'queued' then 'sent'::agents.message_status else m.delivery_status end
    where m.id = p_message_id
    returning m.delivery_status into v_status;
  exception when unique_violation then
    raise exception '%: p_provider_message_id % already names another message', c_rpc, p_provider_message_id using errcode = '23505';
  end;
  update agents.message_sends s set done_at = now(), lease_token = null, lease_owner = null, lease_expires_at = null,
    uncertain_since = null
  where s.message_id = p_message_id;
  perform agents.fn_emit_message_events(jsonb_build_array(jsonb_build_object('type', 'message_sent', 'messageId', p_message_id,
    'payload', jsonb_build_object('provider_message_id', p_provider_message_id,
      'sent_as', (select s.sent_as from agents.message_sends s where s.message_id = p_message_id)))));
  return jsonb_build_object('messageId', p_message_id, 'status', v_status);
end
$function$;

comment on function public.complete_channel_send(p_message_id uuid, p_lease_token uuid, p_provider_message_id text) is 'Worker: a leased outbox message was accepted by its provider: sent, with the provider''s message id. Service role only.';

revoke all on function public.complete_channel_send(p_message_id uuid, p_lease_token uuid, p_provider_message_id text) from public, anon, authenticated;
grant execute on function public.complete_channel_send(p_message_id uuid, p_lease_token uuid, p_provider_message_id text) to service_role;

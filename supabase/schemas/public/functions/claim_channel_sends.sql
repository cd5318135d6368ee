-- Worker (the outbox sender): leases at most p_limit (1 to 500) due outbound messages for
-- p_lease_seconds (1 to 3600), oldest due first, FOR UPDATE SKIP LOCKED: rows not done, not held for
-- a model-judged guardrail, next_attempt_at passed, and no live lease (an expired lease is taken again,
-- counted as an attempt). An expired lease is an attempt whose outcome is unknown (the sender died
-- between its API call and complete/fail): the row becomes uncertain (uncertain_since: when that
-- attempt started, kept until the row is done). Slack: returned at once, the sender looks the message
-- up before posting again; WhatsApp: put off once by c_whatsapp_grace (not returned, no attempt), so
-- Meta's status webhook, carrying our message id as callback data, can reconcile it first
-- (receive_channel_events); claimed after that like any due row. Per binding at most send_rate_per_second attempts start in any second: a row
-- over the rate is put off by a second. Decided here, in SQL, before any API call:
--  * web: the stream carries the message: it is marked sent now (sent_as stream) and not returned;
--  * whatsapp: free-form text only within 24 hours of the conversation's last inbound message; outside
--    it the binding's whatsapp_template {name, language} is sent instead (sent_as template); with no
--    template the message fails now with the reason 'outside the 24-hour customer service window and
--    no template' (error code outside_window) and is not returned.
-- Returns a JSON array of {messageId, leaseToken, attempt, channel, routingKey, accessTokenEnv,
-- botTokenEnv, to, recipientType (individual | group), threadTs, body, template, sentAs, uncertainSince}
-- (types/channel-sends.ts ClaimedChannelSend). Granted to service_role only.
create or replace function public.claim_channel_sends(p_worker text, p_limit integer default 20, p_lease_seconds integer default 60)
 returns jsonb
 language plpgsql
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'claim_channel_sends';
  c_whatsapp_grace constant interval := interval '30 seconds';
  v_send agents.message_sends;
  v_message agents.messages;
  v_conversation agents.conversations;
  v_binding agents.channel_bindings;
  v_used jsonb := '{}'::jsonb;
  v_count integer;
  v_sent_as agents.send_mode;
  v_to text;
  v_token uuid;
  v_out jsonb := '[]'::jsonb;
  v_events jsonb := '[]'::jsonb;
begin
  perform lensers.fn_limit_text('claim_channel_sends', 'p_worker', p_worker, 200);
  if p_worker is null or btrim(p_worker) = '' then
    raise exception '%: p_worker must name the worker', c_rpc using errcode = '22023';
  end if;
  if p_limit is null or p_limit not between 1 and 500 then
    raise exception '%: p_limit must be 1 to 500', c_rpc using errcode = '22023';
  end if;
  if p_lease_seconds is null or p_lease_seconds not between 1 and 3600 then
    raise exception '%: p_lease_seconds must be 1 to 3600', c_rpc using errcode = '22023';
  end if;
  for v_send in
    select s.* from agents.message_sends s
    where s.done_at is null and not s.held_for_judgement and s.next_attempt_at <= now()
      and (s.lease_expires_at is null or s.lease_expires_at < now())
    order by s.next_attempt_at, s.created_at
    limit p_limit * 2
    for update skip locked
  loop
    exit when jsonb_array_length(v_out) >= p_limit;
    select b.* into v_binding from agents.channel_bindings b where b.id = v_send.binding_id;
    -- The loop takes no live lease: a token here expired without complete or fail.
    if v_send.lease_token is not null then
      v_send.uncertain_since := coalesce(v_send.uncertain_since, v_send.last_attempt_at, now());
      update agents.message_sends s set uncertain_since = v_send.uncertain_since where s.message_id = v_send.message_id;
      if v_binding.channel = 'whatsapp' then
        update agents.message_sends s set next_attempt_at = now() + c_whatsapp_grace, lease_token = null, lease_owner = null,
          lease_expires_at = null
        where s.message_id = v_send.message_id;
        continue;
      end if;
    end if;
    -- The binding's rate: attempts started in the last second (this claim's included).
    if not v_used ? v_binding.id::text then
      select count(*) into v_count from agents.message_sends x
      where x.binding_id = v_binding.id and x.last_attempt_at > now() - interval '1 second';
      v_used := v_used || jsonb_build_object(v_binding.id::text, v_count);
    end if;
    v_count := (v_used ->> v_binding.id::text)::integer;
    if v_count >= v_binding.send_rate_per_second then
      update agents.message_sends s set next_attempt_at = now() + interval '1 second', lease_token = null, lease_owner = null,
        lease_expires_at = null
      where s.message_id = v_send.message_id;
      continue;
    end if;
    v_used := v_used || jsonb_build_object(v_binding.id::text, v_count + 1);

    select m.* into v_message from agents.messages m where m.id = v_send.message_id;
    select c.* into v_conversation from agents.conversations c where c.id = v_send.conversation_id;
    if v_message.delivery_status <> 'queued' then
      -- Already moved on (a status came first): nothing to send.
      update agents.message_sends s set done_at = now(), lease_token = null, lease_owner = null, lease_expires_at = null,
        uncertain_since = null
      where s.message_id = v_send.message_id;
      continue;
    end if;

    if v_binding.channel = 'web' then
      update agents.messages m set delivery_status = 'sent' where m.id = v_message.id;
      update agents.message_sends s set attempts = s.attempts + 1, last_attempt_at = now(), sent_as = 'stream', done_at = now(),
        lease_token = null, lease_owner = null, lease_expires_at = null
      where s.message_id = v_send.message_id;
      v_events := v_events || jsonb_build_object('type', 'message_sent', 'messageId', v_message.id, 'payload', '{"sent_as": "stream"}'::jsonb);
      continue;
    end if;

    v_sent_as := 'text';
    if v_binding.channel = 'whatsapp' and not coalesce(v_conversation.last_inbound_at > now() - interval '24 hours', false) then
      if v_binding.whatsapp_template is not null then
        v_sent_as := 'template';
      else
        update agents.messages m set delivery_status = 'failed',
          error = jsonb_build_object('code', 'outside_window',
            'title', 'outside the 24-hour customer service window and no template',
            'message', format('the contact last wrote at %s, more than 24 hours ago, and binding %s has no whatsapp_template',
              coalesce(v_conversation.last_inbound_at::text, 'never'), v_binding.id))
        where m.id = v_message.id;
        update agents.message_sends s set done_at = now(), lease_token = null, lease_owner = null, lease_expires_at = null,
          uncertain_since = null, last_error = jsonb_build_object('code', 'outside_window', 'title', 'outside the 24-hour customer service window and no template')
        where s.message_id = v_send.message_id;
        v_events := v_events || jsonb_build_object('type', 'message_status_changed', 'messageId', v_message.id,
          'payload', '{"error": {"code": "outside_window"}}'::jsonb);
        continue;
      end if;
    end if;

    if v_conversation.external_thread_id is not null then
      v_to := v_conversation.external_thread_id;
    elsif v_binding.channel = 'slack' then
      -- A direct message: the IM channel the contact wrote in.
      select m.metadata ->> 'slackChannel' into v_to from agents.messages m
      where m.conversation_id = v_conversation.id and m.direction = 'inbound' and m.metadata ? 'slackChannel'
      order by m.seq desc limit 1;
    else
      select i.external_id into v_to from agents.contact_identities i where i.id = v_conversation.identity_id;
    end if;
    if v_to is null then
      update agents.messages m set delivery_status = 'failed',
        error = jsonb_build_object('code', 'no_recipient', 'title', 'the conversation has no address to send to')
      where m.id = v_message.id;
      update agents.message_sends s set done_at = now(), lease_token = null, lease_owner = null, lease_expires_at = null,
        uncertain_since = null, last_error = jsonb_build_object('code', 'no_recipient')
      where s.message_id = v_send.message_id;
      v_events := v_events || jsonb_build_object('type', 'message_status_changed', 'messageId', v_message.id,
        'payload', '{"error": {"code": "no_recipient"}}'::jsonb);
      continue;
    end if;

    v_token := pg_catalog.gen_random_uuid();
    update agents.message_sends s set attempts = s.attempts + 1, last_attempt_at = now(), sent_as = v_sent_as,
      lease_token = v_token, lease_owner = p_worker, lease_expires_at = now() + make_interval(secs => p_lease_seconds)
    where s.message_id = v_send.message_id;
    v_out := v_out || jsonb_build_array(jsonb_build_object(
      'messageId', v_message.id, 'leaseToken', v_token, 'attempt', v_send.attempts + 1, 'channel', v_binding.channel,
      'routingKey', v_binding.routing_key, 'accessTokenEnv', v_binding.access_token_env, 'botTokenEnv', v_binding.bot_token_env,
      'to', v_to, 'recipientType', case when v_conversation.external_thread_id is not null then 'group' else 'individual' end,
      'threadTs', v_message.thread_id, 'body', v_message.body,
      'template', case when v_sent_as = 'template' then v_binding.whatsapp_template end, 'sentAs', v_sent_as,
      'uncertainSince', v_send.uncertain_since));
  end loop;
  -- The bus events of the messages that ended here (web sends, window and recipient failures), last.
  perform agents.fn_emit_message_events(v_events);
  return v_out;
end
$function$;

comment on function public.claim_channel_sends(p_worker text, p_limit integer, p_lease_seconds integer) is 'Worker: leases due outbox messages (per-binding rate, WhatsApp''s 24-hour window decided here; web chat messages are marked sent). Service role only.';

revoke all on function public.claim_channel_sends(p_worker text, p_limit integer, p_lease_seconds integer) from public, anon, authenticated;
grant execute on function public.claim_channel_sends(p_worker text, p_limit integer, p_lease_seconds integer) to service_role;

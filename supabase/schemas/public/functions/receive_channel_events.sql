-- Stores what a channel webhook received for binding p_binding_id, in one transaction (the webhook
-- has verified the signature first): p_events is an array of at most 100 normalised events
-- (types/channels.ts ChannelInboundEvent; agents.fn_check_channel_event checks the same shape and
-- refuses the whole batch, 22023, naming the element and field).
--  * message: finds or creates the sender's contact and identity (a 1:1 sender is a resolved contact;
--    an unknown sender in a group, groupId set, is an orphan: an unresolved contact, the message keeping
--    sender_name; a 1:1 message from an orphan's identity resolves it; sender.profileId, a verified web
--    user, links the contact to that profile), the conversation (per identity for 1:1, per groupId for a
--    group; touched), and inserts the message with the next seq under the conversation's row lock.
--    The provider's message id (and event id) is unique per channel: a redelivery inserts nothing and
--    counts as a duplicate, even 100 concurrent ones.
--  * status: moves an outbound message of this binding forward (agents.fn_message_status_moves); a stale
--    status (a late delivered after read) or an unknown message id is ignored. A status whose provider
--    id no message has yet but whose callbackData (WhatsApp's biz_opaque_callback_data, our message id
--    sent with every attempt) names a queued outbound message of this binding reconciles an attempt
--    whose answer was lost (README "Channels: replies"): the message takes that provider id, the
--    status applies, its send is done (sent_as as the claim decided) and the bus gets the message_sent
--    a completed send emits, once (a redelivery finds the message by its provider id).
-- Returns {stored, duplicates, statuses, ignored, messageIds} (ids of the messages stored now).
-- Archived binding: PT409; unknown: PT404. Granted to service_role only.
-- In the same transaction: each stored message queues (or debounces) its conversation's reply turn,
-- and the bus gets a message_received event per stored message, a contact_created event per new
-- contact and a message_status_changed event per applied status (the agent's scope).
create or replace function public.receive_channel_events(p_binding_id uuid, p_events jsonb)
 returns jsonb
 language plpgsql
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'receive_channel_events';
  v_binding agents.channel_bindings;
  v_event jsonb;
  v_index integer;
  v_is_group boolean;
  v_external_id text;
  v_profile_id uuid;
  v_identity agents.contact_identities;
  v_contact_id uuid;
  v_new_contact_id uuid;
  v_conversation agents.conversations;
  v_identity_ids uuid[] := '{}'::uuid[];
  v_contact_ids uuid[] := '{}'::uuid[];
  v_conversation_ids uuid[] := '{}'::uuid[];
  v_conversation_id uuid;
  v_message_id uuid;
  v_status agents.message_status;
  v_at timestamptz;
  v_rows integer;
  v_stored integer := 0;
  v_duplicates integer := 0;
  v_statuses integer := 0;
  v_ignored integer := 0;
  v_ids uuid[] := '{}'::uuid[];
  v_events jsonb := '[]'::jsonb;
  v_binding_profile_id uuid;
  v_sent_as agents.send_mode;
  v_reconciled boolean;
begin
  perform lensers.fn_limit_json('receive_channel_events', 'p_events', p_events, 4194304, 16);
  perform agents.fn_rpc_not_null(c_rpc, 'p_binding_id', p_binding_id);
  select b.* into v_binding from agents.channel_bindings b where b.id = p_binding_id;
  if not found then
    raise exception '%: no channel binding %', c_rpc, p_binding_id using errcode = 'PT404';
  end if;
  if v_binding.status = 'archived' then
    raise exception '%: binding % is archived', c_rpc, p_binding_id using errcode = 'PT409';
  end if;
  v_binding_profile_id := (select a.profile_id from agents.ai_lensers a where a.id = v_binding.ai_lenser_id);
  if jsonb_typeof(p_events) is distinct from 'array' then
    raise exception '%: p_events must be an array of events', c_rpc using errcode = '22023';
  end if;
  if jsonb_array_length(p_events) > 100 then
    raise exception '%: p_events has % events, over the limit of 100', c_rpc, jsonb_array_length(p_events) using errcode = 'PT413';
  end if;
  for v_event, v_index in select e, (o - 1)::integer from jsonb_array_elements(p_events) with ordinality x(e, o) loop
    perform agents.fn_check_channel_event(c_rpc, v_binding.channel, v_index, v_event);
  end loop;
  -- A web user's profile must exist (the function verified the JWT; the account may be gone since).
  for v_event, v_index in select e, (o - 1)::integer from jsonb_array_elements(p_events) with ordinality x(e, o)
                           where e -> 'sender' ? 'profileId' loop
    if not exists (select 1 from lensers.profiles p where p.id = (v_event -> 'sender' ->> 'profileId')::uuid) then
      raise exception '%: p_events[%].sender.profileId: no profile %', c_rpc, v_index, v_event -> 'sender' ->> 'profileId'
        using errcode = '22023';
    end if;
  end loop;

  -- Locks are taken in one order by every call, so overlapping batches delivered concurrently in any
  -- grouping wait for each other instead of deadlocking: identities (by external id), then
  -- conversations (created by key, locked by id), then messages (inserted under those locks), then
  -- statuses (by provider message id).

  -- 1. The senders' identities and contacts: found, or created once (a concurrent creator wins the
  --    unique key; the loser drops the contact it made and uses the winner's). A 1:1 sender whose
  --    identity was an orphan's is resolved: the person wrote to the agent directly.
  for v_event, v_index in select e, o::integer from jsonb_array_elements(p_events) with ordinality x(e, o)
                           where e ->> 'kind' = 'message' order by e -> 'sender' ->> 'externalId', o loop
    v_is_group := v_event ? 'groupId';
    v_external_id := v_event -> 'sender' ->> 'externalId';
    v_profile_id := (v_event -> 'sender' ->> 'profileId')::uuid;
    select i.* into v_identity from agents.contact_identities i
    where i.ai_lenser_id = v_binding.ai_lenser_id and i.channel = v_binding.channel and i.external_id = v_external_id;
    if not found then
      v_new_contact_id := null;
      if v_profile_id is not null then
        insert into agents.contacts (ai_lenser_id, display_name, profile_id)
        values (v_binding.ai_lenser_id, v_event -> 'sender' ->> 'name', v_profile_id)
        on conflict do nothing
        returning id into v_new_contact_id;
        select c.id into v_contact_id from agents.contacts c
        where c.ai_lenser_id = v_binding.ai_lenser_id and c.profile_id = v_profile_id;
      else
        insert into agents.contacts (ai_lenser_id, display_name, resolved, resolved_at)
        values (v_binding.ai_lenser_id, v_event -> 'sender' ->> 'name', not v_is_group, case when not v_is_group then now() end)
        returning id into v_new_contact_id;
        v_contact_id := v_new_contact_id;
      end if;
      insert into agents.contact_identities (contact_id, ai_lenser_id, channel, external_id, display_name)
      values (v_contact_id, v_binding.ai_lenser_id, v_binding.channel, v_external_id, v_event -> 'sender' ->> 'name')
      on conflict do nothing;
      select i.* into v_identity from agents.contact_identities i
      where i.ai_lenser_id = v_binding.ai_lenser_id and i.channel = v_binding.channel and i.external_id = v_external_id;
      if v_new_contact_id is not null and v_identity.contact_id <> v_new_contact_id then
        delete from agents.contacts c where c.id = v_new_contact_id;
      elsif v_new_contact_id is not null then
        v_events := v_events || jsonb_build_object('type', 'contact_created', 'subject_kind', 'contact', 'subject_id', v_new_contact_id,
          'contact_id', v_new_contact_id, 'payload', jsonb_build_object('contact_id', v_new_contact_id, 'channel', v_binding.channel,
            'external_id', v_external_id, 'resolved', not v_is_group or v_profile_id is not null));
      end if;
    end if;
    if not v_is_group then
      update agents.contacts c set resolved = true, resolved_at = now() where c.id = v_identity.contact_id and not c.resolved;
    end if;
    v_identity_ids[v_index] := v_identity.id;
    v_contact_ids[v_index] := v_identity.contact_id;
  end loop;

  -- 2. The conversations: per identity (1:1) or per group, created once in key order, then all of
  --    this batch's locked in id order: each message's seq is allocated under its conversation's lock,
  --    gap-free and in commit order.
  for v_event, v_index in select e, o::integer from jsonb_array_elements(p_events) with ordinality x(e, o)
                           where e ->> 'kind' = 'message'
                           order by coalesce('g:' || (e ->> 'groupId'), 'i:' || (e -> 'sender' ->> 'externalId')), o loop
    if v_event ? 'groupId' then
      insert into agents.conversations (binding_id, ai_lenser_id, channel, external_thread_id)
      values (v_binding.id, v_binding.ai_lenser_id, v_binding.channel, v_event ->> 'groupId')
      on conflict do nothing;
      select c.id into v_conversation_id from agents.conversations c
      where c.binding_id = v_binding.id and c.external_thread_id = v_event ->> 'groupId';
    else
      insert into agents.conversations (binding_id, ai_lenser_id, channel, identity_id, contact_id)
      values (v_binding.id, v_binding.ai_lenser_id, v_binding.channel, v_identity_ids[v_index], v_contact_ids[v_index])
      on conflict do nothing;
      select c.id into v_conversation_id from agents.conversations c
      where c.binding_id = v_binding.id and c.identity_id = v_identity_ids[v_index];
    end if;
    v_conversation_ids[v_index] := v_conversation_id;
  end loop;
  perform 1 from agents.conversations c where c.id = any (v_conversation_ids) order by c.id for update;

  -- 3. The messages, in event order. A redelivery (the provider's message id or event id, unique per
  --    channel) inserts nothing and takes no seq.
  for v_event, v_index in select e, o::integer from jsonb_array_elements(p_events) with ordinality x(e, o)
                           where e ->> 'kind' = 'message' order by o loop
    select c.* into v_conversation from agents.conversations c where c.id = v_conversation_ids[v_index];
    v_message_id := null;
    insert into agents.messages (conversation_id, seq, binding_id, ai_lenser_id, channel, direction, contact_id, sender_name,
      body, media, metadata, provider_message_id, provider_event_id, thread_id)
    values (v_conversation.id, v_conversation.last_message_seq + 1, v_binding.id, v_binding.ai_lenser_id, v_binding.channel,
      'inbound', v_contact_ids[v_index], v_event -> 'sender' ->> 'name', v_event ->> 'body', v_event -> 'media',
      coalesce(v_event -> 'metadata', '{}'::jsonb) || jsonb_build_object('sentAt', v_event ->> 'sentAt'),
      v_event ->> 'providerMessageId', v_event ->> 'providerEventId', v_event ->> 'threadId')
    on conflict do nothing
    returning id into v_message_id;
    if v_message_id is null then
      v_duplicates := v_duplicates + 1;
      continue;
    end if;
    update agents.conversations c set
      last_message_seq = v_conversation.last_message_seq + 1,
      last_active_at = greatest(c.last_active_at, now()),
      last_inbound_at = greatest(c.last_inbound_at, least((v_event ->> 'sentAt')::timestamptz, now()))
    where c.id = v_conversation.id;
    -- The conversation's turn, queued or debounced in this transaction (agents.fn_queue_conversation_turn).
    perform agents.fn_queue_conversation_turn(v_conversation.id, v_conversation.last_message_seq + 1);
    v_events := v_events || jsonb_build_object('type', 'message_received', 'subject_kind', 'message', 'subject_id', v_message_id,
      'contact_id', v_contact_ids[v_index], 'payload', jsonb_build_object('message_id', v_message_id, 'binding_id', v_binding.id,
        'conversation_id', v_conversation.id, 'channel', v_binding.channel, 'seq', v_conversation.last_message_seq + 1,
        'orphan', v_contact_ids[v_index] is null or not exists (select 1 from agents.contacts c where c.id = v_contact_ids[v_index] and c.resolved)));
    v_stored := v_stored + 1;
    v_ids := v_ids || v_message_id;
  end loop;

  -- 4. Delivery statuses of this binding's outbound messages, forward only (a stale one is ignored).
  for v_event in select e from jsonb_array_elements(p_events) with ordinality x(e, o)
                 where e ->> 'kind' = 'status' order by e ->> 'providerMessageId', o loop
    v_status := (v_event ->> 'status')::agents.message_status;
    v_at := least((v_event ->> 'at')::timestamptz, now());
    v_reconciled := false;
    if v_event ? 'callbackData' and not exists (select 1 from agents.messages m
                                                where m.channel = v_binding.channel and m.provider_message_id = v_event ->> 'providerMessageId') then
      -- The outbox row first, then the message: the order the sender's RPCs lock them in.
      select s.sent_as into v_sent_as from agents.message_sends s
      where s.message_id = (v_event ->> 'callbackData')::uuid and s.binding_id = v_binding.id and s.done_at is null
      for update;
      if found then
        update agents.messages m set provider_message_id = v_event ->> 'providerMessageId'
        where m.id = (v_event ->> 'callbackData')::uuid and m.direction = 'outbound' and m.delivery_status = 'queued'
          and m.provider_message_id is null;
        get diagnostics v_rows = row_count;
        v_reconciled := v_rows > 0;
      end if;
      if v_reconciled then
        update agents.message_sends s set done_at = now(), lease_token = null, lease_owner = null, lease_expires_at = null,
          uncertain_since = null
        where s.message_id = (v_event ->> 'callbackData')::uuid;
      end if;
    end if;
    update agents.messages m set
      delivery_status = v_status,
      error = case when v_status = 'failed' then coalesce(v_event -> 'error', '{"title":"failed"}'::jsonb) end,
      sent_at = case when v_status = 'sent' then v_at else m.sent_at end,
      delivered_at = case when v_status = 'delivered' then v_at else m.delivered_at end,
      read_at = case when v_status = 'read' then v_at else m.read_at end,
      failed_at = case when v_status = 'failed' then v_at else m.failed_at end
    where m.channel = v_binding.channel and m.provider_message_id = v_event ->> 'providerMessageId'
      and m.binding_id = v_binding.id and m.direction = 'outbound'
      and agents.fn_message_status_moves(m.delivery_status, v_status)
    returning m.id, m.contact_id, m.conversation_id into v_message_id, v_contact_id, v_conversation_id;
    get diagnostics v_rows = row_count;
    if v_reconciled then
      v_events := v_events || jsonb_build_object('type', 'message_sent', 'subject_kind', 'message', 'subject_id', v_message_id,
        'contact_id', v_contact_id, 'payload', jsonb_build_object('message_id', v_message_id, 'binding_id', v_binding.id,
          'conversation_id', v_conversation_id, 'channel', v_binding.channel, 'status', 'sent',
          'provider_message_id', v_event ->> 'providerMessageId', 'sent_as', v_sent_as, 'reconciled', true));
    end if;
    if v_reconciled and v_status = 'sent' then
      v_statuses := v_statuses + 1; -- the message_sent says it
    elsif v_rows > 0 then
      v_statuses := v_statuses + 1;
      v_events := v_events || jsonb_build_object('type', 'message_status_changed', 'subject_kind', 'message', 'subject_id', v_message_id,
        'contact_id', v_contact_id, 'payload', jsonb_build_object('message_id', v_message_id, 'binding_id', v_binding.id,
          'status', v_status, 'at', v_at, 'error', case when v_status = 'failed' then v_event -> 'error' end));
    else
      v_ignored := v_ignored + 1;
    end if;
  end loop;

  -- 5. On hosted Supabase, the worker is woken now for the turns just queued (agents.fn_wake_worker:
  -- pg_net, at most once every 20 seconds; a no-op locally, where the worker listens).
  if v_stored > 0 then
    perform agents.fn_wake_worker('channels');
  end if;

  -- 6. Their events on the bus (the agent's scope), last: the scope's lock is the last one taken.
  for v_event in select e from jsonb_array_elements(v_events) e loop
    perform agents.fn_emit_event('channels', (v_event ->> 'type')::lenses.run_event_type, v_binding_profile_id, v_event -> 'payload',
      (v_event ->> 'subject_kind')::agents.event_subject_kind, (v_event ->> 'subject_id')::uuid, null, (v_event ->> 'contact_id')::uuid);
  end loop;
  return jsonb_build_object('stored', v_stored, 'duplicates', v_duplicates, 'statuses', v_statuses,
    'ignored', v_ignored, 'messageIds', to_jsonb(v_ids));
end
$function$;

comment on function public.receive_channel_events(p_binding_id uuid, p_events jsonb) is 'Webhooks: stores a batch of normalised inbound messages and delivery statuses for a binding, once each. Service role only.';

revoke all on function public.receive_channel_events(p_binding_id uuid, p_events jsonb) from public, anon, authenticated;
grant execute on function public.receive_channel_events(p_binding_id uuid, p_events jsonb) to service_role;

-- The send_message tool of agent p_ai_lenser_id (run in the database by run_agent_database_tool, in
-- the transaction that records its result, so an approved call sends once): p_input {channel, to,
-- text} (the registry's input schema). `to` names the conversation: a conversation id of the agent on
-- that channel, a contact id of the agent (its most recently active 1:1 conversation on that
-- channel), or the contact's external id there (a WhatsApp number, a Slack user id, a web visitor
-- id). The binding must be active and the conversation active (a paused one stays silent). The text
-- goes out through agents.fn_reply_outbound (guardrails, outbox). A conversation starts with the
-- contact: there is none to someone who never wrote. Returns {messageId, conversationId, status:
-- "queued"}; refusals raise 22023 with the reason the model reads.
create or replace function agents.fn_send_message_tool(p_ai_lenser_id uuid, p_input jsonb, p_origin jsonb default '{}'::jsonb)
 returns jsonb
 language plpgsql
 set search_path to ''
as $function$
declare
  v_channel text := p_input ->> 'channel';
  v_to text := btrim(coalesce(p_input ->> 'to', ''));
  v_text text := p_input ->> 'text';
  v_conversation agents.conversations;
  v_is_uuid boolean;
  v_message_id uuid;
begin
  if v_channel is null or v_channel not in ('whatsapp', 'slack', 'web') then
    raise exception 'send_message: channel must be whatsapp, slack or web' using errcode = '22023';
  end if;
  if v_to = '' or char_length(v_to) > 256 then
    raise exception 'send_message: to must name a conversation, a contact or the contact''s id on %', v_channel using errcode = '22023';
  end if;
  if v_text is null or btrim(v_text) = '' or char_length(v_text) > 4096 then
    raise exception 'send_message: text must be 1 to 4096 characters' using errcode = '22023';
  end if;
  v_is_uuid := v_to ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
  select c.* into v_conversation
  from agents.conversations c join agents.channel_bindings b on b.id = c.binding_id
  where c.ai_lenser_id = p_ai_lenser_id and c.channel = v_channel::agents.channel and b.status = 'active'
    and ((v_is_uuid and (c.id = v_to::uuid or (c.contact_id = v_to::uuid and c.identity_id is not null)))
      or (c.identity_id in (select i.id from agents.contact_identities i
                            where i.ai_lenser_id = p_ai_lenser_id and i.channel = v_channel::agents.channel and i.external_id = v_to)))
  order by (v_is_uuid and c.id = v_to::uuid) desc, c.last_active_at desc
  limit 1;
  if v_conversation.id is null then
    raise exception 'send_message: no conversation with % on % through an active binding of this agent (the contact must write first)', v_to, v_channel
      using errcode = '22023';
  end if;
  if v_conversation.state <> 'active' then
    raise exception 'send_message: the conversation with % is % (%)', v_to, v_conversation.state, coalesce(v_conversation.paused_reason, 'no reason given')
      using errcode = '22023';
  end if;
  v_message_id := agents.fn_reply_outbound(v_conversation.id, v_text, null, jsonb_build_object('kind', 'send_message') || coalesce(p_origin, '{}'));
  return jsonb_build_object('messageId', v_message_id, 'conversationId', v_conversation.id, 'status', 'queued');
end
$function$;

comment on function agents.fn_send_message_tool(p_ai_lenser_id uuid, p_input jsonb, p_origin jsonb) is 'The send_message tool: puts a text for a conversation of the agent (named by conversation, contact or external id) in the outbox.';

revoke all on function agents.fn_send_message_tool(p_ai_lenser_id uuid, p_input jsonb, p_origin jsonb) from public;
grant execute on function agents.fn_send_message_tool(p_ai_lenser_id uuid, p_input jsonb, p_origin jsonb) to service_role;

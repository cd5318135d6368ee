-- The web chat stream: the messages of the web conversation of identity p_external_id
-- ('visitor:<uuid>' or 'user:<profile id>') on binding p_binding_id with seq > p_after_seq, oldest
-- first, at most p_limit (1 to 500). seq is gap-free and in commit order per conversation, so a cursor
-- never misses a row. The stream stops before an outbound message held for its model judges (README
-- "Guardrails"): it and what follows come once the judges let it go, rewritten where they rewrote it;
-- one they blocked (failed, guardrail_blocked) is never streamed. Empty when the identity has no
-- conversation yet. Not a web binding, or none: PT404. Service role only.
create or replace function public.get_web_chat_messages(p_binding_id uuid, p_external_id text, p_after_seq bigint, p_limit integer)
 returns table(conversation_id uuid, seq bigint, id uuid, direction agents.message_direction, body text, delivery_status agents.message_status, created_at timestamp with time zone)
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'get_web_chat_messages';
  v_binding agents.channel_bindings;
  v_conversation uuid;
  v_held_seq bigint;
begin
  perform lensers.fn_limit_text('get_web_chat_messages', 'p_external_id', p_external_id, 200);
  perform agents.fn_rpc_not_null(c_rpc, 'p_binding_id', p_binding_id);
  if p_external_id is null or p_external_id !~ '^(visitor|user):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
    raise exception '%: p_external_id must be visitor:<uuid> or user:<profile id> (lower case)', c_rpc using errcode = '22023';
  end if;
  if p_after_seq is null or p_after_seq < 0 then
    raise exception '%: p_after_seq must be 0 or more', c_rpc using errcode = '22023';
  end if;
  if p_limit is null or p_limit not between 1 and 500 then
    raise exception '%: p_limit must be between 1 and 500', c_rpc using errcode = '22023';
  end if;
  select b.* into v_binding from agents.channel_bindings b where b.id = p_binding_id and b.channel = 'web';
  if not found then
    raise exception '%: no web binding %', c_rpc, p_binding_id using errcode = 'PT404';
  end if;
  select c.id into v_conversation
  from agents.contact_identities i
  join agents.conversations c on c.binding_id = v_binding.id and c.identity_id = i.id
  where i.ai_lenser_id = v_binding.ai_lenser_id and i.channel = 'web' and i.external_id = p_external_id;
  if v_conversation is null then
    return;
  end if;
  select min(m.seq) into v_held_seq from agents.message_sends s join agents.messages m on m.id = s.message_id
  where s.conversation_id = v_conversation and s.held_for_judgement;
  return query
    select m.conversation_id, m.seq, m.id, m.direction, m.body, m.delivery_status, m.created_at
    from agents.messages m
    where m.conversation_id = v_conversation and m.seq > p_after_seq and m.seq < coalesce(v_held_seq, 9223372036854775807)
      and not (m.direction = 'outbound' and m.delivery_status = 'failed' and m.error ->> 'code' = 'guardrail_blocked')
    order by m.seq
    limit p_limit;
end
$function$;

comment on function public.get_web_chat_messages(p_binding_id uuid, p_external_id text, p_after_seq bigint, p_limit integer) is 'Web chat stream: a web identity''s messages on a binding after a seq, oldest first. Service role only.';

revoke all on function public.get_web_chat_messages(p_binding_id uuid, p_external_id text, p_after_seq bigint, p_limit integer) from public, anon, authenticated;
grant execute on function public.get_web_chat_messages(p_binding_id uuid, p_external_id text, p_after_seq bigint, p_limit integer) to service_role;

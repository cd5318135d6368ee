-- The recent history of a conversation as a reply's prompt reads it: its last p_limit messages
-- (failed outbound ones left out), oldest first, one per paragraph: "Contact: ..." for the contact
-- (in a group, the sender's name), "You: ..." for the agent's own. An input guardrail's rewrite
-- replaces the body it rewrote; an inbound message an input guardrail blocked is left out (it never
-- reaches the agent, in its own turn or in any later one).
create or replace function agents.fn_conversation_history(p_conversation_id uuid, p_limit integer)
 returns text
 language sql
 stable
 set search_path to ''
as $function$
  select coalesce(string_agg(
    case when h.direction = 'outbound' then 'You: '
         when h.is_group then coalesce(nullif(btrim(h.sender_name), ''), 'Someone') || ': '
         else 'Contact: ' end || h.body, E'\n\n' order by h.seq), '')
  from (
    select m.seq, m.direction, m.sender_name,
           -- An inbound message an input guardrail rewrote reads as rewritten (every rewrite row of a
           -- verdict holds its final text).
           coalesce((select v.rewritten_text from agents.guardrail_violations v
                     where v.message_id = m.id and v.direction = 'input' and v.rewritten_text is not null
                     limit 1), m.body) as body,
           c.external_thread_id is not null as is_group
    from agents.messages m join agents.conversations c on c.id = m.conversation_id
    where m.conversation_id = p_conversation_id and m.delivery_status is distinct from 'failed'
      and not exists (select 1 from agents.guardrail_violations v
                      where v.message_id = m.id and v.direction = 'input' and v.outbound_blocked)
    order by m.seq desc limit greatest(p_limit, 1)) h
$function$;

comment on function agents.fn_conversation_history(p_conversation_id uuid, p_limit integer) is 'The last messages of a conversation, oldest first, as "Contact: ..." / "You: ..." paragraphs.';

revoke all on function agents.fn_conversation_history(p_conversation_id uuid, p_limit integer) from public;
grant execute on function agents.fn_conversation_history(p_conversation_id uuid, p_limit integer) to service_role;

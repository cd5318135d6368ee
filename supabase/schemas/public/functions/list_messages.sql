-- The messages of a conversation the caller may see (its agent's owners, co-owners and operators),
-- newest first, keyset paginated by seq: pass the last row's seq as p_before_seq for the next page.
create or replace function public.list_messages(p_conversation_id uuid, p_before_seq bigint default NULL::bigint, p_limit integer default 50)
 returns setof agents.messages
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  perform lensers.fn_rpc_page('list_messages', p_limit, 0);
  perform agents.fn_rpc_not_null('list_messages', 'p_conversation_id', p_conversation_id);
  if not exists (select 1 from agents.conversations c where c.id = p_conversation_id) then
    raise exception 'list_messages: no conversation % that you can see', p_conversation_id using errcode = 'PT404';
  end if;
  return query
    select m.* from agents.messages m
    where m.conversation_id = p_conversation_id and (p_before_seq is null or m.seq < p_before_seq)
    order by m.seq desc
    limit p_limit;
end
$function$;

comment on function public.list_messages(p_conversation_id uuid, p_before_seq bigint, p_limit integer) is 'A conversation''s messages, newest first (keyset: p_before_seq of the last row; p_limit 1 to 200).';

revoke all on function public.list_messages(p_conversation_id uuid, p_before_seq bigint, p_limit integer) from public;
grant execute on function public.list_messages(p_conversation_id uuid, p_before_seq bigint, p_limit integer) to authenticated;

-- The conversations of an agent the caller owns, co-owns or operates, most recently active first,
-- keyset paginated (p_before_last_active_at + p_before_id of the last row), optionally of one binding
-- or one contact.
create or replace function public.list_conversations(p_ai_lenser_id uuid, p_binding_id uuid default NULL::uuid, p_contact_id uuid default NULL::uuid, p_before_last_active_at timestamp with time zone default NULL::timestamp with time zone, p_before_id uuid default NULL::uuid, p_limit integer default 50)
 returns setof agents.conversations
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  perform lensers.fn_rpc_page('list_conversations', p_limit, 0);
  perform agents.fn_rpc_require_operate('list_conversations', p_ai_lenser_id);
  if (p_before_last_active_at is null) <> (p_before_id is null) then
    raise exception 'list_conversations: p_before_last_active_at and p_before_id go together (the last row''s)' using errcode = '22023';
  end if;
  return query
    select c.* from agents.conversations c
    where c.ai_lenser_id = p_ai_lenser_id
      and (p_binding_id is null or c.binding_id = p_binding_id)
      and (p_contact_id is null or c.contact_id = p_contact_id)
      and (p_before_last_active_at is null or (c.last_active_at, c.id) < (p_before_last_active_at, p_before_id))
    order by c.last_active_at desc, c.id desc
    limit p_limit;
end
$function$;

comment on function public.list_conversations(p_ai_lenser_id uuid, p_binding_id uuid, p_contact_id uuid, p_before_last_active_at timestamp with time zone, p_before_id uuid, p_limit integer) is 'An agent''s conversations, most recently active first (keyset: p_before_last_active_at + p_before_id; p_limit 1 to 200).';

revoke all on function public.list_conversations(p_ai_lenser_id uuid, p_binding_id uuid, p_contact_id uuid, p_before_last_active_at timestamp with time zone, p_before_id uuid, p_limit integer) from public;
grant execute on function public.list_conversations(p_ai_lenser_id uuid, p_binding_id uuid, p_contact_id uuid, p_before_last_active_at timestamp with time zone, p_before_id uuid, p_limit integer) to authenticated;

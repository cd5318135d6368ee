-- The contacts of an agent the caller owns, co-owns or operates, newest first, keyset paginated:
-- pass the last row's created_at and id as p_before_created_at and p_before_id for the next page.
-- p_resolved: only resolved (true) or only orphans (false); merged contacts only with p_include_merged.
create or replace function public.list_contacts(p_ai_lenser_id uuid, p_resolved boolean default NULL::boolean, p_include_merged boolean default false, p_before_created_at timestamp with time zone default NULL::timestamp with time zone, p_before_id uuid default NULL::uuid, p_limit integer default 50)
 returns setof agents.contacts
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  perform lensers.fn_rpc_page('list_contacts', p_limit, 0);
  perform agents.fn_rpc_require_operate('list_contacts', p_ai_lenser_id);
  if (p_before_created_at is null) <> (p_before_id is null) then
    raise exception 'list_contacts: p_before_created_at and p_before_id go together (the last row''s)' using errcode = '22023';
  end if;
  return query
    select c.* from agents.contacts c
    where c.ai_lenser_id = p_ai_lenser_id
      and (p_resolved is null or c.resolved = p_resolved)
      and (coalesce(p_include_merged, false) or c.merged_into_id is null)
      and (p_before_created_at is null or (c.created_at, c.id) < (p_before_created_at, p_before_id))
    order by c.created_at desc, c.id desc
    limit p_limit;
end
$function$;

comment on function public.list_contacts(p_ai_lenser_id uuid, p_resolved boolean, p_include_merged boolean, p_before_created_at timestamp with time zone, p_before_id uuid, p_limit integer) is 'An agent''s contacts, newest first (keyset: p_before_created_at + p_before_id of the last row; p_limit 1 to 200).';

revoke all on function public.list_contacts(p_ai_lenser_id uuid, p_resolved boolean, p_include_merged boolean, p_before_created_at timestamp with time zone, p_before_id uuid, p_limit integer) from public;
grant execute on function public.list_contacts(p_ai_lenser_id uuid, p_resolved boolean, p_include_merged boolean, p_before_created_at timestamp with time zone, p_before_id uuid, p_limit integer) to authenticated;

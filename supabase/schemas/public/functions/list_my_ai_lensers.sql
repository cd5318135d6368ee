create or replace function public.list_my_ai_lensers(p_limit integer default 50, p_offset integer default 0)
 returns TABLE(ai_lenser_id uuid, profile_id uuid, handle text, display_name text, visibility lensers.profile_visibility, runtime_pref agents.runtime_pref, is_active boolean, my_role agents.ownership_role, created_at timestamp with time zone)
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  perform lensers.fn_rpc_page('list_my_ai_lensers', p_limit, p_offset);
  return query
    select a.id, p.id, p.handle, p.display_name, p.visibility, a.runtime_pref, a.is_active, o.role, a.created_at
    from agents.ai_lensers a
    join lensers.profiles p on p.id = a.profile_id
    join agents.ownerships o on o.ai_lenser_id = a.id and o.revoked_at is null
    where o.owner_lenser_id = (select lensers.current_profile_id())
    order by a.created_at desc, a.id
    limit p_limit offset p_offset;
end
$function$;

comment on function public.list_my_ai_lensers(p_limit integer, p_offset integer) is 'Agents the caller owns, co-owns or operates, newest first.';

revoke all on function public.list_my_ai_lensers(p_limit integer, p_offset integer) from public;
grant execute on function public.list_my_ai_lensers(p_limit integer, p_offset integer) to authenticated;

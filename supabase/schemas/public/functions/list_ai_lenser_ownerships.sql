create or replace function public.list_ai_lenser_ownerships(p_ai_lenser_id uuid, p_include_revoked boolean default false)
 returns TABLE(ownership_id uuid, owner_lenser_id uuid, owner_handle text, role agents.ownership_role, permission_scope agents.ownership_permission[], granted_at timestamp with time zone, revoked_at timestamp with time zone)
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  if p_ai_lenser_id is null then
    raise exception 'list_ai_lenser_ownerships: p_ai_lenser_id is required' using errcode = '22023';
  end if;
  return query
    select o.id, o.owner_lenser_id, p.handle, o.role, o.permission_scope, o.granted_at, o.revoked_at
    from agents.ownerships o
    left join lensers.profiles p on p.id = o.owner_lenser_id
    where o.ai_lenser_id = p_ai_lenser_id and (coalesce(p_include_revoked, false) or o.revoked_at is null)
    order by o.granted_at, o.id;
end
$function$;

comment on function public.list_ai_lenser_ownerships(p_ai_lenser_id uuid, p_include_revoked boolean) is 'The grants on an agent, for those who hold one.';

revoke all on function public.list_ai_lenser_ownerships(p_ai_lenser_id uuid, p_include_revoked boolean) from public;
grant execute on function public.list_ai_lenser_ownerships(p_ai_lenser_id uuid, p_include_revoked boolean) to authenticated;

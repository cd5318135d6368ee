create or replace function public.grant_ai_lenser_ownership(p_ai_lenser_id uuid, p_owner_handle text, p_role agents.ownership_role, p_permission_scope agents.ownership_permission[] default NULL::agents.ownership_permission[])
 returns agents.ownerships
 language plpgsql
 set search_path to ''
as $function$
declare
  v_me uuid := (select lensers.current_profile_id());
  v_grantee uuid;
  v_row agents.ownerships;
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_text('grant_ai_lenser_ownership', 'p_owner_handle', p_owner_handle, 64);
  if p_ai_lenser_id is null then
    raise exception 'grant_ai_lenser_ownership: p_ai_lenser_id is required' using errcode = '22023';
  end if;
  if p_role is null then
    raise exception 'grant_ai_lenser_ownership: p_role must be owner, co_owner or operator' using errcode = '22023';
  end if;
  if not (select agents.can_manage_ai_lenser(p_ai_lenser_id)) then
    raise exception 'grant_ai_lenser_ownership: you do not own or co-own agent %', p_ai_lenser_id using errcode = '42501';
  end if;
  if p_role = 'owner' and not exists (
    select 1 from agents.ownerships o
    where o.ai_lenser_id = p_ai_lenser_id and o.owner_lenser_id = v_me and o.role = 'owner' and o.revoked_at is null
  ) then
    raise exception 'grant_ai_lenser_ownership: only an owner can grant the owner role' using errcode = '42501';
  end if;
  select p.id into v_grantee from lensers.profiles p
  where lower(p.handle) = lower(btrim(p_owner_handle)) and p.type = 'human' and p.status = 'active';
  if v_grantee is null then
    raise exception 'grant_ai_lenser_ownership: p_owner_handle "%" is not an active human lenser you can see',
      coalesce(p_owner_handle, 'null') using errcode = '22023';
  end if;
  if exists (select 1 from agents.ownerships o
             where o.ai_lenser_id = p_ai_lenser_id and o.owner_lenser_id = v_grantee and o.revoked_at is null) then
    raise exception 'grant_ai_lenser_ownership: "%" already holds a live grant; revoke it first to change the role',
      p_owner_handle using errcode = '23505';
  end if;
  insert into agents.ownerships (ai_lenser_id, owner_lenser_id, role, permission_scope, granted_by)
  values (
    p_ai_lenser_id, v_grantee, p_role,
    coalesce(p_permission_scope, case when p_role = 'operator' then array['run', 'view_runs']::agents.ownership_permission[]
                                      else enum_range(null::agents.ownership_permission) end),
    v_me
  )
  returning * into v_row;
  return v_row;
end
$function$;

comment on function public.grant_ai_lenser_ownership(p_ai_lenser_id uuid, p_owner_handle text, p_role agents.ownership_role, p_permission_scope agents.ownership_permission[]) is 'Grants a human (by handle) a role on an agent; owners and co-owners may grant, only owners may grant owner.';

revoke all on function public.grant_ai_lenser_ownership(p_ai_lenser_id uuid, p_owner_handle text, p_role agents.ownership_role, p_permission_scope agents.ownership_permission[]) from public;
grant execute on function public.grant_ai_lenser_ownership(p_ai_lenser_id uuid, p_owner_handle text, p_role agents.ownership_role, p_permission_scope agents.ownership_permission[]) to authenticated;

-- The RPC surface for AI lensers and their ownerships.

-- Creating an agent writes three rows at once (the AI profile, its ai_lensers row and the caller's
-- owner grant). No RLS policy could allow the first two before the third exists, so this one RPC
-- is SECURITY DEFINER and checks its caller itself.
create function public.create_ai_lenser(
  p_handle text,
  p_display_name text,
  p_runtime_pref agents.runtime_pref default 'cloud',
  p_visibility lensers.profile_visibility default 'private',
  p_personality_note text default null,
  p_avatar_url text default null
) returns agents.ai_lensers
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_owner uuid := lensers.current_profile_id();
  v_profile_id uuid;
  v_agent agents.ai_lensers;
begin
  if v_owner is null then
    raise exception 'create_ai_lenser: sign in first (no human profile for this JWT)' using errcode = '42501';
  end if;
  if (select p.status from lensers.profiles p where p.id = v_owner) <> 'active' then
    raise exception 'create_ai_lenser: your profile is not active' using errcode = '42501';
  end if;
  if p_handle is null or p_handle !~ '^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38}[A-Za-z0-9])?$' then
    raise exception 'create_ai_lenser: p_handle "%" is not a slug (1 to 40 letters, digits or inner hyphens)',
      coalesce(p_handle, 'null') using errcode = '22023';
  end if;
  if exists (select 1 from lensers.profiles p where lower(p.handle) = lower(p_handle)) then
    raise exception 'create_ai_lenser: p_handle "%" is taken', p_handle using errcode = '23505';
  end if;
  if p_display_name is null or char_length(btrim(p_display_name)) not between 1 and 120 then
    raise exception 'create_ai_lenser: p_display_name must be 1 to 120 characters' using errcode = '22023';
  end if;
  if p_runtime_pref is null then
    raise exception 'create_ai_lenser: p_runtime_pref must be cloud, local or hybrid' using errcode = '22023';
  end if;
  if p_visibility is null then
    raise exception 'create_ai_lenser: p_visibility must be public, private or unlisted' using errcode = '22023';
  end if;
  if char_length(p_personality_note) > 4000 then
    raise exception 'create_ai_lenser: p_personality_note must be at most 4000 characters' using errcode = '22023';
  end if;
  if p_avatar_url is not null and p_avatar_url !~ '^https?://' then
    raise exception 'create_ai_lenser: p_avatar_url must be an http(s) URL' using errcode = '22023';
  end if;

  insert into lensers.profiles (handle, display_name, type, visibility, avatar_url)
  values (p_handle, btrim(p_display_name), 'ai', p_visibility, p_avatar_url)
  returning id into v_profile_id;
  insert into agents.ai_lensers (profile_id, runtime_pref, personality_note)
  values (v_profile_id, p_runtime_pref, p_personality_note)
  returning * into v_agent;
  insert into agents.ownerships (ai_lenser_id, owner_lenser_id, role, permission_scope, granted_by)
  values (v_agent.id, v_owner, 'owner', enum_range(null::agents.ownership_permission), v_owner);
  return v_agent;
end
$$;
comment on function public.create_ai_lenser(text, text, agents.runtime_pref, lensers.profile_visibility, text, text) is
  'Creates an AI lenser owned by the caller. [security definer: writes the AI profile, its agent row and the first owner grant together; checks the caller itself]';

create function public.update_ai_lenser(
  p_ai_lenser_id uuid,
  p_runtime_pref agents.runtime_pref default null,
  p_personality_note text default null,
  p_display_name text default null,
  p_visibility lensers.profile_visibility default null
) returns agents.ai_lensers
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_agent agents.ai_lensers;
begin
  if p_ai_lenser_id is null then
    raise exception 'update_ai_lenser: p_ai_lenser_id is required' using errcode = '22023';
  end if;
  if not (select agents.can_manage_ai_lenser(p_ai_lenser_id)) then
    raise exception 'update_ai_lenser: you do not own or co-own agent %', p_ai_lenser_id using errcode = '42501';
  end if;
  if char_length(p_personality_note) > 4000 then
    raise exception 'update_ai_lenser: p_personality_note must be at most 4000 characters' using errcode = '22023';
  end if;
  if p_display_name is not null and char_length(btrim(p_display_name)) not between 1 and 120 then
    raise exception 'update_ai_lenser: p_display_name must be 1 to 120 characters' using errcode = '22023';
  end if;
  update agents.ai_lensers a set
    runtime_pref = coalesce(p_runtime_pref, a.runtime_pref),
    personality_note = coalesce(p_personality_note, a.personality_note)
  where a.id = p_ai_lenser_id
  returning * into v_agent;
  update lensers.profiles p set
    display_name = coalesce(btrim(p_display_name), p.display_name),
    visibility = coalesce(p_visibility, p.visibility)
  where p.id = v_agent.profile_id;
  return v_agent;
end
$$;
comment on function public.update_ai_lenser(uuid, agents.runtime_pref, text, text, lensers.profile_visibility) is
  'Changes an agent the caller owns or co-owns; arguments left null keep their value.';

create function public.set_ai_lenser_active(p_ai_lenser_id uuid, p_active boolean, p_reason text default null)
returns agents.ai_lensers
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_agent agents.ai_lensers;
begin
  if p_ai_lenser_id is null or p_active is null then
    raise exception 'set_ai_lenser_active: p_ai_lenser_id and p_active are required' using errcode = '22023';
  end if;
  if not (select agents.can_manage_ai_lenser(p_ai_lenser_id)) then
    raise exception 'set_ai_lenser_active: you do not own or co-own agent %', p_ai_lenser_id using errcode = '42501';
  end if;
  if not p_active and (p_reason is null or btrim(p_reason) = '') then
    raise exception 'set_ai_lenser_active: p_reason is required to suspend an agent' using errcode = '22023';
  end if;
  update agents.ai_lensers a set
    is_active = p_active,
    suspended_at = case when p_active then null else now() end,
    suspended_reason = case when p_active then null else btrim(p_reason) end
  where a.id = p_ai_lenser_id
  returning * into v_agent;
  return v_agent;
end
$$;
comment on function public.set_ai_lenser_active(uuid, boolean, text) is
  'Suspends (with a reason) or reactivates an agent the caller owns or co-owns.';

create function public.list_my_ai_lensers(p_limit integer default 50, p_offset integer default 0)
returns table (
  ai_lenser_id uuid,
  profile_id uuid,
  handle text,
  display_name text,
  visibility lensers.profile_visibility,
  runtime_pref agents.runtime_pref,
  is_active boolean,
  my_role agents.ownership_role,
  created_at timestamptz
)
language plpgsql
stable
set search_path = ''
as $$
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
$$;
comment on function public.list_my_ai_lensers(integer, integer) is 'Agents the caller owns, co-owns or operates, newest first.';

create function public.grant_ai_lenser_ownership(
  p_ai_lenser_id uuid,
  p_owner_handle text,
  p_role agents.ownership_role,
  p_permission_scope agents.ownership_permission[] default null
) returns agents.ownerships
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_me uuid := (select lensers.current_profile_id());
  v_grantee uuid;
  v_row agents.ownerships;
begin
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
$$;
comment on function public.grant_ai_lenser_ownership(uuid, text, agents.ownership_role, agents.ownership_permission[]) is
  'Grants a human (by handle) a role on an agent; owners and co-owners may grant, only owners may grant owner.';

create function public.revoke_ai_lenser_ownership(p_ownership_id uuid) returns agents.ownerships
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_row agents.ownerships;
begin
  if p_ownership_id is null then
    raise exception 'revoke_ai_lenser_ownership: p_ownership_id is required' using errcode = '22023';
  end if;
  select o.* into v_row from agents.ownerships o where o.id = p_ownership_id;
  if not found then
    raise exception 'revoke_ai_lenser_ownership: no ownership % that you can see', p_ownership_id using errcode = 'P0002';
  end if;
  if v_row.revoked_at is not null then
    raise exception 'revoke_ai_lenser_ownership: ownership % was already revoked at %', p_ownership_id, v_row.revoked_at
      using errcode = '22023';
  end if;
  if not (select agents.can_manage_ai_lenser(v_row.ai_lenser_id)) then
    raise exception 'revoke_ai_lenser_ownership: you do not own or co-own agent %', v_row.ai_lenser_id using errcode = '42501';
  end if;
  if v_row.role = 'owner' and not exists (
    select 1 from agents.ownerships o
    where o.ai_lenser_id = v_row.ai_lenser_id and o.owner_lenser_id = (select lensers.current_profile_id())
      and o.role = 'owner' and o.revoked_at is null
  ) then
    raise exception 'revoke_ai_lenser_ownership: only an owner can revoke an owner' using errcode = '42501';
  end if;
  update agents.ownerships o set revoked_at = now() where o.id = p_ownership_id returning * into v_row;
  return v_row;
end
$$;
comment on function public.revoke_ai_lenser_ownership(uuid) is 'Revokes a grant (kept as history). The last owner cannot be revoked.';

create function public.list_ai_lenser_ownerships(p_ai_lenser_id uuid, p_include_revoked boolean default false)
returns table (
  ownership_id uuid,
  owner_lenser_id uuid,
  owner_handle text,
  role agents.ownership_role,
  permission_scope agents.ownership_permission[],
  granted_at timestamptz,
  revoked_at timestamptz
)
language plpgsql
stable
set search_path = ''
as $$
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
$$;
comment on function public.list_ai_lenser_ownerships(uuid, boolean) is 'The grants on an agent, for those who hold one.';

revoke execute on function
  public.create_ai_lenser(text, text, agents.runtime_pref, lensers.profile_visibility, text, text),
  public.update_ai_lenser(uuid, agents.runtime_pref, text, text, lensers.profile_visibility),
  public.set_ai_lenser_active(uuid, boolean, text),
  public.list_my_ai_lensers(integer, integer),
  public.grant_ai_lenser_ownership(uuid, text, agents.ownership_role, agents.ownership_permission[]),
  public.revoke_ai_lenser_ownership(uuid),
  public.list_ai_lenser_ownerships(uuid, boolean)
from public;
grant execute on function
  public.create_ai_lenser(text, text, agents.runtime_pref, lensers.profile_visibility, text, text),
  public.update_ai_lenser(uuid, agents.runtime_pref, text, text, lensers.profile_visibility),
  public.set_ai_lenser_active(uuid, boolean, text),
  public.list_my_ai_lensers(integer, integer),
  public.grant_ai_lenser_ownership(uuid, text, agents.ownership_role, agents.ownership_permission[]),
  public.revoke_ai_lenser_ownership(uuid),
  public.list_ai_lenser_ownerships(uuid, boolean)
to authenticated;

-- The RPC surface for profiles. SECURITY INVOKER: RLS on lensers.profiles decides what a caller
-- sees and may change. Bad arguments raise SQLSTATE 22023 naming the argument.

-- Paging arguments of every list RPC: p_limit 1..p_max (200 unless said), p_offset 0 or more.
create function lensers.fn_rpc_page(p_rpc text, p_limit integer, p_offset integer, p_max integer default 200)
returns void
language plpgsql
immutable
set search_path = ''
as $$
begin
  if p_limit is null or p_limit not between 1 and p_max then
    raise exception '%: p_limit must be between 1 and %, got %', p_rpc, p_max, coalesce(p_limit::text, 'null')
      using errcode = '22023';
  end if;
  if p_offset is null or p_offset < 0 then
    raise exception '%: p_offset must be 0 or more, got %', p_rpc, coalesce(p_offset::text, 'null') using errcode = '22023';
  end if;
end
$$;
revoke execute on function lensers.fn_rpc_page(text, integer, integer, integer) from public;
grant execute on function lensers.fn_rpc_page(text, integer, integer, integer) to anon, authenticated, service_role;

create function public.get_my_profile() returns lensers.profiles
language plpgsql
stable
set search_path = ''
as $$
declare
  v_profile lensers.profiles;
begin
  if (select auth.uid()) is null then
    raise exception 'get_my_profile: sign in first (no user in the JWT)' using errcode = '42501';
  end if;
  select p.* into v_profile from lensers.profiles p where p.user_id = (select auth.uid());
  return v_profile;
end
$$;
comment on function public.get_my_profile() is 'The signed-in user''s own profile.';

create function public.get_profile(p_handle text) returns lensers.profiles
language plpgsql
stable
set search_path = ''
as $$
declare
  v_profile lensers.profiles;
begin
  if p_handle is null or btrim(p_handle) = '' then
    raise exception 'get_profile: p_handle is required' using errcode = '22023';
  end if;
  select p.* into v_profile from lensers.profiles p where lower(p.handle) = lower(btrim(p_handle));
  if not found then
    raise exception 'get_profile: no visible profile with handle "%"', p_handle using errcode = 'P0002';
  end if;
  return v_profile;
end
$$;
comment on function public.get_profile(text) is 'A profile by handle (case-insensitive), if the caller may see it.';

create function public.list_public_profiles(p_limit integer default 50, p_offset integer default 0)
returns setof lensers.profiles
language plpgsql
stable
set search_path = ''
as $$
begin
  perform lensers.fn_rpc_page('list_public_profiles', p_limit, p_offset);
  return query
    select p.* from lensers.profiles p
    where p.visibility = 'public' and p.status = 'active'
    order by lower(p.handle)
    limit p_limit offset p_offset;
end
$$;
comment on function public.list_public_profiles(integer, integer) is 'Active public profiles, by handle, a page at a time.';

create function public.update_my_profile(
  p_display_name text default null,
  p_handle text default null,
  p_visibility lensers.profile_visibility default null,
  p_avatar_url text default null,
  p_banner_url text default null
) returns lensers.profiles
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_profile lensers.profiles;
begin
  if (select auth.uid()) is null then
    raise exception 'update_my_profile: sign in first (no user in the JWT)' using errcode = '42501';
  end if;
  if p_display_name is not null and char_length(btrim(p_display_name)) not between 1 and 120 then
    raise exception 'update_my_profile: p_display_name must be 1 to 120 characters' using errcode = '22023';
  end if;
  if p_handle is not null and p_handle !~ '^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38}[A-Za-z0-9])?$' then
    raise exception 'update_my_profile: p_handle "%" is not a slug (1 to 40 letters, digits or inner hyphens)', p_handle
      using errcode = '22023';
  end if;
  if p_handle is not null and exists (
    select 1 from lensers.profiles p where lower(p.handle) = lower(p_handle) and p.user_id is distinct from (select auth.uid())
  ) then
    raise exception 'update_my_profile: p_handle "%" is taken', p_handle using errcode = '23505';
  end if;
  if p_avatar_url is not null and p_avatar_url !~ '^https?://' then
    raise exception 'update_my_profile: p_avatar_url must be an http(s) URL' using errcode = '22023';
  end if;
  if p_banner_url is not null and p_banner_url !~ '^https?://' then
    raise exception 'update_my_profile: p_banner_url must be an http(s) URL' using errcode = '22023';
  end if;

  update lensers.profiles p set
    display_name = coalesce(btrim(p_display_name), p.display_name),
    handle = coalesce(p_handle, p.handle),
    visibility = coalesce(p_visibility, p.visibility),
    avatar_url = coalesce(p_avatar_url, p.avatar_url),
    banner_url = coalesce(p_banner_url, p.banner_url)
  where p.user_id = (select auth.uid())
  returning p.* into v_profile;
  return v_profile;
end
$$;
comment on function public.update_my_profile(text, text, lensers.profile_visibility, text, text)
  is 'Changes the signed-in user''s own profile; arguments left null keep their value.';

revoke execute on function public.get_my_profile(), public.get_profile(text),
  public.list_public_profiles(integer, integer),
  public.update_my_profile(text, text, lensers.profile_visibility, text, text) from public;
grant execute on function public.get_profile(text), public.list_public_profiles(integer, integer)
  to anon, authenticated, service_role;
grant execute on function public.get_my_profile(),
  public.update_my_profile(text, text, lensers.profile_visibility, text, text) to authenticated;

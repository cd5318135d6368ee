create or replace function public.update_my_profile(p_display_name text default NULL::text, p_handle text default NULL::text, p_visibility lensers.profile_visibility default NULL::lensers.profile_visibility, p_avatar_url text default NULL::text, p_banner_url text default NULL::text)
 returns lensers.profiles
 language plpgsql
 set search_path to ''
as $function$
declare
  v_profile lensers.profiles;
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_text('update_my_profile', 'p_display_name', p_display_name, 120);
  perform lensers.fn_limit_text('update_my_profile', 'p_handle', p_handle, 64);
  perform lensers.fn_limit_text('update_my_profile', 'p_avatar_url', p_avatar_url, 2048);
  perform lensers.fn_limit_text('update_my_profile', 'p_banner_url', p_banner_url, 2048);
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
$function$;

comment on function public.update_my_profile(p_display_name text, p_handle text, p_visibility lensers.profile_visibility, p_avatar_url text, p_banner_url text) is 'Changes the signed-in user''s own profile; arguments left null keep their value.';

revoke all on function public.update_my_profile(p_display_name text, p_handle text, p_visibility lensers.profile_visibility, p_avatar_url text, p_banner_url text) from public;
grant execute on function public.update_my_profile(p_display_name text, p_handle text, p_visibility lensers.profile_visibility, p_avatar_url text, p_banner_url text) to authenticated;

create or replace function public.get_profile(p_handle text)
 returns lensers.profiles
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_profile lensers.profiles;
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_text('get_profile', 'p_handle', p_handle, 64);
  if p_handle is null or btrim(p_handle) = '' then
    raise exception 'get_profile: p_handle is required' using errcode = '22023';
  end if;
  select p.* into v_profile from lensers.profiles p where lower(p.handle) = lower(btrim(p_handle));
  if not found then
    raise exception 'get_profile: no visible profile with handle "%"', lensers.fn_one_line(p_handle) using errcode = 'PT404';
  end if;
  return v_profile;
end
$function$;

comment on function public.get_profile(p_handle text) is 'A profile by handle (case-insensitive), if the caller may see it.';

revoke all on function public.get_profile(p_handle text) from public;
grant execute on function public.get_profile(p_handle text) to anon, authenticated, service_role;

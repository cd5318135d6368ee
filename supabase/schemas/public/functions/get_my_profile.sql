create or replace function public.get_my_profile()
 returns lensers.profiles
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_profile lensers.profiles;
begin
  if (select auth.uid()) is null then
    raise exception 'get_my_profile: sign in first (no user in the JWT)' using errcode = '42501';
  end if;
  select p.* into v_profile from lensers.profiles p where p.user_id = (select auth.uid());
  return v_profile;
end
$function$;

comment on function public.get_my_profile() is 'The signed-in user''s own profile.';

revoke all on function public.get_my_profile() from public;
grant execute on function public.get_my_profile() to authenticated;

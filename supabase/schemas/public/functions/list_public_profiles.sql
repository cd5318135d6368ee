create or replace function public.list_public_profiles(p_limit integer default 50, p_offset integer default 0)
 returns setof lensers.profiles
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  perform lensers.fn_rpc_page('list_public_profiles', p_limit, p_offset);
  return query
    select p.* from lensers.profiles p
    where p.visibility = 'public' and p.status = 'active'
    order by lower(p.handle)
    limit p_limit offset p_offset;
end
$function$;

comment on function public.list_public_profiles(p_limit integer, p_offset integer) is 'Active public profiles, by handle, a page at a time.';

revoke all on function public.list_public_profiles(p_limit integer, p_offset integer) from public;
grant execute on function public.list_public_profiles(p_limit integer, p_offset integer) to anon, authenticated, service_role;

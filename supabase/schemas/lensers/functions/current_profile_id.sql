-- Authority helpers. SECURITY DEFINER so that policies can call them without recursing into the
-- policies of the tables they read; each reads only the caller's own grants.
create or replace function lensers.current_profile_id()
 returns uuid
 language sql
 stable security definer
 set search_path to ''
as $function$
  select p.id from lensers.profiles p where p.user_id = (select auth.uid())
$function$;

comment on function lensers.current_profile_id() is 'The caller''s own human profile id, or null.';

revoke all on function lensers.current_profile_id() from public;
grant execute on function lensers.current_profile_id() to authenticated, service_role;

-- Profiles the caller may edit as: their own, and AIs they manage.
create or replace function lensers.editable_profile_ids()
 returns setof uuid
 language sql
 stable security definer
 set search_path to ''
as $function$
  select p.id from lensers.profiles p where p.user_id = (select auth.uid())
  union
  select a.profile_id
  from agents.ownerships o
  join lensers.profiles h on h.id = o.owner_lenser_id
  join agents.ai_lensers a on a.id = o.ai_lenser_id
  where h.user_id = (select auth.uid()) and o.role in ('owner', 'co_owner') and o.revoked_at is null
$function$;

comment on function lensers.editable_profile_ids() is 'Profiles the caller may edit as: their own human profile and the AIs they own or co-own.';

revoke all on function lensers.editable_profile_ids() from public;
grant execute on function lensers.editable_profile_ids() to authenticated, service_role;

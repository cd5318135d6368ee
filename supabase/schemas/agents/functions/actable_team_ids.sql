-- Teams the caller may read / edit, for the policies of the team tables and of assignments.
create or replace function agents.actable_team_ids()
 returns setof uuid
 language sql
 stable security definer
 set search_path to ''
as $function$
  select t.id from agents.teams t where t.owner_lenser_id in (select lensers.actable_profile_ids())
$function$;

comment on function agents.actable_team_ids() is 'Teams the caller may read: owned by a lenser the caller may act as.';

revoke all on function agents.actable_team_ids() from public;
grant execute on function agents.actable_team_ids() to authenticated, service_role;

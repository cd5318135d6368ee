create or replace function agents.editable_team_ids()
 returns setof uuid
 language sql
 stable security definer
 set search_path to ''
as $function$
  select t.id from agents.teams t where t.owner_lenser_id in (select lensers.editable_profile_ids())
$function$;

comment on function agents.editable_team_ids() is 'Teams the caller may change: owned by a lenser the caller may edit as.';

revoke all on function agents.editable_team_ids() from public;
grant execute on function agents.editable_team_ids() to authenticated, service_role;

-- The caller's role towards an assignment's assignee: their live ownership role on the assignee
-- agent; for a team, `owner` when the team's owner is the caller's own profile, else their role on
-- the AI that owns the team. Null when they have none. SECURITY DEFINER: reads ownerships without
-- the policies of the tables it reads, and only the caller's own grants.
create or replace function agents.fn_caller_assignee_role(p_assignee_ai_lenser_id uuid, p_assignee_team_id uuid)
 returns agents.ownership_role
 language sql
 stable security definer
 set search_path to ''
as $function$
  with me as (select p.id from lensers.profiles p where p.user_id = (select auth.uid())),
  target as (
    select coalesce(p_assignee_ai_lenser_id, a.id) as ai_lenser_id, t.owner_lenser_id
    from (select 1) one
    left join agents.teams t on t.id = p_assignee_team_id
    left join agents.ai_lensers a on a.profile_id = t.owner_lenser_id
  )
  select case
    when p_assignee_team_id is not null and (select owner_lenser_id from target) = (select id from me)
      then 'owner'::agents.ownership_role
    else (
      select o.role from agents.ownerships o
      where o.ai_lenser_id = (select ai_lenser_id from target)
        and o.owner_lenser_id = (select id from me)
        and o.revoked_at is null
      order by o.role limit 1)
  end
$function$;

comment on function agents.fn_caller_assignee_role(p_assignee_ai_lenser_id uuid, p_assignee_team_id uuid) is 'The caller''s ownership role towards an assignee agent or team (owner of a team they own), or null.';

revoke all on function agents.fn_caller_assignee_role(p_assignee_ai_lenser_id uuid, p_assignee_team_id uuid) from public;
grant execute on function agents.fn_caller_assignee_role(p_assignee_ai_lenser_id uuid, p_assignee_team_id uuid) to authenticated, service_role;

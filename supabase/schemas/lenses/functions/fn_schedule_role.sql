-- The caller's authority over a schedule of a workflow (and assignment): owner (may edit) when they
-- may edit the workflow's lenser and, for an assignment, own or co-own its assignee; operator (may
-- run now and pause) when they may act as the workflow's lenser or hold any role on the assignee;
-- null otherwise.
create or replace function lenses.fn_schedule_role(p_workflow_id uuid, p_assignment_id uuid)
 returns text
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_lenser uuid;
  v_assignee_role agents.ownership_role;
begin
  select w.lenser_id into v_lenser from lenses.workflows w where w.id = p_workflow_id;
  if p_assignment_id is not null then
    select agents.fn_caller_assignee_role(a.assignee_ai_lenser_id, a.assignee_team_id) into v_assignee_role
    from agents.workflow_assignments a where a.id = p_assignment_id;
  end if;
  if v_lenser in (select lensers.editable_profile_ids())
     and (p_assignment_id is null or v_assignee_role in ('owner', 'co_owner')) then
    return 'owner';
  elsif v_lenser in (select lensers.actable_profile_ids()) or v_assignee_role is not null then
    return 'operator';
  end if;
  return null;
end
$function$;

comment on function lenses.fn_schedule_role(p_workflow_id uuid, p_assignment_id uuid) is 'The caller''s authority over a schedule: owner (edit), operator (run now, pause) or null.';

revoke all on function lenses.fn_schedule_role(p_workflow_id uuid, p_assignment_id uuid) from public;
grant execute on function lenses.fn_schedule_role(p_workflow_id uuid, p_assignment_id uuid) to authenticated, service_role;

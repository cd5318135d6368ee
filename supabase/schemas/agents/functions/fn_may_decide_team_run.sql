-- Whether the caller may decide a team run's approval: their role towards the assignee is one of
-- the approverRoles the run was requested under (default owner and co_owner), or the approval was
-- escalated and they own or co-own the agent of a member it was escalated to.
create or replace function agents.fn_may_decide_team_run(p_team_run agents.team_runs)
 returns boolean
 language sql
 stable
 set search_path to ''
as $function$
  select coalesce(
    agents.fn_caller_assignee_role(p_team_run.assignee_ai_lenser_id, p_team_run.assignee_team_id)::text in (
      select jsonb_array_elements_text(coalesce(p_team_run.policies -> 'approval_policy' -> 'approverRoles',
                                                '["owner", "co_owner"]'::jsonb))), false)
    or exists (select 1 from agents.team_members m
               where m.id = any (coalesce(p_team_run.escalated_to, '{}'))
                 and agents.can_manage_ai_lenser(m.agent_id))
$function$;

comment on function agents.fn_may_decide_team_run(p_team_run agents.team_runs) is 'True when the caller''s role is among the run''s approverRoles (default owner, co_owner), or they manage an agent the approval was escalated to.';

revoke all on function agents.fn_may_decide_team_run(p_team_run agents.team_runs) from public;
grant execute on function agents.fn_may_decide_team_run(p_team_run agents.team_runs) to authenticated, service_role;

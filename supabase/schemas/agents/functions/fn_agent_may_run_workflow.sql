-- Whether agent p_ai_lenser_id may run workflow p_workflow_id as itself: a published workflow it owns,
-- that one of its owners or co-owners owns, or a public one (the rule of the run_workflow tool).
create or replace function agents.fn_agent_may_run_workflow(p_ai_lenser_id uuid, p_workflow_id uuid)
 returns boolean
 language sql
 stable
 set search_path to ''
as $function$
  select exists (
    select 1 from lenses.workflows w
    where w.id = p_workflow_id and w.status = 'published'
      and (w.visibility = 'public'
        or w.lenser_id = (select a.profile_id from agents.ai_lensers a where a.id = p_ai_lenser_id)
        or exists (select 1 from agents.ownerships o where o.ai_lenser_id = p_ai_lenser_id and o.owner_lenser_id = w.lenser_id
                   and o.revoked_at is null and o.role in ('owner', 'co_owner'))))
$function$;

comment on function agents.fn_agent_may_run_workflow(p_ai_lenser_id uuid, p_workflow_id uuid) is 'A published workflow the agent owns, one of its owners or co-owners owns, or a public one.';

revoke all on function agents.fn_agent_may_run_workflow(p_ai_lenser_id uuid, p_workflow_id uuid) from public;
grant execute on function agents.fn_agent_may_run_workflow(p_ai_lenser_id uuid, p_workflow_id uuid) to authenticated, service_role;

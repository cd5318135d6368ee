-- True when the caller may create or change a budget of this subject: a lenser budget is the
-- caller's own (their human profile), an agent's belongs to its owners and co-owners, a workflow's
-- to the workflow's owner.
create or replace function ai.fn_may_manage_budget(p_scope ai.budget_scope, p_lenser_id uuid, p_ai_lenser_id uuid, p_workflow_id uuid)
 returns boolean
 language sql
 stable
 set search_path to ''
as $function$
  select case p_scope
    when 'lenser' then p_lenser_id is not null and p_lenser_id = (select lensers.current_profile_id())
    when 'ai_lenser' then p_ai_lenser_id is not null and (select agents.can_manage_ai_lenser(p_ai_lenser_id))
    when 'workflow' then p_workflow_id is not null and ai.fn_may_manage_workflow_budget(p_workflow_id)
    else false
  end
$function$;

comment on function ai.fn_may_manage_budget(p_scope ai.budget_scope, p_lenser_id uuid, p_ai_lenser_id uuid, p_workflow_id uuid) is 'True when the caller manages budgets of this subject (the human themself, the agent''s owners and co-owners, the workflow''s owner).';

revoke all on function ai.fn_may_manage_budget(p_scope ai.budget_scope, p_lenser_id uuid, p_ai_lenser_id uuid, p_workflow_id uuid) from public;
grant execute on function ai.fn_may_manage_budget(p_scope ai.budget_scope, p_lenser_id uuid, p_ai_lenser_id uuid, p_workflow_id uuid) to authenticated, service_role;

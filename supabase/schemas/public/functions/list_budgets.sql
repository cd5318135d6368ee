-- The budgets the caller can see (their own, their workflows', and those of agents they own, co-own
-- or operate), optionally of one subject; archived ones with p_include_archived.
create or replace function public.list_budgets(p_scope ai.budget_scope default NULL::ai.budget_scope, p_ai_lenser_id uuid default NULL::uuid, p_workflow_id uuid default NULL::uuid, p_include_archived boolean default false)
 returns setof ai.budgets
 language sql
 stable
 set search_path to ''
as $function$
  select b.* from ai.budgets b
  where (p_scope is null or b.scope = p_scope)
    and (p_ai_lenser_id is null or b.ai_lenser_id = p_ai_lenser_id)
    and (p_workflow_id is null or b.workflow_id = p_workflow_id)
    and (coalesce(p_include_archived, false) or b.archived_at is null)
  order by b.created_at, b.id
$function$;

comment on function public.list_budgets(p_scope ai.budget_scope, p_ai_lenser_id uuid, p_workflow_id uuid, p_include_archived boolean) is 'The budgets the caller can see, oldest first; archived ones on request.';

revoke all on function public.list_budgets(p_scope ai.budget_scope, p_ai_lenser_id uuid, p_workflow_id uuid, p_include_archived boolean) from public;
grant execute on function public.list_budgets(p_scope ai.budget_scope, p_ai_lenser_id uuid, p_workflow_id uuid, p_include_archived boolean) to authenticated, service_role;

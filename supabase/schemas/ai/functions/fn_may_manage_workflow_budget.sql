-- True when the caller owns the workflow (its lenser is the caller or an agent they own or co-own):
-- who manages, and reads, the workflow's budgets.
create or replace function ai.fn_may_manage_workflow_budget(p_workflow_id uuid)
 returns boolean
 language sql
 stable
 set search_path to ''
as $function$
  select exists (
    select 1 from lenses.workflows w
    where w.id = p_workflow_id and w.lenser_id in (select lensers.editable_profile_ids())
  )
$function$;

comment on function ai.fn_may_manage_workflow_budget(p_workflow_id uuid) is 'True when the caller owns the workflow: its budgets are theirs to manage.';

revoke all on function ai.fn_may_manage_workflow_budget(p_workflow_id uuid) from public;
grant execute on function ai.fn_may_manage_workflow_budget(p_workflow_id uuid) to authenticated, service_role;

-- A budget on an agent (p_ai_lenser_id: its owners and co-owners), a workflow (p_workflow_id: its
-- owner) or the caller themself (scope lenser: their own runs and the agents they own). Hard budgets
-- need p_on_exceed (wait or fail); soft ones take none.
create or replace function public.create_budget(p_scope ai.budget_scope, p_amount_credits numeric, p_period ai.budget_period, p_enforcement ai.budget_enforcement, p_on_exceed ai.budget_on_exceed default NULL::ai.budget_on_exceed, p_ai_lenser_id uuid default NULL::uuid, p_workflow_id uuid default NULL::uuid)
 returns ai.budgets
 language plpgsql
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'create_budget';
  v_me uuid := lensers.current_profile_id();
  v_row ai.budgets;
begin
  if v_me is null then
    raise exception '%: only a signed-in human lenser can create budgets', c_rpc using errcode = '42501';
  end if;
  if p_scope is null then
    raise exception '%: p_scope is required (ai_lenser, workflow or lenser)', c_rpc using errcode = '22023';
  end if;
  perform ai.fn_check_budget_args(c_rpc, p_amount_credits, p_period, p_enforcement, p_on_exceed);
  if p_scope = 'lenser' and (p_ai_lenser_id is not null or p_workflow_id is not null) then
    raise exception '%: a lenser budget covers the caller; give neither p_ai_lenser_id nor p_workflow_id', c_rpc using errcode = '22023';
  elsif p_scope = 'ai_lenser' and (p_ai_lenser_id is null or p_workflow_id is not null) then
    raise exception '%: an ai_lenser budget needs p_ai_lenser_id (and no p_workflow_id)', c_rpc using errcode = '22023';
  elsif p_scope = 'workflow' and (p_workflow_id is null or p_ai_lenser_id is not null) then
    raise exception '%: a workflow budget needs p_workflow_id (and no p_ai_lenser_id)', c_rpc using errcode = '22023';
  end if;
  if p_scope = 'ai_lenser' and not agents.can_manage_ai_lenser(p_ai_lenser_id) then
    if agents.can_operate_ai_lenser(p_ai_lenser_id) then
      raise exception '%: only owners and co-owners of agent % set its budgets', c_rpc, p_ai_lenser_id using errcode = '42501';
    end if;
    raise exception '%: no agent % that you manage', c_rpc, p_ai_lenser_id using errcode = 'PT404';
  end if;
  if p_scope = 'workflow' and not ai.fn_may_manage_workflow_budget(p_workflow_id) then
    if exists (select 1 from lenses.workflows w where w.id = p_workflow_id) then
      raise exception '%: only the owner of workflow % sets its budgets', c_rpc, p_workflow_id using errcode = '42501';
    end if;
    raise exception '%: no workflow % that you own', c_rpc, p_workflow_id using errcode = 'PT404';
  end if;
  insert into ai.budgets (scope, lenser_id, ai_lenser_id, workflow_id, amount_credits, period, enforcement, on_exceed, created_by)
  values (p_scope, case when p_scope = 'lenser' then v_me end, p_ai_lenser_id, p_workflow_id, p_amount_credits, p_period,
          p_enforcement, p_on_exceed, v_me)
  returning * into v_row;
  return v_row;
end
$function$;

comment on function public.create_budget(p_scope ai.budget_scope, p_amount_credits numeric, p_period ai.budget_period, p_enforcement ai.budget_enforcement, p_on_exceed ai.budget_on_exceed, p_ai_lenser_id uuid, p_workflow_id uuid) is 'Creates a budget on an agent, a workflow or the caller: an amount in credits per UTC period (day, week, month or none), hard (wait or fail) or soft.';

revoke all on function public.create_budget(p_scope ai.budget_scope, p_amount_credits numeric, p_period ai.budget_period, p_enforcement ai.budget_enforcement, p_on_exceed ai.budget_on_exceed, p_ai_lenser_id uuid, p_workflow_id uuid) from public;
grant execute on function public.create_budget(p_scope ai.budget_scope, p_amount_credits numeric, p_period ai.budget_period, p_enforcement ai.budget_enforcement, p_on_exceed ai.budget_on_exceed, p_ai_lenser_id uuid, p_workflow_id uuid) to authenticated, service_role;

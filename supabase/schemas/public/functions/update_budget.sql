-- Changes a budget's amount, enforcement or on_exceed (its scope and period never change: create
-- another). The new amount and enforcement apply to the current period's row too (past periods keep
-- theirs); a hard limit below what the current period already holds (spent + reserved) is refused
-- (409). More room wakes the tasks waiting for budget.
create or replace function public.update_budget(p_budget_id uuid, p_amount_credits numeric default NULL::numeric, p_enforcement ai.budget_enforcement default NULL::ai.budget_enforcement, p_on_exceed ai.budget_on_exceed default NULL::ai.budget_on_exceed)
 returns ai.budgets
 language plpgsql
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'update_budget';
  v_row ai.budgets := ai.fn_rpc_budget(c_rpc, p_budget_id, true);
  v_amount numeric := coalesce(p_amount_credits, v_row.amount_credits);
  v_enforcement ai.budget_enforcement := coalesce(p_enforcement, v_row.enforcement);
  v_on_exceed ai.budget_on_exceed;
  v_period ai.budget_periods;
begin
  if p_amount_credits is null and p_enforcement is null and p_on_exceed is null then
    raise exception '%: nothing to change: give p_amount_credits, p_enforcement or p_on_exceed', c_rpc using errcode = '22023';
  end if;
  if v_enforcement = 'soft' and p_on_exceed is not null then
    raise exception '%: p_on_exceed applies to hard budgets only', c_rpc using errcode = '22023';
  end if;
  v_on_exceed := case when v_enforcement = 'hard' then coalesce(p_on_exceed, v_row.on_exceed) end;
  perform ai.fn_check_budget_args(c_rpc, p_amount_credits, null, v_enforcement, v_on_exceed, true);
  if v_enforcement = 'hard' then
    select p.* into v_period from ai.budget_periods p
    where p.budget_id = v_row.id and p.period_start = (ai.fn_budget_period_bounds(v_row.period, now())).period_start;
    if v_period.spent_credits + v_period.reserved_credits > v_amount then
      raise exception '%: the current period of budget % already holds % credits (% spent, % reserved): a hard limit of % is below it',
        c_rpc, v_row.id, v_period.spent_credits + v_period.reserved_credits, v_period.spent_credits, v_period.reserved_credits, v_amount
        using errcode = '23505';
    end if;
  end if;
  update ai.budgets b
  set amount_credits = v_amount, enforcement = v_enforcement, on_exceed = v_on_exceed
  where b.id = v_row.id
  returning * into v_row;
  return v_row;
end
$function$;

comment on function public.update_budget(p_budget_id uuid, p_amount_credits numeric, p_enforcement ai.budget_enforcement, p_on_exceed ai.budget_on_exceed) is 'Changes a budget''s amount, enforcement or on_exceed; the change applies to the current period too.';

revoke all on function public.update_budget(p_budget_id uuid, p_amount_credits numeric, p_enforcement ai.budget_enforcement, p_on_exceed ai.budget_on_exceed) from public;
grant execute on function public.update_budget(p_budget_id uuid, p_amount_credits numeric, p_enforcement ai.budget_enforcement, p_on_exceed ai.budget_on_exceed) to authenticated, service_role;

-- The checks create_budget and update_budget share: amount, period, enforcement and on_exceed (22023
-- naming the argument). p_period may be null for an update (a budget's period never changes).
create or replace function ai.fn_check_budget_args(p_rpc text, p_amount_credits numeric, p_period ai.budget_period, p_enforcement ai.budget_enforcement, p_on_exceed ai.budget_on_exceed, p_is_update boolean default false)
 returns void
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  if p_amount_credits is null and not p_is_update then
    raise exception '%: p_amount_credits is required', p_rpc using errcode = '22023';
  end if;
  if p_amount_credits <= 0 or p_amount_credits >= 100000000 then
    raise exception '%: p_amount_credits must be greater than 0 and less than 100000000, got %', p_rpc, p_amount_credits using errcode = '22023';
  end if;
  if p_amount_credits <> round(p_amount_credits, 6) then
    raise exception '%: p_amount_credits has at most 6 decimals, got %', p_rpc, p_amount_credits using errcode = '22023';
  end if;
  if p_period is null and not p_is_update then
    raise exception '%: p_period is required (day, week, month or none)', p_rpc using errcode = '22023';
  end if;
  if p_enforcement is null and not p_is_update then
    raise exception '%: p_enforcement is required (hard or soft)', p_rpc using errcode = '22023';
  end if;
  if p_enforcement = 'hard' and p_on_exceed is null then
    raise exception '%: p_on_exceed is required for a hard budget (wait or fail)', p_rpc using errcode = '22023';
  end if;
  if p_enforcement = 'soft' and p_on_exceed is not null then
    raise exception '%: p_on_exceed applies to hard budgets only', p_rpc using errcode = '22023';
  end if;
end
$function$;

revoke all on function ai.fn_check_budget_args(p_rpc text, p_amount_credits numeric, p_period ai.budget_period, p_enforcement ai.budget_enforcement, p_on_exceed ai.budget_on_exceed, p_is_update boolean) from public;
grant execute on function ai.fn_check_budget_args(p_rpc text, p_amount_credits numeric, p_period ai.budget_period, p_enforcement ai.budget_enforcement, p_on_exceed ai.budget_on_exceed, p_is_update boolean) to authenticated, service_role;

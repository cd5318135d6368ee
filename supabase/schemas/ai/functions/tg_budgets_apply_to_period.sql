-- A budget's new amount or enforcement applies to its current period's row too (past periods keep
-- theirs); when the budget gives more room or stops applying, tasks waiting for budget are due again.
create or replace function ai.tg_budgets_apply_to_period()
 returns trigger
 language plpgsql
 security definer
 set search_path to ''
as $function$
begin
  if (new.amount_credits, new.enforcement) is distinct from (old.amount_credits, old.enforcement) then
    update ai.budget_periods p
    set limit_credits = new.amount_credits, enforcement = new.enforcement
    where p.budget_id = new.id and p.period_start = (ai.fn_budget_period_bounds(new.period, now())).period_start;
  end if;
  if new.amount_credits > old.amount_credits or (new.enforcement = 'soft' and old.enforcement = 'hard')
     or (new.archived_at is not null and old.archived_at is null) then
    update lenses.workflow_node_results x
    set next_attempt_at = now()
    where x.status in ('queued', 'retrying') and x.waiting_reason = 'budget' and x.next_attempt_at > now();
    if found then
      perform pg_notify('workflow_tasks', new.id::text);
    end if;
  end if;
  return null;
end
$function$;

revoke all on function ai.tg_budgets_apply_to_period() from public;

-- A budget's current period: limit, reserved (estimates held by running tasks), spent (settled cost),
-- overrun (cost beyond estimates), remaining (limit - spent - reserved, at least 0) and the alerts
-- written. A period nothing has reserved in yet reads as zeros at the budget's amount.
create or replace function public.get_budget_status(p_budget_id uuid)
 returns TABLE(budget_id uuid, scope ai.budget_scope, period ai.budget_period, enforcement ai.budget_enforcement, on_exceed ai.budget_on_exceed, archived boolean, period_start timestamp with time zone, period_end timestamp with time zone, limit_credits numeric, reserved_credits numeric, spent_credits numeric, overrun_credits numeric, remaining_credits numeric, alerts smallint[])
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_row ai.budgets := ai.fn_rpc_budget('get_budget_status', p_budget_id, false);
  v_bounds record;
begin
  select * into v_bounds from ai.fn_budget_period_bounds(v_row.period, now());
  return query
    select v_row.id, v_row.scope, v_row.period, v_row.enforcement, v_row.on_exceed, v_row.archived_at is not null,
           v_bounds.period_start, v_bounds.period_end,
           coalesce(p.limit_credits, v_row.amount_credits), coalesce(p.reserved_credits, 0), coalesce(p.spent_credits, 0),
           coalesce(p.overrun_credits, 0),
           greatest(coalesce(p.limit_credits, v_row.amount_credits) - coalesce(p.spent_credits, 0) - coalesce(p.reserved_credits, 0), 0),
           coalesce((select array_agg(a.threshold_percent order by a.threshold_percent) from ai.budget_alerts a
                     where a.budget_id = v_row.id and a.period_start = v_bounds.period_start), '{}')
    from (select 1) one
    left join ai.budget_periods p on p.budget_id = v_row.id and p.period_start = v_bounds.period_start;
end
$function$;

comment on function public.get_budget_status(p_budget_id uuid) is 'A budget''s current period: limit, reserved, spent, overrun, remaining and alerts.';

revoke all on function public.get_budget_status(p_budget_id uuid) from public;
grant execute on function public.get_budget_status(p_budget_id uuid) to authenticated, service_role;

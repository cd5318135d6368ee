-- Ends the held reservations of task attempts (results and attempts, in pairs): an attempt that made
-- a model call (p_called) is settled, its cost (p_costs: the ledger's cost_credits; null for an
-- unpriced call, counted as 0 and left visible as the reservation's unpriced call) moved into the
-- period's spent, the estimate given back, and whatever the cost exceeded the estimate by counted as
-- overrun; an attempt without a call is released (the estimate given back). Period rows are locked
-- in key order. A soft budget whose spent reaches 50, 80 or 100% of its limit gets exactly one
-- alert per (budget, period, threshold) and a budget_threshold_reached event on the run that crossed it.
create or replace function ai.fn_settle_budget_reservations(p_result_ids uuid[], p_attempts integer[], p_costs numeric[], p_called boolean[])
 returns void
 language plpgsql
 set search_path to ''
as $function$
declare
  v_budgets uuid[];
  v_starts timestamptz[];
  v_amounts numeric[];
  v_actuals numeric[];
  v_overruns numeric[];
  v_runs uuid[];
  v_results uuid[];
  v_events jsonb;
begin
  -- The reservations end first (a HOT update of rows only this task's transaction touches), summed
  -- per period row.
  with ended as (
    update ai.budget_reservations r
    set status = case when c.called then 'settled' else 'released' end::ai.budget_reservation_status,
        actual_credits = case when c.called then coalesce(c.cost, 0) end,
        ended_at = now()
    from unnest(p_result_ids, p_attempts, p_costs, p_called) c(id, attempt, cost, called)
    where r.node_result_id = c.id and r.attempt = c.attempt and r.status = 'held'
    returning r.budget_id, r.period_start, r.amount_credits, coalesce(r.actual_credits, 0) as actual, r.run_id, r.node_result_id
  ), sums as (
    select e.budget_id, e.period_start, sum(e.amount_credits) as amount, sum(e.actual) as actual,
           sum(greatest(e.actual - e.amount_credits, 0)) as overrun,
           (array_agg(e.run_id order by e.actual desc))[1] as run_id,
           (array_agg(e.node_result_id order by e.actual desc))[1] as node_result_id
    from ended e
    group by e.budget_id, e.period_start
  )
  select array_agg(s.budget_id order by s.budget_id, s.period_start), array_agg(s.period_start order by s.budget_id, s.period_start),
         array_agg(s.amount order by s.budget_id, s.period_start), array_agg(s.actual order by s.budget_id, s.period_start),
         array_agg(s.overrun order by s.budget_id, s.period_start), array_agg(s.run_id order by s.budget_id, s.period_start),
         array_agg(s.node_result_id order by s.budget_id, s.period_start)
  into v_budgets, v_starts, v_amounts, v_actuals, v_overruns, v_runs, v_results
  from sums s;
  if v_budgets is null then
    return;
  end if;

  -- Then the period rows, locked in key order (as every claim and settlement locks them).
  perform 1 from ai.budget_periods p
  where (p.budget_id, p.period_start) in (select u.b, u.s from unnest(v_budgets, v_starts) u(b, s))
  order by p.budget_id, p.period_start
  for no key update of p;
  with moved as (
    update ai.budget_periods p
    set reserved_credits = p.reserved_credits - u.amount, spent_credits = p.spent_credits + u.actual,
        overrun_credits = p.overrun_credits + u.overrun
    from unnest(v_budgets, v_starts, v_amounts, v_actuals, v_overruns, v_runs, v_results)
         u(budget_id, period_start, amount, actual, overrun, run_id, node_result_id)
    where p.budget_id = u.budget_id and p.period_start = u.period_start
    returning p.budget_id, p.period_start, p.enforcement, p.spent_credits, p.limit_credits, u.actual, u.run_id, u.node_result_id
  ), alerts as (
    -- Soft budgets only, thresholds not yet written: exactly one row per (budget, period, threshold).
    insert into ai.budget_alerts (budget_id, period_start, threshold_percent, spent_credits, limit_credits, run_id, node_result_id)
    select m.budget_id, m.period_start, t.pct, m.spent_credits, m.limit_credits, m.run_id, m.node_result_id
    from moved m
    cross join unnest(array[50, 80, 100]::smallint[]) t(pct)
    where m.enforcement = 'soft' and m.actual > 0 and m.spent_credits * 100 >= m.limit_credits * t.pct
      and not exists (select 1 from ai.budget_alerts a
                      where a.budget_id = m.budget_id and a.period_start = m.period_start and a.threshold_percent = t.pct)
    on conflict do nothing
    returning budget_id, period_start, threshold_percent, spent_credits, limit_credits, run_id, node_result_id
  )
  select jsonb_agg(jsonb_build_object('run_id', a.run_id, 'event_type', 'budget_threshold_reached', 'node_id', x.node_id,
           'payload', jsonb_build_object('node_key', x.node_key, 'budget_id', a.budget_id, 'period_start', a.period_start,
                                         'threshold_percent', a.threshold_percent, 'spent_credits', a.spent_credits,
                                         'limit_credits', a.limit_credits))
           order by a.run_id, a.budget_id, a.threshold_percent)
  into v_events
  from alerts a
  left join lenses.workflow_node_results x on x.id = a.node_result_id;
  perform lenses.fn_append_workflow_run_events(v_events);
end
$function$;

comment on function ai.fn_settle_budget_reservations(p_result_ids uuid[], p_attempts integer[], p_costs numeric[], p_called boolean[]) is 'Settles (cost into spent) or releases the held reservations of task attempts; soft budgets alert once per threshold.';

revoke all on function ai.fn_settle_budget_reservations(p_result_ids uuid[], p_attempts integer[], p_costs numeric[], p_called boolean[]) from public;
grant execute on function ai.fn_settle_budget_reservations(p_result_ids uuid[], p_attempts integer[], p_costs numeric[], p_called boolean[]) to service_role;

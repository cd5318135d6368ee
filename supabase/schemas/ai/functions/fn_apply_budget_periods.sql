-- The one place a transaction changes budget period rows, called as the last thing it does (so the
-- period rows every worker shares are held from here to the commit only): ends the reservations of
-- the settled attempts (p_settle_*: settled with their ledger cost when the attempt made a call,
-- else released), adds the reservations the claimed attempts (p_claim_ids / p_claim_attempts)
-- already wrote, locks the period rows in key order and moves reserved, spent and overrun in one
-- update guarded like the budget_periods_hard_limit CHECK. The claim decided its admissions from an
-- unlocked read (ai.fn_reserve_budgets with p_lock false): when another transaction took the room
-- in between, the guard fails and this raises SQLSTATE CLB01, which the caller catches to claim
-- again with the period rows locked first (the guard cannot fail then). A soft budget whose spent
-- reaches 50, 80 or 100% of its limit gets exactly one alert per (budget, period, threshold) and a
-- budget_threshold_reached event on the run that crossed it, unless that run has ended (nothing
-- follows a run's terminal event; the alert row is then the only record).
create or replace function ai.fn_apply_budget_periods(p_claim_ids uuid[], p_claim_attempts integer[], p_settle_ids uuid[], p_settle_attempts integer[], p_settle_costs numeric[], p_settle_called boolean[])
 returns void
 language plpgsql
 set search_path to ''
as $function$
declare
  v_budgets uuid[];
  v_starts timestamptz[];
  v_reserved numeric[];
  v_actuals numeric[];
  v_overruns numeric[];
  v_runs uuid[];
  v_results uuid[];
  v_updated integer;
  v_events jsonb;
begin
  -- The ended reservations (a HOT update of rows only this transaction's tasks touch) and the claimed
  -- ones, summed per period row: what reserved gains and loses, what spent and overrun gain.
  with ended as (
    update ai.budget_reservations r
    set status = case when c.called then 'settled' else 'released' end::ai.budget_reservation_status,
        actual_credits = case when c.called then coalesce(c.cost, 0) end,
        ended_at = now()
    from unnest(p_settle_ids, p_settle_attempts, p_settle_costs, p_settle_called) c(id, attempt, cost, called)
    where r.node_result_id = c.id and r.attempt = c.attempt and r.status = 'held'
    returning r.budget_ids, r.period_starts, -r.amount_credits as reserved, coalesce(r.actual_credits, 0) as actual,
              greatest(coalesce(r.actual_credits, 0) - r.amount_credits, 0) as overrun, r.run_id, r.node_result_id
  ), claimed as (
    select r.budget_ids, r.period_starts, r.amount_credits as reserved, 0::numeric as actual, 0::numeric as overrun,
           r.run_id, r.node_result_id
    from ai.budget_reservations r
    join unnest(p_claim_ids, p_claim_attempts) c(id, attempt) on r.node_result_id = c.id and r.attempt = c.attempt
    where r.status = 'held'
  ), sums as (
    select m.budget_id, m.period_start, sum(m.reserved) as reserved, sum(m.actual) as actual, sum(m.overrun) as overrun,
           (array_agg(m.run_id order by m.actual desc))[1] as run_id,
           (array_agg(m.node_result_id order by m.actual desc))[1] as node_result_id
    from (select b.budget_id, b.period_start, e.reserved, e.actual, e.overrun, e.run_id, e.node_result_id
          from (select * from ended union all select * from claimed) e
          cross join lateral unnest(e.budget_ids, e.period_starts) b(budget_id, period_start)) m
    group by m.budget_id, m.period_start
  )
  select array_agg(s.budget_id order by s.budget_id, s.period_start), array_agg(s.period_start order by s.budget_id, s.period_start),
         array_agg(s.reserved order by s.budget_id, s.period_start), array_agg(s.actual order by s.budget_id, s.period_start),
         array_agg(s.overrun order by s.budget_id, s.period_start), array_agg(s.run_id order by s.budget_id, s.period_start),
         array_agg(s.node_result_id order by s.budget_id, s.period_start)
  into v_budgets, v_starts, v_reserved, v_actuals, v_overruns, v_runs, v_results
  from sums s;
  if v_budgets is null then
    return;
  end if;

  -- Locked in key order, as every claim that locks before deciding locks them.
  perform 1 from ai.budget_periods p
  where (p.budget_id, p.period_start) in (select u.b, u.s from unnest(v_budgets, v_starts) u(b, s))
  order by p.budget_id, p.period_start
  for no key update of p;
  with moved as (
    update ai.budget_periods p
    set reserved_credits = p.reserved_credits + u.reserved, spent_credits = p.spent_credits + u.actual,
        overrun_credits = p.overrun_credits + u.overrun
    from unnest(v_budgets, v_starts, v_reserved, v_actuals, v_overruns, v_runs, v_results)
         u(budget_id, period_start, reserved, actual, overrun, run_id, node_result_id)
    where p.budget_id = u.budget_id and p.period_start = u.period_start
      and (p.enforcement = 'soft'
           or (p.spent_credits + u.actual) + (p.reserved_credits + u.reserved) <= p.limit_credits + p.overrun_credits + u.overrun)
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
  select (select count(*) from moved),
         jsonb_agg(jsonb_build_object('run_id', a.run_id, 'event_type', 'budget_threshold_reached', 'node_id', x.node_id,
           'payload', jsonb_build_object('node_key', x.node_key, 'budget_id', a.budget_id, 'period_start', a.period_start,
                                         'threshold_percent', a.threshold_percent, 'spent_credits', a.spent_credits,
                                         'limit_credits', a.limit_credits))
           order by a.run_id, a.budget_id, a.threshold_percent) filter (where a.budget_id is not null)
  into v_updated, v_events
  from (select 1) one
  left join (alerts a
             -- A run that ended in this transaction (its terminal event is written) gets no event after
             -- it: the alert row is the record then.
             join lenses.workflow_runs r on r.id = a.run_id and r.status not in ('completed', 'failed', 'cancelled', 'timed_out'))
    on true
  left join lenses.workflow_node_results x on x.id = a.node_result_id;
  if v_updated < cardinality(v_budgets) then
    raise exception 'ai.fn_apply_budget_periods: a hard budget''s room was taken by a concurrent claim (% of % period rows applied)',
      v_updated, cardinality(v_budgets) using errcode = 'CLB01';
  end if;
  perform lenses.fn_append_workflow_run_events(v_events);
end
$function$;

comment on function ai.fn_apply_budget_periods(p_claim_ids uuid[], p_claim_attempts integer[], p_settle_ids uuid[], p_settle_attempts integer[], p_settle_costs numeric[], p_settle_called boolean[]) is 'Applies a transaction''s budget changes to the period rows at its end: settles or releases the given attempts'' reservations, adds the claimed attempts'' reservations, guarded like the hard-limit CHECK (SQLSTATE CLB01 when a concurrent claim took the room).';

revoke all on function ai.fn_apply_budget_periods(p_claim_ids uuid[], p_claim_attempts integer[], p_settle_ids uuid[], p_settle_attempts integer[], p_settle_costs numeric[], p_settle_called boolean[]) from public;
grant execute on function ai.fn_apply_budget_periods(p_claim_ids uuid[], p_claim_attempts integer[], p_settle_ids uuid[], p_settle_attempts integer[], p_settle_costs numeric[], p_settle_called boolean[]) to service_role;

-- Ends the held reservations of task attempts (results and attempts, in pairs) at once, for the
-- paths that end an attempt outside a worker's claim or completion (a failure, a release, a cancel,
-- the reaper, a review): an attempt that made a model call (p_called) is settled, its cost (p_costs:
-- the ledger's cost_credits; null for an unpriced call, counted as 0 and left visible as the
-- reservation's unpriced call) moved into the period's spent, the estimate given back, and whatever
-- the cost exceeded the estimate by counted as overrun; an attempt without a call is released (the
-- estimate given back). See ai.fn_apply_budget_periods, which does it.
create or replace function ai.fn_settle_budget_reservations(p_result_ids uuid[], p_attempts integer[], p_costs numeric[], p_called boolean[])
 returns void
 language sql
 set search_path to ''
as $function$
  select ai.fn_apply_budget_periods('{}'::uuid[], '{}'::integer[], p_result_ids, p_attempts, p_costs, p_called);
$function$;

comment on function ai.fn_settle_budget_reservations(p_result_ids uuid[], p_attempts integer[], p_costs numeric[], p_called boolean[]) is 'Settles (cost into spent) or releases the held reservations of task attempts; soft budgets alert once per threshold.';

revoke all on function ai.fn_settle_budget_reservations(p_result_ids uuid[], p_attempts integer[], p_costs numeric[], p_called boolean[]) from public;
grant execute on function ai.fn_settle_budget_reservations(p_result_ids uuid[], p_attempts integer[], p_costs numeric[], p_called boolean[]) to service_role;

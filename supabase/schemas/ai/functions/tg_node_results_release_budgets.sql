-- A task whose claim reserved budget leaves running or streaming (failed, retrying, released,
-- cancelled, timed out, reaped...): its attempt's reservations are settled with the cost the ledger
-- holds for that attempt (a failed call's tokens are spent too), or released when it made no call.
-- Completions settle before they write (lenses.fn_complete_held_tasks) and clear budget_held, so
-- this finds nothing left there. Security definer: a user's cancel releases the reservations too.
create or replace function ai.tg_node_results_release_budgets()
 returns trigger
 language plpgsql
 security definer
 set search_path to ''
as $function$
declare
  v_since timestamptz;
  v_cost numeric;
  v_calls integer;
begin
  select min(r.created_at) into v_since from ai.budget_reservations r
  where r.node_result_id = new.id and r.attempt = old.attempt_count and r.status = 'held';
  if v_since is null then
    return null;
  end if;
  select sum(c.cost_credits), count(*) into v_cost, v_calls
  from ai.llm_calls c
  where c.node_result_id = new.id and c.attempt = old.attempt_count and c.created_at >= v_since;
  perform ai.fn_settle_budget_reservations(array[new.id], array[old.attempt_count], array[v_cost], array[v_calls > 0]);
  return null;
end
$function$;

revoke all on function ai.tg_node_results_release_budgets() from public;

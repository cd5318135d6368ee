create or replace function public.claim_workflow_tasks(p_worker_id text, p_limit integer default 10, p_lease_seconds integer default 60)
 returns setof lenses.claimed_task
 language plpgsql
 set search_path to ''
as $function$
declare
  v_tasks lenses.claimed_task[];
  v_lock_budgets boolean := false;
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_text('claim_workflow_tasks', 'p_worker_id', p_worker_id, 200);
  perform lenses.fn_check_lease_args('claim_workflow_tasks', p_worker_id, p_limit, p_lease_seconds);
  -- The claim judges budgets from an unlocked read, and its reservations reach the period rows last
  -- (ai.fn_apply_budget_periods); when a concurrent claim took a hard budget's room meanwhile (CLB01),
  -- the claim is undone and made again with the period rows locked first.
  loop
    begin
      v_tasks := array(select t from lenses.fn_lease_tasks(p_worker_id, p_limit, p_lease_seconds, '{}', '[]', null, v_lock_budgets) t);
      if cardinality(v_tasks) > 0 then
        perform ai.fn_apply_budget_periods(array(select (t).result_id from unnest(v_tasks) t),
                                           array(select (t).attempt from unnest(v_tasks) t), '{}', '{}', '{}', '{}');
      end if;
      exit;
    exception when sqlstate 'CLB01' then
      if v_lock_budgets then
        raise; -- with the period rows locked first the guard holds; never loop
      end if;
      v_lock_budgets := true;
    end;
  end loop;
  return query select * from unnest(v_tasks);
end
$function$;

comment on function public.claim_workflow_tasks(p_worker_id text, p_limit integer, p_lease_seconds integer) is 'Worker: takes up to p_limit due tasks (SKIP LOCKED), leases them, counts the attempt, returns what each call needs.';

revoke all on function public.claim_workflow_tasks(p_worker_id text, p_limit integer, p_lease_seconds integer) from public;
grant execute on function public.claim_workflow_tasks(p_worker_id text, p_limit integer, p_lease_seconds integer) to service_role;

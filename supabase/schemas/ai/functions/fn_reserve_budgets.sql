-- At a task's claim (lenses.fn_lease_tasks, after its model is chosen): reserves the task's estimate
-- in every active budget that applies (the acting agent's, the run's workflow's, the run's lenser's,
-- and those of the agent's owners), in budget id order. A hard budget reserves with a guarded update
-- that cannot pass its limit (backed by budget_periods_hard_limit); a soft one always reserves. The
-- period row is created on demand. When a hard budget cannot reserve (or the model is unpriced, which
-- a hard budget cannot account for), what this call reserved is given back and the refusal returned:
-- {"refused": {budget_id, scope, on_exceed, reason, retry_at}}. Otherwise {"held": true} when anything
-- was reserved, null when no budget applies.
create or replace function ai.fn_reserve_budgets(p_result_id uuid, p_run_id uuid, p_attempt integer, p_workflow_id uuid, p_lenser_id uuid, p_ai_lenser_id uuid, p_model_id uuid, p_prompt_chars bigint, p_params jsonb)
 returns jsonb
 language plpgsql
 set search_path to ''
as $function$
declare
  v_budget record;
  v_estimate numeric;
  v_estimated boolean := false;
  v_bounds record;
  v_amount numeric;
  v_period ai.budget_periods;
  v_refusal jsonb;
  v_held boolean := false;
begin
  for v_budget in
    select b.id, b.scope, b.period, b.enforcement, b.on_exceed, b.amount_credits
    from ai.budgets b
    where b.archived_at is null
      and (b.workflow_id = p_workflow_id
           or b.ai_lenser_id = p_ai_lenser_id
           or b.lenser_id = p_lenser_id
           or b.lenser_id in (select o.owner_lenser_id from agents.ownerships o
                              where o.ai_lenser_id = p_ai_lenser_id and o.role = 'owner' and o.revoked_at is null))
    order by b.id
  loop
    if not v_estimated then
      v_estimate := ai.fn_budget_estimate(p_model_id, p_prompt_chars, p_params, now());
      v_estimated := true;
    end if;
    if v_budget.enforcement = 'hard' and v_estimate is null then
      v_refusal := jsonb_build_object('budget_id', v_budget.id, 'scope', v_budget.scope, 'on_exceed', 'fail',
        'reason', format('model %s has no price now, and hard budget %s cannot account for an unpriced model', p_model_id, v_budget.id));
      exit;
    end if;
    v_amount := coalesce(v_estimate, 0);
    select * into v_bounds from ai.fn_budget_period_bounds(v_budget.period, now());
    for i in 1 .. 2 loop
      update ai.budget_periods p
      set reserved_credits = p.reserved_credits + v_amount
      where p.budget_id = v_budget.id and p.period_start = v_bounds.period_start
        and (p.enforcement = 'soft' or p.spent_credits + p.reserved_credits + v_amount <= p.limit_credits)
      returning p.* into v_period;
      exit when found;
      insert into ai.budget_periods (budget_id, period_start, period_end, limit_credits, enforcement)
      values (v_budget.id, v_bounds.period_start, v_bounds.period_end, v_budget.amount_credits, v_budget.enforcement)
      on conflict do nothing;
      if not found then
        -- The period row exists and the guard refused: the limit would be passed.
        select p.* into v_period from ai.budget_periods p
        where p.budget_id = v_budget.id and p.period_start = v_bounds.period_start;
        v_refusal := jsonb_build_object('budget_id', v_budget.id, 'scope', v_budget.scope, 'on_exceed', v_budget.on_exceed,
          'reason', format('hard budget %s cannot reserve %s credits: %s spent and %s reserved of %s in the period from %s',
                           v_budget.id, v_amount, v_period.spent_credits, v_period.reserved_credits, v_period.limit_credits,
                           v_period.period_start),
          'period_end', v_period.period_end,
          'retry_at', case
            when v_period.spent_credits + v_amount <= v_period.limit_credits then now() + interval '10 seconds'
            when v_budget.period <> 'none' then v_period.period_end
            else now() + interval '5 minutes' end);
        exit;
      end if;
    end loop;
    exit when v_refusal is not null;
    insert into ai.budget_reservations (budget_id, period_start, node_result_id, run_id, attempt, amount_credits, unpriced)
    values (v_budget.id, v_bounds.period_start, p_result_id, p_run_id, p_attempt, v_amount, v_estimate is null);
    v_held := true;
  end loop;

  if v_refusal is not null then
    if v_held then
      with undone as (
        delete from ai.budget_reservations r
        where r.node_result_id = p_result_id and r.attempt = p_attempt and r.status = 'held'
        returning r.budget_id, r.period_start, r.amount_credits
      )
      update ai.budget_periods p
      set reserved_credits = p.reserved_credits - u.amount_credits
      from undone u
      where p.budget_id = u.budget_id and p.period_start = u.period_start;
    end if;
    return jsonb_build_object('refused', v_refusal);
  end if;
  return case when v_held then '{"held": true}'::jsonb end;
end
$function$;

comment on function ai.fn_reserve_budgets(p_result_id uuid, p_run_id uuid, p_attempt integer, p_workflow_id uuid, p_lenser_id uuid, p_ai_lenser_id uuid, p_model_id uuid, p_prompt_chars bigint, p_params jsonb) is 'The claim''s budget gate for one task: reserves its estimate in every applicable budget, or refuses (a hard budget that cannot reserve) and gives back what it reserved.';

revoke all on function ai.fn_reserve_budgets(p_result_id uuid, p_run_id uuid, p_attempt integer, p_workflow_id uuid, p_lenser_id uuid, p_ai_lenser_id uuid, p_model_id uuid, p_prompt_chars bigint, p_params jsonb) from public;
grant execute on function ai.fn_reserve_budgets(p_result_id uuid, p_run_id uuid, p_attempt integer, p_workflow_id uuid, p_lenser_id uuid, p_ai_lenser_id uuid, p_model_id uuid, p_prompt_chars bigint, p_params jsonb) to service_role;

-- The claim's budget gate (lenses.fn_lease_tasks, once per claim, after every task's model is
-- chosen): one element per task in each array (its result, run, attempt, workflow, run lenser,
-- acting agent, model, prompt characters, model params and the model calls it may make). Each
-- task's estimate (ai.fn_budget_estimates) is reserved in every active budget that applies to it: the
-- acting agent's, the run's workflow's (only for a run whose lenser may act as the workflow's lenser:
-- the workflow owner's own runs; a stranger's run of a public workflow neither spends nor is stopped
-- by the owner's workflow budget), the run's lenser's (the starter's), and those of the agent's
-- owners. Tasks
-- are admitted in their order while every hard budget they touch keeps spent + reserved within its
-- limit, and the admitted tasks' reservations are written (one insert, one row per task naming all
-- of its budgets). The period rows are not
-- changed here: the claim's caller applies every reservation and settlement of its transaction at
-- its end (ai.fn_apply_budget_periods), so that the period rows every claim shares are held only
-- from there to the commit.
-- With p_lock false (the first try) admission is judged from an unlocked read of the period rows and
-- that final guarded update may find the room taken (SQLSTATE CLB01): the caller then claims again
-- with p_lock true, where the period rows are locked here in key order before anything is judged,
-- together with p_lock_budget_ids / p_lock_period_starts (the rows the caller settles in this
-- transaction), in one ordered statement, so no transaction takes period locks in two steps that
-- another could interleave in the opposite order. A period row that does not exist yet (a new
-- period) is created and locked in either mode.
-- A task that a hard budget cannot take (the limit, or an unpriced model, which a hard budget cannot
-- account for) reserves nothing anywhere. Soft budgets always reserve.
-- Returns {"held": [result ids that reserved], "refused": {result_id: {budget_id, scope, on_exceed,
-- reason, retry_at}}}.
create or replace function ai.fn_reserve_budgets(p_result_ids uuid[], p_run_ids uuid[], p_attempts integer[], p_workflow_ids uuid[], p_lenser_ids uuid[], p_ai_lenser_ids uuid[], p_model_ids uuid[], p_chars bigint[], p_params jsonb[], p_lock_budget_ids uuid[] default NULL::uuid[], p_lock_period_starts timestamp with time zone[] default NULL::timestamp with time zone[], p_calls integer[] default NULL::integer[], p_lock boolean default true)
 returns jsonb
 language plpgsql
 set search_path to ''
as $function$
declare
  v_period record;
  v_lock boolean := p_lock;
  -- The (task, budget) pairs, in task order then budget id order.
  v_ords integer[] := '{}'::integer[];
  v_results uuid[] := '{}'::uuid[];
  v_runs uuid[] := '{}'::uuid[];
  v_attempts integer[] := '{}'::integer[];
  v_budgets uuid[] := '{}'::uuid[];
  v_scopes ai.budget_scope[] := '{}'::ai.budget_scope[];
  v_hards boolean[] := '{}'::boolean[];
  v_on_exceed text[] := '{}'::text[];
  v_periods ai.budget_period[] := '{}'::ai.budget_period[];
  v_starts timestamptz[] := '{}'::timestamptz[];
  v_ends timestamptz[] := '{}'::timestamptz[];
  v_amounts numeric[] := '{}'::numeric[];
  v_estimates numeric[] := '{}'::numeric[];
  -- Each pair's period row (its place in key order); per period row: room left for hard ones (null: soft), what this claim adds.
  v_pidx integer[];
  v_room numeric[] := '{}'::numeric[];
  v_add numeric[] := '{}'::numeric[];
  v_spent numeric[] := '{}'::numeric[];
  v_reserved numeric[] := '{}'::numeric[];
  v_limits numeric[] := '{}'::numeric[];
  v_pos integer;
  v_first integer;
  v_last integer;
  v_refusal jsonb;
  v_refused jsonb := '{}'::jsonb;
  v_held uuid[] := '{}'::uuid[];
  v_accepted boolean[] := '{}'::boolean[];
begin
  -- Set-wise, with one call per claim for the estimates and one per budget for its period: per-task
  -- function calls (each with its own search_path) would cost more than the rest of the gate.
  with t as (
    select u.* from unnest(p_result_ids, p_run_ids, p_attempts, p_workflow_ids, p_lenser_ids, p_ai_lenser_ids)
           with ordinality u(result_id, run_id, attempt, workflow_id, lenser_id, ai_lenser_id, ord)
  ), owners as (
    select o.ai_lenser_id, o.owner_lenser_id from agents.ownerships o
    where o.ai_lenser_id = any (p_ai_lenser_ids) and o.role = 'owner' and o.revoked_at is null
  ), b as materialized (
    select b.id, b.scope, b.enforcement, b.on_exceed, b.period, b.amount_credits, b.workflow_id, b.ai_lenser_id, b.lenser_id,
           pb.period_start, pb.period_end
    from ai.budgets b
    cross join lateral ai.fn_budget_period_bounds(b.period, now()) pb
    where b.archived_at is null
      and (b.workflow_id = any (p_workflow_ids) or b.ai_lenser_id = any (p_ai_lenser_ids) or b.lenser_id = any (p_lenser_ids)
           or b.lenser_id in (select owners.owner_lenser_id from owners))
  ), workflow_budget_runs as materialized (
    -- A workflow budget applies to the runs whose lenser may act as the workflow's lenser (the owner's
    -- own runs): a stranger's run of a public workflow neither spends nor is stopped by it. Decided
    -- once per (run lenser, workflow), not per task.
    select d.lenser_id, d.workflow_id, d.lenser_id = w.lenser_id or lensers.fn_may_act_as(d.lenser_id, w.lenser_id) as applies
    from (select distinct t.lenser_id, b.workflow_id from t join b on b.workflow_id = t.workflow_id) d
    join lenses.workflows w on w.id = d.workflow_id
  ), pairs as materialized (
    select t.ord, t.result_id, t.run_id, t.attempt, b.id as budget_id, b.scope, b.enforcement = 'hard' as hard,
           b.on_exceed::text as on_exceed, b.period, b.amount_credits, b.period_start, b.period_end,
           -- The period row's place in key order (the order the period rows are read in below).
           dense_rank() over (order by b.id, b.period_start)::integer as pidx
    from t
    join b on (b.workflow_id = t.workflow_id
               and (t.lenser_id, b.workflow_id) in (select m.lenser_id, m.workflow_id from workflow_budget_runs m where m.applies))
           or b.ai_lenser_id = t.ai_lenser_id
           or b.lenser_id = t.lenser_id
           or b.lenser_id in (select owners.owner_lenser_id from owners where owners.ai_lenser_id = t.ai_lenser_id)
  ), estimates as materialized (
    select e.ord, e.estimate
    from ai.fn_budget_estimates(p_model_ids, p_chars, p_params, coalesce(p_calls, '{}'::integer[]), now()) e
    where exists (select 1 from b)
  )
  select array_agg(p.ord order by p.ord, p.budget_id), array_agg(p.result_id order by p.ord, p.budget_id),
         array_agg(p.run_id order by p.ord, p.budget_id), array_agg(p.attempt order by p.ord, p.budget_id),
         array_agg(p.budget_id order by p.ord, p.budget_id), array_agg(p.scope order by p.ord, p.budget_id),
         array_agg(p.hard order by p.ord, p.budget_id), array_agg(p.on_exceed order by p.ord, p.budget_id),
         array_agg(p.period order by p.ord, p.budget_id), array_agg(p.period_start order by p.ord, p.budget_id),
         array_agg(p.period_end order by p.ord, p.budget_id), array_agg(p.amount_credits order by p.ord, p.budget_id),
         array_agg(e.estimate order by p.ord, p.budget_id), array_agg(p.pidx order by p.ord, p.budget_id)
  into v_ords, v_results, v_runs, v_attempts, v_budgets, v_scopes, v_hards, v_on_exceed, v_periods, v_starts, v_ends,
       v_amounts, v_estimates, v_pidx
  from pairs p
  join estimates e on e.ord = p.ord;
  if v_ords is null then
    return null;
  end if;

  -- Period rows on demand (a new period is a new row); then locked in key order, or read as they
  -- are when p_lock is false and every row already existed.
  if not v_lock and exists (select 1 from (select distinct u.b, u.s from unnest(v_budgets, v_starts) u(b, s)) u
                            where not exists (select 1 from ai.budget_periods p where p.budget_id = u.b and p.period_start = u.s)) then
    v_lock := true;
  end if;
  insert into ai.budget_periods (budget_id, period_start, period_end, limit_credits, enforcement)
  select distinct on (u.budget_id, u.period_start) u.budget_id, u.period_start, u.period_end, u.amount, u.enforcement
  from unnest(v_budgets, v_starts, v_ends, v_amounts,
              array(select case when h then 'hard' else 'soft' end::ai.budget_enforcement from unnest(v_hards) h))
       u(budget_id, period_start, period_end, amount, enforcement)
  where v_lock
    and not exists (select 1 from ai.budget_periods p where p.budget_id = u.budget_id and p.period_start = u.period_start)
  on conflict do nothing;
  if v_lock then
    perform 1 from ai.budget_periods p
    where (p.budget_id, p.period_start) in (select u.b, u.s from unnest(v_budgets, v_starts) u(b, s)
                                            union
                                            select l.b, l.s from unnest(p_lock_budget_ids, p_lock_period_starts) l(b, s))
    order by p.budget_id, p.period_start
    for no key update of p;
  end if;
  for v_period in
    select p.budget_id, p.period_start, p.enforcement, p.spent_credits, p.reserved_credits, p.limit_credits
    from ai.budget_periods p
    where (p.budget_id, p.period_start) in (select u.b, u.s from unnest(v_budgets, v_starts) u(b, s))
    order by p.budget_id, p.period_start
  loop
    v_room := v_room || case when v_period.enforcement = 'hard'
                             then v_period.limit_credits - v_period.spent_credits - v_period.reserved_credits end;
    v_add := v_add || 0::numeric;
    v_spent := v_spent || v_period.spent_credits; v_reserved := v_reserved || v_period.reserved_credits;
    v_limits := v_limits || v_period.limit_credits;
  end loop;

  -- When every hard budget can take all of the claim's estimates (and none is unpriced), every task
  -- is admitted at once; otherwise tasks are admitted in order: each task's pairs are v_first .. v_last.
  if not exists (select 1
                 from (select u.pidx, sum(u.est) as total, bool_or(u.est is null) as unpriced
                       from unnest(v_pidx, v_estimates) u(pidx, est) group by u.pidx) s
                 where v_room[s.pidx] is not null and (s.unpriced or s.total > v_room[s.pidx])) then
    v_accepted := array_fill(true, array[cardinality(v_ords)]);
    v_held := array(select u.r from (select distinct u.r, u.o from unnest(v_results, v_ords) u(r, o)) u order by u.o);
    v_first := cardinality(v_ords) + 1;
  else
    v_accepted := array_fill(false, array[cardinality(v_ords)]);
    v_first := 1;
  end if;
  while v_first <= cardinality(v_ords) loop
    v_last := v_first;
    while v_last < cardinality(v_ords) and v_ords[v_last + 1] = v_ords[v_first] loop
      v_last := v_last + 1;
    end loop;
    v_refusal := null;
    for i in v_first .. v_last loop
      v_pos := v_pidx[i];
      if v_room[v_pos] is null then
        continue; -- soft
      end if;
      if v_estimates[i] is null then
        v_refusal := jsonb_build_object('budget_id', v_budgets[i], 'scope', v_scopes[i], 'on_exceed', 'fail',
          'reason', format('the model has no price now, and hard budget %s cannot account for an unpriced model', v_budgets[i]));
        exit;
      end if;
      if v_estimates[i] > v_room[v_pos] - v_add[v_pos] then
        v_refusal := jsonb_build_object('budget_id', v_budgets[i], 'scope', v_scopes[i], 'on_exceed', v_on_exceed[i],
          'reason', format('hard budget %s cannot reserve %s credits: %s spent and %s reserved of %s in the period from %s',
                           v_budgets[i], v_estimates[i], v_spent[v_pos], v_reserved[v_pos] + v_add[v_pos], v_limits[v_pos],
                           v_starts[i]),
          'retry_at', case
            when v_spent[v_pos] + v_estimates[i] <= v_limits[v_pos] then now() + interval '10 seconds'
            when v_periods[i] <> 'none' then v_ends[i]
            else now() + interval '5 minutes' end);
        exit;
      end if;
    end loop;
    if v_refusal is null then
      for i in v_first .. v_last loop
        v_pos := v_pidx[i];
        v_add[v_pos] := v_add[v_pos] + coalesce(v_estimates[i], 0);
        v_accepted[i] := true;
      end loop;
      v_held := v_held || v_results[v_first];
    else
      v_refused := v_refused || jsonb_build_object(v_results[v_first]::text, v_refusal);
    end if;
    v_first := v_last + 1;
  end loop;

  -- The admitted tasks' reservations; ai.fn_apply_budget_periods adds them to the period rows. An
  -- attempt number given back by a release is taken again here: its released row is replaced.
  insert into ai.budget_reservations (node_result_id, attempt, run_id, budget_ids, period_starts, amount_credits, unpriced)
  select u.result_id, u.attempt, u.run_id, array_agg(u.budget_id order by u.budget_id),
         array_agg(u.period_start order by u.budget_id), coalesce(max(u.estimate), 0), bool_or(u.estimate is null)
  from unnest(v_budgets, v_starts, v_results, v_runs, v_attempts, v_estimates, v_accepted)
       u(budget_id, period_start, result_id, run_id, attempt, estimate, accepted)
  where u.accepted
  group by u.result_id, u.attempt, u.run_id
  on conflict (node_result_id, attempt) do update
    set run_id = excluded.run_id, budget_ids = excluded.budget_ids, period_starts = excluded.period_starts,
        amount_credits = excluded.amount_credits, unpriced = excluded.unpriced, status = 'held', actual_credits = null,
        created_at = now(), ended_at = null
    where ai.budget_reservations.status = 'released';
  return jsonb_build_object('held', to_jsonb(v_held), 'refused', v_refused);
end
$function$;

comment on function ai.fn_reserve_budgets(p_result_ids uuid[], p_run_ids uuid[], p_attempts integer[], p_workflow_ids uuid[], p_lenser_ids uuid[], p_ai_lenser_ids uuid[], p_model_ids uuid[], p_chars bigint[], p_params jsonb[], p_lock_budget_ids uuid[], p_lock_period_starts timestamp with time zone[], p_calls integer[], p_lock boolean) is 'The claim''s budget gate for its tasks, set-wise: writes each admitted task''s reservations in every applicable budget (applied to the period rows at the end of the transaction), or refuses the tasks a hard budget cannot take.';

revoke all on function ai.fn_reserve_budgets(p_result_ids uuid[], p_run_ids uuid[], p_attempts integer[], p_workflow_ids uuid[], p_lenser_ids uuid[], p_ai_lenser_ids uuid[], p_model_ids uuid[], p_chars bigint[], p_params jsonb[], p_lock_budget_ids uuid[], p_lock_period_starts timestamp with time zone[], p_calls integer[], p_lock boolean) from public;
grant execute on function ai.fn_reserve_budgets(p_result_ids uuid[], p_run_ids uuid[], p_attempts integer[], p_workflow_ids uuid[], p_lenser_ids uuid[], p_ai_lenser_ids uuid[], p_model_ids uuid[], p_chars bigint[], p_params jsonb[], p_lock_budget_ids uuid[], p_lock_period_starts timestamp with time zone[], p_calls integer[], p_lock boolean) to service_role;

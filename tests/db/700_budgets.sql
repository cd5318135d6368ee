-- Budgets enforced in the claim and the priced ledger: reservation, the guarded limit and its
-- CHECK, hard budgets that wait or fail (with the event), settlement from the ledger, release on
-- failure, release and lease expiry, soft alerts exactly once per threshold, period rows (a new
-- period is a new row), unpriced models, price versions, the budget RPCs and the ledger RPCs.
begin;
select plan(111);

select tests.create_user('spender@example.com', '{"handle":"spender"}') as spender \gset
select tests.create_user('budget-stranger@example.com', '{"handle":"budget-stranger"}') as stranger \gset
select tests.create_user('budget-operator@example.com', '{"handle":"budget-operator"}') as operator \gset
select tests.new_agent(:'spender', 'budget-agent') as agent \gset
select tests.grant_agent_role(:'agent', :'operator', 'operator');

-- A priced model (input 1000, output 10000 credits per million tokens; 100 output tokens at most),
-- whose price row starts an hour ago: a task of "Say hello" (9 characters: 3 input tokens) is
-- estimated at 3 x 1000 / 1e6 + 100 x 10000 / 1e6 = 1.003 credits.
insert into ai.models (provider_id, model_key, display_name, context_window, max_output_tokens, support_level, summary)
select p.id, 'budget-priced', 'Budget priced', 8000, 100, 'runnable', 'A priced model for budget tests.'
from ai.providers p where p.key = 'local'
returning id as priced \gset
insert into ai.model_prices (model_id, effective_from, input_per_mtok, cached_input_per_mtok, cache_write_per_mtok, output_per_mtok, reasoning_per_mtok)
values (:'priced', now() - interval '1 hour', 1000, 100, 1250, 10000, 20000);
insert into ai.models (provider_id, model_key, display_name, context_window, support_level, summary)
select p.id, 'budget-unpriced', 'Budget unpriced', 8000, 'runnable', 'A model without a price.'
from ai.providers p where p.key = 'local'
returning id as unpriced \gset

-- A published one-node workflow of the spender on a model; claims of one workflow's due tasks.
create function tests.bt_workflow(p_title text, p_model uuid, p_lenser uuid default null) returns uuid language plpgsql as $$
declare v uuid;
begin
  v := (public.create_workflow(p_title => p_title, p_lenser_id => p_lenser)).id;
  perform public.add_workflow_node(v, 'only', p_lens_version_id => tests.published_version('Say hello', p_title => p_title || ' lens'),
    p_config => jsonb_build_object('model_id', p_model));
  perform public.publish_workflow(v);
  return v;
end $$;
create function tests.bt_claim(p_workflow uuid, p_limit integer default 10)
returns table (result_id uuid, lease_token uuid, run_id uuid) language plpgsql as $$
begin
  update lenses.workflow_node_results x set next_attempt_at = x.next_attempt_at + interval '100 years'
  from lenses.workflow_runs r
  where r.id = x.run_id and x.status in ('queued', 'retrying') and r.workflow_id <> p_workflow;
  return query select c.result_id, c.lease_token, c.run_id from public.claim_workflow_tasks('pgtap-budgets', p_limit, 60) c;
  update lenses.workflow_node_results x set next_attempt_at = x.next_attempt_at - interval '100 years'
  where x.status in ('queued', 'retrying') and x.next_attempt_at > now() + interval '99 years';
end $$;
create function tests.bt_period(p_budget uuid) returns ai.budget_periods language sql as $$
  select p.* from ai.budget_periods p where p.budget_id = p_budget order by p.period_start desc limit 1
$$;
create function tests.bt_complete(p_result uuid, p_lease uuid, p_output integer) returns text language sql as $$
  select public.complete_workflow_task(p_result, p_lease, 'hello',
    p_llm_call => jsonb_build_object('input_tokens', 0, 'output_tokens', p_output, 'latency_ms', 1)) ->> 'status'
$$;
grant execute on all functions in schema tests to authenticated, service_role;
create temporary table claimed_wait (result_id uuid, lease_token uuid, run_id uuid);
create temporary table claimed_again (like claimed_wait);
create temporary table claimed_soft (like claimed_wait);
grant all on claimed_wait, claimed_again, claimed_soft to service_role, authenticated;

select tests.authenticate_as(:'spender');
select tests.bt_workflow('Hard wait', :'priced') as wf_wait \gset
select tests.bt_workflow('Hard fail', :'priced') as wf_fail \gset
-- The agent owns this one: its nodes are the agent's turns, so the agent's budgets apply.
select tests.bt_workflow('Soft', :'priced', (select profile_id from agents.ai_lensers where id = :'agent')) as wf_soft \gset
select tests.bt_workflow('Rollover', :'priced') as wf_roll \gset
select tests.bt_workflow('Unpriced', :'unpriced') as wf_unpriced \gset

-- ---------------------------------------------------------------- create_budget refusals
select throws_ok(format($$select public.create_budget('workflow', 0, 'month', 'hard', 'wait', p_workflow_id => %L)$$, :'wf_wait'),
  '22023', 'create_budget: p_amount_credits must be greater than 0 and less than 100000000, got 0', 'an amount is positive');
select throws_ok(format($$select public.create_budget('workflow', 1, 'month', 'hard', p_workflow_id => %L)$$, :'wf_wait'),
  '22023', 'create_budget: p_on_exceed is required for a hard budget (wait or fail)', 'a hard budget says what to do when exceeded');
select throws_ok(format($$select public.create_budget('workflow', 1, 'month', 'soft', 'wait', p_workflow_id => %L)$$, :'wf_wait'),
  '22023', 'create_budget: p_on_exceed applies to hard budgets only', 'a soft budget takes no on_exceed');
select throws_ok($$select public.create_budget('workflow', 1, 'month', 'soft')$$,
  '22023', 'create_budget: a workflow budget needs p_workflow_id (and no p_ai_lenser_id)', 'a workflow budget names its workflow');
select throws_ok(format($$select public.create_budget('lenser', 1, 'month', 'soft', p_workflow_id => %L)$$, :'wf_wait'),
  '22023', 'create_budget: a lenser budget covers the caller; give neither p_ai_lenser_id nor p_workflow_id', 'a lenser budget is the caller''s');
select tests.authenticate_as(:'operator');
select throws_ok(format($$select public.create_budget('ai_lenser', 1, 'day', 'soft', p_ai_lenser_id => %L)$$, :'agent'),
  '42501', format('create_budget: only owners and co-owners of agent %s set its budgets', :'agent'), 'an operator cannot set an agent''s budget');
select tests.authenticate_as(:'stranger');
select throws_ok(format($$select public.create_budget('ai_lenser', 1, 'day', 'soft', p_ai_lenser_id => %L)$$, :'agent'),
  'PT404', format('create_budget: no agent %s that you manage', :'agent'), 'a stranger does not learn the agent exists');
select throws_ok(format($$select public.create_budget('workflow', 1, 'day', 'soft', p_workflow_id => %L)$$, :'wf_wait'),
  'PT404', format('create_budget: no workflow %s that you own', :'wf_wait'), 'nor the private workflow');
select tests.authenticate_as_anon();
select throws_ok($$select public.create_budget('lenser', 1, 'day', 'soft')$$, '42501', null, 'anon cannot create budgets');
select tests.clear_authentication();
select is((select count(*)::int from ai.budgets b join lensers.profiles p on p.id = b.created_by
           where p.user_id in (:'spender', :'stranger', :'operator')), 0, 'refused creations wrote nothing');

-- ---------------------------------------------------------------- hard budget, wait: the guarded reservation
select tests.authenticate_as(:'spender');
select (public.create_budget('workflow', 3.009, 'month', 'hard', 'wait', p_workflow_id => :'wf_wait')).id as b_wait \gset
select public.start_workflow_run(:'wf_wait', '{}') from generate_series(1, 4);
select tests.authenticate_as_service_role();
insert into claimed_wait select * from tests.bt_claim(:'wf_wait');
select is((select count(*)::int from claimed_wait), 3, 'a hard budget that fits three estimates lets exactly three of four tasks run');
select is((tests.bt_period(:'b_wait')).reserved_credits, 3.009000::numeric(14,6), 'their estimates (1.003 each) are reserved');
select is((tests.bt_period(:'b_wait')).spent_credits, 0::numeric(14,6), 'nothing is spent yet');
select is((select count(*)::int from ai.budget_reservations where :'b_wait' = any (budget_ids) and status = 'held'), 3, 'one held reservation per task');
select ok((select bool_and(budget_held) from lenses.workflow_node_results where id in (select result_id from claimed_wait)), 'the leased tasks say so');
select is((select x.status::text || ':' || x.waiting_reason from lenses.workflow_node_results x join lenses.workflow_runs r on r.id = x.run_id
           where r.workflow_id = :'wf_wait' and x.status not in ('running')), 'queued:budget', 'the fourth waits for budget');
select ok((select x.next_attempt_at > now() from lenses.workflow_node_results x join lenses.workflow_runs r on r.id = x.run_id
           where r.workflow_id = :'wf_wait' and x.status = 'queued'), 'due again later');
select is((select payload ->> 'budget_id' from lenses.workflow_run_events e join lenses.workflow_runs r on r.id = e.run_id
           where r.workflow_id = :'wf_wait' and e.event_type = 'budget_exceeded'), :'b_wait', 'a budget_exceeded event names the budget that stopped it');
select is((select payload ->> 'action' from lenses.workflow_run_events e join lenses.workflow_runs r on r.id = e.run_id
           where r.workflow_id = :'wf_wait' and e.event_type = 'budget_exceeded'), 'wait', 'and what it does');
select is((select attempt_count from lenses.workflow_node_results x join lenses.workflow_runs r on r.id = x.run_id
           where r.workflow_id = :'wf_wait' and x.status = 'queued'), 0, 'the deferral is not an attempt');
select throws_ok(format($$update ai.budget_periods set reserved_credits = reserved_credits + 0.000001 where budget_id = %L$$, :'b_wait'),
  '23514', null, 'the CHECK refuses any reservation past a hard limit');
-- A second due claim of the waiting task still cannot reserve, and says so only once.
update lenses.workflow_node_results x set next_attempt_at = now() from lenses.workflow_runs r
where r.id = x.run_id and r.workflow_id = :'wf_wait' and x.status = 'queued';
select is((select count(*)::int from tests.bt_claim(:'wf_wait')), 0, 'the waiting task is refused again while the budget is full');
select is((select count(*)::int from lenses.workflow_run_events e join lenses.workflow_runs r on r.id = e.run_id
           where r.workflow_id = :'wf_wait' and e.event_type = 'budget_exceeded'), 1, 'without a second event');
select is((tests.bt_period(:'b_wait')).reserved_credits, 3.009000::numeric(14,6), 'and without reserving anything');

-- ---------------------------------------------------------------- settle, fail, release, lease expiry
select result_id as w1, lease_token as w1_lease from claimed_wait order by result_id limit 1 offset 0 \gset
select result_id as w2, lease_token as w2_lease from claimed_wait order by result_id limit 1 offset 1 \gset
select result_id as w3, lease_token as w3_lease from claimed_wait order by result_id limit 1 offset 2 \gset
select is((public.complete_workflow_task(:'w1', :'w1_lease', 'hello',
  p_llm_call => '{"input_tokens":3,"output_tokens":50,"latency_ms":5}')) ->> 'status', 'completed', 'a task completes');
select is((select cost_credits from ai.llm_calls where node_result_id = :'w1'), 0.503000::numeric(14,6),
  'its ledger row is priced by buckets: 3 x 1000 + 50 x 10000 per million');
select is((tests.bt_period(:'b_wait')).spent_credits, 0.503000::numeric(14,6), 'the completion settles the ledger''s cost into spent');
select is((tests.bt_period(:'b_wait')).reserved_credits, 2.006000::numeric(14,6), 'and gives back its whole estimate');
select is((select status::text || ':' || actual_credits from ai.budget_reservations where node_result_id = :'w1'), 'settled:0.503000',
  'the reservation is settled at the actual cost');
select is((select budget_held from lenses.workflow_node_results where id = :'w1'), false, 'the completed task holds nothing');

select is((public.fail_workflow_task(:'w2', :'w2_lease', 'server', 'provider down',
  p_llm_call => '{"input_tokens":3,"output_tokens":10,"latency_ms":5}')) ->> 'status', 'retrying', 'a task fails (and will retry)');
select is((select status::text || ':' || actual_credits from ai.budget_reservations where node_result_id = :'w2'), 'settled:0.103000',
  'the failed call''s tokens are spent too');
select is((tests.bt_period(:'b_wait')).spent_credits, 0.606000::numeric(14,6), 'spent grows by the failed call''s cost');
select is((tests.bt_period(:'b_wait')).reserved_credits, 1.003000::numeric(14,6), 'and its reservation is given back');

select public.release_workflow_task(:'w3', :'w3_lease');
select is((select status::text from ai.budget_reservations where node_result_id = :'w3'), 'released', 'a released task''s reservation is released');
select is((tests.bt_period(:'b_wait')).reserved_credits, 0::numeric(14,6), 'nothing stays reserved for tasks that are not running');

-- Lease expiry: claimed again, the lease runs out, the reaper gives the reservation back.
update lenses.workflow_node_results x set next_attempt_at = now() from lenses.workflow_runs r
where r.id = x.run_id and r.workflow_id = :'wf_wait' and x.status in ('queued', 'retrying');
insert into claimed_again select * from tests.bt_claim(:'wf_wait');
select is((select count(*)::int from claimed_again), 2, 'with 2.403 free again, two of the three due tasks are claimed (1.003 each)');
select ok((tests.bt_period(:'b_wait')).spent_credits + (tests.bt_period(:'b_wait')).reserved_credits <= (tests.bt_period(:'b_wait')).limit_credits,
  'spent + reserved never passes the limit');
select is((select count(*)::int from lenses.workflow_node_results x join lenses.workflow_runs r on r.id = x.run_id
           where r.workflow_id = :'wf_wait' and x.waiting_reason = 'budget'), 1, 'the one that does not fit waits');
update lenses.workflow_node_results set lease_expires_at = now() - interval '1 second'
where id in (select result_id from claimed_again);
select ok(lenses.fn_reap_workflow_runs() >= 2, 'the reaper takes the expired leases');
select is((select count(*)::int from ai.budget_reservations where :'b_wait' = any (budget_ids) and status = 'held'), 0,
  'an expired lease releases its reservation');
select is((tests.bt_period(:'b_wait')).reserved_credits, 0::numeric(14,6), 'the period holds nothing reserved');
select is((tests.bt_period(:'b_wait')).spent_credits, 0.606000::numeric(14,6), 'and spent is what the ledger charged');

-- ---------------------------------------------------------------- hard budget, fail; unpriced models
select tests.authenticate_as(:'spender');
select (public.create_budget('workflow', 0.5, 'day', 'hard', 'fail', p_workflow_id => :'wf_fail')).id as b_fail \gset
select (public.start_workflow_run(:'wf_fail', '{}')).id as run_fail \gset
select tests.authenticate_as_service_role();
select is((select count(*)::int from tests.bt_claim(:'wf_fail')), 0, 'a task whose estimate exceeds a failing hard budget is not leased');
select is((select status::text || ':' || error_kind from lenses.workflow_node_results where run_id = :'run_fail'), 'failed:budget_exceeded',
  'it fails with error kind budget_exceeded');
select is((select payload ->> 'budget_id' from lenses.workflow_run_events where run_id = :'run_fail' and event_type = 'budget_exceeded'),
  :'b_fail', 'the event names the budget');
select is((select payload ->> 'action' from lenses.workflow_run_events where run_id = :'run_fail' and event_type = 'budget_exceeded'),
  'fail', 'and the action');
select is((select status::text from lenses.workflow_runs where id = :'run_fail'), 'failed', 'the run ends failed');
select is((select count(*)::int from ai.budget_reservations where :'b_fail' = any (budget_ids)), 0, 'and nothing stays reserved');

select tests.authenticate_as(:'spender');
select (public.create_budget('workflow', 10, 'none', 'hard', 'wait', p_workflow_id => :'wf_unpriced')).id as b_unpriced_hard \gset
select (public.start_workflow_run(:'wf_unpriced', '{}')).id as run_unpriced \gset
select tests.authenticate_as_service_role();
select is((select count(*)::int from tests.bt_claim(:'wf_unpriced')), 0, 'a hard budget refuses a task on an unpriced model');
select is((select status::text || ':' || error_kind from lenses.workflow_node_results where run_id = :'run_unpriced'), 'failed:budget_exceeded',
  'it fails (waiting would not price the model)');
select matches((select error_message from lenses.workflow_node_results where run_id = :'run_unpriced'),
  'has no price now, and hard budget .* cannot account for an unpriced model', 'with a clear reason');
select tests.authenticate_as(:'spender');
select public.update_budget(:'b_unpriced_hard', p_enforcement => 'soft');
select (public.start_workflow_run(:'wf_unpriced', '{}')).id as run_unpriced2 \gset
select tests.authenticate_as_service_role();
select result_id as u1, lease_token as u1_lease from tests.bt_claim(:'wf_unpriced') \gset
select is((select unpriced::text || ':' || amount_credits from ai.budget_reservations where node_result_id = :'u1'), 'true:0.000000',
  'a soft budget takes the unpriced task, reserving nothing and flagging it');
select public.complete_workflow_task(:'u1', :'u1_lease', 'hello', p_llm_call => '{"input_tokens":3,"output_tokens":5,"latency_ms":5}');
select is((select coalesce(cost_credits::text, 'null') || ':' || unpriced || ':' || coalesce(price_effective_from::text, 'null')
           from ai.llm_calls where node_result_id = :'u1'), 'null:true:null', 'an unpriced call records a null cost and the flag, never 0');
select is((select cost_credits from lenses.workflow_node_results where id = :'u1'), 0::numeric(14,6), 'node totals count priced calls only');

-- ---------------------------------------------------------------- soft budget: one alert per threshold
select tests.authenticate_as(:'spender');
select (public.create_budget('ai_lenser', 1, 'month', 'soft', p_ai_lenser_id => :'agent')).id as b_soft \gset
select (public.create_budget('lenser', 1000, 'day', 'soft')).id as b_mine \gset
select public.start_workflow_run(:'wf_soft', '{}') from generate_series(1, 4);
select tests.authenticate_as_service_role();
insert into claimed_soft select * from tests.bt_claim(:'wf_soft');
select is((select count(*)::int from claimed_soft), 4, 'a soft budget never blocks (4 x 1.003 reserved against 1)');
select is((tests.bt_period(:'b_soft')).reserved_credits, 4.012000::numeric(14,6), 'all four are reserved');
select is((select count(*)::int from ai.budget_reservations r join claimed_soft c on c.result_id = r.node_result_id where :'b_mine' = any (r.budget_ids)), 4,
  'the lenser''s own budget covers their runs too');
select tests.bt_complete(c.result_id, c.lease_token, 45) from (select * from claimed_soft order by result_id limit 1) c;
select is((select array_agg(threshold_percent order by threshold_percent) from ai.budget_alerts where budget_id = :'b_soft'), null::smallint[],
  'below 50% no alert (0.45 of 1)');
select tests.bt_complete(c.result_id, c.lease_token, 10) from (select * from claimed_soft order by result_id limit 1 offset 1) c;
select is((select array_agg(threshold_percent order by threshold_percent) from ai.budget_alerts where budget_id = :'b_soft'), '{50}'::smallint[],
  'crossing 50% writes the 50% alert (0.55)');
select tests.bt_complete(c.result_id, c.lease_token, 50) from (select * from claimed_soft order by result_id limit 1 offset 2) c;
select is((select array_agg(threshold_percent order by threshold_percent) from ai.budget_alerts where budget_id = :'b_soft'), '{50,80,100}'::smallint[],
  'one settlement crossing 80% and 100% writes both (1.05)');
select tests.bt_complete(c.result_id, c.lease_token, 50) from (select * from claimed_soft order by result_id limit 1 offset 3) c;
select is((select count(*)::int from ai.budget_alerts where budget_id = :'b_soft'), 3, 'more spend writes no second alert per threshold');
select is((select count(*)::int from lenses.workflow_run_events e join lenses.workflow_runs r on r.id = e.run_id
           where r.workflow_id = :'wf_soft' and e.event_type = 'budget_threshold_reached' and e.payload ->> 'budget_id' = :'b_soft'), 3,
  'one budget_threshold_reached event per alert');
select is((tests.bt_period(:'b_soft')).spent_credits, 1.550000::numeric(14,6), 'a soft budget may pass its limit');
select is((select count(*)::int from ai.budget_alerts where budget_id = :'b_mine'), 0, 'the large lenser budget crossed nothing');
select is((select ai_lenser_id from ai.llm_calls where node_result_id = (select result_id from claimed_soft order by result_id limit 1)), :'agent'::uuid,
  'the ledger row names the acting agent');
select is((select workflow_id from ai.llm_calls where node_result_id = (select result_id from claimed_soft order by result_id limit 1)), :'wf_soft'::uuid,
  'and the run''s workflow');

-- ---------------------------------------------------------------- period rollover: a new row, the old one untouched
select tests.authenticate_as(:'spender');
select (public.create_budget('workflow', 100, 'day', 'hard', 'wait', p_workflow_id => :'wf_roll')).id as b_roll \gset
select public.start_workflow_run(:'wf_roll', '{}');
select tests.authenticate_as_service_role();
select tests.bt_complete(result_id, lease_token, 20) from tests.bt_claim(:'wf_roll');
select is((select period_start from ai.budget_periods where budget_id = :'b_roll'), date_trunc('day', now() at time zone 'UTC') at time zone 'UTC',
  'a day period starts at 00:00 UTC');
-- Yesterday's period, as if the task had run then.
update ai.budget_periods set period_start = period_start - interval '1 day', period_end = period_end - interval '1 day'
where budget_id = :'b_roll';
update ai.budget_reservations set period_starts = array(select s - interval '1 day' from unnest(period_starts) s)
where budget_ids = array[:'b_roll'::uuid];
select spent_credits as roll_spent, period_start as roll_start from ai.budget_periods where budget_id = :'b_roll' \gset
select tests.authenticate_as(:'spender');
select public.start_workflow_run(:'wf_roll', '{}');
select tests.authenticate_as_service_role();
select is((select count(*)::int from tests.bt_claim(:'wf_roll')), 1, 'the next task is claimed');
select is((select count(*)::int from ai.budget_periods where budget_id = :'b_roll'), 2, 'the new period is a new row');
select is((select spent_credits::text || ':' || reserved_credits from ai.budget_periods where budget_id = :'b_roll' and period_start = :'roll_start'),
  :'roll_spent' || ':0.000000', 'the old row is untouched (no reset)');
select is((tests.bt_period(:'b_roll')).spent_credits::text || ':' || (tests.bt_period(:'b_roll')).reserved_credits, '0.000000:1.003000',
  'the new period starts from nothing');

-- ---------------------------------------------------------------- price versions
select node_result_id as r_old from ai.budget_reservations where :'b_roll' = any (budget_ids) and status = 'settled' \gset
select cost_credits as old_cost, price_effective_from as old_price from ai.llm_calls where node_result_id = :'r_old' \gset
insert into ai.model_prices (model_id, effective_from, input_per_mtok, cached_input_per_mtok, cache_write_per_mtok, output_per_mtok, reasoning_per_mtok)
values (:'priced', now() - interval '30 minutes', 2000, 200, 2500, 20000, 40000);
select x.id as r_new, x.lease_token as r_new_lease from ai.budget_reservations b join lenses.workflow_node_results x on x.id = b.node_result_id
  where :'b_roll' = any (b.budget_ids) and b.status = 'held' \gset
select public.complete_workflow_task(:'r_new', :'r_new_lease', 'hello',
  p_llm_call => '{"input_tokens":10,"cached_tokens":4,"cache_write_tokens":2,"output_tokens":20,"reasoning_tokens":5,"latency_ms":1}');
select is((select cost_credits from ai.llm_calls where node_result_id = :'r_new'),
  round(((10 - 4 - 2) * 2000 + 4 * 200 + 2 * 2500 + (20 - 5) * 20000 + 5 * 40000) / 1e6, 6)::numeric(14,6),
  'a new call is priced by the new row, bucket by bucket');
select is((select price_effective_from from ai.llm_calls where node_result_id = :'r_new'), now() - interval '30 minutes',
  'and names it');
select is((select cost_credits::text || ':' || price_effective_from from ai.llm_calls where node_result_id = :'r_old'),
  :'old_cost' || ':' || :'old_price', 'the old ledger row keeps its cost and price');
select is((select input_price_per_mtok from ai.models where id = :'priced'), 2000::numeric(12,6), 'the catalog shows the price in force');
select is(lenses.fn_llm_call_error('{"input_tokens":3,"cached_tokens":2,"cache_write_tokens":2,"output_tokens":1,"latency_ms":1}'),
  'p_llm_call: cache_write_tokens and reasoning_tokens must be 0 or more, cached_tokens + cache_write_tokens at most input_tokens, and reasoning_tokens at most output_tokens',
  'token buckets are disjoint (a call record that overlaps them is refused)');

-- ---------------------------------------------------------------- the budget RPCs
select tests.authenticate_as(:'spender');
select is((select count(*)::int from public.list_budgets()), 6, 'the owner lists their budgets');
select is((select spent_credits::text || ':' || reserved_credits || ':' || limit_credits || ':' || remaining_credits
           from public.get_budget_status(:'b_wait')), '0.606000:0.000000:3.009000:2.403000', 'get_budget_status: the current period''s figures');
select is((select alerts from public.get_budget_status(:'b_soft')), '{50,80,100}'::smallint[], 'and its alerts');
select throws_ok(format($$select public.update_budget(%L, p_amount_credits => 0.5)$$, :'b_wait'), '23505',
  format('update_budget: the current period of budget %s already holds 0.606000 credits (0.606000 spent, 0.000000 reserved): a hard limit of 0.5 is below it', :'b_wait'),
  'a hard limit below what the period holds is a conflict');
select throws_ok(format($$select public.update_budget(%L)$$, :'b_wait'), '22023',
  'update_budget: nothing to change: give p_amount_credits, p_enforcement or p_on_exceed', 'an update changes something');
select is((public.update_budget(:'b_wait', p_amount_credits => 10)).amount_credits, 10::numeric(14,6), 'the amount changes');
select is((select limit_credits from public.get_budget_status(:'b_wait')), 10::numeric, 'and applies to the current period');
select is((select x.next_attempt_at <= now() from lenses.workflow_node_results x join lenses.workflow_runs r on r.id = x.run_id
           where r.workflow_id = :'wf_wait' and x.waiting_reason = 'budget'), true, 'more room makes the waiting task due again');
select tests.authenticate_as(:'operator');
select is((select count(*)::int from public.list_budgets()), 1, 'an operator reads the agent''s budget');
select throws_ok(format($$select public.update_budget(%L, p_amount_credits => 5)$$, :'b_soft'), '42501',
  format('update_budget: only the budget''s owners change budget %s', :'b_soft'), 'but cannot change it');
select tests.authenticate_as(:'stranger');
select is((select count(*)::int from public.list_budgets()), 0, 'a stranger sees none');
select throws_ok(format($$select * from public.get_budget_status(%L)$$, :'b_wait'), 'PT404',
  format('get_budget_status: no budget %s', :'b_wait'), 'nor any status');
select is((select count(*)::int from ai.budget_periods), 0, 'nor any period row');
select tests.authenticate_as(:'spender');
select isnt((public.archive_budget(:'b_fail')).archived_at, null, 'a budget is archived');
select throws_ok(format($$select public.archive_budget(%L)$$, :'b_fail'), '23505', format('archive_budget: budget %s is archived', :'b_fail'),
  'once');
select is((select count(*)::int from public.list_budgets()), 5, 'archived budgets leave the default list');
select is((select count(*)::int from public.list_budgets(p_include_archived => true)), 6, 'and are listed on request');

-- ---------------------------------------------------------------- the ledger RPCs
select is((select count(*)::int from public.list_llm_calls(p_run_id => (select run_id from claimed_wait where result_id = :'w1'))), 1,
  'list_llm_calls: the calls of a run of mine');
select is((select count(*)::int from public.list_llm_calls(p_ai_lenser_id => :'agent')), 4, 'and of an agent I own');
select throws_ok($$select * from public.list_llm_calls()$$, '22023', 'list_llm_calls: give exactly one of p_run_id and p_ai_lenser_id',
  'one scope');
select throws_ok(format($$select * from public.list_llm_calls(p_run_id => %L, p_limit => 0)$$, :'run_fail'), '22023',
  'list_llm_calls: p_limit must be between 1 and 500, got 0', 'a sane page');
select is((select sum(calls)::int from public.get_llm_cost_rollup(now() - interval '1 day', now() + interval '1 day', 'model')), 9,
  'get_llm_cost_rollup: every call of mine, by model');
select is((select unpriced_calls::int from public.get_llm_cost_rollup(now() - interval '1 day', now() + interval '1 day', 'model')
           where group_key = 'local/budget-unpriced'), 1, 'with the unpriced ones counted');
select is((select cost_credits from public.get_llm_cost_rollup(now() - interval '1 day', now() + interval '1 day', 'agent')
           where group_key = :'agent'), 1.550000::numeric, 'by agent, the agent''s cost');
select is((select reasoning_tokens::int || ':' || cache_write_tokens || ':' || uncached_input_tokens from public.get_llm_cost_rollup(now() - interval '1 day', now() + interval '1 day', 'workflow')
           where group_key = :'wf_roll'), '5:2:4', 'tokens per bucket, by workflow');
select throws_ok($$select * from public.get_llm_cost_rollup(now(), now() - interval '1 day', 'day')$$, '22023', null, 'a backwards range is refused');
select throws_ok($$select * from public.get_llm_cost_rollup(now() - interval '400 days', now(), 'day')$$, '22023',
  'get_llm_cost_rollup: the range from p_from to p_to must be at most 366 days', 'so is a range over 366 days');
select throws_ok($$select * from public.get_llm_cost_rollup(now() - interval '1 day', now(), 'week')$$, '22023',
  'get_llm_cost_rollup: p_group_by must be one of day, agent, workflow, model, provider, got week', 'and an unknown grouping');
select tests.authenticate_as(:'operator');
select is((select sum(calls)::int from public.get_llm_cost_rollup(now() - interval '1 day', now() + interval '1 day', 'day')), 4,
  'an operator sees the calls of the agent they operate, not the owner''s other runs');
select tests.authenticate_as(:'stranger');
select is((select count(*)::int from public.get_llm_cost_rollup(now() - interval '1 day', now() + interval '1 day', 'day')), 0,
  'a stranger sees no spend of mine');
select throws_ok(format($$select * from public.list_llm_calls(p_run_id => %L)$$, :'run_fail'), 'PT404',
  format('list_llm_calls: no run %s of yours', :'run_fail'), 'nor my runs'' calls');
select throws_ok(format($$select * from public.list_llm_calls(p_ai_lenser_id => %L)$$, :'agent'), 'PT404',
  format('list_llm_calls: no agent %s that you operate', :'agent'), 'nor my agent''s');
select tests.clear_authentication();

-- ---------------------------------------------------------------- nothing is left held
select is((select count(*)::int from ai.budget_reservations r join lenses.workflow_node_results x on x.id = r.node_result_id
           where r.status = 'held' and not (x.status in ('running', 'streaming') and x.attempt_count = r.attempt)), 0,
  'no reservation is held for a task that is not running');
select is((select count(*)::int from ai.budget_periods p
           where p.reserved_credits <> coalesce((select sum(r.amount_credits) from ai.budget_reservations r
                                                  cross join lateral unnest(r.budget_ids, r.period_starts) u(budget_id, period_start)
                                                  where u.budget_id = p.budget_id and u.period_start = p.period_start and r.status = 'held'), 0)), 0,
  'every period''s reserved is the sum of its held reservations');

select * from finish();
rollback;

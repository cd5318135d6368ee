-- Leases up to p_limit tasks for a worker (arguments checked by the caller): first p_held, the
-- successors the caller's own completions made ready and held unwritten (fn_settle_many; their
-- runs are the caller's), then due tasks from the queue. Decides per task (plan, prompt, model),
-- then, when any budget is active, reserves the tasks' estimates in their budgets in one pass
-- (ai.fn_reserve_budgets: a task a hard budget cannot take waits, waiting_reason budget, or fails,
-- error_kind budget_exceeded, by the budget's on_exceed, with a budget_exceeded event naming the
-- budget; judged from an unlocked read of the period rows unless p_lock_budgets; the caller applies
-- the reservations to the period rows at its end, ai.fn_apply_budget_periods), then leases them all in one update, moves their runs on in one update (except p_defer_runs,
-- whose caller updates them itself, see fn_runs_after_completions) and appends the events in one
-- insert. Returns what each call needs (for an agent's task, its turn: agents.fn_turn_context).
create or replace function lenses.fn_lease_tasks(p_worker_id text, p_limit integer, p_lease_seconds integer, p_defer_runs uuid[], p_held jsonb default '[]'::jsonb, p_settle jsonb default NULL::jsonb, p_lock_budgets boolean default true)
 returns setof lenses.claimed_task
 language plpgsql
 set search_path to ''
as $function$
declare
  v_candidate record;
  v_is_held boolean;
  v_task record;
  v_input jsonb;
  v_prompt text;
  v_fail_kind lenses.task_error_kind;
  v_fail_message text;
  v_catalog_default uuid;
  v_profile_for uuid;
  v_profile record;
  v_model_id uuid;
  v_model_checked uuid;
  v_step_model record;
  v_model_params jsonb;
  v_review_step record;
  v_contract jsonb;
  v_actor_agent uuid;
  v_owner_agent uuid;
  v_owner_agent_of uuid;
  v_binding_model_id uuid;
  v_binding_params jsonb;
  v_binding_model_for uuid;
  v_actor_member uuid;
  v_actor_team uuid;
  v_agent_ctx jsonb;
  v_held_ids uuid[] := array(select (h.v ->> 'result_id')::uuid from jsonb_array_elements(coalesce(p_held, '[]')) h(v));
  -- The tasks taken, in order: their result, run, node, model, input (held ones), prompt, contract
  -- and model params.
  v_ids uuid[] := '{}'::uuid[];
  v_runs uuid[] := '{}'::uuid[];
  v_nodes uuid[] := '{}'::uuid[];
  v_models uuid[] := '{}'::uuid[];
  v_inputs jsonb[] := '{}'::jsonb[];
  v_prompts text[] := '{}'::text[];
  v_contracts jsonb[] := '{}'::jsonb[];
  v_params jsonb[] := '{}'::jsonb[];
  v_agent_ids uuid[] := '{}'::uuid[];
  v_agent_ctxs jsonb[] := '{}'::jsonb[];
  v_started uuid[] := '{}'::uuid[];
  v_events jsonb := '[]'::jsonb;
  -- Per task taken, for the budget pass and the events: node key, attempts so far, whether its run
  -- starts now, whether it was held, its input, whether it already waited for budget.
  v_node_keys text[] := '{}'::text[];
  v_attempts integer[] := '{}'::integer[];
  v_run_new boolean[] := '{}'::boolean[];
  v_was_held boolean[] := '{}'::boolean[];
  v_any_inputs jsonb[] := '{}'::jsonb[];
  v_waited boolean[] := '{}'::boolean[];
  v_budgets_on boolean;
  v_b_workflows uuid[] := '{}'::uuid[];
  v_b_lensers uuid[] := '{}'::uuid[];
  v_b_agents uuid[] := '{}'::uuid[];
  v_b_chars bigint[] := '{}'::bigint[];
  v_b_calls integer[] := '{}'::integer[];
  v_lock_budgets uuid[];
  v_lock_starts timestamptz[];
  v_budget jsonb;
  v_refusal jsonb;
  v_keep integer[];
  v_budget_held boolean[] := '{}'::boolean[];
  v_retry_at timestamptz;
begin
  perform lenses.fn_reap_workflow_runs(p_limit);
  select m.id into v_catalog_default from ai.models m where m.is_default;
  -- Budgets: one indexed existence check per claim when none is active (the fast path).
  v_budgets_on := exists (select 1 from ai.budgets b where b.archived_at is null);

  -- Held tasks first (their runs are the caller's), then due ones: locked as the loop reads them
  -- (SKIP LOCKED), so concurrent claims take disjoint tasks and none locks more than it looks at.
  for v_candidate in
    select (h.v ->> 'result_id')::uuid as id, (h.v ->> 'run_id')::uuid as run_id, h.v -> 'input' as input, true as held
    from jsonb_array_elements(coalesce(p_held, '[]')) with ordinality h(v, ord)
    union all
    select d.id, d.run_id, null, false
    from (select x.id, x.run_id from lenses.workflow_node_results x
          where x.status in ('queued', 'retrying') and x.next_attempt_at <= now()
          order by x.next_attempt_at
          limit p_limit + 16 -- headroom for tasks of runs another transition holds
          for update skip locked) d
  loop
    exit when cardinality(v_ids) >= p_limit;
    v_is_held := v_candidate.held;
    continue when not v_is_held and not lenses.fn_try_lock_run(v_candidate.run_id);

    select x.id, x.run_id, x.node_id, x.node_key, x.input_data, x.attempt_count, x.mirrored_by_step, r.lenser_id,
           r.started_at as run_started_at, p as plan, x.waiting_reason, x.ai_lenser_id, r.workflow_id
    into v_task
    from lenses.workflow_node_results x
    join lenses.workflow_runs r on r.id = x.run_id
    left join lenses.workflow_node_plans p on p.node_id = x.node_id
    where x.id = v_candidate.id;
    v_input := case when v_is_held then v_candidate.input else v_task.input_data end;
    v_fail_kind := null;

    -- A team run's step waits while its lane is busy or a member it waits on is not done: deferred
    -- (due at infinity) until a step of its run ends (agents.tg_node_results_mirror_step).
    if v_task.mirrored_by_step and not coalesce(agents.fn_step_may_start(v_task.id, v_ids, v_held_ids), true) then
      update lenses.workflow_node_results x
      set status = 'queued', waiting_reason = 'queued', input_data = v_input, queued_at = coalesce(x.queued_at, now()),
          next_attempt_at = 'infinity'
      where x.id = v_task.id;
      continue;
    end if;

    if (v_task.plan).node_id is null then
      v_fail_kind := 'client';
      v_fail_message := 'the workflow has no plan for this node (it was never published)';
    elsif cardinality((v_task.plan).param_labels) = 0 then
      v_prompt := lenses.fn_plan_prompt(v_task.plan, v_input);
    else
      begin
        v_prompt := lenses.fn_plan_prompt(v_task.plan, v_input);
      exception when others then
        v_fail_kind := 'render';
        v_fail_message := format('the prompt could not be rendered: %s', sqlerrm);
      end;
    end if;
    -- A rendered prompt has a ceiling (README "Limits"): past it the attempt fails, never reaches a model.
    if v_fail_kind is null and char_length(v_prompt) > 1000000 then
      v_fail_kind := 'render';
      v_fail_message := format('the rendered prompt is %s characters long, over the limit of 1000000 characters',
                               char_length(v_prompt));
    end if;

    -- A team run step under review: the reviewer's task (their prompt, verdict contract and model);
    -- after a rejection, the member's next attempt carries the reviewer's feedback.
    v_contract := (v_task.plan).output_contract;
    v_review_step := null;
    if v_task.mirrored_by_step and v_fail_kind is null then
      select s.awaiting_review, s.candidate_output, s.review_feedback into v_review_step
      from agents.agent_run_steps s where s.node_result_id = v_task.id and s.kind = 'perform';
      if v_review_step.awaiting_review then
        v_prompt := agents.fn_review_prompt(v_task.node_key, v_prompt, v_review_step.candidate_output);
        v_contract := agents.fn_review_contract();
      elsif v_review_step.review_feedback is not null then
        v_prompt := v_prompt || E'\n\nA reviewer sent your previous answer back. Their feedback:\n'
          || v_review_step.review_feedback || E'\nAnswer again, addressing it.';
      end if;
    end if;

    -- The node's model, else the agent's model profile (for a team run's step: its member's, else its
    -- agent's default; for a conversation turn's run: its binding's, else the agent's default), else
    -- the catalog's default; the profile's parameters apply when the profile names the chosen model.
    if v_fail_kind is null then
      if v_task.mirrored_by_step then
        select sm.model_id, sm.params into v_step_model
        from agents.fn_step_model(v_task.id, case when v_review_step.awaiting_review then 'review' else 'perform' end::agents.agent_run_step_kind) sm;
        v_model_id := coalesce((v_task.plan).model_id, v_step_model.model_id, v_catalog_default);
        v_model_params := case when v_step_model.model_id = v_model_id then coalesce(v_step_model.params, '{}') else '{}' end;
      else
        if v_profile_for is distinct from v_task.lenser_id then
          select d.model_id, d.params into v_profile from lenses.fn_agent_default_model(v_task.lenser_id) d;
          v_profile_for := v_task.lenser_id;
        end if;
        -- The run's AI lenser, looked up once per lenser in this claim.
        if v_owner_agent_of is distinct from v_task.lenser_id then
          v_owner_agent := (select a.id from agents.ai_lensers a where a.profile_id = v_task.lenser_id);
          v_owner_agent_of := v_task.lenser_id;
        end if;
        -- A conversation turn's run (an AI lenser's only): its binding's model profile stands in for
        -- the agent's default (agents.fn_turn_context applies its other overrides); once per run.
        if v_owner_agent is null then
          v_binding_model_id := null;
          v_binding_model_for := null;
        elsif v_binding_model_for is distinct from v_task.run_id then
          select mp.model_id, mp.params into v_binding_model_id, v_binding_params
          from agents.conversation_turns t
          join agents.channel_bindings b on b.id = t.binding_id
          join agents.model_profiles mp on mp.id = b.model_profile_id and mp.ai_lenser_id = v_owner_agent
          where t.run_id = v_task.run_id
          limit 1;
          v_binding_model_for := v_task.run_id;
        end if;
        if v_binding_model_id is not null then
          v_model_id := coalesce((v_task.plan).model_id, v_binding_model_id, v_catalog_default);
          v_model_params := case when v_binding_model_id = v_model_id then coalesce(v_binding_params, '{}') else '{}' end;
        else
          v_model_id := coalesce((v_task.plan).model_id, v_profile.model_id, v_catalog_default);
          v_model_params := case when v_profile.model_id = v_model_id then coalesce(v_profile.params, '{}') else '{}' end;
        end if;
      end if;
      if v_model_id is null then
        v_fail_kind := 'client';
        v_fail_message := 'no model to run on: the node names none, the agent has no default model profile, and the catalog has no default model';
      elsif v_model_checked is distinct from v_model_id then
        if exists (select 1 from ai.models m join ai.providers p on p.id = m.provider_id where m.id = v_model_id) then
          v_model_checked := v_model_id;
        else
          v_fail_kind := 'client';
          v_fail_message := format('model %s is no longer in the catalog', v_model_id);
        end if;
      end if;
    end if;

    -- An agent acts (a team run's member, else the run's lenser when that is an AI: the workflow's AI
    -- owner when someone who may act as it started the run; never the workflow's owner in a run that
    -- is someone else's): its turn's context.
    v_agent_ctx := null;
    v_actor_agent := null;
    if v_fail_kind is null then
      if v_task.mirrored_by_step then
        select s.ai_lenser_id, s.member_id, tr.assignee_team_id into v_actor_agent, v_actor_member, v_actor_team
        from agents.agent_run_steps s join agents.team_runs tr on tr.id = s.team_run_id
        where s.node_result_id = v_task.id
          and s.kind = case when v_review_step.awaiting_review then 'review' else 'perform' end::agents.agent_run_step_kind;
      else
        -- The run's AI lenser (looked up with the model above).
        v_actor_agent := v_owner_agent;
        v_actor_member := null;
        v_actor_team := null;
      end if;
      if v_actor_agent is not null then
        v_agent_ctx := agents.fn_turn_context(v_task.id, v_task.run_id, v_task.workflow_id, v_actor_agent,
          v_actor_member, v_actor_team, v_prompt);
      end if;
    end if;

    if v_fail_kind is not null then
      if v_is_held then
        -- Queued as settling would have, so that the failure ends a queued attempt like any other.
        update lenses.workflow_node_results x
        set status = 'queued', waiting_reason = 'queued', input_data = v_input, queued_at = now(), next_attempt_at = now()
        where x.id = v_task.id;
      end if;
      perform lenses.fn_fail_node_result(v_task.id, v_fail_kind, v_fail_message);
      continue;
    end if;

    v_ids := v_ids || v_task.id;
    v_runs := v_runs || v_task.run_id;
    v_nodes := v_nodes || v_task.node_id;
    v_models := v_models || v_model_id;
    v_inputs := v_inputs || case when v_is_held then v_input end;
    v_prompts := v_prompts || v_prompt;
    v_contracts := v_contracts || v_contract;
    v_params := v_params || v_model_params;
    v_agent_ids := v_agent_ids || v_actor_agent;
    v_agent_ctxs := v_agent_ctxs || v_agent_ctx;
    v_node_keys := v_node_keys || v_task.node_key;
    v_attempts := v_attempts || v_task.attempt_count;
    v_run_new := v_run_new || (v_task.run_started_at is null);
    v_was_held := v_was_held || v_is_held;
    v_any_inputs := v_any_inputs || v_input;
    v_waited := v_waited || (v_task.waiting_reason is not distinct from 'budget');
    if v_budgets_on then
      v_b_workflows := v_b_workflows || v_task.workflow_id;
      v_b_lensers := v_b_lensers || v_task.lenser_id;
      -- The agent acting now (its budgets apply from the first attempt on).
      v_b_agents := v_b_agents || v_actor_agent;
      v_b_chars := v_b_chars || char_length(v_prompt)::bigint;
      v_b_calls := v_b_calls || case when v_agent_ctx is not null and jsonb_array_length(v_agent_ctx -> 'tools') > 0
        then (v_agent_ctx ->> 'max_tool_iterations')::integer + 1 else 1 end;
    end if;
  end loop;

  -- Budgets: the tasks' estimates reserved in one pass; those a hard budget refuses wait or fail.
  -- p_settle: the caller's completions still to settle ({ids, attempts}, see fn_complete_held_tasks);
  -- their period rows are locked with these tasks', in one ordered statement.
  if v_budgets_on and cardinality(v_ids) > 0 then
    if p_lock_budgets then
      select array_agg(b.budget_id), array_agg(b.period_start) into v_lock_budgets, v_lock_starts
      from ai.budget_reservations r
      join (select jsonb_array_elements_text(p_settle -> 'ids')::uuid as id,
                   jsonb_array_elements_text(p_settle -> 'attempts')::integer as attempt) c
        on r.node_result_id = c.id and r.attempt = c.attempt
      cross join lateral unnest(r.budget_ids, r.period_starts) b(budget_id, period_start)
      where p_settle is not null and r.status = 'held';
    end if;
    v_budget := ai.fn_reserve_budgets(v_ids, v_runs, array(select a.n + 1 from unnest(v_attempts) with ordinality a(n, i) order by a.i),
      v_b_workflows, v_b_lensers, v_b_agents, v_models, v_b_chars, v_params, v_lock_budgets, v_lock_starts, v_b_calls,
      p_lock_budgets);
  end if;
  if v_budget is not null and v_budget -> 'refused' <> '{}'::jsonb then
    v_keep := '{}';
    for k in 1 .. cardinality(v_ids) loop
      v_refusal := v_budget -> 'refused' -> v_ids[k]::text;
      if v_refusal is null then
        v_keep := v_keep || k;
        continue;
      end if;
      if v_refusal ->> 'on_exceed' = 'wait' then
        v_retry_at := (v_refusal ->> 'retry_at')::timestamptz;
        update lenses.workflow_node_results x
        set status = case when x.status = 'retrying' then 'retrying' else 'queued' end::lenses.node_result_status,
            waiting_reason = 'budget', input_data = v_any_inputs[k], queued_at = coalesce(x.queued_at, now()),
            next_attempt_at = v_retry_at
        where x.id = v_ids[k];
        if v_was_held[k] or not v_waited[k] then
          perform lenses.fn_append_workflow_run_event(v_runs[k], 'budget_exceeded',
            jsonb_build_object('node_key', v_node_keys[k], 'budget_id', v_refusal -> 'budget_id', 'scope', v_refusal -> 'scope',
                               'action', 'wait', 'reason', v_refusal -> 'reason', 'next_attempt_at', v_retry_at),
            v_nodes[k]);
        end if;
      else
        if v_was_held[k] then
          update lenses.workflow_node_results x
          set status = 'queued', waiting_reason = 'queued', input_data = v_any_inputs[k], queued_at = now(), next_attempt_at = now()
          where x.id = v_ids[k];
        end if;
        perform lenses.fn_append_workflow_run_event(v_runs[k], 'budget_exceeded',
          jsonb_build_object('node_key', v_node_keys[k], 'budget_id', v_refusal -> 'budget_id', 'scope', v_refusal -> 'scope',
                             'action', 'fail', 'reason', v_refusal -> 'reason'),
          v_nodes[k]);
        perform lenses.fn_fail_node_result(v_ids[k], 'budget_exceeded', v_refusal ->> 'reason');
      end if;
    end loop;
    v_ids := array(select v_ids[k] from unnest(v_keep) k);
    v_runs := array(select v_runs[k] from unnest(v_keep) k);
    v_nodes := array(select v_nodes[k] from unnest(v_keep) k);
    v_models := array(select v_models[k] from unnest(v_keep) k);
    v_inputs := array(select v_inputs[k] from unnest(v_keep) k);
    v_prompts := array(select v_prompts[k] from unnest(v_keep) k);
    v_contracts := array(select v_contracts[k] from unnest(v_keep) k);
    v_params := array(select v_params[k] from unnest(v_keep) k);
    v_node_keys := array(select v_node_keys[k] from unnest(v_keep) k);
    v_attempts := array(select v_attempts[k] from unnest(v_keep) k);
    v_run_new := array(select v_run_new[k] from unnest(v_keep) k);
    v_agent_ids := array(select v_agent_ids[k] from unnest(v_keep) k);
    v_agent_ctxs := array(select v_agent_ctxs[k] from unnest(v_keep) k);
  end if;
  v_budget_held := array(select coalesce((v_budget -> 'held') ? id::text, false) from unnest(v_ids) id);
  if cardinality(v_ids) = 0 then
    return;
  end if;

  for k in 1 .. cardinality(v_ids) loop
    if v_run_new[k] and not v_runs[k] = any (v_started) then
      v_started := v_started || v_runs[k];
      v_events := v_events || jsonb_build_array(jsonb_build_object('run_id', v_runs[k], 'event_type', 'run_started'));
    end if;
    v_events := v_events || jsonb_build_array(jsonb_build_object('run_id', v_runs[k], 'event_type', 'node_started',
      'node_id', v_nodes[k],
      'payload', jsonb_build_object('node_key', v_node_keys[k], 'attempt', v_attempts[k] + 1, 'worker', p_worker_id)));
  end loop;

  update lenses.workflow_node_results x
  set status = 'running', waiting_reason = null, next_attempt_at = null,
      input_data = coalesce(c.input, x.input_data), queued_at = case when c.input is not null then now() else x.queued_at end,
      attempt_count = x.attempt_count + 1, lease_token = gen_random_uuid(), lease_owner = p_worker_id,
      lease_expires_at = now() + make_interval(secs => p_lease_seconds),
      started_at = now(), ttfb_ms = null, model_id = c.model_id, budget_held = c.budget_held, ai_lenser_id = c.ai_lenser_id,
      timeout_at = case when x.timeout_ms is not null then now() + make_interval(secs => x.timeout_ms / 1000.0) end
  from unnest(v_ids, v_models, v_inputs, v_budget_held, v_agent_ids) c(id, model_id, input, budget_held, ai_lenser_id)
  where x.id = c.id and x.id = any (v_ids);
  -- The inspector shows each run's last node taken here.
  update lenses.workflow_runs r
  set status = case when r.status in ('queued', 'pending', 'recovered') then 'running'::lenses.workflow_run_status else r.status end,
      started_at = coalesce(r.started_at, now()), active_node_id = c.node_id
  from (select distinct on (u.run_id) u.run_id, u.node_id
        from unnest(v_runs, v_nodes) with ordinality u(run_id, node_id, ord)
        order by u.run_id, u.ord desc) c
  where r.id = c.run_id and r.id = any (v_runs) and not (c.run_id = any (p_defer_runs));
  perform lenses.fn_append_workflow_run_events(v_events);

  return query
    select x.id, x.run_id, x.node_id, x.node_key, x.attempt_count, x.lease_token, x.lease_expires_at, c.prompt,
           x.input_data, c.contract, x.timeout_ms, m.id, m.model_key, p.key, p.adapter, p.base_url, p.api_key_env, c.params, c.agent
    from unnest(v_ids, v_prompts, v_contracts, v_params, v_agent_ctxs) with ordinality c(id, prompt, contract, params, agent, ord)
    join lenses.workflow_node_results x on x.id = c.id and x.id = any (v_ids)
    join ai.models m on m.id = x.model_id
    join ai.providers p on p.id = m.provider_id
    order by c.ord;
end
$function$;

revoke all on function lenses.fn_lease_tasks(p_worker_id text, p_limit integer, p_lease_seconds integer, p_defer_runs uuid[], p_held jsonb, p_settle jsonb, p_lock_budgets boolean) from public;
grant execute on function lenses.fn_lease_tasks(p_worker_id text, p_limit integer, p_lease_seconds integer, p_defer_runs uuid[], p_held jsonb, p_settle jsonb, p_lock_budgets boolean) to service_role;

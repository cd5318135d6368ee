-- Completes tasks whose leases the caller checked under their runs' locks (fn_leased_result, or
-- complete_workflow_tasks' own check), set-wise: each model call is priced for the ledger and each
-- answer checked against its output contract (a violation is a failed attempt, retried by the
-- policy, handled at once); then one update stores every output, one settle moves every run on
-- (fn_settle_many), and one insert each writes the ledger rows, the provenance and the events.
-- Returns one answer per task, in order, and per task its run, node and usage, for the caller's
-- run updates (lenses.fn_runs_after_completions); with p_hold, the successors held for the caller
-- to lease (see fn_settle_many). Budgets the attempts reserved at their claim are settled from their
-- ledger rows' costs (ai.fn_settle_budget_reservations): the completed ones last, in one pass, so
-- that the period rows every worker shares are held from there to the commit only (with p_settle
-- false, not at all: settle returns what to settle, {ids, attempts, costs, called}, for a caller that
-- settles at its own end, complete_workflow_tasks); an attempt that fails here or goes to review is
-- settled before it leaves running.
create or replace function lenses.fn_complete_held_tasks(p_results lenses.workflow_node_results[], p_texts text[], p_outputs jsonb[], p_calls jsonb[], p_hold integer default 0, p_settle boolean default true, OUT answers jsonb[], OUT run_ids uuid[], OUT node_ids uuid[], OUT used_input bigint[], OUT used_output bigint[], OUT used_cached bigint[], OUT used_cost numeric[], OUT held jsonb, OUT settle jsonb)
 returns record
 language plpgsql
 set search_path to ''
as $function$
declare
  v_result lenses.workflow_node_results;
  v_call ai.llm_calls;
  v_calls ai.llm_calls[] := '{}'::ai.llm_calls[];
  v_call_pos integer[] := '{}'::integer[];
  v_completed_pos integer[];
  v_lost_pos integer[] := '{}'::integer[];
  v_contracts jsonb[];
  v_output jsonb;
  v_errors text[];
  v_done_ids uuid[] := '{}'::uuid[];
  v_done_outputs jsonb[] := '{}'::jsonb[];
  v_done_pos integer[] := '{}'::integer[];
  v_events jsonb;
  v_settled record;
  v_review jsonb;
begin
  run_ids := array(select r.run_id from unnest(p_results) with ordinality r order by r.ordinality);
  node_ids := array(select r.node_id from unnest(p_results) with ordinality r order by r.ordinality);
  v_contracts := array(select p.output_contract from unnest(node_ids) with ordinality u(node_id, ord)
                       left join lenses.workflow_node_plans p on p.node_id = u.node_id order by u.ord);
  answers := '{}'; used_input := '{}'; used_output := '{}'; used_cached := '{}'; used_cost := '{}'; held := '[]';
  for i in 1 .. cardinality(p_results) loop
    v_result := p_results[i];
    v_call := lenses.fn_llm_call_row(v_result, p_calls[i], 'succeeded', null);
    if v_call.id is not null then
      v_calls := v_calls || v_call;
      v_call_pos := v_call_pos || i;
    end if;
    used_input := used_input || coalesce(v_call.input_tokens, 0)::bigint;
    used_output := used_output || coalesce(v_call.output_tokens, 0)::bigint;
    used_cached := used_cached || coalesce(v_call.cached_tokens, 0)::bigint;
    used_cost := used_cost || coalesce(v_call.cost_credits, 0);
    if v_result.budget_held and v_result.mirrored_by_step then
      perform ai.fn_settle_budget_reservations(array[v_result.id], array[v_result.attempt_count],
        array[v_call.cost_credits + coalesce((select sum(c.cost_credits) from ai.llm_calls c
        where c.node_result_id = v_result.id and c.attempt = v_result.attempt_count), 0)], array[v_call.id is not null]);
    end if;

    -- A team run step under review: its reviewer decides before the node completes.
    v_review := null;
    if v_result.mirrored_by_step then
      v_review := agents.fn_review_completion(v_result, v_contracts[i], p_texts[i], p_outputs[i]);
      if v_review ? 'answer' then
        perform lenses.fn_add_usage_to_result(v_result.id, used_input[i], used_output[i], used_cached[i], used_cost[i]);
        answers := answers || (v_review -> 'answer');
        continue;
      end if;
    end if;
    v_output := coalesce(v_review -> 'output', lenses.fn_parse_node_output(v_contracts[i], p_texts[i], p_outputs[i]));
    v_errors := case when v_output is null then array['the answer is not a JSON object']
                     else lenses.fn_contract_value_errors(v_contracts[i], v_output) end;
    if cardinality(v_errors) > 0 then
      if v_result.budget_held and not v_result.mirrored_by_step then
        perform ai.fn_settle_budget_reservations(array[v_result.id], array[v_result.attempt_count],
          array[v_call.cost_credits + coalesce((select sum(c.cost_credits) from ai.llm_calls c
          where c.node_result_id = v_result.id and c.attempt = v_result.attempt_count), 0)], array[v_call.id is not null]);
      end if;
      perform lenses.fn_add_usage_to_result(v_result.id, used_input[i], used_output[i], used_cached[i], used_cost[i]);
      v_result := lenses.fn_fail_node_result(v_result.id, 'contract_violation',
        format('the output does not satisfy the output contract: %s', array_to_string(v_errors, '; ')));
      answers := answers || jsonb_build_object('status', v_result.status, 'error_kind', 'contract_violation',
        'next_attempt_at', v_result.next_attempt_at);
      continue;
    end if;
    v_done_ids := v_done_ids || v_result.id;
    v_done_outputs := v_done_outputs || v_output;
    v_done_pos := v_done_pos || i;
    answers := answers || '{"status": "completed"}'::jsonb;
  end loop;

  -- Only results still held complete: a failure earlier in this batch that stopped its run
  -- (failure mode stop_run) cancelled the others of that run, as it would have before a later call.
  select coalesce(array_agg(c.pos), '{}') into v_completed_pos
  from unnest(v_done_ids, v_done_pos) c(id, pos)
  join lenses.workflow_node_results x on x.id = c.id and x.id = any (v_done_ids)
  where x.status in ('running', 'streaming') and x.lease_token = p_results[c.pos].lease_token;
  for i in 1 .. cardinality(v_done_pos) loop
    continue when v_done_pos[i] = any (v_completed_pos);
    v_lost_pos := v_lost_pos || v_done_pos[i];
    answers[v_done_pos[i]] := jsonb_build_object('status', 'lost',
      'error', format('the lease on task %s is not held (it was reclaimed, cancelled or finished; status %s)', v_done_ids[i],
                      (select x.status from lenses.workflow_node_results x where x.id = v_done_ids[i])));
    used_input[v_done_pos[i]] := 0; used_output[v_done_pos[i]] := 0;
    used_cached[v_done_pos[i]] := 0; used_cost[v_done_pos[i]] := 0;
  end loop;
  v_done_outputs := array(select o from unnest(v_done_outputs, v_done_pos) u(o, p) where p = any (v_completed_pos));
  v_done_ids := array(select d from unnest(v_done_ids, v_done_pos) u(d, p) where p = any (v_completed_pos));
  v_done_pos := v_completed_pos;

  if cardinality(v_done_ids) > 0 then
    with done as (
      update lenses.workflow_node_results x
      set status = 'completed', waiting_reason = null, output_data = c.output, error_kind = null, error_message = null,
          lease_token = null, lease_owner = null, lease_expires_at = null, timeout_at = null, finished_at = now(),
          budget_held = false,
          duration_ms = (extract(epoch from now() - x.started_at) * 1000)::integer,
          input_tokens = x.input_tokens + used_input[c.pos], output_tokens = x.output_tokens + used_output[c.pos],
          cached_tokens = x.cached_tokens + used_cached[c.pos], cost_credits = x.cost_credits + used_cost[c.pos]
      from unnest(v_done_ids, v_done_outputs, v_done_pos) c(id, output, pos)
      where x.id = c.id and x.id = any (v_done_ids)
      returning x.run_id, x.node_id, x.node_key, x.output_data, x.duration_ms, x.input_tokens, x.output_tokens, c.pos
    )
    select jsonb_agg(jsonb_build_object('run_id', d.run_id, 'event_type', 'node_completed', 'node_id', d.node_id,
             'payload', jsonb_build_object('node_key', d.node_key, 'output', d.output_data, 'duration_ms', d.duration_ms,
                                           'input_tokens', d.input_tokens, 'output_tokens', d.output_tokens))
             order by d.pos)
    into v_events
    from done d;
    select * into v_settled from lenses.fn_settle_many(
      array(select run_ids[p] from unnest(v_done_pos) p), array(select node_ids[p] from unnest(v_done_pos) p), p_hold);
    held := v_settled.held;
    perform lenses.fn_write_provenance(v_settled.provenance_runs, v_settled.provenance_edges);
    perform lenses.fn_append_workflow_run_events(v_events || v_settled.events);
  end if;
  -- The ledger: every call but those of completions answered lost (a refused completion writes
  -- nothing, as complete_workflow_task's would).
  insert into ai.llm_calls
  select * from unnest(array(select v_calls[k] from generate_subscripts(v_calls, 1) k where not (v_call_pos[k] = any (v_lost_pos))));
  -- The completed attempts' reservations, settled with their calls' costs (a lost completion's was
  -- released by whoever ended its lease).
  if exists (select 1 from unnest(v_done_pos) p where (p_results[p]).budget_held) then
    settle := jsonb_build_object(
      'ids', to_jsonb(array(select (p_results[p]).id from unnest(v_done_pos) p where (p_results[p]).budget_held)),
      'attempts', to_jsonb(array(select (p_results[p]).attempt_count from unnest(v_done_pos) p where (p_results[p]).budget_held)),
      -- An agent turn's attempt made several calls (each in the ledger by now): all of them are spent.
      'costs', to_jsonb(array(select case when (p_results[p]).ai_lenser_id is null
                                          then (v_calls[array_position(v_call_pos, p)]).cost_credits
                                          else (select sum(c.cost_credits) from ai.llm_calls c
                                                where c.node_result_id = (p_results[p]).id and c.attempt = (p_results[p]).attempt_count) end
                              from unnest(v_done_pos) p where (p_results[p]).budget_held)),
      'called', to_jsonb(array(select array_position(v_call_pos, p) is not null from unnest(v_done_pos) p
                               where (p_results[p]).budget_held)));
    if p_settle then
      perform ai.fn_settle_budget_reservations(
        array(select jsonb_array_elements_text(settle -> 'ids')::uuid),
        array(select jsonb_array_elements_text(settle -> 'attempts')::integer),
        array(select (jsonb_array_elements(settle -> 'costs') #>> '{}')::numeric),
        array(select jsonb_array_elements_text(settle -> 'called')::boolean));
    end if;
  end if;
end
$function$;

revoke all on function lenses.fn_complete_held_tasks(p_results lenses.workflow_node_results[], p_texts text[], p_outputs jsonb[], p_calls jsonb[], p_hold integer, p_settle boolean, OUT answers jsonb[], OUT run_ids uuid[], OUT node_ids uuid[], OUT used_input bigint[], OUT used_output bigint[], OUT used_cached bigint[], OUT used_cost numeric[], OUT held jsonb, OUT settle jsonb) from public;
grant execute on function lenses.fn_complete_held_tasks(p_results lenses.workflow_node_results[], p_texts text[], p_outputs jsonb[], p_calls jsonb[], p_hold integer, p_settle boolean, OUT answers jsonb[], OUT run_ids uuid[], OUT node_ids uuid[], OUT used_input bigint[], OUT used_output bigint[], OUT used_cached bigint[], OUT used_cost numeric[], OUT held jsonb, OUT settle jsonb) to service_role;

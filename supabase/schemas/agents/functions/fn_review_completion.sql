-- The review loop of a team run step whose member is reviewed (a reviews edge from a reviewer to
-- the member), decided when a task of the step's node result completes; called by the engine's
-- completion (lenses.fn_complete_held_tasks) for results of team runs, before the node completes.
--   The member's attempt completed: its output (checked against the node's output contract) becomes
--   the candidate and the result is queued again for the reviewer's review task.
--   The reviewer's task completed: a verdict {"approved": boolean, "feedback": string}.
--     approved: the node completes with the candidate (returns {"output": candidate}).
--     rejected: the result is queued for the member again with the feedback in the prompt; past the
--     retry policy's maxRetries rejections the result and the step are blocked with the feedback.
--   A verdict that is not one fails the review attempt as a contract violation (retried as usual).
-- Returns null when there is nothing to review (the caller completes the node as usual),
-- {"output": ...} to complete it with the approved candidate, or {"answer": ...} when the task
-- was handled here (the caller answers the worker with it).
create or replace function agents.fn_review_completion(p_result lenses.workflow_node_results, p_contract jsonb, p_text text, p_output jsonb)
 returns jsonb
 language plpgsql
 set search_path to ''
as $function$
declare
  v_step agents.agent_run_steps;
  v_output jsonb;
  v_failed lenses.workflow_node_results;
  v_feedback text;
  v_blocked boolean;
begin
  select s.* into v_step from agents.agent_run_steps s
  where s.node_result_id = p_result.id and s.kind = 'perform' and s.reviewer_member_id is not null;
  -- Nothing to review, or the task is no longer held (an earlier failure in the same batch stopped
  -- the run): the caller decides as for any node.
  if not found or not exists (select 1 from lenses.workflow_node_results x
                              where x.id = p_result.id and x.status in ('running', 'streaming')
                                and x.lease_token = p_result.lease_token) then
    return null;
  end if;

  if not v_step.awaiting_review then
    v_output := lenses.fn_parse_node_output(p_contract, p_text, p_output);
    if v_output is null or cardinality(lenses.fn_contract_value_errors(p_contract, v_output)) > 0 then
      return null; -- the caller fails it as a contract violation, as for any node
    end if;
    update agents.agent_run_steps s set awaiting_review = true, candidate_output = v_output,
      current_task = 'awaiting review', recent_output_summary = left(coalesce(v_output ->> 'text', v_output::text), 280)
    where s.id = v_step.id;
    perform lenses.fn_requeue_result(p_result.id, 'review');
    perform agents.fn_append_agent_run_event(v_step.team_run_id, 'step_queued',
      jsonb_build_object('node_key', v_step.node_key, 'kind', 'review', 'round', v_step.review_rounds + 1,
                         'member_id', v_step.reviewer_member_id),
      (select r.id from agents.agent_run_steps r where r.node_result_id = p_result.id and r.kind = 'review'));
    return jsonb_build_object('answer', jsonb_build_object('status', 'queued', 'review', 'requested'));
  end if;

  v_output := lenses.fn_parse_node_output('{"kind":"json","fields":[{"name":"approved","type":"boolean","required":true},{"name":"feedback","type":"string","required":false}]}',
    p_text, p_output);
  if v_output is null or jsonb_typeof(v_output -> 'approved') is distinct from 'boolean' then
    v_failed := lenses.fn_fail_node_result(p_result.id, 'contract_violation',
      'the review is not a verdict: expected a JSON object {"approved": true|false, "feedback": "..."}');
    return jsonb_build_object('answer', jsonb_build_object('status', v_failed.status, 'error_kind', 'contract_violation',
      'next_attempt_at', v_failed.next_attempt_at));
  end if;
  v_feedback := left(nullif(btrim(v_output ->> 'feedback'), ''), 4000);

  update agents.agent_run_steps r set status = 'completed', finished_at = now(), started_at = coalesce(r.started_at, now()),
    current_task = null, recent_output_summary = left(coalesce(v_feedback, case when (v_output ->> 'approved')::boolean
                                                                     then 'approved' else 'rejected' end), 280),
    payload = r.payload || jsonb_build_object('round', v_step.review_rounds + 1, 'approved', v_output -> 'approved')
  where r.node_result_id = p_result.id and r.kind = 'review';
  perform agents.fn_append_agent_run_event(v_step.team_run_id, 'step_completed',
    jsonb_build_object('node_key', v_step.node_key, 'kind', 'review', 'round', v_step.review_rounds + 1,
                       'approved', v_output -> 'approved', 'feedback', v_feedback),
    (select r.id from agents.agent_run_steps r where r.node_result_id = p_result.id and r.kind = 'review'));

  if (v_output ->> 'approved')::boolean then
    update agents.agent_run_steps s set awaiting_review = false, candidate_output = null, current_task = s.title
    where s.id = v_step.id;
    return jsonb_build_object('output', v_step.candidate_output);
  end if;

  v_blocked := v_step.review_rounds + 1 > p_result.max_retries;
  update agents.agent_run_steps s set awaiting_review = false, candidate_output = null, review_rounds = s.review_rounds + 1,
    review_feedback = coalesce(v_feedback, 'rejected without feedback'),
    current_task = case when v_blocked then null else 'rework after review' end
  where s.id = v_step.id;
  if v_blocked then
    update lenses.workflow_node_results x set status = 'blocked', waiting_reason = 'external_callback',
      error_message = left(format('the reviewer rejected the output %s times: %s', v_step.review_rounds + 1,
                                  coalesce(v_feedback, 'no feedback')), 10000),
      lease_token = null, lease_owner = null, lease_expires_at = null, timeout_at = null, next_attempt_at = null
    where x.id = p_result.id;
    return jsonb_build_object('answer', jsonb_build_object('status', 'blocked', 'review', 'rejected'));
  end if;
  -- the member's step goes back to work: the review step waits for the next round
  update agents.agent_run_steps r set status = 'queued', finished_at = null where r.node_result_id = p_result.id and r.kind = 'review';
  perform lenses.fn_requeue_result(p_result.id, 'rework after review');
  return jsonb_build_object('answer', jsonb_build_object('status', 'queued', 'review', 'rejected'));
end
$function$;

comment on function agents.fn_review_completion(p_result lenses.workflow_node_results, p_contract jsonb, p_text text, p_output jsonb) is 'The review loop of a reviewed team run step at completion: candidate -> review -> approved output, rework with feedback, or blocked.';

revoke all on function agents.fn_review_completion(p_result lenses.workflow_node_results, p_contract jsonb, p_text text, p_output jsonb) from public;
grant execute on function agents.fn_review_completion(p_result lenses.workflow_node_results, p_contract jsonb, p_text text, p_output jsonb) to service_role;

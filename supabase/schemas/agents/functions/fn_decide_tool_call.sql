-- The policy decision on one tool call a model asked for in an agent turn, recorded (seed 000's
-- trust layer): an unknown tool, a disabled one, one the tool profile denies or does not allow,
-- arguments that failed the tool's schema (p_argument_error, checked by the worker against
-- input_schema), or past the agent's max_tool_iterations are denied and answered to the model as
-- refused; an allowed call becomes a tool_invocations row, running or awaiting approval.
-- Returns what the worker does with the call.
create or replace function agents.fn_decide_tool_call(p_result lenses.workflow_node_results, p_turn agents.agent_turns, p_call jsonb, p_over_limit boolean)
 returns jsonb
 language plpgsql
 set search_path to ''
as $function$
declare
  v_name text := left(coalesce(p_call ->> 'name', ''), 200);
  v_call_id text := p_call ->> 'id';
  v_tool agents.tools_registry;
  v_profile agents.tool_profiles;
  v_rule agents.policy_rule;
  v_reason text;
  v_step_id uuid;
  v_invocation agents.tool_invocations;
  v_offered boolean;
begin
  select s.id into v_step_id from agents.agent_run_steps s where s.node_result_id = p_result.id and s.ai_lenser_id = p_turn.ai_lenser_id
  order by s.kind limit 1;
  select r.* into v_tool from agents.tools_registry r where r.key = v_name;
  select p.* into v_profile from agents.tool_profiles p where p.id = p_turn.tool_profile_id;
  v_offered := v_tool.id is not null and (v_tool.key <> 'send_message' or agents.fn_agent_has_channel(p_turn.ai_lenser_id))
    and agents.fn_tool_usable(v_tool.owner_id, p_turn.ai_lenser_id);
  if p_over_limit then
    v_rule := 'iteration_limit';
    v_reason := format('the agent may make %s rounds of tool calls per turn; this round is past it: answer with what you have',
      (select a.max_tool_iterations from agents.ai_lensers a where a.id = p_turn.ai_lenser_id));
  elsif v_tool.id is null or not v_offered then
    v_rule := 'unknown_tool';
    v_reason := format('there is no tool "%s" available to you', v_name);
  elsif not v_tool.enabled then
    v_rule := 'tool_disabled';
    v_reason := format('tool "%s" is disabled', v_tool.key);
  elsif v_profile.id is null then
    v_rule := 'not_in_tool_profile';
    v_reason := 'the agent has no tool profile, so it may call no tool';
  elsif v_tool.key = any (v_profile.deny_tools) then
    v_rule := 'tool_profile_denies';
    v_reason := format('tool "%s" is denied by tool profile "%s"', v_tool.key, v_profile.name);
  elsif not (v_tool.key = any (v_profile.allow_tools) or v_tool.tool_group = any (v_profile.tool_groups)) then
    v_rule := 'not_in_tool_profile';
    v_reason := format('tool "%s" is not allowed by tool profile "%s"', v_tool.key, v_profile.name);
  elsif p_call ? 'argument_error' then
    v_rule := 'invalid_arguments';
    v_reason := format('the arguments for "%s" do not fit its schema: %s', v_tool.key, left(p_call ->> 'argument_error', 1500));
  end if;

  if v_rule is not null then
    insert into agents.policy_decisions (ai_lenser_id, node_result_id, step_id, tool_profile_id, subject, rule, decision, reason)
    values (p_turn.ai_lenser_id, p_result.id, v_step_id, p_turn.tool_profile_id, coalesce(nullif(v_name, ''), '(none)'), v_rule, 'deny', v_reason);
    perform agents.fn_journal_append(p_result.id, p_turn.turn_no, 'tool', 'refused: ' || v_reason, null, v_call_id,
      coalesce(nullif(v_name, ''), '(none)'), true);
    perform lenses.fn_append_workflow_run_event(p_result.run_id, 'tool_invoked',
      jsonb_build_object('node_key', p_result.node_key, 'tool', v_name, 'decision', 'deny', 'rule', v_rule), p_result.node_id);
    return jsonb_build_object('tool_call_id', v_call_id, 'tool_key', v_name, 'action', 'refused', 'reason', v_reason);
  end if;

  insert into agents.tool_invocations (ai_lenser_id, tool_id, tool_profile_id, input, step_id, workflow_node_result_id,
    call_index, tool_call_id)
  values (p_turn.ai_lenser_id, v_tool.id, v_profile.id, p_call -> 'input', v_step_id, p_result.id,
    coalesce((select max(i.call_index) from agents.tool_invocations i where i.workflow_node_result_id = p_result.id), 0) + 1,
    v_call_id)
  returning * into v_invocation;
  insert into agents.policy_decisions (ai_lenser_id, node_result_id, step_id, tool_invocation_id, tool_profile_id, subject, rule, decision, reason)
  values (p_turn.ai_lenser_id, p_result.id, v_step_id, v_invocation.id, v_profile.id, v_tool.key,
    case when v_invocation.requires_approval then 'approval_required' else 'tool_profile_allows' end::agents.policy_rule,
    case when v_invocation.requires_approval then 'require_approval' else 'allow' end::agents.policy_decision,
    case when v_invocation.requires_approval
      then format('tool "%s" needs an owner''s approval (%s)', v_tool.key,
        case when v_tool.requires_approval then 'the tool requires it' else format('tool profile "%s" requires it', v_profile.name) end)
      else format('tool profile "%s" allows tool "%s"', v_profile.name, v_tool.key) end);
  perform lenses.fn_append_workflow_run_event(p_result.run_id, 'tool_invoked',
    jsonb_build_object('node_key', p_result.node_key, 'tool', v_tool.key, 'invocation_id', v_invocation.id,
      'decision', case when v_invocation.requires_approval then 'require_approval' else 'allow' end, 'status', v_invocation.status),
    p_result.node_id);
  return jsonb_build_object('tool_call_id', v_call_id, 'tool_key', v_tool.key,
    'action', case when v_invocation.requires_approval then 'await_approval' else 'execute' end,
    'invocation_id', v_invocation.id, 'input', v_invocation.input, 'call_index', v_invocation.call_index,
    'idempotency_key', p_result.id::text || ':' || v_invocation.call_index,
    'egress_class', v_tool.egress_class, 'settings', v_tool.settings,
    'timeout_ms', (v_profile.provider_overrides -> v_tool.key ->> 'timeoutMs')::integer);
end
$function$;

revoke all on function agents.fn_decide_tool_call(p_result lenses.workflow_node_results, p_turn agents.agent_turns, p_call jsonb, p_over_limit boolean) from public;
grant execute on function agents.fn_decide_tool_call(p_result lenses.workflow_node_results, p_turn agents.agent_turns, p_call jsonb, p_over_limit boolean) to service_role;

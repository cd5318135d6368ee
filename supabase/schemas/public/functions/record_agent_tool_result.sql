-- Worker: a tool call of an agent turn ended (the lease held): the invocation's outcome, latency and
-- cost, and its result in the journal, in one transaction. Once per call: a second report of the
-- same call (a replay) is refused with PT409 (409) and changes nothing.
create or replace function public.record_agent_tool_result(p_result_id uuid, p_lease_token uuid, p_invocation_id uuid, p_status agents.tool_invocation_status, p_output jsonb default null, p_error text default null, p_latency_ms integer default null, p_cost_credits numeric default null)
 returns agents.tool_invocations
 language plpgsql
 set search_path to ''
as $function$
declare
  v_result lenses.workflow_node_results;
  v_turn agents.agent_turns;
  c_fn constant text := 'record_agent_tool_result';
  v_row agents.tool_invocations;
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_json('record_agent_tool_result', 'p_output', p_output, 1048576, 64);
  perform lensers.fn_limit_text('record_agent_tool_result', 'p_error', p_error, 16000);
  v_result := lenses.fn_leased_result(c_fn, p_result_id, p_lease_token);
  v_turn := agents.fn_leased_turn(c_fn, v_result);
  if p_status is null or p_status not in ('succeeded', 'failed') then
    raise exception '%: p_status must be succeeded or failed', c_fn using errcode = '22023';
  end if;
  if p_status = 'failed' and (p_error is null or char_length(btrim(p_error)) not between 1 and 10000) then
    raise exception '%: p_error (1 to 10000 characters) is required for a failed call', c_fn using errcode = '22023';
  end if;
  if p_status = 'succeeded' and p_error is not null then
    raise exception '%: p_error is only for a failed call', c_fn using errcode = '22023';
  end if;
  if p_output is not null and octet_length(p_output::text) > 131072 then
    raise exception '%: p_output is larger than 128 KiB', c_fn using errcode = '22023';
  end if;
  if p_latency_ms is not null and p_latency_ms < 0 or p_cost_credits is not null and p_cost_credits < 0 then
    raise exception '%: p_latency_ms and p_cost_credits must not be negative', c_fn using errcode = '22023';
  end if;
  select i.* into v_row from agents.tool_invocations i where i.id = p_invocation_id and i.workflow_node_result_id = p_result_id for update;
  if v_row.id is null then
    raise exception '%: no tool call % in task %', c_fn, p_invocation_id, p_result_id using errcode = 'PT404';
  end if;
  if v_row.status <> 'running' then
    raise exception '%: tool call % is % (only a running call ends)', c_fn, p_invocation_id, v_row.status using errcode = 'PT409';
  end if;
  return agents.fn_end_tool_call(v_result, v_turn.turn_no, v_row, p_status, p_output, p_error, p_latency_ms, p_cost_credits);
end
$function$;

revoke all on function public.record_agent_tool_result(p_result_id uuid, p_lease_token uuid, p_invocation_id uuid, p_status agents.tool_invocation_status, p_output jsonb, p_error text, p_latency_ms integer, p_cost_credits numeric) from public;
grant execute on function public.record_agent_tool_result(p_result_id uuid, p_lease_token uuid, p_invocation_id uuid, p_status agents.tool_invocation_status, p_output jsonb, p_error text, p_latency_ms integer, p_cost_credits numeric) to service_role;

create or replace function public.fn_complete_tool_invocation(p_invocation_id uuid, p_status agents.tool_invocation_status, p_output jsonb default NULL::jsonb, p_error text default NULL::text, p_cost_credits numeric default NULL::numeric)
 returns agents.tool_invocations
 language plpgsql
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'fn_complete_tool_invocation';
  v_row agents.tool_invocations := agents.fn_rpc_tool_invocation('fn_complete_tool_invocation', p_invocation_id);
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_json('fn_complete_tool_invocation', 'p_output', p_output, 1048576, 64);
  perform lensers.fn_limit_text('fn_complete_tool_invocation', 'p_error', p_error, 16000);
  perform agents.fn_rpc_require_operate(c_rpc, v_row.ai_lenser_id);
  if p_status is null or p_status not in ('running', 'succeeded', 'failed') then
    raise exception '%: p_status must be running, succeeded or failed, got %', c_rpc, coalesce(p_status::text, 'null')
      using errcode = '22023';
  end if;
  if p_status = 'running' and v_row.status <> 'approved' then
    raise exception '%: invocation % is not approved (it is %); only an approved call starts running', c_rpc, p_invocation_id,
      v_row.status using errcode = '22023';
  end if;
  if p_status in ('succeeded', 'failed') and v_row.status <> 'running' then
    raise exception '%: invocation % is not running (it is %)', c_rpc, p_invocation_id, v_row.status using errcode = 'PT409';
  end if;
  if p_status = 'running' and (p_output is not null or p_error is not null or p_cost_credits is not null) then
    raise exception '%: p_output, p_error and p_cost_credits are given when the call ends', c_rpc using errcode = '22023';
  end if;
  if p_status = 'failed' and (p_error is null or char_length(btrim(p_error)) not between 1 and 10000) then
    raise exception '%: p_error (1 to 10000 characters) is required for a failed call', c_rpc using errcode = '22023';
  end if;
  if p_status = 'succeeded' and p_error is not null then
    raise exception '%: p_error is only for a failed call', c_rpc using errcode = '22023';
  end if;
  if p_cost_credits is not null and p_cost_credits < 0 then
    raise exception '%: p_cost_credits must be 0 or more, got %', c_rpc, p_cost_credits using errcode = '22023';
  end if;
  update agents.tool_invocations i set
    status = p_status,
    output = coalesce(p_output, i.output),
    error = coalesce(btrim(p_error), i.error),
    cost_credits = coalesce(p_cost_credits, i.cost_credits)
  where i.id = p_invocation_id and i.status = v_row.status
  returning * into v_row;
  if not found then
    raise exception '%: invocation % changed meanwhile; read it again', c_rpc, p_invocation_id using errcode = '22023';
  end if;
  return v_row;
end
$function$;

comment on function public.fn_complete_tool_invocation(p_invocation_id uuid, p_status agents.tool_invocation_status, p_output jsonb, p_error text, p_cost_credits numeric) is 'Moves an invocation on: approved -> running, running -> succeeded (output, cost) or failed (error, cost). Operators and the engine.';

revoke all on function public.fn_complete_tool_invocation(p_invocation_id uuid, p_status agents.tool_invocation_status, p_output jsonb, p_error text, p_cost_credits numeric) from public;
grant execute on function public.fn_complete_tool_invocation(p_invocation_id uuid, p_status agents.tool_invocation_status, p_output jsonb, p_error text, p_cost_credits numeric) to authenticated, service_role;

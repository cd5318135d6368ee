create or replace function public.fn_reject_tool_invocation(p_invocation_id uuid, p_reason text)
 returns agents.tool_invocations
 language plpgsql
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'fn_reject_tool_invocation';
  v_row agents.tool_invocations := agents.fn_rpc_tool_invocation('fn_reject_tool_invocation', p_invocation_id);
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_text('fn_reject_tool_invocation', 'p_reason', p_reason, 1000);
  if not (select agents.can_manage_ai_lenser(v_row.ai_lenser_id)) then
    raise exception '%: only an owner or co-owner of agent % may reject its tool calls', c_rpc, v_row.ai_lenser_id
      using errcode = '42501';
  end if;
  perform agents.fn_rpc_text(c_rpc, 'p_reason', p_reason, 2000);
  if v_row.status <> 'awaiting_approval' then
    raise exception '%: invocation % is not awaiting approval (it is %)', c_rpc, p_invocation_id, v_row.status using errcode = 'PT409';
  end if;
  update agents.tool_invocations i set status = 'rejected', rejected_reason = btrim(p_reason)
  where i.id = p_invocation_id and i.status = 'awaiting_approval'
  returning * into v_row;
  if not found then
    raise exception '%: invocation % was decided meanwhile', c_rpc, p_invocation_id using errcode = '22023';
  end if;
  return v_row;
end
$function$;

comment on function public.fn_reject_tool_invocation(p_invocation_id uuid, p_reason text) is 'Rejects a tool call awaiting approval, once, with a reason; only an owner or co-owner of the agent.';

revoke all on function public.fn_reject_tool_invocation(p_invocation_id uuid, p_reason text) from public;
grant execute on function public.fn_reject_tool_invocation(p_invocation_id uuid, p_reason text) to authenticated;

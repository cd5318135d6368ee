create or replace function public.fn_approve_tool_invocation(p_invocation_id uuid, p_approval_hash text default NULL::text)
 returns agents.tool_invocations
 language plpgsql
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'fn_approve_tool_invocation';
  v_row agents.tool_invocations := agents.fn_rpc_tool_invocation('fn_approve_tool_invocation', p_invocation_id);
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_text('fn_approve_tool_invocation', 'p_approval_hash', p_approval_hash, 200);
  if not (select agents.can_manage_ai_lenser(v_row.ai_lenser_id)) then
    raise exception '%: only an owner or co-owner of agent % may approve its tool calls', c_rpc, v_row.ai_lenser_id
      using errcode = '42501';
  end if;
  if v_row.status <> 'awaiting_approval' then
    raise exception '%: invocation % is not awaiting approval (it is %)', c_rpc, p_invocation_id, v_row.status using errcode = 'PT409';
  end if;
  if p_approval_hash is not null and p_approval_hash is distinct from v_row.approval_hash then
    raise exception '%: invocation % is not the call you reviewed (p_approval_hash does not match its tool and input)', c_rpc, p_invocation_id
      using errcode = '22023';
  end if;
  update agents.tool_invocations i set status = 'approved'
  where i.id = p_invocation_id and i.status = 'awaiting_approval'
  returning * into v_row;
  if not found then
    raise exception '%: invocation % was decided meanwhile', c_rpc, p_invocation_id using errcode = '22023';
  end if;
  return v_row;
end
$function$;

comment on function public.fn_approve_tool_invocation(p_invocation_id uuid, p_approval_hash text) is 'Approves a tool call awaiting approval, once; only an owner or co-owner of the agent. With p_approval_hash (the approval_hash you reviewed) it approves only that exact tool and input.';

revoke all on function public.fn_approve_tool_invocation(p_invocation_id uuid, p_approval_hash text) from public;
grant execute on function public.fn_approve_tool_invocation(p_invocation_id uuid, p_approval_hash text) to authenticated;

-- Points a binding the caller owns or co-owns at the published workflow its replies run
-- (p_workflow_id; its entry nodes get {conversation, contact}): one the agent may run (its own, one
-- of its owners' or co-owners', or a public one), else 22023. A new binding version. Archived: PT409.
create or replace function public.set_channel_binding_reply_workflow(p_binding_id uuid, p_workflow_id uuid)
 returns agents.channel_bindings
 language plpgsql
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'set_channel_binding_reply_workflow';
  v_row agents.channel_bindings;
begin
  v_row := agents.fn_rpc_binding(c_rpc, p_binding_id, true);
  perform agents.fn_rpc_not_null(c_rpc, 'p_workflow_id', p_workflow_id);
  if v_row.status = 'archived' then
    raise exception '%: binding % is archived', c_rpc, p_binding_id using errcode = 'PT409';
  end if;
  if not agents.fn_agent_may_run_workflow(v_row.ai_lenser_id, p_workflow_id) then
    raise exception '%: p_workflow_id % is not a published workflow this agent may run', c_rpc, p_workflow_id using errcode = '22023';
  end if;
  update agents.channel_bindings b set reply_workflow_id = p_workflow_id where b.id = p_binding_id
  returning * into v_row;
  return v_row;
end
$function$;

comment on function public.set_channel_binding_reply_workflow(p_binding_id uuid, p_workflow_id uuid) is 'Points a binding at the published workflow its replies run (one its agent may run).';

revoke all on function public.set_channel_binding_reply_workflow(p_binding_id uuid, p_workflow_id uuid) from public;
grant execute on function public.set_channel_binding_reply_workflow(p_binding_id uuid, p_workflow_id uuid) to authenticated;

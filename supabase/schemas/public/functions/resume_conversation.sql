-- Resumes a conversation the loop guard paused (README "Channels: replies"), for an owner or
-- co-owner of its agent: active again, paused_reason cleared; its next inbound message queues a turn
-- (nothing is answered retroactively). Not visible: 404; an operator: 403; not paused: 409.
-- [security definer: conversations have no client write path; checks the caller owns or co-owns the agent]
create or replace function public.resume_conversation(p_conversation_id uuid)
 returns agents.conversations
 language plpgsql
 security definer
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'resume_conversation';
  v_row agents.conversations;
begin
  perform agents.fn_rpc_not_null(c_rpc, 'p_conversation_id', p_conversation_id);
  select c.* into v_row from agents.conversations c where c.id = p_conversation_id for update;
  if v_row.id is null or not (select agents.can_operate_ai_lenser(v_row.ai_lenser_id)) then
    raise exception '%: no conversation % that you can see', c_rpc, p_conversation_id using errcode = 'PT404';
  end if;
  perform agents.fn_rpc_require_manage(c_rpc, v_row.ai_lenser_id);
  if v_row.state <> 'paused' then
    raise exception '%: conversation % is %, not paused', c_rpc, p_conversation_id, v_row.state using errcode = 'PT409';
  end if;
  update agents.conversations c set state = 'active', paused_reason = null where c.id = p_conversation_id
  returning * into v_row;
  -- [bus: conversation_resumed {conversationId, actor}]
  return v_row;
end
$function$;

comment on function public.resume_conversation(p_conversation_id uuid) is 'Resumes a conversation the loop guard paused (owners and co-owners of its agent).';

revoke all on function public.resume_conversation(p_conversation_id uuid) from public, anon;
grant execute on function public.resume_conversation(p_conversation_id uuid) to authenticated;

-- Worker: starts the due conversation turns (queued, due_at passed), at most p_limit (1 to 100), each
-- taken with its conversation FOR UPDATE SKIP LOCKED (a turn another worker holds, or whose
-- conversation is storing a message now, waits for the next call); a conversation with an inbound
-- message still waiting for its model judges (agents.guardrail_judgements) waits until they answer,
-- so an unjudged message never reaches a prompt. For each, in this transaction:
--  * the binding archived, without a reply workflow, or the conversation no longer active: cancelled;
--  * the loop guard: binding.loop_guard_max_turns turns already started in the last
--    loop_guard_window_seconds pause the conversation (paused_reason says why) and the turn ('paused');
--  * else a run of the binding's reply workflow starts for the agent's profile (so the agent acts:
--    lenses.fn_lease_tasks makes it an agent turn), with input {conversation: the last 20 messages,
--    oldest first, "Contact: ..." / "You: ...", contact: {id, displayName, channel, externalId} | null},
--    and the turn records the run and the config versions (agents.fn_binding_config_versions); a run
--    that cannot start (the workflow no longer valid or runnable) fails the turn with the reason.
-- Returns {started, paused, cancelled, failed, nextDueInMs (null when no turn is queued)}.
-- Granted to service_role only; the worker calls it when NOTIFY conversation_turns wakes it and on its poll.
create or replace function public.dispatch_conversation_turns(p_limit integer default 20)
 returns jsonb
 language plpgsql
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'dispatch_conversation_turns';
  c_history constant integer := 20;
  v_turn agents.conversation_turns;
  v_conversation agents.conversations;
  v_binding agents.channel_bindings;
  v_workflow lenses.workflows;
  v_run lenses.workflow_runs;
  v_recent integer;
  v_input jsonb;
  v_contact jsonb;
  v_started integer := 0;
  v_paused integer := 0;
  v_cancelled integer := 0;
  v_failed integer := 0;
  v_next timestamptz;
begin
  if p_limit is null or p_limit not between 1 and 100 then
    raise exception '%: p_limit must be 1 to 100', c_rpc using errcode = '22023';
  end if;
  for v_turn in
    select t.* from agents.conversation_turns t
    join agents.conversations c on c.id = t.conversation_id
    where t.status = 'queued' and t.due_at <= now()
      and not exists (select 1 from agents.guardrail_judgements j
                      where j.conversation_id = t.conversation_id and j.direction = 'input' and j.status = 'pending')
    order by t.due_at
    limit p_limit
    for update of t, c skip locked
  loop
    select c.* into v_conversation from agents.conversations c where c.id = v_turn.conversation_id;
    select b.* into v_binding from agents.channel_bindings b where b.id = v_turn.binding_id;
    if v_binding.status <> 'active' or v_binding.reply_workflow_id is null or v_conversation.state <> 'active' then
      update agents.conversation_turns t set status = 'cancelled', ended_at = now(),
        reason = case when v_binding.status <> 'active' then 'the binding is archived'
                      when v_binding.reply_workflow_id is null then 'the binding has no reply workflow'
                      else format('the conversation is %s', v_conversation.state) end
      where t.id = v_turn.id;
      v_cancelled := v_cancelled + 1;
      -- [bus: conversation_turn_ended {turnId, status: cancelled, reason}]
      continue;
    end if;

    select count(*) into v_recent from agents.conversation_turns t
    where t.conversation_id = v_conversation.id and t.started_at > now() - make_interval(secs => v_binding.loop_guard_window_seconds);
    if v_recent >= v_binding.loop_guard_max_turns then
      update agents.conversations c set state = 'paused',
        paused_reason = format('loop guard: %s turns in the last %s seconds (the limit is %s); paused at %s',
          v_recent + 1, v_binding.loop_guard_window_seconds, v_binding.loop_guard_max_turns, now())
      where c.id = v_conversation.id;
      update agents.conversation_turns t set status = 'paused', ended_at = now(),
        reason = format('loop guard: more than %s turns in %s seconds', v_binding.loop_guard_max_turns, v_binding.loop_guard_window_seconds)
      where t.id = v_turn.id;
      v_paused := v_paused + 1;
      -- [bus: conversation_paused {conversationId, reason} and conversation_turn_ended {turnId, status: paused}]
      continue;
    end if;

    if v_conversation.contact_id is not null then
      select jsonb_build_object('id', k.id, 'displayName', k.display_name, 'channel', v_binding.channel,
        'externalId', (select i.external_id from agents.contact_identities i where i.id = v_conversation.identity_id))
      into v_contact from agents.contacts k where k.id = v_conversation.contact_id;
    else
      v_contact := null;
    end if;
    v_input := jsonb_build_object('conversation', agents.fn_conversation_history(v_conversation.id, c_history),
      'contact', v_contact);
    begin
      select w.* into v_workflow from lenses.workflows w where w.id = v_binding.reply_workflow_id;
      if not agents.fn_agent_may_run_workflow(v_binding.ai_lenser_id, v_workflow.id) then
        raise exception '%: the reply workflow % is not a published workflow this agent may run', c_rpc, v_binding.reply_workflow_id
          using errcode = '22023';
      end if;
      v_run := lenses.fn_start_workflow_run(c_rpc, v_workflow, v_input,
        (select a.profile_id from agents.ai_lensers a where a.id = v_binding.ai_lenser_id), null, null, null, null);
      update agents.conversation_turns t set status = 'running', run_id = v_run.id, started_at = now(),
        config_versions = agents.fn_binding_config_versions(v_binding.id)
      where t.id = v_turn.id;
      v_started := v_started + 1;
    exception when sqlstate '22023' or sqlstate 'PT404' or sqlstate 'PT409' or sqlstate '42501' or sqlstate 'PT413' then
      update agents.conversation_turns t set status = 'failed', ended_at = now(), reason = left(sqlerrm, 4000)
      where t.id = v_turn.id;
      v_failed := v_failed + 1;
      -- [bus: conversation_turn_ended {turnId, status: failed, reason}]
    end;
  end loop;
  -- (A turn waiting for a judgement is not due: complete_guardrail_judgement's NOTIFY wakes the worker.)
  select min(t.due_at) into v_next from agents.conversation_turns t
  where t.status = 'queued'
    and not exists (select 1 from agents.guardrail_judgements j
                    where j.conversation_id = t.conversation_id and j.direction = 'input' and j.status = 'pending');
  return jsonb_build_object('started', v_started, 'paused', v_paused, 'cancelled', v_cancelled, 'failed', v_failed,
    'nextDueInMs', case when v_next is not null then greatest(0, ceil(extract(epoch from (v_next - clock_timestamp())) * 1000))::bigint end);
end
$function$;

comment on function public.dispatch_conversation_turns(p_limit integer) is 'Worker: starts due conversation turns as runs of their bindings'' reply workflows (loop guard, one turn at a time per conversation). Service role only.';

revoke all on function public.dispatch_conversation_turns(p_limit integer) from public, anon, authenticated;
grant execute on function public.dispatch_conversation_turns(p_limit integer) to service_role;

-- The channel kind of output_destination (README "Channels: replies"): sends the text output of run
-- p_run_id (agents.fn_run_reply_text) to the destination's contact on its binding
-- ({kind: "channel", channelBindingId, contactId}), through agents.fn_reply_outbound (guardrails,
-- outbox), exactly once per p_delivery_key (the bus consumer's key for this delivery: a retried or
-- redelivered event queues nothing more and answers the same message). The contact is reached in its
-- most recently active 1:1 conversation on that binding. The binding must be active and belong to the
-- run's lenser, or to an agent the run's lenser owns or co-owns. Refusals (the consumer records them
-- as the delivery's failure): 22023 with the reason. Returns the outbound message's id.
create or replace function agents.fn_deliver_output_to_channel(p_delivery_key text, p_run_id uuid, p_destination jsonb)
 returns uuid
 language plpgsql
 set search_path to ''
as $function$
declare
  c_fn constant text := 'fn_deliver_output_to_channel';
  v_run lenses.workflow_runs;
  v_binding agents.channel_bindings;
  v_conversation_id uuid;
  v_text text;
begin
  if p_delivery_key is null or char_length(p_delivery_key) not between 1 and 200 then
    raise exception '%: p_delivery_key must be 1 to 200 characters', c_fn using errcode = '22023';
  end if;
  if p_destination ->> 'kind' is distinct from 'channel' or cardinality(agents.fn_output_destination_errors(p_destination)) > 0 then
    raise exception '%: p_destination is not a channel destination {kind: channel, channelBindingId, contactId}', c_fn using errcode = '22023';
  end if;
  if not p_destination ? 'contactId' then
    raise exception '%: p_destination names no contactId to send to', c_fn using errcode = '22023';
  end if;
  select r.* into v_run from lenses.workflow_runs r where r.id = p_run_id;
  if v_run.id is null then
    raise exception '%: no run %', c_fn, p_run_id using errcode = 'PT404';
  end if;
  if v_run.status <> 'completed' then
    raise exception '%: run % is % (only a completed run''s output is delivered)', c_fn, p_run_id, v_run.status using errcode = '22023';
  end if;
  select b.* into v_binding from agents.channel_bindings b where b.id = (p_destination ->> 'channelBindingId')::uuid;
  if v_binding.id is null or v_binding.status <> 'active' or not (
       v_run.lenser_id = (select a.profile_id from agents.ai_lensers a where a.id = v_binding.ai_lenser_id)
       or exists (select 1 from agents.ownerships o where o.ai_lenser_id = v_binding.ai_lenser_id and o.owner_lenser_id = v_run.lenser_id
                  and o.revoked_at is null and o.role in ('owner', 'co_owner'))) then
    raise exception '%: no active channel binding % that the run''s lenser may send through', c_fn, p_destination ->> 'channelBindingId'
      using errcode = '22023';
  end if;
  select c.id into v_conversation_id from agents.conversations c
  where c.binding_id = v_binding.id and c.contact_id = (p_destination ->> 'contactId')::uuid and c.identity_id is not null
    and c.state = 'active'
  order by c.last_active_at desc limit 1;
  if v_conversation_id is null then
    raise exception '%: contact % has no active conversation on binding % (the contact must write first)', c_fn,
      p_destination ->> 'contactId', v_binding.id using errcode = '22023';
  end if;
  v_text := agents.fn_run_reply_text(v_run.output);
  if v_text is null then
    raise exception '%: run % has no text output to send', c_fn, p_run_id using errcode = '22023';
  end if;
  return agents.fn_reply_outbound(v_conversation_id, v_text, null,
    jsonb_build_object('kind', 'output_destination', 'runId', p_run_id, 'deliveryKey', p_delivery_key));
end
$function$;

comment on function agents.fn_deliver_output_to_channel(p_delivery_key text, p_run_id uuid, p_destination jsonb) is 'output_destination kind channel: a completed run''s text to a contact through the outbox, exactly once per delivery key.';

revoke all on function agents.fn_deliver_output_to_channel(p_delivery_key text, p_run_id uuid, p_destination jsonb) from public;
grant execute on function agents.fn_deliver_output_to_channel(p_delivery_key text, p_run_id uuid, p_destination jsonb) to service_role;

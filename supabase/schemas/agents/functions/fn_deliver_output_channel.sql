-- The output_channel consumer of the bus (README "Events"): a completed team run whose assignment's
-- output_destination is {kind: channel, channelBindingId, contactId} sends its output to that contact
-- through agents.fn_deliver_output_to_channel (guardrails, outbox), keyed by the event so a retried
-- delivery queues nothing more. Refusals are the delivery's failure (22023: not retried).
create or replace function agents.fn_deliver_output_channel(p_event agents.events)
 returns jsonb
 language plpgsql
 set search_path to ''
as $function$
declare
  v_team agents.team_runs;
  v_message_id uuid;
begin
  if p_event.subject_kind is distinct from 'team_run' then
    raise exception 'output_channel: event % of scope % is not about a team run', p_event.event_id, p_event.scope_id
      using errcode = '22023';
  end if;
  select t.* into v_team from agents.team_runs t where t.id = p_event.subject_id;
  if v_team.id is null then
    raise exception 'output_channel: team run % no longer exists', p_event.subject_id using errcode = '22023';
  end if;
  if coalesce(v_team.policies -> 'output_destination' ->> 'kind', '') <> 'channel' then
    raise exception 'output_channel: team run %''s output destination is not a channel', v_team.id using errcode = '22023';
  end if;
  v_message_id := agents.fn_deliver_output_to_channel(format('output_channel:%s:%s', p_event.scope_id, p_event.event_id),
    v_team.workflow_run_id, v_team.policies -> 'output_destination');
  return jsonb_build_object('message_id', v_message_id);
end
$function$;

comment on function agents.fn_deliver_output_channel(p_event agents.events) is 'The output_channel consumer: a completed team run''s output sent to its destination''s contact on a channel binding, once per event.';

revoke all on function agents.fn_deliver_output_channel(p_event agents.events) from public;
grant execute on function agents.fn_deliver_output_channel(p_event agents.events) to service_role;

-- Processes one pending, due delivery of an sql consumer: counts the attempt, runs the consumer's
-- handler in a subtransaction and settles the delivery in the same transaction (processed with the
-- handler's result: exactly once by construction). A handler's error rolls back only the handler's
-- writes: 22023 (a bad value: the handler's own refusals) and 42501 are permanent (failed at once),
-- anything else retries with backoff
-- up to the consumer's max_attempts. A delivery that is not pending, not yet due, or locked by
-- another transaction is left alone. Returns the delivery's state afterwards (null if left alone).
create or replace function agents.fn_process_sql_delivery(p_delivery_id uuid)
 returns agents.delivery_state
 language plpgsql
 set search_path to ''
as $function$
declare
  v_delivery agents.event_deliveries;
  v_event agents.events;
  v_result jsonb;
  v_state text;
  v_message text;
begin
  select d.* into v_delivery from agents.event_deliveries d
  where d.id = p_delivery_id and d.state = 'pending' and d.next_attempt_at <= now()
    and d.consumer in (select c.name from agents.event_consumers c where c.handler_kind = 'sql')
  for update skip locked;
  if v_delivery.id is null then
    return null;
  end if;
  update agents.event_deliveries d set attempts = d.attempts + 1 where d.id = p_delivery_id;
  select e.* into v_event from agents.events e where e.scope_id = v_delivery.scope_id and e.event_id = v_delivery.event_id;
  begin
    v_result := case v_delivery.consumer
      when 'output_memory' then agents.fn_deliver_output_memory(v_event)
      when 'output_channel' then agents.fn_deliver_output_channel(v_event)
    end;
    if v_result is null then
      raise exception 'no sql handler for consumer %', v_delivery.consumer using errcode = '22023';
    end if;
  exception when others then
    get stacked diagnostics v_state = returned_sqlstate, v_message = message_text;
    return (agents.fn_settle_delivery(p_delivery_id, null, format('%s: %s', v_state, v_message),
      v_state not in ('22023', '42501'))).state;
  end;
  return (agents.fn_settle_delivery(p_delivery_id, v_result, null, null)).state;
end
$function$;

comment on function agents.fn_process_sql_delivery(p_delivery_id uuid) is 'Runs an sql consumer''s handler on one due delivery and settles it in the same transaction.';

revoke all on function agents.fn_process_sql_delivery(p_delivery_id uuid) from public;
grant execute on function agents.fn_process_sql_delivery(p_delivery_id uuid) to service_role;

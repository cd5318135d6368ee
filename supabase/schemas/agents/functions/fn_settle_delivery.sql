-- Ends one attempt of a delivery (locked by the caller): processed with its result, or, on an error,
-- back to pending after the consumer's backoff while attempts remain and the error is retryable, else
-- failed with the error. The output_destination consumers say on the bus how it went
-- (output_delivered / output_delivery_failed, subject: the delivery). Returns the delivery.
create or replace function agents.fn_settle_delivery(p_delivery_id uuid, p_result jsonb, p_error text, p_retryable boolean)
 returns agents.event_deliveries
 language plpgsql
 set search_path to ''
as $function$
declare
  v_delivery agents.event_deliveries;
  v_consumer agents.event_consumers;
  v_event agents.events;
begin
  select d.* into v_delivery from agents.event_deliveries d where d.id = p_delivery_id;
  select c.* into v_consumer from agents.event_consumers c where c.name = v_delivery.consumer;
  if p_error is null then
    update agents.event_deliveries d set state = 'processed', processed_at = now(), result = p_result, last_error = null,
      lease_token = null, lease_owner = null, lease_expires_at = null
    where d.id = p_delivery_id returning * into v_delivery;
  elsif coalesce(p_retryable, false) and v_delivery.attempts < v_consumer.max_attempts then
    update agents.event_deliveries d set state = 'pending', last_error = left(p_error, 16000),
      next_attempt_at = now() + agents.fn_delivery_backoff(v_consumer, v_delivery.attempts),
      lease_token = null, lease_owner = null, lease_expires_at = null
    where d.id = p_delivery_id returning * into v_delivery;
  else
    update agents.event_deliveries d set state = 'failed', result = p_result,
      last_error = left(case when coalesce(p_retryable, false)
                             then format('%s (gave up after %s attempts)', p_error, v_delivery.attempts)
                             else p_error end, 16000),
      lease_token = null, lease_owner = null, lease_expires_at = null
    where d.id = p_delivery_id returning * into v_delivery;
  end if;
  if v_delivery.state in ('processed', 'failed') and v_delivery.consumer in ('output_memory', 'output_webhook') then
    select e.* into v_event from agents.events e where e.scope_id = v_delivery.scope_id and e.event_id = v_delivery.event_id;
    perform agents.fn_emit_event(
      p_module => 'agents',
      p_event_type => case v_delivery.state when 'processed' then 'output_delivered' else 'output_delivery_failed' end::lenses.run_event_type,
      p_scope_id => v_delivery.scope_id,
      p_payload => jsonb_strip_nulls(jsonb_build_object('delivery_id', v_delivery.id, 'consumer', v_delivery.consumer,
        'event_id', v_delivery.event_id, 'team_run_id', v_event.subject_id, 'attempts', v_delivery.attempts,
        'result', v_delivery.result, 'error', left(v_delivery.last_error, 2000))),
      p_subject_kind => 'event_delivery',
      p_subject_id => v_delivery.id);
  end if;
  return v_delivery;
end
$function$;

comment on function agents.fn_settle_delivery(p_delivery_id uuid, p_result jsonb, p_error text, p_retryable boolean) is 'Ends a delivery attempt: processed, pending again after backoff, or failed.';

revoke all on function agents.fn_settle_delivery(p_delivery_id uuid, p_result jsonb, p_error text, p_retryable boolean) from public;
grant execute on function agents.fn_settle_delivery(p_delivery_id uuid, p_result jsonb, p_error text, p_retryable boolean) to service_role;

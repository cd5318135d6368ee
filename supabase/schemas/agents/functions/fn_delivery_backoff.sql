-- How long a delivery waits before its next attempt after `p_attempts` attempts: the consumer's
-- backoff_base_ms * 2^(attempts - 1), capped at backoff_max_ms, times a jitter between 0.5 and 1
-- (so deliveries that failed together do not retry together).
create or replace function agents.fn_delivery_backoff(p_consumer agents.event_consumers, p_attempts integer)
 returns interval
 language sql
 volatile
 set search_path to ''
as $function$
  select make_interval(secs => least(p_consumer.backoff_max_ms::numeric,
      p_consumer.backoff_base_ms::numeric * power(2::numeric, least(greatest(p_attempts, 1) - 1, 40)))
    * (0.5 + random() / 2) / 1000.0)
$function$;

comment on function agents.fn_delivery_backoff(p_consumer agents.event_consumers, p_attempts integer) is 'Exponential backoff with jitter before a delivery''s next attempt.';

revoke all on function agents.fn_delivery_backoff(p_consumer agents.event_consumers, p_attempts integer) from public;
grant execute on function agents.fn_delivery_backoff(p_consumer agents.event_consumers, p_attempts integer) to service_role;

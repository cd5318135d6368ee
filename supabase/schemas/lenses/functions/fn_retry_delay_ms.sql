-- Exponential backoff with equal jitter: half the delay fixed, half random.
create or replace function lenses.fn_retry_delay_ms(p_retry integer, p_base_ms integer, p_max_ms integer)
 returns integer
 language sql
 set search_path to ''
as $function$
  select (d / 2 + random() * d / 2)::integer
  from (select least(p_max_ms::numeric, p_base_ms::numeric * power(2, greatest(p_retry - 1, 0))) as d) s
$function$;

revoke all on function lenses.fn_retry_delay_ms(p_retry integer, p_base_ms integer, p_max_ms integer) from public;
grant execute on function lenses.fn_retry_delay_ms(p_retry integer, p_base_ms integer, p_max_ms integer) to service_role;

-- Worker: the attempt on a delivery it holds the lease of failed. Retryable (a 5xx, 429, a network
-- error): pending again after the consumer's exponential backoff with jitter, until max_attempts,
-- then failed. Not retryable (a 4xx, a refused address): failed at once. The error is kept
-- (last_error). A stale lease token is PT409 and changes nothing.
create or replace function public.fail_event_delivery(p_delivery_id uuid, p_lease_token uuid, p_error text, p_retryable boolean default true)
 returns agents.event_deliveries
 language plpgsql
 set search_path to ''
as $function$
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_text('fail_event_delivery', 'p_error', p_error, 16000);
  if p_error is null or btrim(p_error) = '' then
    raise exception 'fail_event_delivery: p_error is required' using errcode = '22023';
  end if;
  if p_retryable is null then
    raise exception 'fail_event_delivery: p_retryable is required' using errcode = '22023';
  end if;
  perform agents.fn_leased_delivery('fail_event_delivery', p_delivery_id, p_lease_token);
  return agents.fn_settle_delivery(p_delivery_id, null, p_error, p_retryable);
end
$function$;

comment on function public.fail_event_delivery(p_delivery_id uuid, p_lease_token uuid, p_error text, p_retryable boolean) is 'Worker: a leased delivery''s attempt failed: retried after backoff (retryable, attempts left) or failed.';

revoke all on function public.fail_event_delivery(p_delivery_id uuid, p_lease_token uuid, p_error text, p_retryable boolean) from public, anon, authenticated;
grant execute on function public.fail_event_delivery(p_delivery_id uuid, p_lease_token uuid, p_error text, p_retryable boolean) to service_role;

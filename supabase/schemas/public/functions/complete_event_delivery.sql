-- Worker: the delivery it holds the lease of was handled: processed, with what the consumer reports
-- (p_result, e.g. the webhook's status). A stale lease token is PT409 and changes nothing.
create or replace function public.complete_event_delivery(p_delivery_id uuid, p_lease_token uuid, p_result jsonb default NULL::jsonb)
 returns agents.event_deliveries
 language plpgsql
 set search_path to ''
as $function$
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_json('complete_event_delivery', 'p_result', p_result, 65536, 32);
  perform agents.fn_leased_delivery('complete_event_delivery', p_delivery_id, p_lease_token);
  return agents.fn_settle_delivery(p_delivery_id, coalesce(p_result, '{}'::jsonb), null, null);
end
$function$;

comment on function public.complete_event_delivery(p_delivery_id uuid, p_lease_token uuid, p_result jsonb) is 'Worker: marks a leased delivery processed, with the consumer''s result.';

revoke all on function public.complete_event_delivery(p_delivery_id uuid, p_lease_token uuid, p_result jsonb) from public, anon, authenticated;
grant execute on function public.complete_event_delivery(p_delivery_id uuid, p_lease_token uuid, p_result jsonb) to service_role;

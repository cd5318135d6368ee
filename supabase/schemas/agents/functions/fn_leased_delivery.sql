-- The delivery a worker holds the lease of, locked; PT404 when there is no such delivery, PT409 when
-- its lease is no longer held by this token (expired and reclaimed, already completed or failed).
create or replace function agents.fn_leased_delivery(p_fn text, p_delivery_id uuid, p_lease_token uuid)
 returns agents.event_deliveries
 language plpgsql
 set search_path to ''
as $function$
declare
  v_delivery agents.event_deliveries;
begin
  if p_delivery_id is null then
    raise exception '%: p_delivery_id is required', p_fn using errcode = '22023';
  end if;
  if p_lease_token is null then
    raise exception '%: p_lease_token is required', p_fn using errcode = '22023';
  end if;
  select d.* into v_delivery from agents.event_deliveries d where d.id = p_delivery_id for update;
  if v_delivery.id is null then
    raise exception '%: no delivery %', p_fn, p_delivery_id using errcode = 'PT404';
  end if;
  if v_delivery.state <> 'processing' or v_delivery.lease_token is distinct from p_lease_token then
    raise exception '%: the lease on delivery % is not held (it expired and was reclaimed, or the delivery ended; state %)',
      p_fn, p_delivery_id, v_delivery.state using errcode = 'PT409';
  end if;
  return v_delivery;
end
$function$;

revoke all on function agents.fn_leased_delivery(p_fn text, p_delivery_id uuid, p_lease_token uuid) from public;
grant execute on function agents.fn_leased_delivery(p_fn text, p_delivery_id uuid, p_lease_token uuid) to service_role;

-- Worker: leases up to p_limit due deliveries of one worker consumer (FOR UPDATE SKIP LOCKED, so
-- workers never take the same one), counting an attempt each, with what handling needs: the event
-- and the consumer's context (agents.fn_event_delivery_context). First, the consumer's deliveries
-- whose lease expired go back to pending (lease_expirations counted; failed when no attempt is left).
create or replace function public.claim_event_deliveries(p_consumer text, p_worker text, p_limit integer default 10, p_lease_seconds integer default 60)
 returns table(delivery_id uuid, lease_token uuid, attempts integer, consumer text, scope_id uuid, event_id bigint,
   event_type lenses.run_event_type, module agents.event_module, subject_kind agents.event_subject_kind, subject_id uuid,
   contact_id uuid, actor_id uuid, payload jsonb, occurred_at timestamp with time zone, context jsonb)
 language plpgsql
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'claim_event_deliveries';
  v_consumer agents.event_consumers;
  v_expired agents.event_deliveries;
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_text('claim_event_deliveries', 'p_consumer', p_consumer, 200);
  perform lensers.fn_limit_text('claim_event_deliveries', 'p_worker', p_worker, 200);
  if p_consumer is null then
    raise exception '%: p_consumer is required', c_rpc using errcode = '22023';
  end if;
  if p_worker is null or btrim(p_worker) = '' then
    raise exception '%: p_worker is required', c_rpc using errcode = '22023';
  end if;
  if p_limit is null or p_limit not between 1 and 500 then
    raise exception '%: p_limit must be between 1 and 500, got %', c_rpc, coalesce(p_limit::text, 'null') using errcode = '22023';
  end if;
  if p_lease_seconds is null or p_lease_seconds not between 1 and 3600 then
    raise exception '%: p_lease_seconds must be between 1 and 3600, got %', c_rpc, coalesce(p_lease_seconds::text, 'null')
      using errcode = '22023';
  end if;
  select c.* into v_consumer from agents.event_consumers c where c.name = p_consumer;
  if v_consumer.name is null then
    raise exception '%: p_consumer: no consumer %', c_rpc, lensers.fn_one_line(p_consumer) using errcode = 'PT404';
  end if;
  if v_consumer.handler_kind <> 'worker' then
    raise exception '%: p_consumer: consumer % runs in the database (handler_kind %), not in a worker', c_rpc, p_consumer,
      v_consumer.handler_kind using errcode = '22023';
  end if;

  for v_expired in
    select d.* from agents.event_deliveries d
    where d.consumer = p_consumer and d.state = 'processing' and d.lease_expires_at < now()
    order by d.lease_expires_at
    for update skip locked
  loop
    update agents.event_deliveries d set lease_expirations = d.lease_expirations + 1,
      last_error = format('the lease of worker %s expired', v_expired.lease_owner)
    where d.id = v_expired.id;
    if v_expired.attempts >= v_consumer.max_attempts then
      perform agents.fn_settle_delivery(v_expired.id, null,
        format('the lease of worker %s expired on the last attempt', v_expired.lease_owner), false);
    else
      update agents.event_deliveries d set state = 'pending', next_attempt_at = now(),
        lease_token = null, lease_owner = null, lease_expires_at = null
      where d.id = v_expired.id;
    end if;
  end loop;

  return query
    with picked as (
      select d.id from agents.event_deliveries d
      where d.consumer = p_consumer and d.state = 'pending' and d.next_attempt_at <= now()
      order by d.next_attempt_at, d.id
      limit p_limit
      for update skip locked
    ), leased as (
      update agents.event_deliveries d set state = 'processing', attempts = d.attempts + 1,
        lease_token = gen_random_uuid(), lease_owner = p_worker,
        lease_expires_at = now() + make_interval(secs => p_lease_seconds)
      from picked where d.id = picked.id
      returning d.*
    )
    select l.id, l.lease_token, l.attempts, l.consumer, e.scope_id, e.event_id, e.event_type, e.module, e.subject_kind,
           e.subject_id, e.contact_id, e.actor_id, e.payload, e.occurred_at, agents.fn_event_delivery_context(l.consumer, e)
    from leased l join agents.events e on e.scope_id = l.scope_id and e.event_id = l.event_id
    order by e.occurred_at, l.id;
end
$function$;

comment on function public.claim_event_deliveries(p_consumer text, p_worker text, p_limit integer, p_lease_seconds integer) is 'Worker: leases due deliveries of a worker consumer (SKIP LOCKED), one attempt each, with their events and context; expired leases go back to pending first.';

revoke all on function public.claim_event_deliveries(p_consumer text, p_worker text, p_limit integer, p_lease_seconds integer) from public, anon, authenticated;
grant execute on function public.claim_event_deliveries(p_consumer text, p_worker text, p_limit integer, p_lease_seconds integer) to service_role;

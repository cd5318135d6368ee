-- The deliveries of a scope's events (each consumer's processing state: pending, processing,
-- processed, failed, with attempts and the last error), for a scope the caller may act as (their own
-- profile by default), optionally of one consumer, some states, or one event. Under RLS.
create or replace function public.list_event_deliveries(p_scope_id uuid default NULL::uuid, p_consumer text default NULL::text, p_states agents.delivery_state[] default NULL::agents.delivery_state[], p_event_id bigint default NULL::bigint, p_limit integer default 100)
 returns setof agents.event_deliveries
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'list_event_deliveries';
  v_scope uuid := coalesce(p_scope_id, (select lensers.current_profile_id()));
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_text('list_event_deliveries', 'p_consumer', p_consumer, 200);
  if cardinality(p_states) > 10 then
    raise exception '%: p_states has % elements, over the limit of 10', c_rpc, cardinality(p_states) using errcode = 'PT413';
  end if;
  if v_scope is null then
    raise exception '%: sign in as a human lenser, or pass p_scope_id', c_rpc using errcode = '42501';
  end if;
  if p_event_id is not null and p_event_id < 1 then
    raise exception '%: p_event_id must be 1 or more', c_rpc using errcode = '22023';
  end if;
  if p_limit is null or p_limit not between 1 and 1000 then
    raise exception '%: p_limit must be between 1 and 1000, got %', c_rpc, coalesce(p_limit::text, 'null') using errcode = '22023';
  end if;
  if p_scope_id is not null and (select auth.role()) is distinct from 'service_role'
     and not exists (select 1 from lensers.actable_profile_ids() a where a = p_scope_id) then
    raise exception '%: p_scope_id: no scope % that you can see', c_rpc, p_scope_id using errcode = 'PT404';
  end if;
  if p_consumer is not null and not exists (select 1 from agents.event_consumers c where c.name = p_consumer) then
    raise exception '%: p_consumer: no consumer %', c_rpc, lensers.fn_one_line(p_consumer) using errcode = 'PT404';
  end if;
  return query
    select d.* from agents.event_deliveries d
    where d.scope_id = v_scope
      and (p_consumer is null or d.consumer = p_consumer)
      and (p_states is null or d.state = any (p_states))
      and (p_event_id is null or d.event_id = p_event_id)
    order by d.event_id desc, d.consumer
    limit p_limit;
end
$function$;

comment on function public.list_event_deliveries(p_scope_id uuid, p_consumer text, p_states agents.delivery_state[], p_event_id bigint, p_limit integer) is 'Each consumer''s processing state of a scope''s bus events (default: your own profile), newest first.';

revoke all on function public.list_event_deliveries(p_scope_id uuid, p_consumer text, p_states agents.delivery_state[], p_event_id bigint, p_limit integer) from public, anon;
grant execute on function public.list_event_deliveries(p_scope_id uuid, p_consumer text, p_states agents.delivery_state[], p_event_id bigint, p_limit integer) to authenticated, service_role;

-- Worker (and pg_cron, as postgres): runs the due deliveries of the sql consumers that are pending
-- (retries after a failed first attempt; the first runs when the event is emitted), each settled in
-- this transaction. Returns how many it ran.
create or replace function public.process_event_deliveries(p_limit integer default 100)
 returns integer
 language plpgsql
 set search_path to ''
as $function$
declare
  v_id uuid;
  v_count integer := 0;
begin
  if p_limit is null or p_limit not between 1 and 1000 then
    raise exception 'process_event_deliveries: p_limit must be between 1 and 1000, got %', coalesce(p_limit::text, 'null')
      using errcode = '22023';
  end if;
  for v_id in
    select d.id from agents.event_deliveries d
    where d.state = 'pending' and d.next_attempt_at <= now()
      and d.consumer in (select c.name from agents.event_consumers c where c.handler_kind = 'sql')
    order by d.next_attempt_at, d.id
    limit p_limit
  loop
    if agents.fn_process_sql_delivery(v_id) is not null then
      v_count := v_count + 1;
    end if;
  end loop;
  return v_count;
end
$function$;

comment on function public.process_event_deliveries(p_limit integer) is 'Worker: runs due retries of the sql consumers'' deliveries; returns how many ran.';

revoke all on function public.process_event_deliveries(p_limit integer) from public, anon, authenticated;
grant execute on function public.process_event_deliveries(p_limit integer) to service_role;

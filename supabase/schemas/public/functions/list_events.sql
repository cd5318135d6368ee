-- The bus events of a scope the caller may act as (their own profile by default, or an agent they
-- own), after a given event_id, in order, optionally of some types only. Under RLS.
create or replace function public.list_events(p_scope_id uuid default NULL::uuid, p_after_event_id bigint default 0, p_limit integer default 100, p_types lenses.run_event_type[] default NULL::lenses.run_event_type[])
 returns setof agents.events
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'list_events';
  v_scope uuid := coalesce(p_scope_id, (select lensers.current_profile_id()));
begin
  if cardinality(p_types) > 100 then
    raise exception '%: p_types has % elements, over the limit of 100', c_rpc, cardinality(p_types) using errcode = 'PT413';
  end if;
  if v_scope is null then
    raise exception '%: sign in as a human lenser, or pass p_scope_id', c_rpc using errcode = '42501';
  end if;
  if p_after_event_id is null or p_after_event_id < 0 then
    raise exception '%: p_after_event_id must be 0 or more', c_rpc using errcode = '22023';
  end if;
  if p_limit is null or p_limit not between 1 and 1000 then
    raise exception '%: p_limit must be between 1 and 1000, got %', c_rpc, coalesce(p_limit::text, 'null') using errcode = '22023';
  end if;
  if p_scope_id is not null and (select auth.role()) is distinct from 'service_role'
     and not exists (select 1 from lensers.actable_profile_ids() a where a = p_scope_id) then
    raise exception '%: p_scope_id: no scope % that you can see', c_rpc, p_scope_id using errcode = 'PT404';
  end if;
  return query
    select e.* from agents.events e
    where e.scope_id = v_scope and e.event_id > p_after_event_id
      and (p_types is null or e.event_type = any (p_types))
    order by e.event_id
    limit p_limit;
end
$function$;

comment on function public.list_events(p_scope_id uuid, p_after_event_id bigint, p_limit integer, p_types lenses.run_event_type[]) is 'Bus events of a scope you may act as (default: your own profile) after an event_id, in order, optionally of some types.';

revoke all on function public.list_events(p_scope_id uuid, p_after_event_id bigint, p_limit integer, p_types lenses.run_event_type[]) from public, anon;
grant execute on function public.list_events(p_scope_id uuid, p_after_event_id bigint, p_limit integer, p_types lenses.run_event_type[]) to authenticated, service_role;

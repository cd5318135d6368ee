-- The first instant in (p_from, p_to] at which the UTC offset of p_timezone differs from its offset
-- at p_from (a DST or other time zone transition), to the second; null when the offset is the same
-- throughout. Samples the offset every 3 days, then bisects the first sampled interval that changed:
-- this finds every transition because in the zone database two transitions of one zone are never
-- less than 3 days apart (since 1970 the closest are 7 days apart: Brazil's of October 2000).
create or replace function lenses.fn_cron_next_transition(p_timezone text, p_from timestamp with time zone,
  p_to timestamp with time zone)
 returns timestamp with time zone
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_offset interval := (p_from at time zone p_timezone) - (p_from at time zone 'UTC');
  v_lo timestamptz := p_from;
  v_hi timestamptz;
  v_lo_s bigint;
  v_hi_s bigint;
  v_mid bigint;
  v_at timestamptz;
begin
  if p_timezone is null or p_from is null or p_to is null or p_to <= p_from then
    return null;
  end if;
  loop
    v_hi := least(v_lo + interval '3 days', p_to);
    exit when (v_hi at time zone p_timezone) - (v_hi at time zone 'UTC') <> v_offset;
    if v_hi >= p_to then
      return null;
    end if;
    v_lo := v_hi;
  end loop;
  -- the offset is v_offset at v_lo and differs at v_hi: bisect on whole seconds (transitions fall on
  -- whole seconds, and none lies in (floor(v_lo), v_lo] since v_lo still has the old offset)
  v_lo_s := pg_catalog.floor(pg_catalog.date_part('epoch', v_lo))::bigint;
  v_hi_s := pg_catalog.ceil(pg_catalog.date_part('epoch', v_hi))::bigint;
  while v_hi_s - v_lo_s > 1 loop
    v_mid := (v_lo_s + v_hi_s) / 2;
    v_at := pg_catalog.to_timestamp(v_mid::double precision);
    if (v_at at time zone p_timezone) - (v_at at time zone 'UTC') = v_offset then
      v_lo_s := v_mid;
    else
      v_hi_s := v_mid;
    end if;
  end loop;
  return pg_catalog.to_timestamp(v_hi_s::double precision);
end;
$function$;

comment on function lenses.fn_cron_next_transition(p_timezone text, p_from timestamp with time zone, p_to timestamp with time zone) is 'The first instant in (p_from, p_to] where the time zone''s UTC offset differs from its offset at p_from (a DST transition), to the second; null when there is none.';

revoke all on function lenses.fn_cron_next_transition(p_timezone text, p_from timestamp with time zone, p_to timestamp with time zone) from public;
grant execute on function lenses.fn_cron_next_transition(p_timezone text, p_from timestamp with time zone, p_to timestamp with time zone) to anon, authenticated, service_role;

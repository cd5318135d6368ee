-- Fires a schedule for each of its fire times in [p_from, p_to] that has not fired yet (owners),
-- oldest first, at most p_max_fires (1..1000) of them; p_to may not be in the future. Each is a
-- manual fire keyed by its fire time, so a repeated backfill starts nothing twice.
-- [security definer: starts runs as the schedule's owner; checks the caller owns the workflow]
create or replace function public.backfill_workflow_schedule(p_schedule_id uuid, p_from timestamp with time zone, p_to timestamp with time zone, p_max_fires integer default 100)
 returns setof lenses.workflow_schedule_fires
 language plpgsql
 security definer
 set search_path to ''
as $function$
declare
  v_schedule lenses.workflow_schedules := lenses.fn_rpc_schedule('backfill_workflow_schedule', p_schedule_id, 'owner');
  v_t timestamptz;
  v_fire lenses.workflow_schedule_fires;
  v_n integer := 0;
begin
  if p_from is null or p_to is null then
    raise exception 'backfill_workflow_schedule: % is required', case when p_from is null then 'p_from' else 'p_to' end
      using errcode = '22023';
  end if;
  if p_to < p_from or p_to > now() then
    raise exception 'backfill_workflow_schedule: p_to must be between p_from and now' using errcode = '22023';
  end if;
  if p_max_fires is null or p_max_fires not between 1 and 1000 then
    raise exception 'backfill_workflow_schedule: p_max_fires must be between 1 and 1000, got %', coalesce(p_max_fires::text, 'null')
      using errcode = '22023';
  end if;
  v_t := lenses.fn_next_schedule_fire(v_schedule.cron_expression, v_schedule.timezone, p_from - interval '1 microsecond',
    v_schedule.dst_gap, v_schedule.dst_overlap);
  while v_t is not null and v_t <= p_to and v_n < p_max_fires loop
    v_fire := lenses.fn_fire_schedule(v_schedule, v_t, true);
    if v_fire.schedule_id is not null then
      v_n := v_n + 1;
      return next v_fire;
    end if;
    v_t := lenses.fn_next_schedule_fire(v_schedule.cron_expression, v_schedule.timezone, v_t, v_schedule.dst_gap,
      v_schedule.dst_overlap);
  end loop;
end
$function$;

comment on function public.backfill_workflow_schedule(p_schedule_id uuid, p_from timestamp with time zone, p_to timestamp with time zone, p_max_fires integer) is 'Fires a schedule''s past fire times in a range that have not fired (owners; at most p_max_fires).';

revoke all on function public.backfill_workflow_schedule(p_schedule_id uuid, p_from timestamp with time zone, p_to timestamp with time zone, p_max_fires integer) from public;
grant execute on function public.backfill_workflow_schedule(p_schedule_id uuid, p_from timestamp with time zone, p_to timestamp with time zone, p_max_fires integer) to authenticated;

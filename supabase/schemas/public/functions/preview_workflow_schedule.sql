create or replace function public.preview_workflow_schedule(p_schedule_id uuid, p_count integer default 5)
 returns table(fire_at timestamp with time zone, local_time timestamp without time zone, timezone text)
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_schedule lenses.workflow_schedules;
  v_t timestamptz;
begin
  if p_schedule_id is null then
    raise exception 'preview_workflow_schedule: p_schedule_id is required' using errcode = '22023';
  end if;
  if p_count is null or p_count not between 1 and 100 then
    raise exception 'preview_workflow_schedule: p_count must be between 1 and 100, got %', coalesce(p_count::text, 'null')
      using errcode = '22023';
  end if;
  select s.* into v_schedule from lenses.workflow_schedules s where s.id = p_schedule_id;
  if not found then
    raise exception 'preview_workflow_schedule: no schedule % that you can see', p_schedule_id using errcode = 'PT404';
  end if;
  v_t := lenses.fn_schedule_next_fire(v_schedule, coalesce(v_schedule.next_run_at - interval '1 microsecond', now()));
  for i in 1 .. p_count loop
    exit when v_t is null;
    fire_at := v_t;
    local_time := v_t at time zone v_schedule.timezone;
    timezone := v_schedule.timezone;
    return next;
    v_schedule.fire_count := v_schedule.fire_count + 1;
    v_t := lenses.fn_schedule_next_fire(v_schedule, v_t);
  end loop;
end
$function$;

comment on function public.preview_workflow_schedule(p_schedule_id uuid, p_count integer) is 'A schedule''s next p_count fire times, in UTC and in its own time zone.';

revoke all on function public.preview_workflow_schedule(p_schedule_id uuid, p_count integer) from public;
grant execute on function public.preview_workflow_schedule(p_schedule_id uuid, p_count integer) to authenticated, service_role;

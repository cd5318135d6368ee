create or replace function public.get_workflow_schedule(p_schedule_id uuid)
 returns lenses.workflow_schedules
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_schedule lenses.workflow_schedules;
begin
  if p_schedule_id is null then
    raise exception 'get_workflow_schedule: p_schedule_id is required' using errcode = '22023';
  end if;
  select s.* into v_schedule from lenses.workflow_schedules s where s.id = p_schedule_id;
  if not found then
    raise exception 'get_workflow_schedule: no schedule % that you can see', p_schedule_id using errcode = 'PT404';
  end if;
  return v_schedule;
end
$function$;

comment on function public.get_workflow_schedule(p_schedule_id uuid) is 'One schedule the caller may see (its upcoming fire times: preview_workflow_schedule; its history: list_workflow_schedule_fires).';

revoke all on function public.get_workflow_schedule(p_schedule_id uuid) from public;
grant execute on function public.get_workflow_schedule(p_schedule_id uuid) to authenticated, service_role;

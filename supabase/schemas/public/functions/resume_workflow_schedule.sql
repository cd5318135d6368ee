-- [security definer: writes schedules; checks the caller owns the workflow]
create or replace function public.resume_workflow_schedule(p_schedule_id uuid)
 returns lenses.workflow_schedules
 language plpgsql
 security definer
 set search_path to ''
as $function$
declare
  v_schedule lenses.workflow_schedules := lenses.fn_rpc_schedule('resume_workflow_schedule', p_schedule_id, 'owner');
begin
  if v_schedule.paused_at is null then
    raise exception 'resume_workflow_schedule: schedule % is not paused', p_schedule_id using errcode = '23505';
  end if;
  update lenses.workflow_schedules s set paused_at = null, paused_by = null, pause_note = null
  where s.id = p_schedule_id returning * into v_schedule;
  -- Resuming never fires the paused past: the next fire is the next one from now.
  update lenses.workflow_schedules s set next_run_at = lenses.fn_schedule_next_fire(v_schedule, now(), false)
  where s.id = p_schedule_id returning * into v_schedule;
  return v_schedule;
end
$function$;

comment on function public.resume_workflow_schedule(p_schedule_id uuid) is 'Resumes a paused schedule (owners) from its next fire time after now.';

revoke all on function public.resume_workflow_schedule(p_schedule_id uuid) from public;
grant execute on function public.resume_workflow_schedule(p_schedule_id uuid) to authenticated;

-- [security definer: writes schedules; checks the caller's authority]
create or replace function public.pause_workflow_schedule(p_schedule_id uuid, p_note text default NULL::text)
 returns lenses.workflow_schedules
 language plpgsql
 security definer
 set search_path to ''
as $function$
declare
  v_schedule lenses.workflow_schedules := lenses.fn_rpc_schedule('pause_workflow_schedule', p_schedule_id, 'operator');
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_text('pause_workflow_schedule', 'p_note', p_note, 2000);
  if char_length(p_note) > 2000 then
    raise exception 'pause_workflow_schedule: p_note must be at most 2000 characters' using errcode = '22023';
  end if;
  if v_schedule.paused_at is not null then
    raise exception 'pause_workflow_schedule: schedule % was already paused at %', p_schedule_id, v_schedule.paused_at
      using errcode = '23505';
  end if;
  return lenses.fn_pause_schedule(p_schedule_id, coalesce(nullif(btrim(p_note), ''), 'paused'), lensers.current_profile_id());
end
$function$;

comment on function public.pause_workflow_schedule(p_schedule_id uuid, p_note text) is 'Pauses a schedule with a note (owners and operators): its fires are recorded as skipped (paused).';

revoke all on function public.pause_workflow_schedule(p_schedule_id uuid, p_note text) from public;
grant execute on function public.pause_workflow_schedule(p_schedule_id uuid, p_note text) to authenticated;

-- A manual fire now (owners and operators): the run starts as a scheduled one would (paused or
-- not), recorded as a manual fire; the schedule's next fire time does not move.
-- [security definer: starts the run as the schedule's owner; checks the caller's authority]
create or replace function public.run_workflow_schedule_now(p_schedule_id uuid)
 returns lenses.workflow_schedule_fires
 language plpgsql
 security definer
 set search_path to ''
as $function$
declare
  v_schedule lenses.workflow_schedules := lenses.fn_rpc_schedule('run_workflow_schedule_now', p_schedule_id, 'operator');
begin
  return lenses.fn_fire_schedule(v_schedule, clock_timestamp(), true);
end
$function$;

comment on function public.run_workflow_schedule_now(p_schedule_id uuid) is 'Fires a schedule now, by hand (owners and operators), without moving its next fire time.';

revoke all on function public.run_workflow_schedule_now(p_schedule_id uuid) from public;
grant execute on function public.run_workflow_schedule_now(p_schedule_id uuid) to authenticated;

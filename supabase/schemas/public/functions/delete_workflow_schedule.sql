-- [security definer: deletes schedules; checks the caller owns the workflow]
create or replace function public.delete_workflow_schedule(p_schedule_id uuid)
 returns lenses.workflow_schedules
 language plpgsql
 security definer
 set search_path to ''
as $function$
declare
  v_schedule lenses.workflow_schedules := lenses.fn_rpc_schedule('delete_workflow_schedule', p_schedule_id, 'owner');
begin
  delete from lenses.workflow_schedules s where s.id = p_schedule_id;
  return v_schedule;
end
$function$;

comment on function public.delete_workflow_schedule(p_schedule_id uuid) is 'Deletes a schedule and its fire history (owners); the runs it started stay.';

revoke all on function public.delete_workflow_schedule(p_schedule_id uuid) from public;
grant execute on function public.delete_workflow_schedule(p_schedule_id uuid) to authenticated;

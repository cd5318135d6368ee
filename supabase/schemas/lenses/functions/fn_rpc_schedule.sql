-- The schedule an RPC acts on, locked, when the caller has at least p_need authority (owner or
-- operator): 22023 for a missing id, PT404 (404) when they cannot see it, 42501 when operator is not enough.
create or replace function lenses.fn_rpc_schedule(p_rpc text, p_schedule_id uuid, p_need text)
 returns lenses.workflow_schedules
 language plpgsql
 set search_path to ''
as $function$
declare
  v_schedule lenses.workflow_schedules;
  v_role text;
begin
  if lensers.current_profile_id() is null then
    raise exception '%: sign in first (no profile for this JWT)', p_rpc using errcode = '42501';
  end if;
  if p_schedule_id is null then
    raise exception '%: p_schedule_id is required', p_rpc using errcode = '22023';
  end if;
  select s.* into v_schedule from lenses.workflow_schedules s where s.id = p_schedule_id for update;
  v_role := case
    when not found then null
    -- its workflow was deleted: the schedule is its lenser's to inspect, edit or delete
    when v_schedule.workflow_id is null then
      case when v_schedule.lenser_id in (select lensers.editable_profile_ids()) then 'owner'
           when v_schedule.lenser_id in (select lensers.actable_profile_ids()) then 'operator' end
    else lenses.fn_schedule_role(v_schedule.workflow_id, v_schedule.workflow_assignment_id) end;
  if v_role is null then
    raise exception '%: no schedule % that you can see', p_rpc, p_schedule_id using errcode = 'PT404';
  end if;
  if p_need = 'owner' and v_role <> 'owner' then
    raise exception '%: only an owner of the workflow may change schedule % (operators may run it now and pause it)',
      p_rpc, p_schedule_id using errcode = '42501';
  end if;
  return v_schedule;
end
$function$;

comment on function lenses.fn_rpc_schedule(p_rpc text, p_schedule_id uuid, p_need text) is 'The schedule an RPC acts on (locked) when the caller has the authority it needs, or the RPC''s 22023/PT404 (404)/42501.';

revoke all on function lenses.fn_rpc_schedule(p_rpc text, p_schedule_id uuid, p_need text) from public;

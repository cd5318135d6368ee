-- Applies an assignment's queue policy to its team runs that may start (approved or not needing
-- approval, still queued), in start order, under the assignment's row lock:
--   parallel         admit while fewer than maxConcurrent (no limit without it) are active;
--   serial           admit while none is active;
--   skip_if_running  admit when none is active, otherwise end the start as skipped with the reason.
-- Active: admitted and not finished (running or blocked). Called by every transition that can
-- free or fill a place (a request, an approval, a run's end), in that transition's transaction.
create or replace function agents.fn_admit_team_runs(p_assignment_id uuid)
 returns void
 language plpgsql
 set search_path to ''
as $function$
declare
  v_assignment agents.workflow_assignments;
  v_mode text;
  v_limit integer;
  v_active integer;
  v_run agents.team_runs;
  v_blocker uuid;
begin
  select a.* into v_assignment from agents.workflow_assignments a where a.id = p_assignment_id for update;
  if not found then
    return;
  end if;
  v_mode := v_assignment.queue_policy ->> 'mode';
  v_limit := case v_mode when 'parallel' then (v_assignment.queue_policy ->> 'maxConcurrent')::integer else 1 end;
  select count(*) into v_active from agents.team_runs t
  where t.assignment_id = p_assignment_id and t.queue_state = 'admitted' and t.status in ('queued', 'running', 'blocked');

  for v_run in
    select t.* from agents.team_runs t
    where t.assignment_id = p_assignment_id and t.status = 'queued' and t.queue_state = 'waiting'
      and t.approval_status in ('approved', 'not_required')
    order by t.queue_position
  loop
    if v_mode = 'skip_if_running' and v_active > 0 then
      select t.id into v_blocker from agents.team_runs t
      where t.assignment_id = p_assignment_id and t.queue_state = 'admitted' and t.status in ('queued', 'running', 'blocked')
      order by t.queue_position limit 1;
      update agents.team_runs t set status = 'cancelled', queue_state = 'skipped', finished_at = now(),
        status_reason = format('skipped: the assignment''s queue policy is skip_if_running and team run %s is active', v_blocker)
      where t.id = v_run.id;
      perform agents.fn_append_agent_run_event(v_run.id, 'run_cancelled',
        jsonb_build_object('reason', 'skipped', 'active_team_run_id', v_blocker));
      continue;
    end if;
    exit when v_limit is not null and v_active >= v_limit;
    perform agents.fn_start_team_run(v_run);
    v_active := v_active + 1;
  end loop;
end
$function$;

comment on function agents.fn_admit_team_runs(p_assignment_id uuid) is 'Starts (or skips) the assignment''s waiting team runs as its queue policy allows, in start order.';

revoke all on function agents.fn_admit_team_runs(p_assignment_id uuid) from public;

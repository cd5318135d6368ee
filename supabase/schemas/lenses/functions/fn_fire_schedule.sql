-- One fire of a schedule at the time it stands for. The fire's row is written first (its key is
-- (schedule, fire time)): when it exists already, this fire happened and nothing starts (returns
-- null). Otherwise, in order: a given skip reason (catch-up); paused (not for a manual fire); the
-- workflow deleted or no longer published, or the assignment deleted or disabled (the schedule is then paused with the
-- reason, so it does not fail every minute); an assignment whose previous scheduled team run still
-- waits for approval (approval_pending); the schedule's queue policy while its previous run is
-- active (skip_if_running: overlap; serial: waiting, started when that run ends); then the run
-- starts (a team run through the assignment, whose own policies apply unless the schedule sets its
-- own approval or queue policy). A start that fails is recorded as
-- start_failed with the error. The caller holds the schedule's row lock.
create or replace function lenses.fn_fire_schedule(p_schedule lenses.workflow_schedules, p_fire_at timestamp with time zone, p_manual boolean default false, p_skip lenses.schedule_skip_reason default NULL::lenses.schedule_skip_reason, p_detail text default NULL::text)
 returns lenses.workflow_schedule_fires
 language plpgsql
 set search_path to ''
as $function$
declare
  v_fire lenses.workflow_schedule_fires;
  v_workflow lenses.workflows;
  v_assignment agents.workflow_assignments;
  v_mode text := coalesce(p_schedule.queue_policy ->> 'mode', 'parallel');
  v_active boolean;
  v_pause text;
begin
  insert into lenses.workflow_schedule_fires (schedule_id, fire_at, outcome, skip_reason, detail, manual)
  values (p_schedule.id, p_fire_at, 'skipped', coalesce(p_skip, 'start_failed'), p_detail, p_manual)
  on conflict (schedule_id, fire_at) do nothing
  returning * into v_fire;
  if not found then
    return null;
  end if;
  if p_skip is not null then
    return v_fire;
  end if;

  select w.* into v_workflow from lenses.workflows w where w.id = p_schedule.workflow_id;
  if p_schedule.workflow_assignment_id is not null then
    select a.* into v_assignment from agents.workflow_assignments a where a.id = p_schedule.workflow_assignment_id for update;
  end if;
  if p_schedule.paused_at is not null and not p_manual then
    return lenses.fn_schedule_fire_skipped(v_fire, 'paused', p_schedule.pause_note);
  elsif v_workflow.id is null then
    v_pause := 'the workflow was deleted';
    perform lenses.fn_pause_schedule(p_schedule.id, v_pause, null);
    return lenses.fn_schedule_fire_skipped(v_fire, 'workflow_unpublished', v_pause);
  elsif p_schedule.assignee_type is not null and p_schedule.workflow_assignment_id is null then
    v_pause := 'the assignment was deleted';
    perform lenses.fn_pause_schedule(p_schedule.id, v_pause, null);
    return lenses.fn_schedule_fire_skipped(v_fire, 'assignment_disabled', v_pause);
  elsif v_workflow.status is distinct from 'published' then
    v_pause := format('the workflow is %s, not published', v_workflow.status);
    perform lenses.fn_pause_schedule(p_schedule.id, v_pause, null);
    return lenses.fn_schedule_fire_skipped(v_fire, 'workflow_unpublished', v_pause);
  elsif p_schedule.workflow_assignment_id is not null and v_assignment.status is distinct from 'active' then
    v_pause := 'the assignment is disabled';
    perform lenses.fn_pause_schedule(p_schedule.id, v_pause, null);
    return lenses.fn_schedule_fire_skipped(v_fire, 'assignment_disabled', v_pause);
  elsif p_schedule.workflow_assignment_id is not null and exists (
      select 1 from lenses.workflow_schedule_fires f join agents.team_runs t on t.id = f.team_run_id
      where f.schedule_id = p_schedule.id and t.approval_status = 'pending' and t.status = 'queued') then
    return lenses.fn_schedule_fire_skipped(v_fire, 'approval_pending', 'the previous fire''s team run still waits for approval');
  end if;

  -- The schedule's queue policy, when it has one (an assignment's team runs otherwise queue by the
  -- assignment's own policy).
  if v_mode <> 'parallel' and (p_schedule.workflow_assignment_id is null or p_schedule.queue_policy is not null) then
    v_active := exists (select 1 from lenses.workflow_schedule_fires f
                        where f.schedule_id = p_schedule.id and f.fire_at <> p_fire_at
                          and (f.outcome = 'waiting'
                               or exists (select 1 from lenses.workflow_runs r where r.id = f.workflow_run_id
                                          and r.status not in ('completed', 'failed', 'cancelled', 'timed_out'))
                               or exists (select 1 from agents.team_runs t where t.id = f.team_run_id
                                          and t.status in ('queued', 'running', 'blocked'))));
    if v_active and v_mode = 'skip_if_running' then
      return lenses.fn_schedule_fire_skipped(v_fire, 'overlap', 'the previous run is still active (queue policy skip_if_running)');
    elsif v_active then
      update lenses.workflow_schedule_fires f set outcome = 'waiting', skip_reason = null
      where f.schedule_id = v_fire.schedule_id and f.fire_at = v_fire.fire_at returning * into v_fire;
      return v_fire;
    end if;
  end if;
  return lenses.fn_start_schedule_fire(p_schedule, v_fire);
end
$function$;

comment on function lenses.fn_fire_schedule(p_schedule lenses.workflow_schedules, p_fire_at timestamp with time zone, p_manual boolean, p_skip lenses.schedule_skip_reason, p_detail text) is 'Fires a schedule once for one fire time (exactly once by the fire''s key): starts its run, waits, or records why not.';

revoke all on function lenses.fn_fire_schedule(p_schedule lenses.workflow_schedules, p_fire_at timestamp with time zone, p_manual boolean, p_skip lenses.schedule_skip_reason, p_detail text) from public;

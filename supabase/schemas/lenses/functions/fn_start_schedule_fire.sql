-- Starts the run of a claimed fire (started or waiting until now): a team run through the
-- assignment, else a workflow run, as the schedule's lenser; a start that fails is recorded as
-- start_failed with its error instead of failing the dispatch, and a team run that the
-- assignment's queue skipped (skip_if_running) as overlap.
create or replace function lenses.fn_start_schedule_fire(p_schedule lenses.workflow_schedules, p_fire lenses.workflow_schedule_fires)
 returns lenses.workflow_schedule_fires
 language plpgsql
 set search_path to ''
as $function$
declare
  v_fire lenses.workflow_schedule_fires;
  v_workflow lenses.workflows;
  v_assignment agents.workflow_assignments;
  v_run lenses.workflow_runs;
  v_team agents.team_runs;
  v_message text;
begin
  begin
    if p_schedule.workflow_assignment_id is not null then
      select a.* into v_assignment from agents.workflow_assignments a where a.id = p_schedule.workflow_assignment_id;
      -- The schedule's approval policy, when it has one, stands for the assignment's for its team runs
      -- (and an approval binds to it: agents.fn_decide_team_run).
      v_assignment.approval_policy := coalesce(p_schedule.approval_policy, v_assignment.approval_policy);
      v_team := agents.fn_request_team_run('workflow schedule', v_assignment, p_schedule.input, p_schedule.lenser_id, null);
    else
      select w.* into v_workflow from lenses.workflows w where w.id = p_schedule.workflow_id;
      -- The run is the schedule's lenser's (the workflow's lenser's while they may act as it).
      v_run := lenses.fn_start_workflow_run('workflow schedule', v_workflow, p_schedule.input,
        case when lensers.fn_may_act_as(p_schedule.lenser_id, v_workflow.lenser_id) then v_workflow.lenser_id
             else p_schedule.lenser_id end,
        p_schedule.lenser_id, null,
        (p_schedule.retry_policy ->> 'maxRetries')::integer, (p_schedule.failure_policy ->> 'mode')::lenses.failure_mode);
    end if;
  exception when sqlstate '22023' or sqlstate 'P0001' or sqlstate '23514' or sqlstate 'PT404' or sqlstate 'PT409' then
    get stacked diagnostics v_message = message_text;
    return lenses.fn_schedule_fire_skipped(p_fire, 'start_failed', v_message);
  end;
  -- The assignment's queue may have skipped the team run (skip_if_running): the fire says so.
  update lenses.workflow_schedule_fires f set
    outcome = case when v_team.queue_state = 'skipped' then 'skipped' else 'started' end::lenses.schedule_fire_outcome,
    skip_reason = case when v_team.queue_state = 'skipped' then 'overlap' end::lenses.schedule_skip_reason,
    detail = case when v_team.queue_state = 'skipped' then left(v_team.status_reason, 2000) end,
    workflow_run_id = v_run.id, team_run_id = v_team.id,
    started_at = case when v_team.queue_state is distinct from 'skipped' then now() end
  where f.schedule_id = p_fire.schedule_id and f.fire_at = p_fire.fire_at
  returning * into v_fire;
  return v_fire;
end
$function$;

comment on function lenses.fn_start_schedule_fire(p_schedule lenses.workflow_schedules, p_fire lenses.workflow_schedule_fires) is 'Starts a fire''s run (a team run through the assignment, else a workflow run) as the schedule''s lenser, or records start_failed.';

revoke all on function lenses.fn_start_schedule_fire(p_schedule lenses.workflow_schedules, p_fire lenses.workflow_schedule_fires) from public;

-- Cancels a team run that has not ended: a waiting one (pending approval or queued) ends at once;
-- a started one cancels its workflow run, whose end ends the team run and lets the queue move on.
-- [security definer: writes team and workflow run rows; checks the caller started the run or holds a role on the assignee]
create or replace function public.cancel_team_run(p_team_run_id uuid, p_reason text default NULL::text)
 returns agents.team_runs
 language plpgsql
 security definer
 set search_path to ''
as $function$
declare
  v_me uuid := lensers.current_profile_id();
  v_run agents.team_runs;
  v_reason text := coalesce(nullif(btrim(p_reason), ''), 'cancelled by request');
  v_locked_run uuid;
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_text('cancel_team_run', 'p_reason', p_reason, 1000);
  if v_me is null then
    raise exception 'cancel_team_run: sign in first (no profile for this JWT)' using errcode = '42501';
  end if;
  if p_team_run_id is null then
    raise exception 'cancel_team_run: p_team_run_id is required' using errcode = '22023';
  end if;
  if char_length(v_reason) > 1000 then
    raise exception 'cancel_team_run: p_reason must be at most 1000 characters' using errcode = '22023';
  end if;
  select t.* into v_run from agents.team_runs t where t.id = p_team_run_id;
  if not found or not (v_run.lenser_id = v_me
                       or agents.fn_caller_assignee_role(v_run.assignee_ai_lenser_id, v_run.assignee_team_id) is not null) then
    raise exception 'cancel_team_run: no team run % that you can act on', p_team_run_id using errcode = 'PT404';
  end if;
  -- Lock order of team run transitions: the workflow run's lock (the engine ends runs holding it,
  -- then admits the next team run), then the assignment's row, then the team run's.
  v_locked_run := v_run.workflow_run_id;
  if v_locked_run is not null then
    perform lenses.fn_lock_run(v_locked_run);
  end if;
  perform 1 from agents.workflow_assignments a where a.id = v_run.assignment_id for update;
  select t.* into v_run from agents.team_runs t where t.id = p_team_run_id for update;
  if v_run.workflow_run_id is distinct from v_locked_run then
    raise exception 'cancel_team_run: team run % started while it was being cancelled; try again', p_team_run_id
      using errcode = 'PT409';
  end if;
  if v_run.status in ('completed', 'failed', 'cancelled') then
    raise exception 'cancel_team_run: team run % already ended (%)', p_team_run_id, v_run.status using errcode = '23505';
  end if;

  update agents.team_runs t set status_reason = left(v_reason, 2000) where t.id = p_team_run_id;
  if v_run.queue_state = 'admitted' and v_run.workflow_run_id is not null
     and exists (select 1 from lenses.workflow_runs r where r.id = v_run.workflow_run_id
                 and r.status not in ('completed', 'failed', 'cancelled', 'timed_out')) then
    -- the workflow run's end ends the team run (agents.tg_workflow_runs_end_team_run)
    perform lenses.fn_cancel_run(v_run.workflow_run_id, v_reason, v_me);
  else
    update agents.team_runs t set status = 'cancelled', finished_at = now() where t.id = p_team_run_id;
    perform agents.fn_append_agent_run_event(p_team_run_id, 'run_cancelled', jsonb_build_object('reason', v_reason),
      null, v_me);
    perform agents.fn_admit_team_runs(v_run.assignment_id);
  end if;
  select t.* into v_run from agents.team_runs t where t.id = p_team_run_id;
  return v_run;
end
$function$;

comment on function public.cancel_team_run(p_team_run_id uuid, p_reason text) is 'Cancels a team run that has not ended (and its workflow run); the assignment''s queue moves on.';

revoke all on function public.cancel_team_run(p_team_run_id uuid, p_reason text) from public;
grant execute on function public.cancel_team_run(p_team_run_id uuid, p_reason text) to authenticated;

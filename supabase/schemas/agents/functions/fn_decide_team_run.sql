-- Decides a pending approval once: approve (the queue policy then admits, queues or skips the run)
-- or reject (the run ends cancelled). A second decision, a replay or a double click changes
-- nothing and says who decided what and when (23505, 409). An approval binds to the assignment's
-- policies and the input as they were at the request: if the assignment changed since, approving
-- is refused (23505). Who decided, when and why are kept on the row and as an event.
create or replace function agents.fn_decide_team_run(p_rpc text, p_team_run_id uuid, p_approve boolean, p_reason text)
 returns agents.team_runs
 language plpgsql
 set search_path to ''
as $function$
declare
  v_me uuid := lensers.current_profile_id();
  v_run agents.team_runs;
  v_assignment agents.workflow_assignments;
  v_reason text := nullif(btrim(p_reason), '');
begin
  if v_me is null then
    raise exception '%: sign in first (no profile for this JWT)', p_rpc using errcode = '42501';
  end if;
  if p_team_run_id is null then
    raise exception '%: p_team_run_id is required', p_rpc using errcode = '22023';
  end if;
  if not p_approve and v_reason is null then
    raise exception '%: p_reason is required: say why the run is rejected', p_rpc using errcode = '22023';
  end if;
  if char_length(v_reason) > 2000 then
    raise exception '%: p_reason must be at most 2000 characters, got %', p_rpc, char_length(v_reason) using errcode = '22023';
  end if;
  select t.* into v_run from agents.team_runs t where t.id = p_team_run_id;
  if not found or agents.fn_caller_assignee_role(v_run.assignee_ai_lenser_id, v_run.assignee_team_id) is null
     and not agents.fn_may_decide_team_run(v_run) then
    raise exception '%: no team run % that you can see', p_rpc, p_team_run_id using errcode = 'PT404';
  end if;
  -- Lock order of team run transitions: a workflow run's lock, the assignment's row, the team run's
  -- (a pending run has no workflow run yet).
  select a.* into v_assignment from agents.workflow_assignments a where a.id = v_run.assignment_id for update;
  select t.* into v_run from agents.team_runs t where t.id = p_team_run_id for update;
  if not agents.fn_may_decide_team_run(v_run) then
    raise exception '%: your role may not decide this approval (approverRoles: %)', p_rpc,
      coalesce(v_run.policies -> 'approval_policy' -> 'approverRoles', '["owner", "co_owner"]'::jsonb)
      using errcode = '42501';
  end if;
  if v_run.approval_status in ('approved', 'rejected') then
    raise exception '%: team run % was already % by % at %; nothing changed', p_rpc, p_team_run_id, v_run.approval_status,
      coalesce((select p.handle from lensers.profiles p where p.id = v_run.decided_by), 'a deleted profile'), v_run.decided_at
      using errcode = '23505';
  end if;
  if v_run.approval_status <> 'pending' or v_run.status <> 'queued' then
    raise exception '%: team run % has no pending approval (% , %)', p_rpc, p_team_run_id, v_run.approval_status,
      coalesce(v_run.status_reason, v_run.status::text) using errcode = '23505';
  end if;
  if v_run.approval_expires_at <= now() then
    raise exception '%: the approval request of team run % expired at %', p_rpc, p_team_run_id, v_run.approval_expires_at
      using errcode = '23505';
  end if;
  -- A team run a schedule requested carries the schedule's approval policy when it has one.
  v_assignment.approval_policy := coalesce(
    (select s.approval_policy from lenses.workflow_schedule_fires f join lenses.workflow_schedules s on s.id = f.schedule_id
     where f.team_run_id = p_team_run_id),
    v_assignment.approval_policy);
  if p_approve and agents.fn_team_run_approval_hash(v_assignment.workflow_id, agents.fn_assignment_policies(v_assignment),
                                                    v_run.input) <> v_run.approval_hash then
    raise exception '%: the assignment''s policies changed since team run % was requested; approving would approve something else: start a new run',
      p_rpc, p_team_run_id using errcode = '23505';
  end if;

  if p_approve then
    update agents.team_runs t set approval_status = 'approved', decided_by = v_me, decided_at = now(),
      decision_reason = v_reason
    where t.id = p_team_run_id;
    perform agents.fn_append_agent_run_event(p_team_run_id, 'approval_granted',
      jsonb_build_object('reason', v_reason), null, v_me);
    perform agents.fn_admit_team_runs(v_run.assignment_id);
  else
    update agents.team_runs t set approval_status = 'rejected', decided_by = v_me, decided_at = now(),
      decision_reason = v_reason, status = 'cancelled', finished_at = now(), status_reason = left('rejected: ' || v_reason, 2000)
    where t.id = p_team_run_id;
    perform agents.fn_append_agent_run_event(p_team_run_id, 'approval_rejected',
      jsonb_build_object('reason', v_reason), null, v_me);
    perform agents.fn_append_agent_run_event(p_team_run_id, 'run_cancelled',
      jsonb_build_object('reason', 'rejected', 'detail', v_reason), null, v_me);
  end if;
  select t.* into v_run from agents.team_runs t where t.id = p_team_run_id;
  return v_run;
end
$function$;

comment on function agents.fn_decide_team_run(p_rpc text, p_team_run_id uuid, p_approve boolean, p_reason text) is 'Approves or rejects a pending team run once, bound to the policies and input it was requested with.';

revoke all on function agents.fn_decide_team_run(p_rpc text, p_team_run_id uuid, p_approve boolean, p_reason text) from public;

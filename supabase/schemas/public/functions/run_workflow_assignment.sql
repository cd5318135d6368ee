-- Starts a team run of an assignment, for the assignee's owners, co-owners and operators. It waits
-- for approval when the assignment's approval_policy requires it; otherwise the assignment's queue
-- policy admits it at once, queues it, or records it as skipped. Returns the team run.
create or replace function public.run_workflow_assignment(p_assignment_id uuid, p_input jsonb default '{}'::jsonb, p_deadline_seconds integer default NULL::integer)
 returns agents.team_runs
 language plpgsql
 security definer
 set search_path to ''
as $function$
declare
  v_me uuid := lensers.current_profile_id();
  v_assignment agents.workflow_assignments;
  v_workflow lenses.workflows;
  v_policies jsonb;
  v_requires boolean;
  v_run agents.team_runs;
begin
  if v_me is null then
    raise exception 'run_workflow_assignment: sign in first (no profile for this JWT)' using errcode = '42501';
  end if;
  if p_assignment_id is null then
    raise exception 'run_workflow_assignment: p_assignment_id is required' using errcode = '22023';
  end if;
  if p_input is null or jsonb_typeof(p_input) <> 'object' then
    raise exception 'run_workflow_assignment: p_input must be a JSON object' using errcode = '22023';
  end if;
  if octet_length(p_input::text) > 262144 then
    raise exception 'run_workflow_assignment: p_input is % bytes; at most 262144', octet_length(p_input::text)
      using errcode = '22023';
  end if;
  if p_deadline_seconds is not null and p_deadline_seconds not between 1 and 604800 then
    raise exception 'run_workflow_assignment: p_deadline_seconds must be between 1 and 604800, got %', p_deadline_seconds
      using errcode = '22023';
  end if;
  -- The assignment's row lock orders every start, decision and end of its runs: its queue is exact.
  select a.* into v_assignment from agents.workflow_assignments a where a.id = p_assignment_id for update;
  if not found or agents.fn_caller_assignee_role(v_assignment.assignee_ai_lenser_id, v_assignment.assignee_team_id) is null then
    raise exception 'run_workflow_assignment: no workflow assignment % that you can run', p_assignment_id
      using errcode = 'P0002';
  end if;
  if v_assignment.status <> 'active' then
    raise exception 'run_workflow_assignment: assignment % is %, only an active assignment runs', p_assignment_id,
      v_assignment.status using errcode = '22023';
  end if;
  select w.* into v_workflow from lenses.workflows w where w.id = v_assignment.workflow_id;
  if v_workflow.status <> 'published' then
    raise exception 'run_workflow_assignment: workflow % is %, only a published workflow runs', v_workflow.id,
      v_workflow.status using errcode = '22023';
  end if;
  perform count(*) from agents.fn_node_members('run_workflow_assignment', v_assignment);
  perform agents.fn_check_team_blocking('run_workflow_assignment', v_assignment);

  v_policies := agents.fn_assignment_policies(v_assignment);
  v_requires := (v_assignment.approval_policy ->> 'requiresApproval')::boolean;
  insert into agents.team_runs (assignment_id, workflow_id, assignee_kind, assignee_ai_lenser_id, assignee_team_id,
    lenser_id, approval_status, input, policies, approval_hash, approval_expires_at, deadline_seconds)
  values (v_assignment.id, v_assignment.workflow_id, v_assignment.assignee_kind, v_assignment.assignee_ai_lenser_id,
    v_assignment.assignee_team_id, v_me,
    case when v_requires then 'pending' else 'not_required' end::agents.approval_status,
    p_input, v_policies, agents.fn_team_run_approval_hash(v_assignment.workflow_id, v_policies, p_input),
    case when v_requires and v_assignment.approval_policy ? 'expiresAfterSeconds'
         then now() + make_interval(secs => (v_assignment.approval_policy ->> 'expiresAfterSeconds')::integer) end,
    p_deadline_seconds)
  returning * into v_run;
  perform agents.fn_append_agent_run_event(v_run.id, 'run_queued',
    jsonb_build_object('assignment_id', v_assignment.id, 'workflow_id', v_assignment.workflow_id), null, v_me);
  if v_requires then
    perform agents.fn_append_agent_run_event(v_run.id, 'approval_requested',
      jsonb_build_object('expires_at', v_run.approval_expires_at,
                         'approver_roles', coalesce(v_assignment.approval_policy -> 'approverRoles', '["owner", "co_owner"]'::jsonb)),
      null, v_me);
  else
    perform agents.fn_admit_team_runs(v_assignment.id);
  end if;
  select t.* into v_run from agents.team_runs t where t.id = v_run.id;
  return v_run;
end
$function$;

comment on function public.run_workflow_assignment(p_assignment_id uuid, p_input jsonb, p_deadline_seconds integer) is 'Starts a team run of an assignment: it waits for approval when the approval policy says so, else the queue policy starts, queues or skips it. [security definer: writes team runs, steps and the workflow run; checks that the caller owns, co-owns or operates the assignee]';

revoke all on function public.run_workflow_assignment(p_assignment_id uuid, p_input jsonb, p_deadline_seconds integer) from public;
grant execute on function public.run_workflow_assignment(p_assignment_id uuid, p_input jsonb, p_deadline_seconds integer) to authenticated;

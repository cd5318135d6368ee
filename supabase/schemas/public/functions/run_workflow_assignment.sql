-- Starts a team run of an assignment, for the assignee's owners, co-owners and operators. It waits
-- for approval when the assignment's approval_policy requires it; otherwise the assignment's queue
-- policy admits it at once, queues it, or records it as skipped. Returns the team run.
-- [security definer: writes team runs, steps and the workflow run; checks that the caller owns, co-owns or operates the assignee]
create or replace function public.run_workflow_assignment(p_assignment_id uuid, p_input jsonb default '{}'::jsonb, p_deadline_seconds integer default NULL::integer)
 returns agents.team_runs
 language plpgsql
 security definer
 set search_path to ''
as $function$
declare
  v_me uuid := lensers.current_profile_id();
  v_assignment agents.workflow_assignments;
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_json('run_workflow_assignment', 'p_input', p_input, 262144, 32);
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
      using errcode = 'PT404';
  end if;
  if v_assignment.status <> 'active' then
    raise exception 'run_workflow_assignment: assignment % is %, only an active assignment runs', p_assignment_id,
      v_assignment.status using errcode = '22023';
  end if;
  return agents.fn_request_team_run('run_workflow_assignment', v_assignment, p_input, v_me, p_deadline_seconds);
end
$function$;

comment on function public.run_workflow_assignment(p_assignment_id uuid, p_input jsonb, p_deadline_seconds integer) is 'Starts a team run of an assignment: it waits for approval when the approval policy says so, else the queue policy starts, queues or skips it.';

revoke all on function public.run_workflow_assignment(p_assignment_id uuid, p_input jsonb, p_deadline_seconds integer) from public;
grant execute on function public.run_workflow_assignment(p_assignment_id uuid, p_input jsonb, p_deadline_seconds integer) to authenticated;

-- Requests a team run of an assignment whose caller is authorised (p_rpc names it; the caller holds
-- the assignment's row lock): checks the workflow is published and every node has a member, writes
-- the team run with its policies snapshot and approval hash, appends run_queued (and
-- approval_requested), and lets the queue admit it when no approval is required. Shared by
-- run_workflow_assignment and the schedule dispatcher.
create or replace function agents.fn_request_team_run(p_rpc text, p_assignment agents.workflow_assignments, p_input jsonb, p_lenser_id uuid, p_deadline_seconds integer)
 returns agents.team_runs
 language plpgsql
 set search_path to ''
as $function$
declare
  v_workflow lenses.workflows;
  v_policies jsonb;
  v_requires boolean;
  v_run agents.team_runs;
begin
  select w.* into v_workflow from lenses.workflows w where w.id = p_assignment.workflow_id;
  if v_workflow.status <> 'published' then
    raise exception '%: workflow % is %, only a published workflow runs', p_rpc, v_workflow.id,
      v_workflow.status using errcode = 'PT409';
  end if;
  perform count(*) from agents.fn_node_members(p_rpc, p_assignment);
  perform agents.fn_check_team_blocking(p_rpc, p_assignment);

  v_policies := agents.fn_assignment_policies(p_assignment);
  v_requires := (p_assignment.approval_policy ->> 'requiresApproval')::boolean;
  insert into agents.team_runs (assignment_id, workflow_id, assignee_kind, assignee_ai_lenser_id, assignee_team_id,
    lenser_id, approval_status, input, policies, approval_hash, approval_expires_at, deadline_seconds)
  values (p_assignment.id, p_assignment.workflow_id, p_assignment.assignee_kind, p_assignment.assignee_ai_lenser_id,
    p_assignment.assignee_team_id, p_lenser_id,
    case when v_requires then 'pending' else 'not_required' end::agents.approval_status,
    p_input, v_policies, agents.fn_team_run_approval_hash(p_assignment.workflow_id, v_policies, p_input),
    case when v_requires and p_assignment.approval_policy ? 'expiresAfterSeconds'
         then now() + make_interval(secs => (p_assignment.approval_policy ->> 'expiresAfterSeconds')::integer) end,
    p_deadline_seconds)
  returning * into v_run;
  perform agents.fn_append_agent_run_event(v_run.id, 'run_queued',
    jsonb_build_object('assignment_id', p_assignment.id, 'workflow_id', p_assignment.workflow_id), null, p_lenser_id);
  if v_requires then
    perform agents.fn_append_agent_run_event(v_run.id, 'approval_requested',
      jsonb_build_object('expires_at', v_run.approval_expires_at,
                         'approver_roles', coalesce(p_assignment.approval_policy -> 'approverRoles', '["owner", "co_owner"]'::jsonb)),
      null, p_lenser_id);
  else
    perform agents.fn_admit_team_runs(p_assignment.id);
  end if;
  select t.* into v_run from agents.team_runs t where t.id = v_run.id;
  return v_run;
end
$function$;

comment on function agents.fn_request_team_run(p_rpc text, p_assignment agents.workflow_assignments, p_input jsonb, p_lenser_id uuid, p_deadline_seconds integer) is 'Writes a team run of an authorised assignment (approval pending, or admitted by the queue); errors name p_rpc.';

revoke all on function agents.fn_request_team_run(p_rpc text, p_assignment agents.workflow_assignments, p_input jsonb, p_lenser_id uuid, p_deadline_seconds integer) from public;

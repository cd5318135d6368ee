-- The approvals the caller may decide now, one list for the UI (seed 004 Future work): pending team
-- run starts (approverRoles, or an escalation to an agent they manage) and tool invocations awaiting
-- approval (agents they own or co-own). security_invoker: the caller's own RLS decides what joins.
create or replace view agents.approval_requests_v with (security_invoker=true) as
 SELECT 'team_run'::agents.approval_request_kind AS kind,
    t.id AS request_id,
    t.id AS team_run_id,
    NULL::uuid AS tool_invocation_id,
    t.assignment_id,
    t.workflow_id,
    w.title AS workflow_title,
    t.assignee_kind,
    t.assignee_ai_lenser_id,
    t.assignee_team_id,
    COALESCE(ap.display_name, tm.name) AS assignee_name,
    t.lenser_id AS requested_by,
    rp.handle AS requested_by_handle,
    "left"(t.input::text, 280) AS input_summary,
    t.created_at AS requested_at,
    t.approval_expires_at AS expires_at,
    t.escalated_to
   FROM agents.team_runs t
     LEFT JOIN lenses.workflows w ON w.id = t.workflow_id
     LEFT JOIN agents.ai_lensers a ON a.id = t.assignee_ai_lenser_id
     LEFT JOIN lensers.profiles ap ON ap.id = a.profile_id
     LEFT JOIN agents.teams tm ON tm.id = t.assignee_team_id
     LEFT JOIN lensers.profiles rp ON rp.id = t.lenser_id
  WHERE t.approval_status = 'pending'::agents.approval_status AND t.status = 'queued'::agents.team_run_status
    AND (t.approval_expires_at IS NULL OR t.approval_expires_at > now()) AND agents.fn_may_decide_team_run(t.*)
UNION ALL
 SELECT 'tool_invocation'::agents.approval_request_kind AS kind,
    i.id AS request_id,
    s.team_run_id,
    i.id AS tool_invocation_id,
    tr.assignment_id,
    tr.workflow_id,
    w.title AS workflow_title,
    'agent'::agents.assignee_kind AS assignee_kind,
    i.ai_lenser_id AS assignee_ai_lenser_id,
    NULL::uuid AS assignee_team_id,
    ap.display_name AS assignee_name,
    i.requested_by,
    rp.handle AS requested_by_handle,
    "left"(((r.key || ' '::text) || i.input::text), 280) AS input_summary,
    i.created_at AS requested_at,
    NULL::timestamp with time zone AS expires_at,
    NULL::uuid[] AS escalated_to
   FROM agents.tool_invocations i
     JOIN agents.tools_registry r ON r.id = i.tool_id
     LEFT JOIN agents.agent_run_steps s ON s.id = i.step_id
     LEFT JOIN agents.team_runs tr ON tr.id = s.team_run_id
     LEFT JOIN lenses.workflows w ON w.id = tr.workflow_id
     LEFT JOIN agents.ai_lensers a ON a.id = i.ai_lenser_id
     LEFT JOIN lensers.profiles ap ON ap.id = a.profile_id
     LEFT JOIN lensers.profiles rp ON rp.id = i.requested_by
  WHERE i.status = 'awaiting_approval'::agents.tool_invocation_status AND agents.can_manage_ai_lenser(i.ai_lenser_id);

comment on view agents.approval_requests_v is 'Pending approvals the caller may decide: team run starts and tool invocations (kind says which), with assignment, workflow, assignee, requester, input summary, requested and expiry times.';

grant select on table agents.approval_requests_v to authenticated;
grant all on table agents.approval_requests_v to service_role;

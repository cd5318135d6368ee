-- Invocations with their tool's key, name, egress class and group, the profile's name and the
-- title of the team run step they belong to (seed 004).
create or replace view agents.tool_invocations_v with (security_invoker=true) as
 SELECT i.id,
    i.ai_lenser_id,
    i.tool_id,
    r.key AS tool_key,
    r.name AS tool_name,
    r.egress_class,
    r.tool_group,
    i.tool_profile_id,
    tp.name AS tool_profile_name,
    i.status,
    i.requires_approval,
    i.input,
    i.output,
    i.error,
    i.approved_by,
    i.approved_at,
    i.rejected_by,
    i.rejected_at,
    i.rejected_reason,
    i.cost_credits,
    i.step_id,
    i.workflow_node_result_id,
    i.requested_by,
    i.created_at,
    i.started_at,
    i.completed_at,
    i.updated_at,
    s.title AS step_title
   FROM agents.tool_invocations i
     JOIN agents.tools_registry r ON r.id = i.tool_id
     LEFT JOIN agents.tool_profiles tp ON tp.id = i.tool_profile_id
     LEFT JOIN agents.agent_run_steps s ON s.id = i.step_id;

comment on view agents.tool_invocations_v is 'Tool invocations with the tool''s key, name, egress class and group.';

grant select on table agents.tool_invocations_v to authenticated;
grant all on table agents.tool_invocations_v to service_role;

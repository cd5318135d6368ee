-- An assignment's five policies as one JSON object: what a team run snapshots at its request.
create or replace function agents.fn_assignment_policies(p_assignment agents.workflow_assignments)
 returns jsonb
 language sql
 immutable
 set search_path to ''
as $function$
  select jsonb_build_object(
    'approval_policy', p_assignment.approval_policy,
    'retry_policy', p_assignment.retry_policy,
    'failure_policy', p_assignment.failure_policy,
    'queue_policy', p_assignment.queue_policy,
    'output_destination', p_assignment.output_destination,
    'node_bindings', p_assignment.node_bindings)
$function$;

comment on function agents.fn_assignment_policies(p_assignment agents.workflow_assignments) is 'The assignment''s policies and node bindings as one JSON object (what an approval binds to).';

revoke all on function agents.fn_assignment_policies(p_assignment agents.workflow_assignments) from public;
grant execute on function agents.fn_assignment_policies(p_assignment agents.workflow_assignments) to authenticated, service_role;

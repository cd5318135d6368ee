create or replace function public.update_workflow_assignment(p_assignment_id uuid, p_approval_policy jsonb default NULL::jsonb, p_retry_policy jsonb default NULL::jsonb, p_failure_policy jsonb default NULL::jsonb, p_queue_policy jsonb default NULL::jsonb, p_output_destination jsonb default NULL::jsonb, p_status agents.assignment_status default NULL::agents.assignment_status, p_node_bindings jsonb default NULL::jsonb)
 returns agents.workflow_assignments
 language plpgsql
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'update_workflow_assignment';
  v_row agents.workflow_assignments := agents.fn_rpc_editable_assignment('update_workflow_assignment', p_assignment_id);
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_json('update_workflow_assignment', 'p_approval_policy', p_approval_policy, 65536, 32);
  perform lensers.fn_limit_json('update_workflow_assignment', 'p_retry_policy', p_retry_policy, 65536, 32);
  perform lensers.fn_limit_json('update_workflow_assignment', 'p_failure_policy', p_failure_policy, 65536, 32);
  perform lensers.fn_limit_json('update_workflow_assignment', 'p_queue_policy', p_queue_policy, 65536, 32);
  perform lensers.fn_limit_json('update_workflow_assignment', 'p_output_destination', p_output_destination, 65536, 32);
  perform lensers.fn_limit_json('update_workflow_assignment', 'p_node_bindings', p_node_bindings, 65536, 32);
  perform agents.fn_rpc_assignment_policies(c_rpc, v_row.assignee_ai_lenser_id, v_row.assignee_team_id, p_approval_policy,
    p_retry_policy, p_failure_policy, p_queue_policy, p_output_destination);
  perform agents.fn_rpc_node_bindings(c_rpc, v_row.assignee_kind, p_node_bindings);
  if p_status = 'active' and v_row.status = 'disabled' then
    if exists (select 1 from agents.workflow_assignments a
               where a.workflow_id = v_row.workflow_id and a.status = 'active' and a.assignee_kind = v_row.assignee_kind
                 and coalesce(a.assignee_ai_lenser_id, a.assignee_team_id) = coalesce(v_row.assignee_ai_lenser_id, v_row.assignee_team_id)) then
      raise exception '%: workflow % already has another active assignment to this %', c_rpc, v_row.workflow_id,
        v_row.assignee_kind using errcode = '23505';
    end if;
    if v_row.assignee_kind = 'team' and exists (select 1 from agents.teams t where t.id = v_row.assignee_team_id and t.status = 'archived') then
      raise exception '%: team % is archived; its assignments cannot be enabled', c_rpc, v_row.assignee_team_id using errcode = 'PT409';
    end if;
  end if;
  update agents.workflow_assignments a set
    approval_policy = coalesce(p_approval_policy, a.approval_policy),
    retry_policy = coalesce(p_retry_policy, a.retry_policy),
    failure_policy = coalesce(p_failure_policy, a.failure_policy),
    queue_policy = coalesce(p_queue_policy, a.queue_policy),
    output_destination = coalesce(p_output_destination, a.output_destination),
    node_bindings = coalesce(p_node_bindings, a.node_bindings),
    status = coalesce(p_status, a.status),
    disabled_at = case
      when coalesce(p_status, a.status) = 'active' then null
      when a.status = 'disabled' then a.disabled_at
      else now() end
  where a.id = v_row.id
  returning * into v_row;
  return v_row;
end
$function$;

comment on function public.update_workflow_assignment(p_assignment_id uuid, p_approval_policy jsonb, p_retry_policy jsonb, p_failure_policy jsonb, p_queue_policy jsonb, p_output_destination jsonb, p_status agents.assignment_status, p_node_bindings jsonb) is 'Changes an assignment''s policies, node bindings or status (active again, or disabled); null arguments keep their value.';

revoke all on function public.update_workflow_assignment(p_assignment_id uuid, p_approval_policy jsonb, p_retry_policy jsonb, p_failure_policy jsonb, p_queue_policy jsonb, p_output_destination jsonb, p_status agents.assignment_status, p_node_bindings jsonb) from public;
grant execute on function public.update_workflow_assignment(p_assignment_id uuid, p_approval_policy jsonb, p_retry_policy jsonb, p_failure_policy jsonb, p_queue_policy jsonb, p_output_destination jsonb, p_status agents.assignment_status, p_node_bindings jsonb) to authenticated;

create or replace function public.create_workflow_assignment(p_workflow_id uuid, p_assignee_kind agents.assignee_kind, p_assignee_ai_lenser_id uuid default NULL::uuid, p_assignee_team_id uuid default NULL::uuid, p_approval_policy jsonb default NULL::jsonb, p_retry_policy jsonb default NULL::jsonb, p_failure_policy jsonb default NULL::jsonb, p_queue_policy jsonb default NULL::jsonb, p_output_destination jsonb default NULL::jsonb, p_node_bindings jsonb default NULL::jsonb)
 returns agents.workflow_assignments
 language plpgsql
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'create_workflow_assignment';
  v_workflow_status lenses.workflow_status;
  v_row agents.workflow_assignments;
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_json('create_workflow_assignment', 'p_approval_policy', p_approval_policy, 65536, 32);
  perform lensers.fn_limit_json('create_workflow_assignment', 'p_retry_policy', p_retry_policy, 65536, 32);
  perform lensers.fn_limit_json('create_workflow_assignment', 'p_failure_policy', p_failure_policy, 65536, 32);
  perform lensers.fn_limit_json('create_workflow_assignment', 'p_queue_policy', p_queue_policy, 65536, 32);
  perform lensers.fn_limit_json('create_workflow_assignment', 'p_output_destination', p_output_destination, 65536, 32);
  perform lensers.fn_limit_json('create_workflow_assignment', 'p_node_bindings', p_node_bindings, 65536, 32);
  perform agents.fn_rpc_not_null(c_rpc, 'p_workflow_id', p_workflow_id);
  perform agents.fn_rpc_not_null(c_rpc, 'p_assignee_kind', p_assignee_kind);
  if p_assignee_kind = 'agent' and (p_assignee_ai_lenser_id is null or p_assignee_team_id is not null) then
    raise exception '%: an agent assignment needs p_assignee_ai_lenser_id and no p_assignee_team_id', c_rpc using errcode = '22023';
  end if;
  if p_assignee_kind = 'team' and (p_assignee_team_id is null or p_assignee_ai_lenser_id is not null) then
    raise exception '%: a team assignment needs p_assignee_team_id and no p_assignee_ai_lenser_id', c_rpc using errcode = '22023';
  end if;
  select w.status into v_workflow_status from lenses.workflows w where w.id = p_workflow_id;
  if not found then
    raise exception '%: no workflow % that you can see', c_rpc, p_workflow_id using errcode = 'PT404';
  end if;
  if v_workflow_status = 'archived' then
    raise exception '%: workflow % is archived', c_rpc, p_workflow_id using errcode = 'PT409';
  end if;
  if p_assignee_kind = 'agent' then
    perform agents.fn_rpc_require_manage(c_rpc, p_assignee_ai_lenser_id);
  else
    perform agents.fn_rpc_editable_team(c_rpc, p_assignee_team_id);
  end if;
  perform agents.fn_rpc_assignment_policies(c_rpc, p_assignee_ai_lenser_id, p_assignee_team_id, p_approval_policy,
    p_retry_policy, p_failure_policy, p_queue_policy, p_output_destination);
  perform agents.fn_rpc_node_bindings(c_rpc, p_assignee_kind, p_node_bindings);
  if exists (select 1 from agents.workflow_assignments a
             where a.workflow_id = p_workflow_id and a.status = 'active' and a.assignee_kind = p_assignee_kind
               and coalesce(a.assignee_ai_lenser_id, a.assignee_team_id) = coalesce(p_assignee_ai_lenser_id, p_assignee_team_id)) then
    raise exception '%: workflow % already has an active assignment to this %', c_rpc, p_workflow_id, p_assignee_kind
      using errcode = '23505';
  end if;
  insert into agents.workflow_assignments (workflow_id, assignee_kind, assignee_ai_lenser_id, assignee_team_id,
    approval_policy, retry_policy, failure_policy, queue_policy, output_destination, node_bindings)
  values (p_workflow_id, p_assignee_kind, p_assignee_ai_lenser_id, p_assignee_team_id,
    coalesce(p_approval_policy, '{"requiresApproval":true}'), coalesce(p_retry_policy, '{"maxRetries":1}'),
    coalesce(p_failure_policy, '{"mode":"isolate"}'), coalesce(p_queue_policy, '{"mode":"parallel"}'),
    coalesce(p_output_destination, '{}'), coalesce(p_node_bindings, '{}'))
  returning * into v_row;
  return v_row;
end
$function$;

comment on function public.create_workflow_assignment(p_workflow_id uuid, p_assignee_kind agents.assignee_kind, p_assignee_ai_lenser_id uuid, p_assignee_team_id uuid, p_approval_policy jsonb, p_retry_policy jsonb, p_failure_policy jsonb, p_queue_policy jsonb, p_output_destination jsonb, p_node_bindings jsonb) is 'Assigns a workflow the caller can see to an agent they own or co-own, or to a team they may change; null policies take the defaults; p_node_bindings ({node key: team member id}) names who performs a node of a team assignment.';

revoke all on function public.create_workflow_assignment(p_workflow_id uuid, p_assignee_kind agents.assignee_kind, p_assignee_ai_lenser_id uuid, p_assignee_team_id uuid, p_approval_policy jsonb, p_retry_policy jsonb, p_failure_policy jsonb, p_queue_policy jsonb, p_output_destination jsonb, p_node_bindings jsonb) from public;
grant execute on function public.create_workflow_assignment(p_workflow_id uuid, p_assignee_kind agents.assignee_kind, p_assignee_ai_lenser_id uuid, p_assignee_team_id uuid, p_approval_policy jsonb, p_retry_policy jsonb, p_failure_policy jsonb, p_queue_policy jsonb, p_output_destination jsonb, p_node_bindings jsonb) to authenticated;

-- The RPC surface for workflow assignments: create, update, disable, list. SECURITY INVOKER; each
-- RPC checks its caller and arguments first, naming the argument in the error.

-- Each given policy has the right shape; a memory destination names a memory profile of the
-- assignee (for a team: of one of its members' agents).
create function agents.fn_rpc_assignment_policies(
  p_rpc text, p_assignee_ai_lenser_id uuid, p_assignee_team_id uuid,
  p_approval_policy jsonb, p_retry_policy jsonb, p_failure_policy jsonb, p_queue_policy jsonb, p_output_destination jsonb
) returns void
language plpgsql
stable
set search_path = ''
as $$
declare
  v_errors text[];
  v_profile_id uuid;
begin
  v_errors := agents.fn_approval_policy_errors(p_approval_policy);
  if p_approval_policy is not null and cardinality(v_errors) > 0 then
    raise exception '%: p_approval_policy is invalid: %', p_rpc, array_to_string(v_errors, '; ') using errcode = '22023';
  end if;
  v_errors := agents.fn_retry_policy_errors(p_retry_policy);
  if p_retry_policy is not null and cardinality(v_errors) > 0 then
    raise exception '%: p_retry_policy is invalid: %', p_rpc, array_to_string(v_errors, '; ') using errcode = '22023';
  end if;
  v_errors := agents.fn_failure_policy_errors(p_failure_policy);
  if p_failure_policy is not null and cardinality(v_errors) > 0 then
    raise exception '%: p_failure_policy is invalid: %', p_rpc, array_to_string(v_errors, '; ') using errcode = '22023';
  end if;
  v_errors := agents.fn_queue_policy_errors(p_queue_policy);
  if p_queue_policy is not null and cardinality(v_errors) > 0 then
    raise exception '%: p_queue_policy is invalid: %', p_rpc, array_to_string(v_errors, '; ') using errcode = '22023';
  end if;
  v_errors := agents.fn_output_destination_errors(p_output_destination);
  if p_output_destination is not null and cardinality(v_errors) > 0 then
    raise exception '%: p_output_destination is invalid: %', p_rpc, array_to_string(v_errors, '; ') using errcode = '22023';
  end if;
  if p_output_destination ->> 'kind' = 'memory' then
    v_profile_id := (p_output_destination ->> 'memoryProfileId')::uuid;
    if not exists (
      select 1 from agents.memory_profiles p
      where p.id = v_profile_id
        and (p.ai_lenser_id = p_assignee_ai_lenser_id
             or p.ai_lenser_id in (select m.agent_id from agents.team_members m where m.team_id = p_assignee_team_id))
    ) then
      raise exception '%: p_output_destination.memoryProfileId % is not a memory profile of the assignee', p_rpc, v_profile_id
        using errcode = '22023';
    end if;
  end if;
end
$$;
revoke execute on function agents.fn_rpc_assignment_policies(text, uuid, uuid, jsonb, jsonb, jsonb, jsonb, jsonb) from public;
grant execute on function agents.fn_rpc_assignment_policies(text, uuid, uuid, jsonb, jsonb, jsonb, jsonb, jsonb)
  to authenticated, service_role;

create function public.create_workflow_assignment(
  p_workflow_id uuid,
  p_assignee_kind agents.assignee_kind,
  p_assignee_ai_lenser_id uuid default null,
  p_assignee_team_id uuid default null,
  p_approval_policy jsonb default null,
  p_retry_policy jsonb default null,
  p_failure_policy jsonb default null,
  p_queue_policy jsonb default null,
  p_output_destination jsonb default null
) returns agents.workflow_assignments
language plpgsql
volatile
set search_path = ''
as $$
declare
  c_rpc constant text := 'create_workflow_assignment';
  v_workflow_status lenses.workflow_status;
  v_row agents.workflow_assignments;
begin
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
    raise exception '%: no workflow % that you can see', c_rpc, p_workflow_id using errcode = 'P0002';
  end if;
  if v_workflow_status = 'archived' then
    raise exception '%: workflow % is archived', c_rpc, p_workflow_id using errcode = '22023';
  end if;
  if p_assignee_kind = 'agent' then
    perform agents.fn_rpc_require_manage(c_rpc, p_assignee_ai_lenser_id);
  else
    perform agents.fn_rpc_editable_team(c_rpc, p_assignee_team_id);
  end if;
  perform agents.fn_rpc_assignment_policies(c_rpc, p_assignee_ai_lenser_id, p_assignee_team_id, p_approval_policy,
    p_retry_policy, p_failure_policy, p_queue_policy, p_output_destination);
  if exists (select 1 from agents.workflow_assignments a
             where a.workflow_id = p_workflow_id and a.status = 'active' and a.assignee_kind = p_assignee_kind
               and coalesce(a.assignee_ai_lenser_id, a.assignee_team_id) = coalesce(p_assignee_ai_lenser_id, p_assignee_team_id)) then
    raise exception '%: workflow % already has an active assignment to this %', c_rpc, p_workflow_id, p_assignee_kind
      using errcode = '23505';
  end if;
  insert into agents.workflow_assignments (workflow_id, assignee_kind, assignee_ai_lenser_id, assignee_team_id,
    approval_policy, retry_policy, failure_policy, queue_policy, output_destination)
  values (p_workflow_id, p_assignee_kind, p_assignee_ai_lenser_id, p_assignee_team_id,
    coalesce(p_approval_policy, '{"requiresApproval":true}'), coalesce(p_retry_policy, '{"maxRetries":1}'),
    coalesce(p_failure_policy, '{"mode":"isolate"}'), coalesce(p_queue_policy, '{"mode":"parallel"}'),
    coalesce(p_output_destination, '{}'))
  returning * into v_row;
  return v_row;
end
$$;
comment on function public.create_workflow_assignment(uuid, agents.assignee_kind, uuid, uuid, jsonb, jsonb, jsonb, jsonb, jsonb) is
  'Assigns a workflow the caller can see to an agent they own or co-own, or to a team they may change; null policies take the defaults.';

-- The assignment row the caller may change, or a clear error.
create function agents.fn_rpc_editable_assignment(p_rpc text, p_assignment_id uuid) returns agents.workflow_assignments
language plpgsql
stable
set search_path = ''
as $$
declare
  v_row agents.workflow_assignments;
begin
  perform agents.fn_rpc_not_null(p_rpc, 'p_assignment_id', p_assignment_id);
  select a.* into v_row from agents.workflow_assignments a where a.id = p_assignment_id;
  if not found then
    raise exception '%: no workflow assignment % that you can see', p_rpc, p_assignment_id using errcode = 'P0002';
  end if;
  if v_row.assignee_kind = 'agent' then
    perform agents.fn_rpc_require_manage(p_rpc, v_row.assignee_ai_lenser_id);
  elsif not exists (select 1 from agents.editable_team_ids() e where e = v_row.assignee_team_id) then
    raise exception '%: you may not change team %''s assignments', p_rpc, v_row.assignee_team_id using errcode = '42501';
  end if;
  return v_row;
end
$$;
revoke execute on function agents.fn_rpc_editable_assignment(text, uuid) from public;
grant execute on function agents.fn_rpc_editable_assignment(text, uuid) to authenticated, service_role;

create function public.update_workflow_assignment(
  p_assignment_id uuid,
  p_approval_policy jsonb default null,
  p_retry_policy jsonb default null,
  p_failure_policy jsonb default null,
  p_queue_policy jsonb default null,
  p_output_destination jsonb default null,
  p_status agents.assignment_status default null
) returns agents.workflow_assignments
language plpgsql
volatile
set search_path = ''
as $$
declare
  c_rpc constant text := 'update_workflow_assignment';
  v_row agents.workflow_assignments := agents.fn_rpc_editable_assignment('update_workflow_assignment', p_assignment_id);
begin
  perform agents.fn_rpc_assignment_policies(c_rpc, v_row.assignee_ai_lenser_id, v_row.assignee_team_id, p_approval_policy,
    p_retry_policy, p_failure_policy, p_queue_policy, p_output_destination);
  if p_status = 'active' and v_row.status = 'disabled' then
    if exists (select 1 from agents.workflow_assignments a
               where a.workflow_id = v_row.workflow_id and a.status = 'active' and a.assignee_kind = v_row.assignee_kind
                 and coalesce(a.assignee_ai_lenser_id, a.assignee_team_id) = coalesce(v_row.assignee_ai_lenser_id, v_row.assignee_team_id)) then
      raise exception '%: workflow % already has another active assignment to this %', c_rpc, v_row.workflow_id,
        v_row.assignee_kind using errcode = '23505';
    end if;
    if v_row.assignee_kind = 'team' and exists (select 1 from agents.teams t where t.id = v_row.assignee_team_id and t.status = 'archived') then
      raise exception '%: team % is archived; its assignments cannot be enabled', c_rpc, v_row.assignee_team_id using errcode = '22023';
    end if;
  end if;
  update agents.workflow_assignments a set
    approval_policy = coalesce(p_approval_policy, a.approval_policy),
    retry_policy = coalesce(p_retry_policy, a.retry_policy),
    failure_policy = coalesce(p_failure_policy, a.failure_policy),
    queue_policy = coalesce(p_queue_policy, a.queue_policy),
    output_destination = coalesce(p_output_destination, a.output_destination),
    status = coalesce(p_status, a.status),
    disabled_at = case
      when coalesce(p_status, a.status) = 'active' then null
      when a.status = 'disabled' then a.disabled_at
      else now() end
  where a.id = v_row.id
  returning * into v_row;
  return v_row;
end
$$;
comment on function public.update_workflow_assignment(uuid, jsonb, jsonb, jsonb, jsonb, jsonb, agents.assignment_status) is
  'Changes an assignment''s policies or status (active again, or disabled); null arguments keep their value.';

create function public.disable_workflow_assignment(p_assignment_id uuid) returns agents.workflow_assignments
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_row agents.workflow_assignments := agents.fn_rpc_editable_assignment('disable_workflow_assignment', p_assignment_id);
begin
  if v_row.status = 'disabled' then
    raise exception 'disable_workflow_assignment: assignment % is already disabled (since %)', p_assignment_id, v_row.disabled_at
      using errcode = '22023';
  end if;
  update agents.workflow_assignments a set status = 'disabled', disabled_at = now() where a.id = v_row.id returning * into v_row;
  return v_row;
end
$$;
comment on function public.disable_workflow_assignment(uuid) is 'Disables an assignment: it is kept, and no longer dispatched.';

create function public.list_workflow_assignments(
  p_workflow_id uuid default null,
  p_ai_lenser_id uuid default null,
  p_team_id uuid default null,
  p_include_disabled boolean default false,
  p_limit integer default 50,
  p_offset integer default 0
) returns setof agents.workflow_assignments
language plpgsql
stable
set search_path = ''
as $$
begin
  perform lensers.fn_rpc_page('list_workflow_assignments', p_limit, p_offset);
  perform agents.fn_rpc_not_null('list_workflow_assignments', 'p_include_disabled', p_include_disabled);
  return query
    select a.* from agents.workflow_assignments a
    where (p_workflow_id is null or a.workflow_id = p_workflow_id)
      and (p_ai_lenser_id is null or a.assignee_ai_lenser_id = p_ai_lenser_id)
      and (p_team_id is null or a.assignee_team_id = p_team_id)
      and (p_include_disabled or a.status = 'active')
    order by a.created_at desc, a.id
    limit p_limit offset p_offset;
end
$$;
comment on function public.list_workflow_assignments(uuid, uuid, uuid, boolean, integer, integer) is
  'Assignments the caller may see, optionally of one workflow, agent or team, newest first.';

revoke execute on function
  public.create_workflow_assignment(uuid, agents.assignee_kind, uuid, uuid, jsonb, jsonb, jsonb, jsonb, jsonb),
  public.update_workflow_assignment(uuid, jsonb, jsonb, jsonb, jsonb, jsonb, agents.assignment_status),
  public.disable_workflow_assignment(uuid),
  public.list_workflow_assignments(uuid, uuid, uuid, boolean, integer, integer)
from public;
grant execute on function
  public.create_workflow_assignment(uuid, agents.assignee_kind, uuid, uuid, jsonb, jsonb, jsonb, jsonb, jsonb),
  public.update_workflow_assignment(uuid, jsonb, jsonb, jsonb, jsonb, jsonb, agents.assignment_status),
  public.disable_workflow_assignment(uuid),
  public.list_workflow_assignments(uuid, uuid, uuid, boolean, integer, integer)
to authenticated;

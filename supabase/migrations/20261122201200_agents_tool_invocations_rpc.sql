-- Tool RPCs (the seed's names): invoke, complete, approve, reject; and two listings. SECURITY
-- INVOKER: RLS lets those who may operate the agent invoke and complete; the lifecycle trigger keeps
-- decisions to owners and co-owners. Each RPC checks first for clear errors.

create function public.fn_invoke_tool(
  p_ai_lenser_id uuid,
  p_tool_key text,
  p_input jsonb default '{}',
  p_tool_profile_id uuid default null,
  p_step_id uuid default null,
  p_workflow_node_result_id uuid default null
) returns agents.tool_invocations
language plpgsql
volatile
set search_path = ''
as $$
declare
  c_rpc constant text := 'fn_invoke_tool';
  v_active boolean;
  v_tool agents.tools_registry;
  v_profile_id uuid := p_tool_profile_id;
  v_access record;
  v_missing text;
  v_row agents.tool_invocations;
begin
  perform agents.fn_rpc_require_operate(c_rpc, p_ai_lenser_id);
  select a.is_active into v_active from agents.ai_lensers a where a.id = p_ai_lenser_id;
  if not found then
    raise exception '%: no agent % that you can see', c_rpc, p_ai_lenser_id using errcode = 'P0002';
  end if;
  if not v_active then
    raise exception '%: agent % is suspended', c_rpc, p_ai_lenser_id using errcode = 'P0001';
  end if;
  if p_tool_key is null then
    raise exception '%: p_tool_key is required', c_rpc using errcode = '22023';
  end if;
  select r.* into v_tool from agents.tools_registry r where r.key = p_tool_key;
  if not found then
    raise exception '%: p_tool_key "%" is not a known tool', c_rpc, p_tool_key using errcode = '22023';
  end if;
  if p_input is null or jsonb_typeof(p_input) <> 'object' then
    raise exception '%: p_input must be a JSON object', c_rpc using errcode = '22023';
  end if;
  select string_agg(req, ', ') into v_missing
  from jsonb_array_elements_text(coalesce(v_tool.input_schema -> 'required', '[]'::jsonb)) req
  where not p_input ? req;
  if v_missing is not null then
    raise exception '%: p_input lacks what tool "%" requires: %', c_rpc, p_tool_key, v_missing using errcode = '22023';
  end if;
  if v_profile_id is null then
    select p.id into v_profile_id from agents.tool_profiles p where p.ai_lenser_id = p_ai_lenser_id and p.is_default;
    if v_profile_id is null then
      raise exception '%: agent % has no default tool profile; pass p_tool_profile_id', c_rpc, p_ai_lenser_id using errcode = 'P0001';
    end if;
  elsif not exists (select 1 from agents.tool_profiles p where p.id = v_profile_id and p.ai_lenser_id = p_ai_lenser_id) then
    raise exception '%: p_tool_profile_id % is not a tool profile of agent %', c_rpc, v_profile_id, p_ai_lenser_id using errcode = '22023';
  end if;
  select a.* into v_access from agents.fn_tool_access(v_profile_id, v_tool.id) a;
  if not v_access.allowed then
    raise exception '%: %', c_rpc, v_access.reason using errcode = '42501';
  end if;
  insert into agents.tool_invocations (ai_lenser_id, tool_id, tool_profile_id, input, step_id, workflow_node_result_id)
  values (p_ai_lenser_id, v_tool.id, v_profile_id, p_input, p_step_id, p_workflow_node_result_id)
  returning * into v_row;
  return v_row;
end
$$;
comment on function public.fn_invoke_tool(uuid, text, jsonb, uuid, uuid, uuid) is
  'Records a tool call by an agent the caller may operate, if its tool profile (given, or the default) allows the tool; '
  'it waits for approval when the tool or profile requires it, else it is running.';

-- The invocation row, visible to the caller, or a clear error.
create function agents.fn_rpc_tool_invocation(p_rpc text, p_invocation_id uuid) returns agents.tool_invocations
language plpgsql
stable
set search_path = ''
as $$
declare
  v_row agents.tool_invocations;
begin
  if p_invocation_id is null then
    raise exception '%: p_invocation_id is required', p_rpc using errcode = '22023';
  end if;
  select i.* into v_row from agents.tool_invocations i where i.id = p_invocation_id;
  if not found then
    raise exception '%: no tool invocation % that you can see', p_rpc, p_invocation_id using errcode = 'P0002';
  end if;
  return v_row;
end
$$;
revoke execute on function agents.fn_rpc_tool_invocation(text, uuid) from public;
grant execute on function agents.fn_rpc_tool_invocation(text, uuid) to authenticated, service_role;

create function public.fn_complete_tool_invocation(
  p_invocation_id uuid,
  p_status agents.tool_invocation_status,
  p_output jsonb default null,
  p_error text default null,
  p_cost_credits numeric default null
) returns agents.tool_invocations
language plpgsql
volatile
set search_path = ''
as $$
declare
  c_rpc constant text := 'fn_complete_tool_invocation';
  v_row agents.tool_invocations := agents.fn_rpc_tool_invocation('fn_complete_tool_invocation', p_invocation_id);
begin
  perform agents.fn_rpc_require_operate(c_rpc, v_row.ai_lenser_id);
  if p_status is null or p_status not in ('running', 'succeeded', 'failed') then
    raise exception '%: p_status must be running, succeeded or failed, got %', c_rpc, coalesce(p_status::text, 'null')
      using errcode = '22023';
  end if;
  if p_status = 'running' and v_row.status <> 'approved' then
    raise exception '%: invocation % is not approved (it is %); only an approved call starts running', c_rpc, p_invocation_id,
      v_row.status using errcode = '22023';
  end if;
  if p_status in ('succeeded', 'failed') and v_row.status <> 'running' then
    raise exception '%: invocation % is not running (it is %)', c_rpc, p_invocation_id, v_row.status using errcode = '22023';
  end if;
  if p_status = 'running' and (p_output is not null or p_error is not null or p_cost_credits is not null) then
    raise exception '%: p_output, p_error and p_cost_credits are given when the call ends', c_rpc using errcode = '22023';
  end if;
  if p_status = 'failed' and (p_error is null or char_length(btrim(p_error)) not between 1 and 10000) then
    raise exception '%: p_error (1 to 10000 characters) is required for a failed call', c_rpc using errcode = '22023';
  end if;
  if p_status = 'succeeded' and p_error is not null then
    raise exception '%: p_error is only for a failed call', c_rpc using errcode = '22023';
  end if;
  if p_cost_credits is not null and p_cost_credits < 0 then
    raise exception '%: p_cost_credits must be 0 or more, got %', c_rpc, p_cost_credits using errcode = '22023';
  end if;
  update agents.tool_invocations i set
    status = p_status,
    output = coalesce(p_output, i.output),
    error = coalesce(btrim(p_error), i.error),
    cost_credits = coalesce(p_cost_credits, i.cost_credits)
  where i.id = p_invocation_id and i.status = v_row.status
  returning * into v_row;
  if not found then
    raise exception '%: invocation % changed meanwhile; read it again', c_rpc, p_invocation_id using errcode = '22023';
  end if;
  return v_row;
end
$$;
comment on function public.fn_complete_tool_invocation(uuid, agents.tool_invocation_status, jsonb, text, numeric) is
  'Moves an invocation on: approved -> running, running -> succeeded (output, cost) or failed (error, cost). Operators and the engine.';

create function public.fn_approve_tool_invocation(p_invocation_id uuid) returns agents.tool_invocations
language plpgsql
volatile
set search_path = ''
as $$
declare
  c_rpc constant text := 'fn_approve_tool_invocation';
  v_row agents.tool_invocations := agents.fn_rpc_tool_invocation('fn_approve_tool_invocation', p_invocation_id);
begin
  if not (select agents.can_manage_ai_lenser(v_row.ai_lenser_id)) then
    raise exception '%: only an owner or co-owner of agent % may approve its tool calls', c_rpc, v_row.ai_lenser_id
      using errcode = '42501';
  end if;
  if v_row.status <> 'awaiting_approval' then
    raise exception '%: invocation % is not awaiting approval (it is %)', c_rpc, p_invocation_id, v_row.status using errcode = '22023';
  end if;
  update agents.tool_invocations i set status = 'approved'
  where i.id = p_invocation_id and i.status = 'awaiting_approval'
  returning * into v_row;
  if not found then
    raise exception '%: invocation % was decided meanwhile', c_rpc, p_invocation_id using errcode = '22023';
  end if;
  return v_row;
end
$$;
comment on function public.fn_approve_tool_invocation(uuid) is
  'Approves a tool call awaiting approval, once; only an owner or co-owner of the agent.';

create function public.fn_reject_tool_invocation(p_invocation_id uuid, p_reason text) returns agents.tool_invocations
language plpgsql
volatile
set search_path = ''
as $$
declare
  c_rpc constant text := 'fn_reject_tool_invocation';
  v_row agents.tool_invocations := agents.fn_rpc_tool_invocation('fn_reject_tool_invocation', p_invocation_id);
begin
  if not (select agents.can_manage_ai_lenser(v_row.ai_lenser_id)) then
    raise exception '%: only an owner or co-owner of agent % may reject its tool calls', c_rpc, v_row.ai_lenser_id
      using errcode = '42501';
  end if;
  perform agents.fn_rpc_text(c_rpc, 'p_reason', p_reason, 2000);
  if v_row.status <> 'awaiting_approval' then
    raise exception '%: invocation % is not awaiting approval (it is %)', c_rpc, p_invocation_id, v_row.status using errcode = '22023';
  end if;
  update agents.tool_invocations i set status = 'rejected', rejected_reason = btrim(p_reason)
  where i.id = p_invocation_id and i.status = 'awaiting_approval'
  returning * into v_row;
  if not found then
    raise exception '%: invocation % was decided meanwhile', c_rpc, p_invocation_id using errcode = '22023';
  end if;
  return v_row;
end
$$;
comment on function public.fn_reject_tool_invocation(uuid, text) is
  'Rejects a tool call awaiting approval, once, with a reason; only an owner or co-owner of the agent.';

create function public.list_tool_invocations(
  p_ai_lenser_id uuid,
  p_status agents.tool_invocation_status default null,
  p_limit integer default 50,
  p_offset integer default 0
) returns setof agents.tool_invocations_v
language plpgsql
stable
set search_path = ''
as $$
begin
  perform agents.fn_rpc_require_operate('list_tool_invocations', p_ai_lenser_id);
  perform lensers.fn_rpc_page('list_tool_invocations', p_limit, p_offset);
  return query
    select v.* from agents.tool_invocations_v v
    where v.ai_lenser_id = p_ai_lenser_id and (p_status is null or v.status = p_status)
    order by v.created_at desc, v.id
    limit p_limit offset p_offset;
end
$$;
comment on function public.list_tool_invocations(uuid, agents.tool_invocation_status, integer, integer) is
  'An agent''s tool calls with the tool''s key, name and egress class, newest first; optionally of one status.';

create function public.list_tools(p_tool_group text default null, p_include_disabled boolean default false)
returns setof agents.tools_registry
language plpgsql
stable
set search_path = ''
as $$
begin
  perform agents.fn_rpc_not_null('list_tools', 'p_include_disabled', p_include_disabled);
  return query
    select r.* from agents.tools_registry r
    where (p_tool_group is null or r.tool_group = p_tool_group) and (p_include_disabled or r.enabled)
    order by r.tool_group, r.key;
end
$$;
comment on function public.list_tools(text, boolean) is 'The tool catalog by group and key; optionally one group.';

revoke execute on function
  public.fn_invoke_tool(uuid, text, jsonb, uuid, uuid, uuid),
  public.fn_complete_tool_invocation(uuid, agents.tool_invocation_status, jsonb, text, numeric),
  public.fn_approve_tool_invocation(uuid),
  public.fn_reject_tool_invocation(uuid, text),
  public.list_tool_invocations(uuid, agents.tool_invocation_status, integer, integer),
  public.list_tools(text, boolean)
from public;
grant execute on function
  public.fn_invoke_tool(uuid, text, jsonb, uuid, uuid, uuid),
  public.fn_complete_tool_invocation(uuid, agents.tool_invocation_status, jsonb, text, numeric),
  public.list_tool_invocations(uuid, agents.tool_invocation_status, integer, integer),
  public.list_tools(text, boolean)
to authenticated, service_role;
grant execute on function public.fn_approve_tool_invocation(uuid), public.fn_reject_tool_invocation(uuid, text) to authenticated;

create or replace function public.fn_invoke_tool(p_ai_lenser_id uuid, p_tool_key text, p_input jsonb default '{}'::jsonb, p_tool_profile_id uuid default NULL::uuid, p_step_id uuid default NULL::uuid, p_workflow_node_result_id uuid default NULL::uuid)
 returns agents.tool_invocations
 language plpgsql
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'fn_invoke_tool';
  v_active boolean;
  v_tool agents.tools_registry;
  v_profile_id uuid := p_tool_profile_id;
  v_access record;
  v_missing text;
  v_row agents.tool_invocations;
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_text('fn_invoke_tool', 'p_tool_key', p_tool_key, 200);
  perform lensers.fn_limit_json('fn_invoke_tool', 'p_input', p_input, 262144, 32);
  perform agents.fn_rpc_require_operate(c_rpc, p_ai_lenser_id);
  select a.is_active into v_active from agents.ai_lensers a where a.id = p_ai_lenser_id;
  if not found then
    raise exception '%: no agent % that you can see', c_rpc, p_ai_lenser_id using errcode = 'PT404';
  end if;
  if not v_active then
    raise exception '%: agent % is suspended', c_rpc, p_ai_lenser_id using errcode = 'PT409';
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
$function$;

comment on function public.fn_invoke_tool(p_ai_lenser_id uuid, p_tool_key text, p_input jsonb, p_tool_profile_id uuid, p_step_id uuid, p_workflow_node_result_id uuid) is 'Records a tool call by an agent the caller may operate, if its tool profile (given, or the default) allows the tool; it waits for approval when the tool or profile requires it, else it is running.';

revoke all on function public.fn_invoke_tool(p_ai_lenser_id uuid, p_tool_key text, p_input jsonb, p_tool_profile_id uuid, p_step_id uuid, p_workflow_node_result_id uuid) from public;
grant execute on function public.fn_invoke_tool(p_ai_lenser_id uuid, p_tool_key text, p_input jsonb, p_tool_profile_id uuid, p_step_id uuid, p_workflow_node_result_id uuid) to authenticated, service_role;

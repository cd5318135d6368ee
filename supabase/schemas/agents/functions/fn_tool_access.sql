-- Whether a tool profile lets its agent call a tool, and whether the call needs approval.
-- Deny wins; then the tool's key in allow_tools or its group in tool_groups allows it.
create or replace function agents.fn_tool_access(p_tool_profile_id uuid, p_tool_id uuid)
 returns TABLE(allowed boolean, requires_approval boolean, reason text)
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_tool agents.tools_registry;
  v_profile agents.tool_profiles;
begin
  select r.* into v_tool from agents.tools_registry r where r.id = p_tool_id;
  if not found then
    return query select false, false, format('tool %s does not exist', p_tool_id);
    return;
  end if;
  select p.* into v_profile from agents.tool_profiles p where p.id = p_tool_profile_id;
  if not found then
    return query select false, false, format('tool profile %s does not exist', p_tool_profile_id);
    return;
  end if;
  if not v_tool.enabled then
    return query select false, false, format('tool "%s" is disabled', v_tool.key);
  elsif v_tool.key = any (v_profile.deny_tools) then
    return query select false, false, format('tool "%s" is denied by tool profile "%s"', v_tool.key, v_profile.name);
  elsif not (v_tool.key = any (v_profile.allow_tools) or v_tool.tool_group = any (v_profile.tool_groups)) then
    return query select false, false,
      format('tool "%s" (group %s) is not allowed by tool profile "%s"', v_tool.key, v_tool.tool_group, v_profile.name);
  else
    return query select true, v_tool.requires_approval or v_profile.requires_approval, null::text;
  end if;
end
$function$;

comment on function agents.fn_tool_access(p_tool_profile_id uuid, p_tool_id uuid) is 'Whether a tool profile allows a tool (deny wins, then allow list or group) and whether calls need approval.';

revoke all on function agents.fn_tool_access(p_tool_profile_id uuid, p_tool_id uuid) from public;
grant execute on function agents.fn_tool_access(p_tool_profile_id uuid, p_tool_id uuid) to authenticated, service_role;

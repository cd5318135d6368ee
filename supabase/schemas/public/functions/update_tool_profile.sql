create or replace function public.update_tool_profile(p_profile_id uuid, p_name text default NULL::text, p_allow_tools text[] default NULL::text[], p_deny_tools text[] default NULL::text[], p_tool_groups text[] default NULL::text[], p_provider_overrides jsonb default NULL::jsonb, p_requires_approval boolean default NULL::boolean, p_is_default boolean default NULL::boolean, p_http_allow_hosts text[] default NULL::text[], p_http_allow_private_network boolean default NULL::boolean)
 returns agents.tool_profiles
 language plpgsql
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'update_tool_profile';
  v_row agents.tool_profiles;
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_text('update_tool_profile', 'p_name', p_name, 200);
  perform lensers.fn_limit_texts('update_tool_profile', 'p_allow_tools', p_allow_tools, 100, 200);
  perform lensers.fn_limit_texts('update_tool_profile', 'p_deny_tools', p_deny_tools, 100, 200);
  perform lensers.fn_limit_texts('update_tool_profile', 'p_tool_groups', p_tool_groups, 100, 200);
  perform lensers.fn_limit_json('update_tool_profile', 'p_provider_overrides', p_provider_overrides, 65536, 32);
  perform lensers.fn_limit_texts('update_tool_profile', 'p_http_allow_hosts', p_http_allow_hosts, 100, 200);
  v_row := agents.fn_rpc_profile(c_rpc, null::agents.tool_profiles, p_profile_id);
  if p_name is not null then
    perform agents.fn_rpc_text(c_rpc, 'p_name', p_name, 80);
    perform agents.fn_rpc_profile_name_free(c_rpc, null::agents.tool_profiles, v_row.ai_lenser_id, p_name, p_profile_id);
  end if;
  perform agents.fn_check_tool_profile_args(c_rpc, coalesce(p_allow_tools, v_row.allow_tools),
    coalesce(p_deny_tools, v_row.deny_tools), coalesce(p_tool_groups, v_row.tool_groups), p_provider_overrides);
  if p_http_allow_hosts is not null or p_http_allow_private_network is not null then
    perform agents.fn_check_http_policy_args(c_rpc, coalesce(p_http_allow_hosts, v_row.http_allow_hosts),
      coalesce(p_http_allow_private_network, v_row.http_allow_private_network));
  end if;
  if p_is_default then
    perform agents.fn_profile_clear_default(null::agents.tool_profiles, v_row.ai_lenser_id, p_profile_id);
  end if;
  update agents.tool_profiles p set
    name = coalesce(btrim(p_name), p.name),
    allow_tools = coalesce(p_allow_tools, p.allow_tools),
    deny_tools = coalesce(p_deny_tools, p.deny_tools),
    tool_groups = coalesce(p_tool_groups, p.tool_groups),
    provider_overrides = coalesce(p_provider_overrides, p.provider_overrides),
    requires_approval = coalesce(p_requires_approval, p.requires_approval),
    is_default = coalesce(p_is_default, p.is_default),
    http_allow_hosts = coalesce(p_http_allow_hosts, p.http_allow_hosts),
    http_allow_private_network = coalesce(p_http_allow_private_network, p.http_allow_private_network)
  where p.id = p_profile_id
  returning * into v_row;
  return v_row;
end
$function$;

comment on function public.update_tool_profile(p_profile_id uuid, p_name text, p_allow_tools text[], p_deny_tools text[], p_tool_groups text[], p_provider_overrides jsonb, p_requires_approval boolean, p_is_default boolean, p_http_allow_hosts text[], p_http_allow_private_network boolean) is 'Changes a tool profile; null arguments keep their value (pass an empty array to empty a list).';

revoke all on function public.update_tool_profile(p_profile_id uuid, p_name text, p_allow_tools text[], p_deny_tools text[], p_tool_groups text[], p_provider_overrides jsonb, p_requires_approval boolean, p_is_default boolean, p_http_allow_hosts text[], p_http_allow_private_network boolean) from public;
grant execute on function public.update_tool_profile(p_profile_id uuid, p_name text, p_allow_tools text[], p_deny_tools text[], p_tool_groups text[], p_provider_overrides jsonb, p_requires_approval boolean, p_is_default boolean, p_http_allow_hosts text[], p_http_allow_private_network boolean) to authenticated;

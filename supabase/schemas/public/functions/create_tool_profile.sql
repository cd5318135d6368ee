create or replace function public.create_tool_profile(p_ai_lenser_id uuid, p_name text, p_allow_tools text[] default '{}'::text[], p_deny_tools text[] default '{}'::text[], p_tool_groups text[] default '{}'::text[], p_provider_overrides jsonb default '{}'::jsonb, p_requires_approval boolean default false, p_is_default boolean default false, p_http_allow_hosts text[] default '{}'::text[], p_http_allow_private_network boolean default false)
 returns agents.tool_profiles
 language plpgsql
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'create_tool_profile';
  v_row agents.tool_profiles;
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_text('create_tool_profile', 'p_name', p_name, 200);
  perform lensers.fn_limit_texts('create_tool_profile', 'p_allow_tools', p_allow_tools, 100, 200);
  perform lensers.fn_limit_texts('create_tool_profile', 'p_deny_tools', p_deny_tools, 100, 200);
  perform lensers.fn_limit_texts('create_tool_profile', 'p_tool_groups', p_tool_groups, 100, 200);
  perform lensers.fn_limit_json('create_tool_profile', 'p_provider_overrides', p_provider_overrides, 65536, 32);
  perform lensers.fn_limit_texts('create_tool_profile', 'p_http_allow_hosts', p_http_allow_hosts, 100, 200);
  perform agents.fn_rpc_require_manage(c_rpc, p_ai_lenser_id);
  perform agents.fn_rpc_text(c_rpc, 'p_name', p_name, 80);
  perform agents.fn_rpc_not_null(c_rpc, 'p_allow_tools', p_allow_tools);
  perform agents.fn_rpc_not_null(c_rpc, 'p_deny_tools', p_deny_tools);
  perform agents.fn_rpc_not_null(c_rpc, 'p_tool_groups', p_tool_groups);
  perform agents.fn_rpc_not_null(c_rpc, 'p_provider_overrides', p_provider_overrides);
  perform agents.fn_rpc_not_null(c_rpc, 'p_requires_approval', p_requires_approval);
  perform agents.fn_rpc_not_null(c_rpc, 'p_is_default', p_is_default);
  perform agents.fn_check_tool_profile_args(c_rpc, p_allow_tools, p_deny_tools, p_tool_groups, p_provider_overrides);
  perform agents.fn_check_http_policy_args(c_rpc, p_http_allow_hosts, p_http_allow_private_network);
  perform agents.fn_rpc_profile_name_free(c_rpc, null::agents.tool_profiles, p_ai_lenser_id, p_name, null);
  if p_is_default then
    perform agents.fn_profile_clear_default(null::agents.tool_profiles, p_ai_lenser_id, null);
  end if;
  insert into agents.tool_profiles (ai_lenser_id, name, allow_tools, deny_tools, tool_groups, provider_overrides,
    requires_approval, is_default, http_allow_hosts, http_allow_private_network)
  values (p_ai_lenser_id, btrim(p_name), p_allow_tools, p_deny_tools, p_tool_groups, p_provider_overrides,
    p_requires_approval, p_is_default, p_http_allow_hosts, p_http_allow_private_network)
  returning * into v_row;
  return v_row;
end
$function$;

comment on function public.create_tool_profile(p_ai_lenser_id uuid, p_name text, p_allow_tools text[], p_deny_tools text[], p_tool_groups text[], p_provider_overrides jsonb, p_requires_approval boolean, p_is_default boolean, p_http_allow_hosts text[], p_http_allow_private_network boolean) is 'Creates a tool profile (allowed tools and groups, denied tools, overrides, approval, the hosts its HTTP tools may reach) for an agent the caller manages.';

revoke all on function public.create_tool_profile(p_ai_lenser_id uuid, p_name text, p_allow_tools text[], p_deny_tools text[], p_tool_groups text[], p_provider_overrides jsonb, p_requires_approval boolean, p_is_default boolean, p_http_allow_hosts text[], p_http_allow_private_network boolean) from public;
grant execute on function public.create_tool_profile(p_ai_lenser_id uuid, p_name text, p_allow_tools text[], p_deny_tools text[], p_tool_groups text[], p_provider_overrides jsonb, p_requires_approval boolean, p_is_default boolean, p_http_allow_hosts text[], p_http_allow_private_network boolean) to authenticated;

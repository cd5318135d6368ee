create or replace function public.list_tools(p_tool_group text default NULL::text, p_include_disabled boolean default false)
 returns setof agents.tools_registry
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_text('list_tools', 'p_tool_group', p_tool_group, 200);
  perform agents.fn_rpc_not_null('list_tools', 'p_include_disabled', p_include_disabled);
  return query
    select r.* from agents.tools_registry r
    where (p_tool_group is null or r.tool_group = p_tool_group) and (p_include_disabled or r.enabled)
    order by r.tool_group, r.key;
end
$function$;

comment on function public.list_tools(p_tool_group text, p_include_disabled boolean) is 'The tool catalog by group and key; optionally one group.';

revoke all on function public.list_tools(p_tool_group text, p_include_disabled boolean) from public;
grant execute on function public.list_tools(p_tool_group text, p_include_disabled boolean) to authenticated, service_role;

create or replace function public.update_tool_profile(p_profile_id uuid, p_name text default NULL::text, p_allow_tools text[] default NULL::text[], p_deny_tools text[] default NULL::text[], p_tool_groups text[] default NULL::text[], p_provider_overrides jsonb default NULL::jsonb, p_requires_approval boolean default NULL::boolean, p_is_default boolean default NULL::boolean)
 returns agents.tool_profiles
 language plpgsql
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'update_tool_profile';
  v_row agents.tool_profiles;
begin
  perform agents.fn_rpc_not_null(c_rpc, 'p_profile_id', p_profile_id);
  select p.* into v_row from agents.tool_profiles p where p.id = p_profile_id;
  if not found then
    raise exception '%: no tool profile % that you can see', c_rpc, p_profile_id using errcode = 'P0002';
  end if;
  perform agents.fn_rpc_require_manage(c_rpc, v_row.ai_lenser_id);
  if p_name is not null then
    perform agents.fn_rpc_text(c_rpc, 'p_name', p_name, 80);
    if exists (select 1 from agents.tool_profiles p where p.ai_lenser_id = v_row.ai_lenser_id
               and lower(p.name) = lower(btrim(p_name)) and p.id <> p_profile_id) then
      raise exception '%: p_name "%" is taken by another tool profile of this agent', c_rpc, btrim(p_name) using errcode = '23505';
    end if;
  end if;
  perform agents.fn_check_tool_profile_args(c_rpc, coalesce(p_allow_tools, v_row.allow_tools),
    coalesce(p_deny_tools, v_row.deny_tools), coalesce(p_tool_groups, v_row.tool_groups), p_provider_overrides);
  if p_is_default then
    update agents.tool_profiles p set is_default = false
    where p.ai_lenser_id = v_row.ai_lenser_id and p.is_default and p.id <> p_profile_id;
  end if;
  update agents.tool_profiles p set
    name = coalesce(btrim(p_name), p.name),
    allow_tools = coalesce(p_allow_tools, p.allow_tools),
    deny_tools = coalesce(p_deny_tools, p.deny_tools),
    tool_groups = coalesce(p_tool_groups, p.tool_groups),
    provider_overrides = coalesce(p_provider_overrides, p.provider_overrides),
    requires_approval = coalesce(p_requires_approval, p.requires_approval),
    is_default = coalesce(p_is_default, p.is_default)
  where p.id = p_profile_id
  returning * into v_row;
  return v_row;
end
$function$;

comment on function public.update_tool_profile(p_profile_id uuid, p_name text, p_allow_tools text[], p_deny_tools text[], p_tool_groups text[], p_provider_overrides jsonb, p_requires_approval boolean, p_is_default boolean) is 'Changes a tool profile; null arguments keep their value (pass an empty array to empty a list).';

revoke all on function public.update_tool_profile(p_profile_id uuid, p_name text, p_allow_tools text[], p_deny_tools text[], p_tool_groups text[], p_provider_overrides jsonb, p_requires_approval boolean, p_is_default boolean) from public;
grant execute on function public.update_tool_profile(p_profile_id uuid, p_name text, p_allow_tools text[], p_deny_tools text[], p_tool_groups text[], p_provider_overrides jsonb, p_requires_approval boolean, p_is_default boolean) to authenticated;

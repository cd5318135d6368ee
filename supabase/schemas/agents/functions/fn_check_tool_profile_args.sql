-- Tool profile arguments: known tool keys and groups, disjoint allow and deny lists, overrides shape.
create or replace function agents.fn_check_tool_profile_args(p_rpc text, p_allow_tools text[], p_deny_tools text[], p_tool_groups text[], p_provider_overrides jsonb)
 returns void
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_unknown text;
  v_errors text[];
begin
  if array_position(p_allow_tools, null) is not null then
    raise exception '%: p_allow_tools must not contain nulls (element % is null)', p_rpc,
      array_position(p_allow_tools, null) using errcode = '22023';
  end if;
  if array_position(p_deny_tools, null) is not null then
    raise exception '%: p_deny_tools must not contain nulls (element % is null)', p_rpc,
      array_position(p_deny_tools, null) using errcode = '22023';
  end if;
  if array_position(p_tool_groups, null) is not null then
    raise exception '%: p_tool_groups must not contain nulls (element % is null)', p_rpc,
      array_position(p_tool_groups, null) using errcode = '22023';
  end if;
  select string_agg(distinct t, ', ') into v_unknown
  from unnest(p_allow_tools) t where not exists (select 1 from agents.tools_registry r where r.key = t);
  if v_unknown is not null then
    raise exception '%: p_allow_tools names unknown tools: %', p_rpc, v_unknown using errcode = '22023';
  end if;
  select string_agg(distinct t, ', ') into v_unknown
  from unnest(p_deny_tools) t where not exists (select 1 from agents.tools_registry r where r.key = t);
  if v_unknown is not null then
    raise exception '%: p_deny_tools names unknown tools: %', p_rpc, v_unknown using errcode = '22023';
  end if;
  select string_agg(distinct g, ', ') into v_unknown
  from unnest(p_tool_groups) g where not exists (select 1 from agents.tools_registry r where r.tool_group = g);
  if v_unknown is not null then
    raise exception '%: p_tool_groups names unknown groups: %', p_rpc, v_unknown using errcode = '22023';
  end if;
  select string_agg(distinct t, ', ') into v_unknown from unnest(p_allow_tools) t where t = any (p_deny_tools);
  if v_unknown is not null then
    raise exception '%: tools both allowed and denied: %', p_rpc, v_unknown using errcode = '22023';
  end if;
  if p_provider_overrides is not null then
    v_errors := agents.fn_tool_provider_overrides_errors(p_provider_overrides);
    if cardinality(v_errors) > 0 then
      raise exception '%: p_provider_overrides is invalid: %', p_rpc, array_to_string(v_errors, '; ') using errcode = '22023';
    end if;
    select string_agg(k, ', ') into v_unknown
    from jsonb_object_keys(p_provider_overrides) k where not exists (select 1 from agents.tools_registry r where r.key = k);
    if v_unknown is not null then
      raise exception '%: p_provider_overrides names unknown tools: %', p_rpc, v_unknown using errcode = '22023';
    end if;
  end if;
end
$function$;

revoke all on function agents.fn_check_tool_profile_args(p_rpc text, p_allow_tools text[], p_deny_tools text[], p_tool_groups text[], p_provider_overrides jsonb) from public;
grant execute on function agents.fn_check_tool_profile_args(p_rpc text, p_allow_tools text[], p_deny_tools text[], p_tool_groups text[], p_provider_overrides jsonb) to authenticated, service_role;

-- The RPC surface for the four profile kinds: create, update, list, delete and set_default each.
-- SECURITY INVOKER: RLS on the profile tables lets owners and co-owners write and operators read;
-- each RPC also checks its caller first so that a refusal is a clear 42501, not an empty result.
-- Arguments left null in an update keep their value; a default moves (the old one is cleared first).

-- ---------------------------------------------------------------- personality profiles

create function public.create_personality_profile(
  p_ai_lenser_id uuid,
  p_name text,
  p_tone agents.personality_tone default 'neutral',
  p_expertise_level agents.expertise_level default 'intermediate',
  p_risk_tolerance agents.risk_tolerance default 'low',
  p_autonomy_level agents.autonomy_level default 'supervised',
  p_communication_style agents.communication_style default 'concise',
  p_decision_style agents.decision_style default 'balanced',
  p_escalation_behavior agents.escalation_behavior default 'on_uncertainty',
  p_system_prompt_patch text default null,
  p_is_default boolean default false
) returns agents.personality_profiles
language plpgsql
volatile
set search_path = ''
as $$
declare
  c_rpc constant text := 'create_personality_profile';
  v_row agents.personality_profiles;
begin
  perform agents.fn_rpc_require_manage(c_rpc, p_ai_lenser_id);
  perform agents.fn_rpc_text(c_rpc, 'p_name', p_name, 80);
  perform agents.fn_rpc_not_null(c_rpc, 'p_tone', p_tone);
  perform agents.fn_rpc_not_null(c_rpc, 'p_expertise_level', p_expertise_level);
  perform agents.fn_rpc_not_null(c_rpc, 'p_risk_tolerance', p_risk_tolerance);
  perform agents.fn_rpc_not_null(c_rpc, 'p_autonomy_level', p_autonomy_level);
  perform agents.fn_rpc_not_null(c_rpc, 'p_communication_style', p_communication_style);
  perform agents.fn_rpc_not_null(c_rpc, 'p_decision_style', p_decision_style);
  perform agents.fn_rpc_not_null(c_rpc, 'p_escalation_behavior', p_escalation_behavior);
  perform agents.fn_rpc_not_null(c_rpc, 'p_is_default', p_is_default);
  if p_system_prompt_patch is not null then
    perform agents.fn_rpc_text(c_rpc, 'p_system_prompt_patch', p_system_prompt_patch, 8000);
  end if;
  if exists (select 1 from agents.personality_profiles p where p.ai_lenser_id = p_ai_lenser_id and lower(p.name) = lower(btrim(p_name))) then
    raise exception '%: p_name "%" is taken by another personality profile of this agent', c_rpc, btrim(p_name) using errcode = '23505';
  end if;
  if p_is_default then
    update agents.personality_profiles p set is_default = false where p.ai_lenser_id = p_ai_lenser_id and p.is_default;
  end if;
  insert into agents.personality_profiles (ai_lenser_id, name, tone, expertise_level, risk_tolerance, autonomy_level,
    communication_style, decision_style, escalation_behavior, system_prompt_patch, is_default)
  values (p_ai_lenser_id, btrim(p_name), p_tone, p_expertise_level, p_risk_tolerance, p_autonomy_level,
    p_communication_style, p_decision_style, p_escalation_behavior, btrim(p_system_prompt_patch), p_is_default)
  returning * into v_row;
  return v_row;
end
$$;
comment on function public.create_personality_profile(uuid, text, agents.personality_tone, agents.expertise_level,
  agents.risk_tolerance, agents.autonomy_level, agents.communication_style, agents.decision_style,
  agents.escalation_behavior, text, boolean) is 'Creates a personality profile for an agent the caller owns or co-owns.';

create function public.update_personality_profile(
  p_profile_id uuid,
  p_name text default null,
  p_tone agents.personality_tone default null,
  p_expertise_level agents.expertise_level default null,
  p_risk_tolerance agents.risk_tolerance default null,
  p_autonomy_level agents.autonomy_level default null,
  p_communication_style agents.communication_style default null,
  p_decision_style agents.decision_style default null,
  p_escalation_behavior agents.escalation_behavior default null,
  p_system_prompt_patch text default null,
  p_clear_system_prompt_patch boolean default false,
  p_is_default boolean default null
) returns agents.personality_profiles
language plpgsql
volatile
set search_path = ''
as $$
declare
  c_rpc constant text := 'update_personality_profile';
  v_row agents.personality_profiles;
begin
  perform agents.fn_rpc_not_null(c_rpc, 'p_profile_id', p_profile_id);
  select p.* into v_row from agents.personality_profiles p where p.id = p_profile_id;
  if not found then
    raise exception '%: no personality profile % that you can see', c_rpc, p_profile_id using errcode = 'P0002';
  end if;
  perform agents.fn_rpc_require_manage(c_rpc, v_row.ai_lenser_id);
  if p_name is not null then
    perform agents.fn_rpc_text(c_rpc, 'p_name', p_name, 80);
    if exists (select 1 from agents.personality_profiles p where p.ai_lenser_id = v_row.ai_lenser_id
               and lower(p.name) = lower(btrim(p_name)) and p.id <> p_profile_id) then
      raise exception '%: p_name "%" is taken by another personality profile of this agent', c_rpc, btrim(p_name) using errcode = '23505';
    end if;
  end if;
  perform agents.fn_rpc_not_null(c_rpc, 'p_clear_system_prompt_patch', p_clear_system_prompt_patch);
  if p_system_prompt_patch is not null then
    if p_clear_system_prompt_patch then
      raise exception '%: give p_system_prompt_patch or p_clear_system_prompt_patch, not both', c_rpc using errcode = '22023';
    end if;
    perform agents.fn_rpc_text(c_rpc, 'p_system_prompt_patch', p_system_prompt_patch, 8000);
  end if;
  if p_is_default then
    update agents.personality_profiles p set is_default = false
    where p.ai_lenser_id = v_row.ai_lenser_id and p.is_default and p.id <> p_profile_id;
  end if;
  update agents.personality_profiles p set
    name = coalesce(btrim(p_name), p.name),
    tone = coalesce(p_tone, p.tone),
    expertise_level = coalesce(p_expertise_level, p.expertise_level),
    risk_tolerance = coalesce(p_risk_tolerance, p.risk_tolerance),
    autonomy_level = coalesce(p_autonomy_level, p.autonomy_level),
    communication_style = coalesce(p_communication_style, p.communication_style),
    decision_style = coalesce(p_decision_style, p.decision_style),
    escalation_behavior = coalesce(p_escalation_behavior, p.escalation_behavior),
    system_prompt_patch = case when p_clear_system_prompt_patch then null else coalesce(btrim(p_system_prompt_patch), p.system_prompt_patch) end,
    is_default = coalesce(p_is_default, p.is_default)
  where p.id = p_profile_id
  returning * into v_row;
  return v_row;
end
$$;
comment on function public.update_personality_profile(uuid, text, agents.personality_tone, agents.expertise_level,
  agents.risk_tolerance, agents.autonomy_level, agents.communication_style, agents.decision_style,
  agents.escalation_behavior, text, boolean, boolean) is
  'Changes a personality profile; null arguments keep their value, p_clear_system_prompt_patch removes the patch.';

create function public.list_personality_profiles(p_ai_lenser_id uuid, p_limit integer default 50, p_offset integer default 0)
returns setof agents.personality_profiles
language plpgsql
stable
set search_path = ''
as $$
begin
  perform agents.fn_rpc_require_operate('list_personality_profiles', p_ai_lenser_id);
  perform lensers.fn_rpc_page('list_personality_profiles', p_limit, p_offset);
  return query
    select p.* from agents.personality_profiles p
    where p.ai_lenser_id = p_ai_lenser_id
    order by p.is_default desc, lower(p.name), p.id
    limit p_limit offset p_offset;
end
$$;
comment on function public.list_personality_profiles(uuid, integer, integer) is
  'An agent''s personality profiles, the default first, then by name.';

create function public.set_default_personality_profile(p_profile_id uuid) returns agents.personality_profiles
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_agent uuid;
begin
  perform agents.fn_rpc_not_null('set_default_personality_profile', 'p_profile_id', p_profile_id);
  select p.ai_lenser_id into v_agent from agents.personality_profiles p where p.id = p_profile_id;
  if not found then
    raise exception 'set_default_personality_profile: no personality profile % that you can see', p_profile_id using errcode = 'P0002';
  end if;
  perform agents.fn_rpc_require_manage('set_default_personality_profile', v_agent);
  return public.update_personality_profile(p_profile_id => p_profile_id, p_is_default => true);
end
$$;
comment on function public.set_default_personality_profile(uuid) is
  'Makes a personality profile its agent''s default (the previous default stops being one).';

create function public.delete_personality_profile(p_profile_id uuid) returns agents.personality_profiles
language plpgsql
volatile
set search_path = ''
as $$
declare
  c_rpc constant text := 'delete_personality_profile';
  v_row agents.personality_profiles;
begin
  perform agents.fn_rpc_not_null(c_rpc, 'p_profile_id', p_profile_id);
  select p.* into v_row from agents.personality_profiles p where p.id = p_profile_id;
  if not found then
    raise exception '%: no personality profile % that you can see', c_rpc, p_profile_id using errcode = 'P0002';
  end if;
  perform agents.fn_rpc_require_manage(c_rpc, v_row.ai_lenser_id);
  begin
    delete from agents.personality_profiles p where p.id = p_profile_id;
  exception when foreign_key_violation then
    raise exception '%: personality profile % is used by team members; change them first', c_rpc, p_profile_id
      using errcode = 'P0001';
  end;
  return v_row;
end
$$;
comment on function public.delete_personality_profile(uuid) is
  'Deletes a personality profile that no team member uses; returns the deleted row.';

-- ---------------------------------------------------------------- memory profiles

create function public.create_memory_profile(
  p_ai_lenser_id uuid,
  p_name text,
  p_scope_type agents.memory_scope default 'agent',
  p_isolation_mode agents.memory_isolation_mode default 'isolated',
  p_retention_days integer default null,
  p_visibility agents.memory_visibility default 'operators',
  p_summary_strategy agents.memory_summary_strategy default 'none',
  p_reset_policy agents.memory_reset_policy default 'never',
  p_is_default boolean default false
) returns agents.memory_profiles
language plpgsql
volatile
set search_path = ''
as $$
declare
  c_rpc constant text := 'create_memory_profile';
  v_row agents.memory_profiles;
begin
  perform agents.fn_rpc_require_manage(c_rpc, p_ai_lenser_id);
  perform agents.fn_rpc_text(c_rpc, 'p_name', p_name, 80);
  perform agents.fn_rpc_not_null(c_rpc, 'p_scope_type', p_scope_type);
  perform agents.fn_rpc_not_null(c_rpc, 'p_isolation_mode', p_isolation_mode);
  perform agents.fn_rpc_not_null(c_rpc, 'p_visibility', p_visibility);
  perform agents.fn_rpc_not_null(c_rpc, 'p_summary_strategy', p_summary_strategy);
  perform agents.fn_rpc_not_null(c_rpc, 'p_reset_policy', p_reset_policy);
  perform agents.fn_rpc_not_null(c_rpc, 'p_is_default', p_is_default);
  if p_retention_days is not null and p_retention_days not between 1 and 3650 then
    raise exception '%: p_retention_days must be between 1 and 3650 (or null to keep entries), got %', c_rpc, p_retention_days
      using errcode = '22023';
  end if;
  if exists (select 1 from agents.memory_profiles p where p.ai_lenser_id = p_ai_lenser_id and lower(p.name) = lower(btrim(p_name))) then
    raise exception '%: p_name "%" is taken by another memory profile of this agent', c_rpc, btrim(p_name) using errcode = '23505';
  end if;
  if p_is_default then
    update agents.memory_profiles p set is_default = false where p.ai_lenser_id = p_ai_lenser_id and p.is_default;
  end if;
  insert into agents.memory_profiles (ai_lenser_id, name, scope_type, isolation_mode, retention_days, visibility,
    summary_strategy, reset_policy, is_default)
  values (p_ai_lenser_id, btrim(p_name), p_scope_type, p_isolation_mode, p_retention_days, p_visibility,
    p_summary_strategy, p_reset_policy, p_is_default)
  returning * into v_row;
  return v_row;
end
$$;
comment on function public.create_memory_profile(uuid, text, agents.memory_scope, agents.memory_isolation_mode, integer,
  agents.memory_visibility, agents.memory_summary_strategy, agents.memory_reset_policy, boolean) is
  'Creates a memory profile for an agent the caller owns or co-owns.';

create function public.update_memory_profile(
  p_profile_id uuid,
  p_name text default null,
  p_scope_type agents.memory_scope default null,
  p_isolation_mode agents.memory_isolation_mode default null,
  p_retention_days integer default null,
  p_keep_forever boolean default false,
  p_visibility agents.memory_visibility default null,
  p_summary_strategy agents.memory_summary_strategy default null,
  p_reset_policy agents.memory_reset_policy default null,
  p_is_default boolean default null
) returns agents.memory_profiles
language plpgsql
volatile
set search_path = ''
as $$
declare
  c_rpc constant text := 'update_memory_profile';
  v_row agents.memory_profiles;
begin
  perform agents.fn_rpc_not_null(c_rpc, 'p_profile_id', p_profile_id);
  select p.* into v_row from agents.memory_profiles p where p.id = p_profile_id;
  if not found then
    raise exception '%: no memory profile % that you can see', c_rpc, p_profile_id using errcode = 'P0002';
  end if;
  perform agents.fn_rpc_require_manage(c_rpc, v_row.ai_lenser_id);
  if p_name is not null then
    perform agents.fn_rpc_text(c_rpc, 'p_name', p_name, 80);
    if exists (select 1 from agents.memory_profiles p where p.ai_lenser_id = v_row.ai_lenser_id
               and lower(p.name) = lower(btrim(p_name)) and p.id <> p_profile_id) then
      raise exception '%: p_name "%" is taken by another memory profile of this agent', c_rpc, btrim(p_name) using errcode = '23505';
    end if;
  end if;
  perform agents.fn_rpc_not_null(c_rpc, 'p_keep_forever', p_keep_forever);
  if p_retention_days is not null then
    if p_keep_forever then
      raise exception '%: give p_retention_days or p_keep_forever, not both', c_rpc using errcode = '22023';
    end if;
    if p_retention_days not between 1 and 3650 then
      raise exception '%: p_retention_days must be between 1 and 3650, got %', c_rpc, p_retention_days using errcode = '22023';
    end if;
  end if;
  if p_is_default then
    update agents.memory_profiles p set is_default = false
    where p.ai_lenser_id = v_row.ai_lenser_id and p.is_default and p.id <> p_profile_id;
  end if;
  update agents.memory_profiles p set
    name = coalesce(btrim(p_name), p.name),
    scope_type = coalesce(p_scope_type, p.scope_type),
    isolation_mode = coalesce(p_isolation_mode, p.isolation_mode),
    retention_days = case when p_keep_forever then null else coalesce(p_retention_days, p.retention_days) end,
    visibility = coalesce(p_visibility, p.visibility),
    summary_strategy = coalesce(p_summary_strategy, p.summary_strategy),
    reset_policy = coalesce(p_reset_policy, p.reset_policy),
    is_default = coalesce(p_is_default, p.is_default)
  where p.id = p_profile_id
  returning * into v_row;
  return v_row;
end
$$;
comment on function public.update_memory_profile(uuid, text, agents.memory_scope, agents.memory_isolation_mode, integer,
  boolean, agents.memory_visibility, agents.memory_summary_strategy, agents.memory_reset_policy, boolean) is
  'Changes a memory profile; null arguments keep their value, p_keep_forever removes the retention limit.';

create function public.list_memory_profiles(p_ai_lenser_id uuid, p_limit integer default 50, p_offset integer default 0)
returns setof agents.memory_profiles
language plpgsql
stable
set search_path = ''
as $$
begin
  perform agents.fn_rpc_require_operate('list_memory_profiles', p_ai_lenser_id);
  perform lensers.fn_rpc_page('list_memory_profiles', p_limit, p_offset);
  return query
    select p.* from agents.memory_profiles p
    where p.ai_lenser_id = p_ai_lenser_id
    order by p.is_default desc, lower(p.name), p.id
    limit p_limit offset p_offset;
end
$$;
comment on function public.list_memory_profiles(uuid, integer, integer) is 'An agent''s memory profiles, the default first, then by name.';

create function public.set_default_memory_profile(p_profile_id uuid) returns agents.memory_profiles
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_agent uuid;
begin
  perform agents.fn_rpc_not_null('set_default_memory_profile', 'p_profile_id', p_profile_id);
  select p.ai_lenser_id into v_agent from agents.memory_profiles p where p.id = p_profile_id;
  if not found then
    raise exception 'set_default_memory_profile: no memory profile % that you can see', p_profile_id using errcode = 'P0002';
  end if;
  perform agents.fn_rpc_require_manage('set_default_memory_profile', v_agent);
  return public.update_memory_profile(p_profile_id => p_profile_id, p_is_default => true);
end
$$;
comment on function public.set_default_memory_profile(uuid) is
  'Makes a memory profile its agent''s default (the previous default stops being one).';

create function public.delete_memory_profile(p_profile_id uuid) returns agents.memory_profiles
language plpgsql
volatile
set search_path = ''
as $$
declare
  c_rpc constant text := 'delete_memory_profile';
  v_row agents.memory_profiles;
begin
  perform agents.fn_rpc_not_null(c_rpc, 'p_profile_id', p_profile_id);
  select p.* into v_row from agents.memory_profiles p where p.id = p_profile_id;
  if not found then
    raise exception '%: no memory profile % that you can see', c_rpc, p_profile_id using errcode = 'P0002';
  end if;
  perform agents.fn_rpc_require_manage(c_rpc, v_row.ai_lenser_id);
  begin
    delete from agents.memory_profiles p where p.id = p_profile_id;
  exception when foreign_key_violation then
    raise exception '%: memory profile % is used by team members; change them first', c_rpc, p_profile_id
      using errcode = 'P0001';
  end;
  return v_row;
end
$$;
comment on function public.delete_memory_profile(uuid) is
  'Deletes a memory profile that no team member uses, and its memory entries with it; returns the deleted row.';

-- ---------------------------------------------------------------- tool profiles

-- Tool profile arguments: known tool keys and groups, disjoint allow and deny lists, overrides shape.
create function agents.fn_check_tool_profile_args(
  p_rpc text, p_allow_tools text[], p_deny_tools text[], p_tool_groups text[], p_provider_overrides jsonb
) returns void
language plpgsql
stable
set search_path = ''
as $$
declare
  v_unknown text;
  v_errors text[];
begin
  if array_position(p_allow_tools, null) is not null or array_position(p_deny_tools, null) is not null
     or array_position(p_tool_groups, null) is not null then
    raise exception '%: tool lists must not contain nulls', p_rpc using errcode = '22023';
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
$$;
revoke execute on function agents.fn_check_tool_profile_args(text, text[], text[], text[], jsonb) from public;
grant execute on function agents.fn_check_tool_profile_args(text, text[], text[], text[], jsonb) to authenticated, service_role;

create function public.create_tool_profile(
  p_ai_lenser_id uuid,
  p_name text,
  p_allow_tools text[] default '{}',
  p_deny_tools text[] default '{}',
  p_tool_groups text[] default '{}',
  p_provider_overrides jsonb default '{}',
  p_requires_approval boolean default false,
  p_is_default boolean default false
) returns agents.tool_profiles
language plpgsql
volatile
set search_path = ''
as $$
declare
  c_rpc constant text := 'create_tool_profile';
  v_row agents.tool_profiles;
begin
  perform agents.fn_rpc_require_manage(c_rpc, p_ai_lenser_id);
  perform agents.fn_rpc_text(c_rpc, 'p_name', p_name, 80);
  perform agents.fn_rpc_not_null(c_rpc, 'p_allow_tools', p_allow_tools);
  perform agents.fn_rpc_not_null(c_rpc, 'p_deny_tools', p_deny_tools);
  perform agents.fn_rpc_not_null(c_rpc, 'p_tool_groups', p_tool_groups);
  perform agents.fn_rpc_not_null(c_rpc, 'p_provider_overrides', p_provider_overrides);
  perform agents.fn_rpc_not_null(c_rpc, 'p_requires_approval', p_requires_approval);
  perform agents.fn_rpc_not_null(c_rpc, 'p_is_default', p_is_default);
  perform agents.fn_check_tool_profile_args(c_rpc, p_allow_tools, p_deny_tools, p_tool_groups, p_provider_overrides);
  if exists (select 1 from agents.tool_profiles p where p.ai_lenser_id = p_ai_lenser_id and lower(p.name) = lower(btrim(p_name))) then
    raise exception '%: p_name "%" is taken by another tool profile of this agent', c_rpc, btrim(p_name) using errcode = '23505';
  end if;
  if p_is_default then
    update agents.tool_profiles p set is_default = false where p.ai_lenser_id = p_ai_lenser_id and p.is_default;
  end if;
  insert into agents.tool_profiles (ai_lenser_id, name, allow_tools, deny_tools, tool_groups, provider_overrides,
    requires_approval, is_default)
  values (p_ai_lenser_id, btrim(p_name), p_allow_tools, p_deny_tools, p_tool_groups, p_provider_overrides,
    p_requires_approval, p_is_default)
  returning * into v_row;
  return v_row;
end
$$;
comment on function public.create_tool_profile(uuid, text, text[], text[], text[], jsonb, boolean, boolean) is
  'Creates a tool profile (allowed tools and groups, denied tools, overrides, approval) for an agent the caller manages.';

create function public.update_tool_profile(
  p_profile_id uuid,
  p_name text default null,
  p_allow_tools text[] default null,
  p_deny_tools text[] default null,
  p_tool_groups text[] default null,
  p_provider_overrides jsonb default null,
  p_requires_approval boolean default null,
  p_is_default boolean default null
) returns agents.tool_profiles
language plpgsql
volatile
set search_path = ''
as $$
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
$$;
comment on function public.update_tool_profile(uuid, text, text[], text[], text[], jsonb, boolean, boolean) is
  'Changes a tool profile; null arguments keep their value (pass an empty array to empty a list).';

create function public.list_tool_profiles(p_ai_lenser_id uuid, p_limit integer default 50, p_offset integer default 0)
returns setof agents.tool_profiles
language plpgsql
stable
set search_path = ''
as $$
begin
  perform agents.fn_rpc_require_operate('list_tool_profiles', p_ai_lenser_id);
  perform lensers.fn_rpc_page('list_tool_profiles', p_limit, p_offset);
  return query
    select p.* from agents.tool_profiles p
    where p.ai_lenser_id = p_ai_lenser_id
    order by p.is_default desc, lower(p.name), p.id
    limit p_limit offset p_offset;
end
$$;
comment on function public.list_tool_profiles(uuid, integer, integer) is 'An agent''s tool profiles, the default first, then by name.';

create function public.set_default_tool_profile(p_profile_id uuid) returns agents.tool_profiles
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_agent uuid;
begin
  perform agents.fn_rpc_not_null('set_default_tool_profile', 'p_profile_id', p_profile_id);
  select p.ai_lenser_id into v_agent from agents.tool_profiles p where p.id = p_profile_id;
  if not found then
    raise exception 'set_default_tool_profile: no tool profile % that you can see', p_profile_id using errcode = 'P0002';
  end if;
  perform agents.fn_rpc_require_manage('set_default_tool_profile', v_agent);
  return public.update_tool_profile(p_profile_id => p_profile_id, p_is_default => true);
end
$$;
comment on function public.set_default_tool_profile(uuid) is
  'Makes a tool profile its agent''s default (the previous default stops being one).';

create function public.delete_tool_profile(p_profile_id uuid) returns agents.tool_profiles
language plpgsql
volatile
set search_path = ''
as $$
declare
  c_rpc constant text := 'delete_tool_profile';
  v_row agents.tool_profiles;
begin
  perform agents.fn_rpc_not_null(c_rpc, 'p_profile_id', p_profile_id);
  select p.* into v_row from agents.tool_profiles p where p.id = p_profile_id;
  if not found then
    raise exception '%: no tool profile % that you can see', c_rpc, p_profile_id using errcode = 'P0002';
  end if;
  perform agents.fn_rpc_require_manage(c_rpc, v_row.ai_lenser_id);
  begin
    delete from agents.tool_profiles p where p.id = p_profile_id;
  exception when foreign_key_violation then
    raise exception '%: tool profile % is used by team members; change them first', c_rpc, p_profile_id
      using errcode = 'P0001';
  end;
  return v_row;
end
$$;
comment on function public.delete_tool_profile(uuid) is
  'Deletes a tool profile that no team member uses (past invocations keep their record); returns the deleted row.';

-- ---------------------------------------------------------------- model profiles

-- Model profile arguments: a callable chat model, params of the right shape that fit the model.
create function agents.fn_check_model_profile_args(p_rpc text, p_model_id uuid, p_params jsonb) returns void
language plpgsql
stable
set search_path = ''
as $$
declare
  v_model record;
  v_errors text[];
begin
  select m.model_key, m.status, m.support_level, m.capability_tags, m.max_output_tokens into v_model
  from ai.models m where m.id = p_model_id;
  if not found then
    raise exception '%: p_model_id % is not a model of the catalog', p_rpc, p_model_id using errcode = '22023';
  end if;
  if v_model.status = 'retired' or v_model.support_level = 'catalog_only' then
    raise exception '%: p_model_id names % which cannot be called (status %, support level %)', p_rpc, v_model.model_key,
      v_model.status, v_model.support_level using errcode = '22023';
  end if;
  if not ('chat' = any (v_model.capability_tags)) then
    raise exception '%: p_model_id names % which is not a chat model', p_rpc, v_model.model_key using errcode = '22023';
  end if;
  v_errors := agents.fn_model_params_errors(p_params);
  if cardinality(v_errors) > 0 then
    raise exception '%: p_params is invalid: %', p_rpc, array_to_string(v_errors, '; ') using errcode = '22023';
  end if;
  if p_params ? 'maxOutputTokens' and v_model.max_output_tokens is not null
     and agents.fn_json_number(p_params -> 'maxOutputTokens') > v_model.max_output_tokens then
    raise exception '%: p_params.maxOutputTokens % exceeds the limit of % (%)', p_rpc, p_params ->> 'maxOutputTokens',
      v_model.model_key, v_model.max_output_tokens using errcode = '22023';
  end if;
end
$$;
revoke execute on function agents.fn_check_model_profile_args(text, uuid, jsonb) from public;
grant execute on function agents.fn_check_model_profile_args(text, uuid, jsonb) to authenticated, service_role;

create function public.create_model_profile(
  p_ai_lenser_id uuid,
  p_name text,
  p_model_id uuid,
  p_params jsonb default '{}',
  p_is_default boolean default false
) returns agents.model_profiles
language plpgsql
volatile
set search_path = ''
as $$
declare
  c_rpc constant text := 'create_model_profile';
  v_row agents.model_profiles;
begin
  perform agents.fn_rpc_require_manage(c_rpc, p_ai_lenser_id);
  perform agents.fn_rpc_text(c_rpc, 'p_name', p_name, 80);
  perform agents.fn_rpc_not_null(c_rpc, 'p_model_id', p_model_id);
  perform agents.fn_rpc_not_null(c_rpc, 'p_params', p_params);
  perform agents.fn_rpc_not_null(c_rpc, 'p_is_default', p_is_default);
  perform agents.fn_check_model_profile_args(c_rpc, p_model_id, p_params);
  if exists (select 1 from agents.model_profiles p where p.ai_lenser_id = p_ai_lenser_id and lower(p.name) = lower(btrim(p_name))) then
    raise exception '%: p_name "%" is taken by another model profile of this agent', c_rpc, btrim(p_name) using errcode = '23505';
  end if;
  if p_is_default then
    update agents.model_profiles p set is_default = false where p.ai_lenser_id = p_ai_lenser_id and p.is_default;
  end if;
  -- provider_key, model_key and support_level are copied from the model by a trigger.
  insert into agents.model_profiles (ai_lenser_id, name, model_id, params, is_default)
  values (p_ai_lenser_id, btrim(p_name), p_model_id, p_params, p_is_default)
  returning * into v_row;
  return v_row;
end
$$;
comment on function public.create_model_profile(uuid, text, uuid, jsonb, boolean) is
  'Creates a model profile (a callable chat model and its params) for an agent the caller owns or co-owns.';

create function public.update_model_profile(
  p_profile_id uuid,
  p_name text default null,
  p_model_id uuid default null,
  p_params jsonb default null,
  p_is_default boolean default null
) returns agents.model_profiles
language plpgsql
volatile
set search_path = ''
as $$
declare
  c_rpc constant text := 'update_model_profile';
  v_row agents.model_profiles;
begin
  perform agents.fn_rpc_not_null(c_rpc, 'p_profile_id', p_profile_id);
  select p.* into v_row from agents.model_profiles p where p.id = p_profile_id;
  if not found then
    raise exception '%: no model profile % that you can see', c_rpc, p_profile_id using errcode = 'P0002';
  end if;
  perform agents.fn_rpc_require_manage(c_rpc, v_row.ai_lenser_id);
  if p_name is not null then
    perform agents.fn_rpc_text(c_rpc, 'p_name', p_name, 80);
    if exists (select 1 from agents.model_profiles p where p.ai_lenser_id = v_row.ai_lenser_id
               and lower(p.name) = lower(btrim(p_name)) and p.id <> p_profile_id) then
      raise exception '%: p_name "%" is taken by another model profile of this agent', c_rpc, btrim(p_name) using errcode = '23505';
    end if;
  end if;
  if p_model_id is not null and p_model_id <> v_row.model_id then
    perform agents.fn_check_model_profile_args(c_rpc, p_model_id, coalesce(p_params, v_row.params));
  elsif p_params is not null then
    perform agents.fn_check_model_profile_args(c_rpc, v_row.model_id, p_params);
  end if;
  if p_is_default then
    update agents.model_profiles p set is_default = false
    where p.ai_lenser_id = v_row.ai_lenser_id and p.is_default and p.id <> p_profile_id;
  end if;
  update agents.model_profiles p set
    name = coalesce(btrim(p_name), p.name),
    model_id = coalesce(p_model_id, p.model_id),
    params = coalesce(p_params, p.params),
    is_default = coalesce(p_is_default, p.is_default)
  where p.id = p_profile_id
  returning * into v_row;
  return v_row;
end
$$;
comment on function public.update_model_profile(uuid, text, uuid, jsonb, boolean) is
  'Changes a model profile; null arguments keep their value. A new model refreshes the provider and model copies.';

create function public.list_model_profiles(p_ai_lenser_id uuid, p_limit integer default 50, p_offset integer default 0)
returns setof agents.model_profiles
language plpgsql
stable
set search_path = ''
as $$
begin
  perform agents.fn_rpc_require_operate('list_model_profiles', p_ai_lenser_id);
  perform lensers.fn_rpc_page('list_model_profiles', p_limit, p_offset);
  return query
    select p.* from agents.model_profiles p
    where p.ai_lenser_id = p_ai_lenser_id
    order by p.is_default desc, lower(p.name), p.id
    limit p_limit offset p_offset;
end
$$;
comment on function public.list_model_profiles(uuid, integer, integer) is 'An agent''s model profiles, the default first, then by name.';

create function public.set_default_model_profile(p_profile_id uuid) returns agents.model_profiles
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_agent uuid;
begin
  perform agents.fn_rpc_not_null('set_default_model_profile', 'p_profile_id', p_profile_id);
  select p.ai_lenser_id into v_agent from agents.model_profiles p where p.id = p_profile_id;
  if not found then
    raise exception 'set_default_model_profile: no model profile % that you can see', p_profile_id using errcode = 'P0002';
  end if;
  perform agents.fn_rpc_require_manage('set_default_model_profile', v_agent);
  return public.update_model_profile(p_profile_id => p_profile_id, p_is_default => true);
end
$$;
comment on function public.set_default_model_profile(uuid) is
  'Makes a model profile its agent''s default (the previous default stops being one).';

create function public.delete_model_profile(p_profile_id uuid) returns agents.model_profiles
language plpgsql
volatile
set search_path = ''
as $$
declare
  c_rpc constant text := 'delete_model_profile';
  v_row agents.model_profiles;
begin
  perform agents.fn_rpc_not_null(c_rpc, 'p_profile_id', p_profile_id);
  select p.* into v_row from agents.model_profiles p where p.id = p_profile_id;
  if not found then
    raise exception '%: no model profile % that you can see', c_rpc, p_profile_id using errcode = 'P0002';
  end if;
  perform agents.fn_rpc_require_manage(c_rpc, v_row.ai_lenser_id);
  begin
    delete from agents.model_profiles p where p.id = p_profile_id;
  exception when foreign_key_violation then
    raise exception '%: model profile % is used by team members; change them first', c_rpc, p_profile_id
      using errcode = 'P0001';
  end;
  return v_row;
end
$$;
comment on function public.delete_model_profile(uuid) is 'Deletes a model profile that no team member uses; returns the deleted row.';

-- ---------------------------------------------------------------- grants

revoke execute on function
  public.create_personality_profile(uuid, text, agents.personality_tone, agents.expertise_level, agents.risk_tolerance,
    agents.autonomy_level, agents.communication_style, agents.decision_style, agents.escalation_behavior, text, boolean),
  public.update_personality_profile(uuid, text, agents.personality_tone, agents.expertise_level, agents.risk_tolerance,
    agents.autonomy_level, agents.communication_style, agents.decision_style, agents.escalation_behavior, text, boolean, boolean),
  public.list_personality_profiles(uuid, integer, integer),
  public.set_default_personality_profile(uuid),
  public.delete_personality_profile(uuid),
  public.create_memory_profile(uuid, text, agents.memory_scope, agents.memory_isolation_mode, integer,
    agents.memory_visibility, agents.memory_summary_strategy, agents.memory_reset_policy, boolean),
  public.update_memory_profile(uuid, text, agents.memory_scope, agents.memory_isolation_mode, integer, boolean,
    agents.memory_visibility, agents.memory_summary_strategy, agents.memory_reset_policy, boolean),
  public.list_memory_profiles(uuid, integer, integer),
  public.set_default_memory_profile(uuid),
  public.delete_memory_profile(uuid),
  public.create_tool_profile(uuid, text, text[], text[], text[], jsonb, boolean, boolean),
  public.update_tool_profile(uuid, text, text[], text[], text[], jsonb, boolean, boolean),
  public.list_tool_profiles(uuid, integer, integer),
  public.set_default_tool_profile(uuid),
  public.delete_tool_profile(uuid),
  public.create_model_profile(uuid, text, uuid, jsonb, boolean),
  public.update_model_profile(uuid, text, uuid, jsonb, boolean),
  public.list_model_profiles(uuid, integer, integer),
  public.set_default_model_profile(uuid),
  public.delete_model_profile(uuid)
from public;
grant execute on function
  public.create_personality_profile(uuid, text, agents.personality_tone, agents.expertise_level, agents.risk_tolerance,
    agents.autonomy_level, agents.communication_style, agents.decision_style, agents.escalation_behavior, text, boolean),
  public.update_personality_profile(uuid, text, agents.personality_tone, agents.expertise_level, agents.risk_tolerance,
    agents.autonomy_level, agents.communication_style, agents.decision_style, agents.escalation_behavior, text, boolean, boolean),
  public.list_personality_profiles(uuid, integer, integer),
  public.set_default_personality_profile(uuid),
  public.delete_personality_profile(uuid),
  public.create_memory_profile(uuid, text, agents.memory_scope, agents.memory_isolation_mode, integer,
    agents.memory_visibility, agents.memory_summary_strategy, agents.memory_reset_policy, boolean),
  public.update_memory_profile(uuid, text, agents.memory_scope, agents.memory_isolation_mode, integer, boolean,
    agents.memory_visibility, agents.memory_summary_strategy, agents.memory_reset_policy, boolean),
  public.list_memory_profiles(uuid, integer, integer),
  public.set_default_memory_profile(uuid),
  public.delete_memory_profile(uuid),
  public.create_tool_profile(uuid, text, text[], text[], text[], jsonb, boolean, boolean),
  public.update_tool_profile(uuid, text, text[], text[], text[], jsonb, boolean, boolean),
  public.list_tool_profiles(uuid, integer, integer),
  public.set_default_tool_profile(uuid),
  public.delete_tool_profile(uuid),
  public.create_model_profile(uuid, text, uuid, jsonb, boolean),
  public.update_model_profile(uuid, text, uuid, jsonb, boolean),
  public.list_model_profiles(uuid, integer, integer),
  public.set_default_model_profile(uuid),
  public.delete_model_profile(uuid)
to authenticated;

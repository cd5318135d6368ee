-- The four reusable profile kinds an agent runs with: personality, memory, tool and model.
--
-- Ownership: every profile belongs to one AI lenser (ai_lenser_id). It is reusable across that
-- agent's teams and assignments; its owners and co-owners edit it (agents.can_manage_ai_lenser),
-- its operators read it (agents.can_operate_ai_lenser). Each agent has at most one default of each
-- kind (a partial unique index): the profile used where a team member or an invocation names none.
-- The agent is fixed for life (a trigger), so rows that point at (profile, agent) pairs stay true.
--
-- Vocabularies (enums):
--   tone                 neutral | friendly | formal | playful | direct | empathetic
--   expertise_level      novice | intermediate | expert | specialist
--   risk_tolerance       low | medium | high
--   autonomy_level       manual (proposes, a human acts) | supervised (every action approved)
--                        | semi_autonomous (acts, escalates per escalation_behavior) | autonomous
--   communication_style  concise | detailed | structured | conversational
--   decision_style       cautious | balanced | decisive | consensus (seeks the team's agreement)
--   escalation_behavior  never | on_uncertainty | on_risk | always
--   memory scope         agent | team | workflow | run | conversation | contact (what an entry is about)
--   isolation_mode       isolated (only this agent reads the entries)
--                        | team_shared (team runs may hand them to the agent's team mates)
--   visibility           owners (only owners and co-owners read the entries)
--                        | operators (operators read them too); enforced by RLS on agents.memories
--   summary_strategy     none | rolling (summary kept up to date) | periodic | on_threshold
--   reset_policy         never | per_run | per_conversation | daily | weekly
--   retention_days       null keeps entries until redacted; otherwise new entries expire after it

create type agents.personality_tone as enum ('neutral', 'friendly', 'formal', 'playful', 'direct', 'empathetic');
create type agents.expertise_level as enum ('novice', 'intermediate', 'expert', 'specialist');
create type agents.risk_tolerance as enum ('low', 'medium', 'high');
create type agents.autonomy_level as enum ('manual', 'supervised', 'semi_autonomous', 'autonomous');
create type agents.communication_style as enum ('concise', 'detailed', 'structured', 'conversational');
create type agents.decision_style as enum ('cautious', 'balanced', 'decisive', 'consensus');
create type agents.escalation_behavior as enum ('never', 'on_uncertainty', 'on_risk', 'always');
create type agents.memory_scope as enum ('agent', 'team', 'workflow', 'run', 'conversation', 'contact');
create type agents.memory_isolation_mode as enum ('isolated', 'team_shared');
create type agents.memory_visibility as enum ('owners', 'operators');
create type agents.memory_summary_strategy as enum ('none', 'rolling', 'periodic', 'on_threshold');
create type agents.memory_reset_policy as enum ('never', 'per_run', 'per_conversation', 'daily', 'weekly');

-- JSON shapes: the same rules as types/profiles.ts (zod); tests/functions/profiles_test.ts checks
-- that both agree on the same cases. Each returns the list of problems, empty when the value is valid.

-- A JSON number as numeric, or null when the value is not a number.
create function agents.fn_json_number(p_value jsonb) returns numeric
language sql
immutable
set search_path = ''
as $$
  select case when jsonb_typeof(p_value) = 'number' then (p_value #>> '{}')::numeric end
$$;

-- model_profiles.params: sampling and output settings passed to the provider.
--   temperature 0..2, topP (0, 1], maxOutputTokens integer 1..1000000, presencePenalty and
--   frequencyPenalty -2..2, stop up to 4 strings of 1..100 characters, seed integer 0..2147483647,
--   reasoningEffort low|medium|high, responseFormat text|json. No other keys.
create function agents.fn_model_params_errors(p_params jsonb) returns text[]
language plpgsql
immutable
set search_path = ''
as $$
declare
  v_errors text[] := array[]::text[];
  v_key text;
  v_num numeric;
  v_item jsonb;
begin
  if p_params is null or jsonb_typeof(p_params) <> 'object' then
    return array['params must be a JSON object'];
  end if;
  for v_key in select jsonb_object_keys(p_params) loop
    if v_key not in ('temperature', 'topP', 'maxOutputTokens', 'presencePenalty', 'frequencyPenalty', 'stop', 'seed',
                     'reasoningEffort', 'responseFormat') then
      v_errors := v_errors || format('params has an unknown key "%s"', v_key);
    end if;
  end loop;
  if p_params ? 'temperature' then
    v_num := agents.fn_json_number(p_params -> 'temperature');
    if v_num is null or v_num < 0 or v_num > 2 then
      v_errors := v_errors || 'temperature must be a number from 0 to 2'::text;
    end if;
  end if;
  if p_params ? 'topP' then
    v_num := agents.fn_json_number(p_params -> 'topP');
    if v_num is null or v_num <= 0 or v_num > 1 then
      v_errors := v_errors || 'topP must be a number above 0 and at most 1'::text;
    end if;
  end if;
  if p_params ? 'maxOutputTokens' then
    v_num := agents.fn_json_number(p_params -> 'maxOutputTokens');
    if v_num is null or v_num <> trunc(v_num) or v_num < 1 or v_num > 1000000 then
      v_errors := v_errors || 'maxOutputTokens must be an integer from 1 to 1000000'::text;
    end if;
  end if;
  if p_params ? 'presencePenalty' then
    v_num := agents.fn_json_number(p_params -> 'presencePenalty');
    if v_num is null or v_num < -2 or v_num > 2 then
      v_errors := v_errors || 'presencePenalty must be a number from -2 to 2'::text;
    end if;
  end if;
  if p_params ? 'frequencyPenalty' then
    v_num := agents.fn_json_number(p_params -> 'frequencyPenalty');
    if v_num is null or v_num < -2 or v_num > 2 then
      v_errors := v_errors || 'frequencyPenalty must be a number from -2 to 2'::text;
    end if;
  end if;
  if p_params ? 'stop' then
    if jsonb_typeof(p_params -> 'stop') <> 'array' or jsonb_array_length(p_params -> 'stop') > 4 then
      v_errors := v_errors || 'stop must be an array of at most 4 strings'::text;
    else
      for v_item in select jsonb_array_elements(p_params -> 'stop') loop
        if jsonb_typeof(v_item) <> 'string' or char_length(v_item #>> '{}') not between 1 and 100 then
          v_errors := v_errors || 'each stop sequence must be a string of 1 to 100 characters'::text;
          exit;
        end if;
      end loop;
    end if;
  end if;
  if p_params ? 'seed' then
    v_num := agents.fn_json_number(p_params -> 'seed');
    if v_num is null or v_num <> trunc(v_num) or v_num < 0 or v_num > 2147483647 then
      v_errors := v_errors || 'seed must be an integer from 0 to 2147483647'::text;
    end if;
  end if;
  if p_params ? 'reasoningEffort' and (jsonb_typeof(p_params -> 'reasoningEffort') <> 'string'
                                        or (p_params ->> 'reasoningEffort') not in ('low', 'medium', 'high')) then
    v_errors := v_errors || 'reasoningEffort must be low, medium or high'::text;
  end if;
  if p_params ? 'responseFormat' and (jsonb_typeof(p_params -> 'responseFormat') <> 'string'
                                       or (p_params ->> 'responseFormat') not in ('text', 'json')) then
    v_errors := v_errors || 'responseFormat must be text or json'::text;
  end if;
  return v_errors;
end
$$;
comment on function agents.fn_model_params_errors(jsonb) is
  'Problems with a model_profiles.params value (empty when valid); the SQL twin of ModelParams in types/profiles.ts.';

-- tool_profiles.provider_overrides: per tool key, how to call it:
--   { "<tool key>": { "provider"?: slug, "timeoutMs"?: integer 100..600000, "maxCallsPerRun"?: integer 1..1000 } }
create function agents.fn_tool_provider_overrides_errors(p_overrides jsonb) returns text[]
language plpgsql
immutable
set search_path = ''
as $$
declare
  v_errors text[] := array[]::text[];
  v_tool text;
  v_setting jsonb;
  v_key text;
  v_num numeric;
begin
  if p_overrides is null or jsonb_typeof(p_overrides) <> 'object' then
    return array['provider_overrides must be a JSON object'];
  end if;
  for v_tool, v_setting in select e.key, e.value from jsonb_each(p_overrides) e loop
    if v_tool !~ '^[a-z][a-z0-9_]{1,62}$' then
      v_errors := v_errors || format('provider_overrides key "%s" is not a tool key', v_tool);
    end if;
    if jsonb_typeof(v_setting) <> 'object' then
      v_errors := v_errors || format('provider_overrides.%s must be an object', v_tool);
      continue;
    end if;
    for v_key in select jsonb_object_keys(v_setting) loop
      if v_key not in ('provider', 'timeoutMs', 'maxCallsPerRun') then
        v_errors := v_errors || format('provider_overrides.%s has an unknown key "%s"', v_tool, v_key);
      end if;
    end loop;
    if v_setting ? 'provider' and (jsonb_typeof(v_setting -> 'provider') <> 'string'
                                   or (v_setting ->> 'provider') !~ '^[a-z0-9][a-z0-9_-]{1,39}$') then
      v_errors := v_errors || format('provider_overrides.%s.provider must be a provider slug', v_tool);
    end if;
    if v_setting ? 'timeoutMs' then
      v_num := agents.fn_json_number(v_setting -> 'timeoutMs');
      if v_num is null or v_num <> trunc(v_num) or v_num < 100 or v_num > 600000 then
        v_errors := v_errors || format('provider_overrides.%s.timeoutMs must be an integer from 100 to 600000', v_tool);
      end if;
    end if;
    if v_setting ? 'maxCallsPerRun' then
      v_num := agents.fn_json_number(v_setting -> 'maxCallsPerRun');
      if v_num is null or v_num <> trunc(v_num) or v_num < 1 or v_num > 1000 then
        v_errors := v_errors || format('provider_overrides.%s.maxCallsPerRun must be an integer from 1 to 1000', v_tool);
      end if;
    end if;
  end loop;
  return v_errors;
end
$$;
comment on function agents.fn_tool_provider_overrides_errors(jsonb) is
  'Problems with a tool_profiles.provider_overrides value (empty when valid); the SQL twin of ToolProviderOverrides.';

revoke execute on function agents.fn_json_number(jsonb), agents.fn_model_params_errors(jsonb),
  agents.fn_tool_provider_overrides_errors(jsonb) from public;
grant execute on function agents.fn_json_number(jsonb), agents.fn_model_params_errors(jsonb),
  agents.fn_tool_provider_overrides_errors(jsonb) to authenticated, service_role;

create table agents.personality_profiles (
  id uuid primary key default gen_random_uuid(),
  ai_lenser_id uuid not null references agents.ai_lensers (id) on delete cascade,
  name text not null,
  tone agents.personality_tone not null default 'neutral',
  expertise_level agents.expertise_level not null default 'intermediate',
  risk_tolerance agents.risk_tolerance not null default 'low',
  autonomy_level agents.autonomy_level not null default 'supervised',
  communication_style agents.communication_style not null default 'concise',
  decision_style agents.decision_style not null default 'balanced',
  escalation_behavior agents.escalation_behavior not null default 'on_uncertainty',
  system_prompt_patch text,
  is_default boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint personality_profiles_id_agent_key unique (id, ai_lenser_id),
  constraint personality_profiles_name_length check (char_length(btrim(name)) between 1 and 80),
  constraint personality_profiles_patch_length check (char_length(system_prompt_patch) between 1 and 8000)
);
comment on table agents.personality_profiles is 'How an agent behaves: tone, expertise, risk, autonomy, style, escalation, a prompt patch.';
comment on column agents.personality_profiles.system_prompt_patch is 'Text appended to the system prompt of every call made with this profile.';

create table agents.memory_profiles (
  id uuid primary key default gen_random_uuid(),
  ai_lenser_id uuid not null references agents.ai_lensers (id) on delete cascade,
  name text not null,
  scope_type agents.memory_scope not null default 'agent',
  isolation_mode agents.memory_isolation_mode not null default 'isolated',
  retention_days integer,
  visibility agents.memory_visibility not null default 'operators',
  summary_strategy agents.memory_summary_strategy not null default 'none',
  reset_policy agents.memory_reset_policy not null default 'never',
  is_default boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint memory_profiles_id_agent_key unique (id, ai_lenser_id),
  constraint memory_profiles_name_length check (char_length(btrim(name)) between 1 and 80),
  constraint memory_profiles_retention_days_range check (retention_days between 1 and 3650)
);
comment on table agents.memory_profiles is 'Memory policy: default scope, isolation, retention, who reads entries, summaries, resets.';
comment on column agents.memory_profiles.scope_type is 'The scope of entries written without one.';
comment on column agents.memory_profiles.retention_days is 'Entries written without an expiry expire this many days later; null keeps them.';
comment on column agents.memory_profiles.visibility is 'owners: only owners and co-owners read the entries; operators: operators too.';

create table agents.tool_profiles (
  id uuid primary key default gen_random_uuid(),
  ai_lenser_id uuid not null references agents.ai_lensers (id) on delete cascade,
  name text not null,
  allow_tools text[] not null default '{}',
  deny_tools text[] not null default '{}',
  tool_groups text[] not null default '{}',
  provider_overrides jsonb not null default '{}',
  requires_approval boolean not null default false,
  is_default boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint tool_profiles_id_agent_key unique (id, ai_lenser_id),
  constraint tool_profiles_name_length check (char_length(btrim(name)) between 1 and 80),
  constraint tool_profiles_no_null_entries check (
    array_position(allow_tools, null) is null and array_position(deny_tools, null) is null
    and array_position(tool_groups, null) is null
  ),
  constraint tool_profiles_allow_deny_disjoint check (not (allow_tools && deny_tools)),
  constraint tool_profiles_provider_overrides_shape check (
    agents.fn_tool_provider_overrides_errors(provider_overrides) = array[]::text[]
  )
);
comment on table agents.tool_profiles is
  'Which tools an agent may call: a tool is allowed when its key is in allow_tools or its group in tool_groups, '
  'and not in deny_tools (deny wins). requires_approval makes every call wait for an owner.';
comment on column agents.tool_profiles.provider_overrides is
  'Per tool key: {provider?, timeoutMs?, maxCallsPerRun?} (types/profiles.ts ToolProviderOverrides).';

create table agents.model_profiles (
  id uuid primary key default gen_random_uuid(),
  ai_lenser_id uuid not null references agents.ai_lensers (id) on delete cascade,
  name text not null,
  model_id uuid not null references ai.models (id) on delete restrict,
  provider_key text not null,
  model_key text not null,
  support_level ai.support_level not null,
  params jsonb not null default '{}',
  is_default boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint model_profiles_id_agent_key unique (id, ai_lenser_id),
  constraint model_profiles_name_length check (char_length(btrim(name)) between 1 and 80),
  constraint model_profiles_params_shape check (agents.fn_model_params_errors(params) = array[]::text[])
);
comment on table agents.model_profiles is
  'The model an agent calls and its parameters. provider_key, model_key and support_level mirror the ai.models row.';
comment on column agents.model_profiles.params is 'Sampling and output settings (types/profiles.ts ModelParams).';

-- Names are unique per agent (without regard to case), at most one default of each kind per agent.
create unique index personality_profiles_name_key on agents.personality_profiles (ai_lenser_id, lower(name));
create unique index memory_profiles_name_key on agents.memory_profiles (ai_lenser_id, lower(name));
create unique index tool_profiles_name_key on agents.tool_profiles (ai_lenser_id, lower(name));
create unique index model_profiles_name_key on agents.model_profiles (ai_lenser_id, lower(name));
create unique index personality_profiles_one_default on agents.personality_profiles (ai_lenser_id) where is_default;
create unique index memory_profiles_one_default on agents.memory_profiles (ai_lenser_id) where is_default;
create unique index tool_profiles_one_default on agents.tool_profiles (ai_lenser_id) where is_default;
create unique index model_profiles_one_default on agents.model_profiles (ai_lenser_id) where is_default;
-- Policies filter on ai_lenser_id (the name keys lead with it); the memories policy on visibility.
create index personality_profiles_agent_idx on agents.personality_profiles (ai_lenser_id);
create index memory_profiles_agent_idx on agents.memory_profiles (ai_lenser_id);
create index tool_profiles_agent_idx on agents.tool_profiles (ai_lenser_id);
create index model_profiles_agent_idx on agents.model_profiles (ai_lenser_id);
create index memory_profiles_visibility_idx on agents.memory_profiles (visibility, id);
create index model_profiles_model_idx on agents.model_profiles (model_id);

-- A profile's agent never changes.
create function agents.tg_profiles_agent_fixed() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.ai_lenser_id is distinct from old.ai_lenser_id then
    raise exception '%.ai_lenser_id cannot change: a profile belongs to its agent for life', tg_table_name
      using errcode = '23514';
  end if;
  return new;
end
$$;

create trigger personality_profiles_agent_fixed before update on agents.personality_profiles
  for each row execute function agents.tg_profiles_agent_fixed();
create trigger memory_profiles_agent_fixed before update on agents.memory_profiles
  for each row execute function agents.tg_profiles_agent_fixed();
create trigger tool_profiles_agent_fixed before update on agents.tool_profiles
  for each row execute function agents.tg_profiles_agent_fixed();
create trigger model_profiles_agent_fixed before update on agents.model_profiles
  for each row execute function agents.tg_profiles_agent_fixed();

create trigger personality_profiles_set_updated_at before update on agents.personality_profiles
  for each row execute function lensers.tg_set_updated_at();
create trigger memory_profiles_set_updated_at before update on agents.memory_profiles
  for each row execute function lensers.tg_set_updated_at();
create trigger tool_profiles_set_updated_at before update on agents.tool_profiles
  for each row execute function lensers.tg_set_updated_at();
create trigger model_profiles_set_updated_at before update on agents.model_profiles
  for each row execute function lensers.tg_set_updated_at();

-- Tool profiles name known tools and groups only; lists are kept sorted and without duplicates.
create function agents.tg_tool_profiles_known_tools() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_unknown text;
begin
  new.allow_tools := array(select distinct t from unnest(new.allow_tools) t order by t);
  new.deny_tools := array(select distinct t from unnest(new.deny_tools) t order by t);
  new.tool_groups := array(select distinct t from unnest(new.tool_groups) t order by t);
  select string_agg(t, ', ' order by t) into v_unknown
  from unnest(new.allow_tools || new.deny_tools || array(select jsonb_object_keys(new.provider_overrides))) t
  where not exists (select 1 from agents.tools_registry r where r.key = t);
  if v_unknown is not null then
    raise exception 'tool_profiles: unknown tool key(s): %', v_unknown using errcode = '23514';
  end if;
  select string_agg(g, ', ' order by g) into v_unknown
  from unnest(new.tool_groups) g
  where not exists (select 1 from agents.tools_registry r where r.tool_group = g);
  if v_unknown is not null then
    raise exception 'tool_profiles: unknown tool group(s): %', v_unknown using errcode = '23514';
  end if;
  return new;
end
$$;
revoke execute on function agents.tg_tool_profiles_known_tools() from public;

create trigger tool_profiles_known_tools before insert or update of allow_tools, deny_tools, tool_groups, provider_overrides
  on agents.tool_profiles
  for each row execute function agents.tg_tool_profiles_known_tools();

-- A model profile mirrors its ai.models row: the copies are filled in when left null and must agree
-- otherwise. A newly chosen model must be callable (not retired, not catalog_only, a chat model), and
-- maxOutputTokens must fit the model.
create function agents.tg_model_profiles_agree() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_model record;
begin
  select m.model_key, m.support_level, m.status, m.capability_tags, m.max_output_tokens, p.key as provider_key
  into v_model
  from ai.models m join ai.providers p on p.id = m.provider_id
  where m.id = new.model_id;
  if not found then
    raise exception 'model_profiles.model_id % is not a model', new.model_id using errcode = '23503';
  end if;
  -- Choosing another model refreshes the copies that were not changed along with it.
  if tg_op = 'UPDATE' and new.model_id is distinct from old.model_id then
    if new.provider_key is not distinct from old.provider_key then new.provider_key := null; end if;
    if new.model_key is not distinct from old.model_key then new.model_key := null; end if;
    if new.support_level is not distinct from old.support_level then new.support_level := null; end if;
  end if;
  new.provider_key := coalesce(new.provider_key, v_model.provider_key);
  new.model_key := coalesce(new.model_key, v_model.model_key);
  new.support_level := coalesce(new.support_level, v_model.support_level);
  if new.provider_key <> v_model.provider_key then
    raise exception 'model_profiles.provider_key "%" does not match the model''s provider "%"', new.provider_key, v_model.provider_key
      using errcode = '23514';
  end if;
  if new.model_key <> v_model.model_key then
    raise exception 'model_profiles.model_key "%" does not match the model''s key "%"', new.model_key, v_model.model_key
      using errcode = '23514';
  end if;
  if new.support_level <> v_model.support_level then
    raise exception 'model_profiles.support_level "%" does not match the model''s "%"', new.support_level, v_model.support_level
      using errcode = '23514';
  end if;
  if tg_op = 'INSERT' or new.model_id is distinct from old.model_id then
    if v_model.status = 'retired' or v_model.support_level = 'catalog_only' then
      raise exception 'model_profiles: model % cannot be called (status %, support level %)', v_model.model_key,
        v_model.status, v_model.support_level using errcode = '23514';
    end if;
    if not ('chat' = any (v_model.capability_tags)) then
      raise exception 'model_profiles: model % is not a chat model', v_model.model_key using errcode = '23514';
    end if;
  end if;
  if (new.params ? 'maxOutputTokens') and v_model.max_output_tokens is not null
     and agents.fn_json_number(new.params -> 'maxOutputTokens') > v_model.max_output_tokens then
    raise exception 'model_profiles: params.maxOutputTokens % exceeds the model''s limit of %',
      new.params ->> 'maxOutputTokens', v_model.max_output_tokens using errcode = '23514';
  end if;
  return new;
end
$$;
revoke execute on function agents.tg_model_profiles_agree() from public;

create trigger model_profiles_agree before insert or update on agents.model_profiles
  for each row execute function agents.tg_model_profiles_agree();

-- When the catalog renames a model or provider, or changes a support level, the copies follow.
create function agents.tg_models_sync_model_profiles() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_table_name = 'models' then
    update agents.model_profiles mp set
      model_key = new.model_key,
      support_level = new.support_level,
      provider_key = (select p.key from ai.providers p where p.id = new.provider_id)
    where mp.model_id = new.id;
  else
    update agents.model_profiles mp set provider_key = new.key
    where mp.model_id in (select m.id from ai.models m where m.provider_id = new.id);
  end if;
  return null;
end
$$;
revoke execute on function agents.tg_models_sync_model_profiles() from public;

create trigger models_sync_model_profiles after update of model_key, support_level, provider_id on ai.models
  for each row execute function agents.tg_models_sync_model_profiles();
create trigger providers_sync_model_profiles after update of key on ai.providers
  for each row execute function agents.tg_models_sync_model_profiles();

-- RLS: operators read, owners and co-owners write.
alter table agents.personality_profiles enable row level security;
alter table agents.memory_profiles enable row level security;
alter table agents.tool_profiles enable row level security;
alter table agents.model_profiles enable row level security;

do $$
declare
  t text;
begin
  foreach t in array array['personality_profiles', 'memory_profiles', 'tool_profiles', 'model_profiles'] loop
    execute format($p$create policy %1$s_select on agents.%1$I for select to authenticated
      using ((select agents.can_operate_ai_lenser(ai_lenser_id)))$p$, t);
    execute format($p$create policy %1$s_insert on agents.%1$I for insert to authenticated
      with check ((select agents.can_manage_ai_lenser(ai_lenser_id)))$p$, t);
    execute format($p$create policy %1$s_update on agents.%1$I for update to authenticated
      using ((select agents.can_manage_ai_lenser(ai_lenser_id)))
      with check ((select agents.can_manage_ai_lenser(ai_lenser_id)))$p$, t);
    execute format($p$create policy %1$s_delete on agents.%1$I for delete to authenticated
      using ((select agents.can_manage_ai_lenser(ai_lenser_id)))$p$, t);
    execute format('grant select, delete on agents.%I to authenticated', t);
    execute format('grant all on agents.%I to service_role', t);
  end loop;
end
$$;

grant insert (ai_lenser_id, name, tone, expertise_level, risk_tolerance, autonomy_level, communication_style,
  decision_style, escalation_behavior, system_prompt_patch, is_default) on agents.personality_profiles to authenticated;
grant update (name, tone, expertise_level, risk_tolerance, autonomy_level, communication_style,
  decision_style, escalation_behavior, system_prompt_patch, is_default) on agents.personality_profiles to authenticated;
grant insert (ai_lenser_id, name, scope_type, isolation_mode, retention_days, visibility, summary_strategy,
  reset_policy, is_default) on agents.memory_profiles to authenticated;
grant update (name, scope_type, isolation_mode, retention_days, visibility, summary_strategy, reset_policy, is_default)
  on agents.memory_profiles to authenticated;
grant insert (ai_lenser_id, name, allow_tools, deny_tools, tool_groups, provider_overrides, requires_approval, is_default)
  on agents.tool_profiles to authenticated;
grant update (name, allow_tools, deny_tools, tool_groups, provider_overrides, requires_approval, is_default)
  on agents.tool_profiles to authenticated;
grant insert (ai_lenser_id, name, model_id, provider_key, model_key, support_level, params, is_default)
  on agents.model_profiles to authenticated;
grant update (name, model_id, provider_key, model_key, support_level, params, is_default)
  on agents.model_profiles to authenticated;

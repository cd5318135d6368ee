-- Baseline: the five schemas as supabase/schemas/ defines them, squashed once from the 49
-- migrations of 2026-11-22 (no hosted project had been deployed). This file is those schema files
-- concatenated in the load order of supabase/config.toml [db.migrations] schema_paths; the data the
-- product needs (catalog rows, parameter types, built-in tools) and the pg_cron jobs follow in
-- hand-written migrations. From here on migrations are append-only (supabase/migrations.lock),
-- generated with `npm run schema:diff -- <name>` from an edit of supabase/schemas/.

-- ==== supabase/schemas/_setup/extensions.sql
-- Loaded first. The schema files are in dependency order (supabase/config.toml lists it), except
-- that a SQL-language function may read a table whose file comes later (a policy helper reads the
-- table its policy protects): bodies are checked when they run, as pg_dump's scripts do.
set check_function_bodies = off;

-- Extensions live in schema extensions, as on hosted Supabase (the compatibility bootstrap creates
-- the schema locally). pg_cron is not schema: its migration creates it with the jobs it runs.
create extension if not exists pgcrypto with schema extensions;
create extension if not exists vector with schema extensions;
-- Load vector's library in this session: a function that sets one of its parameters
-- (hnsw.iterative_scan) can be created only once the library has defined the parameter.
select extensions.vector_dims('[1]'::extensions.vector);

-- ==== supabase/schemas/_setup/schemas.sql
-- The four domain schemas. Only `public` is exposed through the Data API (supabase/config.toml
-- [api] schemas); the domain schemas are reached through RPCs in `public`, and RLS on their tables
-- decides what a caller sees.

-- Functions are not executable by PUBLIC unless their file grants them to a role by name.
alter default privileges revoke execute on functions from public;
alter default privileges in schema public revoke execute on functions from public;
-- Hosted projects created before explicit grants still carry these defaults for `public`.
alter default privileges in schema public revoke all on tables from anon, authenticated;
alter default privileges in schema public revoke all on sequences from anon, authenticated;
alter default privileges in schema public revoke all on functions from anon, authenticated;

create schema if not exists lensers;
comment on schema lensers is 'Identity: one profile per lenser, human or AI.';
create schema if not exists agents;
comment on schema agents is 'Agent runtime: ownership, teams, profiles, memory, tools, channels.';
create schema if not exists lenses;
comment on schema lenses is 'Lenses, versions, parameters, workflows and their runs.';
create schema if not exists ai;
comment on schema ai is 'Catalog of providers and models, and the ledger of model calls.';

-- Usage alone grants nothing: each table, view and function is granted by name, and RLS decides rows.
grant usage on schema lensers to anon, authenticated, service_role;
grant usage on schema agents to anon, authenticated, service_role;
grant usage on schema lenses to anon, authenticated, service_role;
grant usage on schema ai to anon, authenticated, service_role;

-- ==== supabase/schemas/lensers/types/lenser_type.sql
create type lensers.lenser_type as enum (
  'human',
  'ai'
);

-- ==== supabase/schemas/lensers/types/profile_status.sql
create type lensers.profile_status as enum (
  'active',
  'suspended',
  'deactivated',
  'pending_deletion',
  'deleted'
);

-- ==== supabase/schemas/lensers/types/profile_visibility.sql
create type lensers.profile_visibility as enum (
  'public',
  'private',
  'unlisted'
);

-- ==== supabase/schemas/agents/types/assignee_kind.sql
create type agents.assignee_kind as enum (
  'agent',
  'team'
);

-- ==== supabase/schemas/agents/types/assignment_status.sql
create type agents.assignment_status as enum (
  'active',
  'disabled'
);

-- ==== supabase/schemas/agents/types/autonomy_level.sql
create type agents.autonomy_level as enum (
  'manual',
  'supervised',
  'semi_autonomous',
  'autonomous'
);

-- ==== supabase/schemas/agents/types/communication_style.sql
create type agents.communication_style as enum (
  'concise',
  'detailed',
  'structured',
  'conversational'
);

-- ==== supabase/schemas/agents/types/decision_style.sql
create type agents.decision_style as enum (
  'cautious',
  'balanced',
  'decisive',
  'consensus'
);

-- ==== supabase/schemas/agents/types/escalation_behavior.sql
create type agents.escalation_behavior as enum (
  'never',
  'on_uncertainty',
  'on_risk',
  'always'
);

-- ==== supabase/schemas/agents/types/expertise_level.sql
create type agents.expertise_level as enum (
  'novice',
  'intermediate',
  'expert',
  'specialist'
);

-- ==== supabase/schemas/agents/types/memory_isolation_mode.sql
create type agents.memory_isolation_mode as enum (
  'isolated',
  'team_shared'
);

-- ==== supabase/schemas/agents/types/memory_reset_policy.sql
create type agents.memory_reset_policy as enum (
  'never',
  'per_run',
  'per_conversation',
  'daily',
  'weekly'
);

-- ==== supabase/schemas/agents/types/memory_scope.sql
create type agents.memory_scope as enum (
  'agent',
  'team',
  'workflow',
  'run',
  'conversation',
  'contact'
);

-- ==== supabase/schemas/agents/types/memory_source.sql
create type agents.memory_source as enum (
  'manual',
  'conversation',
  'tool',
  'workflow',
  'reflection',
  'import'
);

-- ==== supabase/schemas/agents/types/memory_summary_strategy.sql
create type agents.memory_summary_strategy as enum (
  'none',
  'rolling',
  'periodic',
  'on_threshold'
);

-- ==== supabase/schemas/agents/types/memory_visibility.sql
create type agents.memory_visibility as enum (
  'owners',
  'operators'
);

-- ==== supabase/schemas/agents/types/ownership_permission.sql
create type agents.ownership_permission as enum (
  'run',
  'edit',
  'publish',
  'manage_tools',
  'manage_memory',
  'view_runs'
);

-- ==== supabase/schemas/agents/types/ownership_role.sql
create type agents.ownership_role as enum (
  'owner',
  'co_owner',
  'operator'
);

-- ==== supabase/schemas/agents/types/personality_tone.sql
create type agents.personality_tone as enum (
  'neutral',
  'friendly',
  'formal',
  'playful',
  'direct',
  'empathetic'
);

-- ==== supabase/schemas/agents/types/risk_tolerance.sql
create type agents.risk_tolerance as enum (
  'low',
  'medium',
  'high'
);

-- ==== supabase/schemas/agents/types/runtime_pref.sql
create type agents.runtime_pref as enum (
  'cloud',
  'local',
  'hybrid'
);

-- ==== supabase/schemas/agents/types/team_edge_type.sql
create type agents.team_edge_type as enum (
  'delegates',
  'reviews',
  'reports_to',
  'shares_context',
  'handoff'
);

-- ==== supabase/schemas/agents/types/team_member_role.sql
create type agents.team_member_role as enum (
  'lead',
  'member',
  'reviewer',
  'observer'
);

-- ==== supabase/schemas/agents/types/team_status.sql
create type agents.team_status as enum (
  'active',
  'paused',
  'archived'
);

-- ==== supabase/schemas/agents/types/tool_egress_class.sql
create type agents.tool_egress_class as enum (
  'none',
  'internal',
  'external_read',
  'external_write'
);

-- ==== supabase/schemas/agents/types/tool_invocation_status.sql
create type agents.tool_invocation_status as enum (
  'requested',
  'awaiting_approval',
  'approved',
  'rejected',
  'running',
  'succeeded',
  'failed'
);

-- ==== supabase/schemas/lenses/types/artifact_kind.sql
create type lenses.artifact_kind as enum (
  'text',
  'markdown',
  'json',
  'summary',
  'plan',
  'report',
  'code',
  'classification',
  'extraction',
  'message'
);

-- ==== supabase/schemas/lenses/types/contract_field_type.sql
create type lenses.contract_field_type as enum (
  'string',
  'number',
  'integer',
  'boolean',
  'object',
  'array'
);

-- ==== supabase/schemas/lenses/types/contract_kind.sql
create type lenses.contract_kind as enum (
  'text',
  'json'
);

-- ==== supabase/schemas/lenses/types/failure_mode.sql
create type lenses.failure_mode as enum (
  'isolate',
  'stop_run'
);

-- ==== supabase/schemas/lenses/types/instruction_category.sql
create type lenses.instruction_category as enum (
  'instruction',
  'research',
  'planning',
  'generation',
  'validation',
  'routing',
  'memory',
  'export'
);
comment on type lenses.instruction_category is 'What a lens version does, so workflows can assign nodes by capability without parsing tags.';

-- ==== supabase/schemas/lenses/types/lens_status.sql
create type lenses.lens_status as enum (
  'draft',
  'published',
  'archived'
);
comment on type lenses.lens_status is 'Lifecycle of a lens and of a lens version: draft, published (immutable), archived.';

-- ==== supabase/schemas/lenses/types/merge_strategy.sql
create type lenses.merge_strategy as enum (
  'last_write_wins',
  'concat',
  'array',
  'json_object'
);

-- ==== supabase/schemas/lenses/types/node_result_status.sql
create type lenses.node_result_status as enum (
  'pending',
  'awaiting_dependency',
  'queued',
  'running',
  'streaming',
  'retrying',
  'completed',
  'failed',
  'cancelled',
  'skipped',
  'timed_out',
  'blocked',
  'invalidated'
);

-- ==== supabase/schemas/lenses/types/param_type.sql
create type lenses.param_type as enum (
  'text',
  'textarea',
  'json',
  'number',
  'integer',
  'float',
  'decimal',
  'boolean',
  'select',
  'url',
  'date',
  'datetime',
  'file'
);
comment on type lenses.param_type is 'What a lens parameter holds; fn_render_version_body type-checks and normalises by it.';

-- ==== supabase/schemas/lenses/types/run_event_type.sql
-- One vocabulary for every run event log (workflow runs now, agent/team runs later).
create type lenses.run_event_type as enum (
  'run_queued',
  'run_started',
  'run_streaming',
  'run_completed',
  'run_failed',
  'run_cancelled',
  'run_timed_out',
  'run_recovered',
  'node_queued',
  'node_started',
  'node_streaming',
  'node_delta',
  'node_completed',
  'node_failed',
  'node_retrying',
  'node_skipped',
  'node_cancelled',
  'node_timed_out',
  'node_invalidated',
  'node_released',
  'lease_expired',
  'human_input_requested',
  'human_input_received',
  'step_queued',
  'step_started',
  'step_completed',
  'step_failed',
  'step_blocked',
  'step_skipped',
  'approval_requested',
  'approval_granted',
  'approval_rejected',
  'message',
  'tool_invoked',
  'tool_completed'
);

-- ==== supabase/schemas/lenses/types/task_error_kind.sql
create type lenses.task_error_kind as enum (
  'rate_limit',
  'client',
  'server',
  'timeout',
  'network',
  'cancelled',
  'contract_violation',
  'lease_expired',
  'render'
);

-- ==== supabase/schemas/lenses/types/tool_category.sql
create type lenses.tool_category as enum (
  'input',
  'media',
  'execution',
  'battle',
  'system'
);
comment on type lenses.tool_category is 'input: typed by the user; media: files; execution: run settings; battle: lens battles; system: filled by the platform.';

-- ==== supabase/schemas/lenses/types/visibility.sql
create type lenses.visibility as enum (
  'public',
  'private',
  'unlisted'
);

-- ==== supabase/schemas/lenses/types/waiting_reason.sql
create type lenses.waiting_reason as enum (
  'dependency',
  'condition_false',
  'rate_limit',
  'retry_backoff',
  'human_input',
  'external_callback',
  'queued'
);

-- ==== supabase/schemas/lenses/types/workflow_node_kind.sql
create type lenses.workflow_node_kind as enum (
  'lens',
  'human_input'
);

-- ==== supabase/schemas/lenses/types/workflow_run_status.sql
create type lenses.workflow_run_status as enum (
  'draft',
  'validated',
  'queued',
  'pending',
  'running',
  'streaming',
  'recovered',
  'completed',
  'failed',
  'cancelled',
  'timed_out'
);

-- ==== supabase/schemas/lenses/types/workflow_status.sql
create type lenses.workflow_status as enum (
  'draft',
  'published',
  'archived'
);

-- ==== supabase/schemas/ai/types/llm_call_status.sql
create type ai.llm_call_status as enum (
  'succeeded',
  'failed'
);

-- ==== supabase/schemas/ai/types/modality.sql
create type ai.modality as enum (
  'text',
  'image',
  'audio',
  'video',
  'pdf',
  'embedding'
);

-- ==== supabase/schemas/ai/types/model_capability.sql
create type ai.model_capability as enum (
  'chat',
  'reasoning',
  'tool_use',
  'json_output',
  'vision',
  'embedding',
  'long_context',
  'code',
  'streaming',
  'prompt_caching'
);

-- ==== supabase/schemas/ai/types/model_status.sql
create type ai.model_status as enum (
  'active',
  'preview',
  'deprecated',
  'retired'
);

-- ==== supabase/schemas/ai/types/provider_adapter.sql
create type ai.provider_adapter as enum (
  'local',
  'openai_compatible',
  'anthropic',
  'google'
);

-- ==== supabase/schemas/lenses/types/claimed_task.sql
-- One task as a worker receives it: what the call needs (claim_workflow_tasks, and the tasks of
-- complete_workflow_tasks).
create type lenses.claimed_task as (
  result_id uuid,
  run_id uuid,
  node_id uuid,
  node_key text,
  attempt integer,
  lease_token uuid,
  lease_expires_at timestamp with time zone,
  prompt text,
  input_data jsonb,
  output_contract jsonb,
  timeout_ms integer,
  model_id uuid,
  model_key text,
  provider_key text,
  provider_adapter ai.provider_adapter,
  provider_base_url text,
  api_key_env text,
  model_params jsonb
);

-- ==== supabase/schemas/ai/types/support_level.sql
create type ai.support_level as enum (
  'runnable',
  'byok_only',
  'catalog_only',
  'deprecated'
);

-- ==== supabase/schemas/lensers/functions/actable_profile_ids.sql
-- Profiles the caller may act as (run things for): also the AIs they operate.
create or replace function lensers.actable_profile_ids()
 returns setof uuid
 language sql
 stable security definer
 set search_path to ''
as $function$
  select p.id from lensers.profiles p where p.user_id = (select auth.uid())
  union
  select a.profile_id
  from agents.ownerships o
  join lensers.profiles h on h.id = o.owner_lenser_id
  join agents.ai_lensers a on a.id = o.ai_lenser_id
  where h.user_id = (select auth.uid()) and o.revoked_at is null
$function$;

comment on function lensers.actable_profile_ids() is 'Profiles the caller may act as: their own and every AI they hold a live ownership of.';

revoke all on function lensers.actable_profile_ids() from public;
grant execute on function lensers.actable_profile_ids() to authenticated, service_role;

-- ==== supabase/schemas/lensers/functions/current_profile_id.sql
-- Authority helpers. SECURITY DEFINER so that policies can call them without recursing into the
-- policies of the tables they read; each reads only the caller's own grants.
create or replace function lensers.current_profile_id()
 returns uuid
 language sql
 stable security definer
 set search_path to ''
as $function$
  select p.id from lensers.profiles p where p.user_id = (select auth.uid())
$function$;

comment on function lensers.current_profile_id() is 'The caller''s own human profile id, or null.';

revoke all on function lensers.current_profile_id() from public;
grant execute on function lensers.current_profile_id() to authenticated, service_role;

-- ==== supabase/schemas/lensers/functions/editable_profile_ids.sql
-- Profiles the caller may edit as: their own, and AIs they manage.
create or replace function lensers.editable_profile_ids()
 returns setof uuid
 language sql
 stable security definer
 set search_path to ''
as $function$
  select p.id from lensers.profiles p where p.user_id = (select auth.uid())
  union
  select a.profile_id
  from agents.ownerships o
  join lensers.profiles h on h.id = o.owner_lenser_id
  join agents.ai_lensers a on a.id = o.ai_lenser_id
  where h.user_id = (select auth.uid()) and o.role in ('owner', 'co_owner') and o.revoked_at is null
$function$;

comment on function lensers.editable_profile_ids() is 'Profiles the caller may edit as: their own human profile and the AIs they own or co-own.';

revoke all on function lensers.editable_profile_ids() from public;
grant execute on function lensers.editable_profile_ids() to authenticated, service_role;

-- ==== supabase/schemas/lensers/functions/fn_available_handle.sql
-- A handle from a wish (sign-up metadata) or a base word, made a valid slug and unique.
create or replace function lensers.fn_available_handle(p_wish text, p_base text)
 returns text
 language plpgsql
 set search_path to ''
as $function$
declare
  v_candidate text;
  v_base text;
begin
  if p_wish ~ '^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38}[A-Za-z0-9])?$'
     and not exists (select 1 from lensers.profiles p where lower(p.handle) = lower(p_wish)) then
    return p_wish;
  end if;
  v_base := left(btrim(regexp_replace(lower(coalesce(p_base, '')), '[^a-z0-9]+', '-', 'g'), '-'), 30);
  v_base := btrim(v_base, '-');
  if v_base = '' then v_base := 'lenser'; end if;
  v_candidate := v_base;
  while char_length(v_candidate) < 2
     or exists (select 1 from lensers.profiles p where lower(p.handle) = lower(v_candidate)) loop
    v_candidate := v_base || '-' || substr(md5(random()::text), 1, 6);
  end loop;
  return v_candidate;
end
$function$;

revoke all on function lensers.fn_available_handle(p_wish text, p_base text) from public;

-- ==== supabase/schemas/lensers/functions/fn_handle_new_user.sql
-- Sign-up: every new auth user gets a human profile.
create or replace function lensers.fn_handle_new_user()
 returns trigger
 language plpgsql
 security definer
 set search_path to ''
as $function$
declare
  v_meta jsonb := coalesce(new.raw_user_meta_data, '{}'::jsonb);
  v_local text := nullif(split_part(coalesce(new.email, ''), '@', 1), '');
  v_display text;
begin
  v_display := left(btrim(coalesce(
    nullif(btrim(v_meta ->> 'display_name'), ''),
    nullif(btrim(v_meta ->> 'full_name'), ''),
    nullif(btrim(v_meta ->> 'name'), ''),
    v_local,
    'Lenser'
  )), 120);
  insert into lensers.profiles (user_id, handle, display_name, type)
  values (new.id, lensers.fn_available_handle(v_meta ->> 'handle', coalesce(v_local, v_display)), v_display, 'human');
  return new;
end
$function$;

revoke all on function lensers.fn_handle_new_user() from public;

create trigger on_auth_user_created after insert on auth.users for each row execute procedure lensers.fn_handle_new_user();

-- ==== supabase/schemas/lensers/functions/fn_rpc_page.sql
-- Paging arguments of every list RPC: p_limit 1..p_max (200 unless said), p_offset 0 or more.
create or replace function lensers.fn_rpc_page(p_rpc text, p_limit integer, p_offset integer, p_max integer default 200)
 returns void
 language plpgsql
 immutable
 set search_path to ''
as $function$
begin
  if p_limit is null or p_limit not between 1 and p_max then
    raise exception '%: p_limit must be between 1 and %, got %', p_rpc, p_max, coalesce(p_limit::text, 'null')
      using errcode = '22023';
  end if;
  if p_offset is null or p_offset < 0 then
    raise exception '%: p_offset must be 0 or more, got %', p_rpc, coalesce(p_offset::text, 'null') using errcode = '22023';
  end if;
end
$function$;

revoke all on function lensers.fn_rpc_page(p_rpc text, p_limit integer, p_offset integer, p_max integer) from public;
grant execute on function lensers.fn_rpc_page(p_rpc text, p_limit integer, p_offset integer, p_max integer) to anon, authenticated, service_role;

-- ==== supabase/schemas/lensers/functions/tg_profiles_guard_update.sql
-- The status lifecycle, and the columns that never change after insert.
create or replace function lensers.tg_profiles_guard_update()
 returns trigger
 language plpgsql
 set search_path to ''
as $function$
begin
  if new.type is distinct from old.type then
    raise exception 'profiles.type cannot change (was %, asked %)', old.type, new.type using errcode = '23514';
  end if;
  if new.user_id is distinct from old.user_id then
    raise exception 'profiles.user_id cannot change' using errcode = '23514';
  end if;
  if new.status is distinct from old.status and not (
    (old.status = 'active' and new.status in ('suspended', 'deactivated', 'pending_deletion'))
    or (old.status = 'suspended' and new.status in ('active', 'pending_deletion'))
    or (old.status = 'deactivated' and new.status in ('active', 'pending_deletion'))
    or (old.status = 'pending_deletion' and new.status in ('active', 'deleted'))
  ) then
    raise exception 'profiles.status cannot go from % to %', old.status, new.status using errcode = '23514';
  end if;
  return new;
end
$function$;

revoke all on function lensers.tg_profiles_guard_update() from public;

-- ==== supabase/schemas/lensers/functions/tg_set_updated_at.sql
-- updated_at, kept by the database for every table that has one.
create or replace function lensers.tg_set_updated_at()
 returns trigger
 language plpgsql
 set search_path to ''
as $function$
begin
  new.updated_at := now();
  return new;
end
$function$;

revoke all on function lensers.tg_set_updated_at() from public;

-- ==== supabase/schemas/agents/functions/actable_team_ids.sql
-- Teams the caller may read / edit, for the policies of the team tables and of assignments.
create or replace function agents.actable_team_ids()
 returns setof uuid
 language sql
 stable security definer
 set search_path to ''
as $function$
  select t.id from agents.teams t where t.owner_lenser_id in (select lensers.actable_profile_ids())
$function$;

comment on function agents.actable_team_ids() is 'Teams the caller may read: owned by a lenser the caller may act as.';

revoke all on function agents.actable_team_ids() from public;
grant execute on function agents.actable_team_ids() to authenticated, service_role;

-- ==== supabase/schemas/agents/functions/can_manage_ai_lenser.sql
create or replace function agents.can_manage_ai_lenser(p_ai_lenser_id uuid)
 returns boolean
 language sql
 stable security definer
 set search_path to ''
as $function$
  select exists (
    select 1
    from agents.ownerships o
    join lensers.profiles p on p.id = o.owner_lenser_id
    where p.user_id = (select auth.uid())
      and o.ai_lenser_id = p_ai_lenser_id
      and o.role in ('owner', 'co_owner')
      and o.revoked_at is null
  )
$function$;

comment on function agents.can_manage_ai_lenser(p_ai_lenser_id uuid) is 'True when the caller''s human profile holds a live owner or co_owner ownership of the agent.';

revoke all on function agents.can_manage_ai_lenser(p_ai_lenser_id uuid) from public;
grant execute on function agents.can_manage_ai_lenser(p_ai_lenser_id uuid) to authenticated, service_role;

-- ==== supabase/schemas/agents/functions/can_operate_ai_lenser.sql
create or replace function agents.can_operate_ai_lenser(p_ai_lenser_id uuid)
 returns boolean
 language sql
 stable security definer
 set search_path to ''
as $function$
  select exists (
    select 1
    from agents.ownerships o
    join lensers.profiles p on p.id = o.owner_lenser_id
    where p.user_id = (select auth.uid())
      and o.ai_lenser_id = p_ai_lenser_id
      and o.revoked_at is null
  )
$function$;

comment on function agents.can_operate_ai_lenser(p_ai_lenser_id uuid) is 'True when the caller holds any live ownership (owner, co_owner or operator): may run, not edit.';

revoke all on function agents.can_operate_ai_lenser(p_ai_lenser_id uuid) from public;
grant execute on function agents.can_operate_ai_lenser(p_ai_lenser_id uuid) to authenticated, service_role;

-- ==== supabase/schemas/agents/functions/editable_team_ids.sql
create or replace function agents.editable_team_ids()
 returns setof uuid
 language sql
 stable security definer
 set search_path to ''
as $function$
  select t.id from agents.teams t where t.owner_lenser_id in (select lensers.editable_profile_ids())
$function$;

comment on function agents.editable_team_ids() is 'Teams the caller may change: owned by a lenser the caller may edit as.';

revoke all on function agents.editable_team_ids() from public;
grant execute on function agents.editable_team_ids() to authenticated, service_role;

-- ==== supabase/schemas/agents/functions/fn_approval_policy_errors.sql
create or replace function agents.fn_approval_policy_errors(p_policy jsonb)
 returns text[]
 language plpgsql
 immutable
 set search_path to ''
as $function$
declare
  v_errors text[] := array[]::text[];
  v_roles jsonb;
begin
  if p_policy is null or jsonb_typeof(p_policy) <> 'object' then
    return array['approval_policy must be a JSON object'];
  end if;
  v_errors := v_errors || agents.fn_json_unknown_keys(p_policy, array['requiresApproval', 'approverRoles']);
  if coalesce(jsonb_typeof(p_policy -> 'requiresApproval'), '') <> 'boolean' then
    v_errors := v_errors || 'requiresApproval must be true or false'::text;
  end if;
  if p_policy ? 'approverRoles' then
    v_roles := p_policy -> 'approverRoles';
    if jsonb_typeof(v_roles) <> 'array' or jsonb_array_length(v_roles) = 0
       or exists (select 1 from jsonb_array_elements(v_roles) r
                  where jsonb_typeof(r) <> 'string' or (r #>> '{}') not in ('owner', 'co_owner', 'operator')) then
      v_errors := v_errors || 'approverRoles must be a non-empty list of owner, co_owner, operator'::text;
    elsif (select count(distinct r) from jsonb_array_elements(v_roles) r) <> jsonb_array_length(v_roles) then
      v_errors := v_errors || 'approverRoles must not repeat a role'::text;
    end if;
    if p_policy -> 'requiresApproval' = 'false'::jsonb then
      v_errors := v_errors || 'approverRoles is only allowed when requiresApproval is true'::text;
    end if;
  end if;
  return v_errors;
end
$function$;

comment on function agents.fn_approval_policy_errors(p_policy jsonb) is 'Problems with an approval_policy (empty when valid); SQL twin of ApprovalPolicy.';

revoke all on function agents.fn_approval_policy_errors(p_policy jsonb) from public;
grant execute on function agents.fn_approval_policy_errors(p_policy jsonb) to authenticated, service_role;

-- ==== supabase/schemas/agents/functions/fn_check_model_profile_args.sql
-- Model profile arguments: a callable chat model, params of the right shape that fit the model.
create or replace function agents.fn_check_model_profile_args(p_rpc text, p_model_id uuid, p_params jsonb)
 returns void
 language plpgsql
 stable
 set search_path to ''
as $function$
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
$function$;

revoke all on function agents.fn_check_model_profile_args(p_rpc text, p_model_id uuid, p_params jsonb) from public;
grant execute on function agents.fn_check_model_profile_args(p_rpc text, p_model_id uuid, p_params jsonb) to authenticated, service_role;

-- ==== supabase/schemas/agents/functions/fn_check_tool_profile_args.sql
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
$function$;

revoke all on function agents.fn_check_tool_profile_args(p_rpc text, p_allow_tools text[], p_deny_tools text[], p_tool_groups text[], p_provider_overrides jsonb) from public;
grant execute on function agents.fn_check_tool_profile_args(p_rpc text, p_allow_tools text[], p_deny_tools text[], p_tool_groups text[], p_provider_overrides jsonb) to authenticated, service_role;

-- ==== supabase/schemas/agents/functions/fn_failure_policy_errors.sql
create or replace function agents.fn_failure_policy_errors(p_policy jsonb)
 returns text[]
 language plpgsql
 immutable
 set search_path to ''
as $function$
declare
  v_errors text[] := array[]::text[];
begin
  if p_policy is null or jsonb_typeof(p_policy) <> 'object' then
    return array['failure_policy must be a JSON object'];
  end if;
  v_errors := v_errors || agents.fn_json_unknown_keys(p_policy, array['mode']);
  if coalesce(jsonb_typeof(p_policy -> 'mode'), '') <> 'string' or (p_policy ->> 'mode') not in ('isolate', 'stop_run') then
    v_errors := v_errors || 'mode must be isolate or stop_run'::text;
  end if;
  return v_errors;
end
$function$;

comment on function agents.fn_failure_policy_errors(p_policy jsonb) is 'Problems with a failure_policy (empty when valid); SQL twin of FailurePolicy.';

revoke all on function agents.fn_failure_policy_errors(p_policy jsonb) from public;
grant execute on function agents.fn_failure_policy_errors(p_policy jsonb) to authenticated, service_role;

-- ==== supabase/schemas/agents/functions/fn_json_is_guid.sql
create or replace function agents.fn_json_is_guid(p_value jsonb)
 returns boolean
 language sql
 immutable
 set search_path to ''
as $function$
  select coalesce(jsonb_typeof(p_value) = 'string'
    and (p_value #>> '{}') ~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$', false)
$function$;

revoke all on function agents.fn_json_is_guid(p_value jsonb) from public;
grant execute on function agents.fn_json_is_guid(p_value jsonb) to authenticated, service_role;

-- ==== supabase/schemas/agents/functions/fn_json_number.sql
-- A JSON number as numeric, or null when the value is not a number.
create or replace function agents.fn_json_number(p_value jsonb)
 returns numeric
 language sql
 immutable
 set search_path to ''
as $function$
  select case when jsonb_typeof(p_value) = 'number' then (p_value #>> '{}')::numeric end
$function$;

revoke all on function agents.fn_json_number(p_value jsonb) from public;
grant execute on function agents.fn_json_number(p_value jsonb) to authenticated, service_role;

-- ==== supabase/schemas/agents/functions/fn_json_unknown_keys.sql
create or replace function agents.fn_json_unknown_keys(p_value jsonb, p_allowed text[])
 returns text[]
 language sql
 immutable
 set search_path to ''
as $function$
  select coalesce(array_agg(format('unknown key "%s"', k) order by k), '{}')
  from jsonb_object_keys(p_value) k
  where not k = any (p_allowed)
$function$;

revoke all on function agents.fn_json_unknown_keys(p_value jsonb, p_allowed text[]) from public;
grant execute on function agents.fn_json_unknown_keys(p_value jsonb, p_allowed text[]) to authenticated, service_role;

-- ==== supabase/schemas/agents/functions/fn_model_params_errors.sql
-- model_profiles.params: sampling and output settings passed to the provider.
--   temperature 0..2, topP (0, 1], maxOutputTokens integer 1..1000000, presencePenalty and
--   frequencyPenalty -2..2, stop up to 4 strings of 1..100 characters, seed integer 0..2147483647,
--   reasoningEffort low|medium|high, responseFormat text|json. No other keys.
create or replace function agents.fn_model_params_errors(p_params jsonb)
 returns text[]
 language plpgsql
 immutable
 set search_path to ''
as $function$
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
$function$;

comment on function agents.fn_model_params_errors(p_params jsonb) is 'Problems with a model_profiles.params value (empty when valid); the SQL twin of ModelParams in types/profiles.ts.';

revoke all on function agents.fn_model_params_errors(p_params jsonb) from public;
grant execute on function agents.fn_model_params_errors(p_params jsonb) to authenticated, service_role;

-- ==== supabase/schemas/agents/functions/fn_output_destination_errors.sql
create or replace function agents.fn_output_destination_errors(p_destination jsonb)
 returns text[]
 language plpgsql
 immutable
 set search_path to ''
as $function$
declare
  v_errors text[] := array[]::text[];
  v_kind text;
begin
  if p_destination is null or jsonb_typeof(p_destination) <> 'object' then
    return array['output_destination must be a JSON object'];
  end if;
  if p_destination = '{}'::jsonb then
    return v_errors;
  end if;
  if coalesce(jsonb_typeof(p_destination -> 'kind'), '') <> 'string'
     or (p_destination ->> 'kind') not in ('none', 'memory', 'webhook', 'channel') then
    return array['kind must be none, memory, webhook or channel'];
  end if;
  v_kind := p_destination ->> 'kind';
  if v_kind = 'none' then
    v_errors := v_errors || agents.fn_json_unknown_keys(p_destination, array['kind']);
  elsif v_kind = 'memory' then
    v_errors := v_errors || agents.fn_json_unknown_keys(p_destination, array['kind', 'memoryProfileId', 'scope']);
    if not agents.fn_json_is_guid(p_destination -> 'memoryProfileId') then
      v_errors := v_errors || 'memoryProfileId must be a uuid'::text;
    end if;
    if p_destination ? 'scope' and (coalesce(jsonb_typeof(p_destination -> 'scope'), '') <> 'string'
        or (p_destination ->> 'scope') not in ('agent', 'team', 'workflow', 'run', 'conversation', 'contact')) then
      v_errors := v_errors || 'scope must be a memory scope (agent, team, workflow, run, conversation, contact)'::text;
    end if;
  elsif v_kind = 'webhook' then
    v_errors := v_errors || agents.fn_json_unknown_keys(p_destination, array['kind', 'url']);
    if coalesce(jsonb_typeof(p_destination -> 'url'), '') <> 'string'
       or (p_destination ->> 'url') !~ '^https?://\S+$' or char_length(p_destination ->> 'url') > 2048 then
      v_errors := v_errors || 'url must be an http(s) URL of at most 2048 characters'::text;
    end if;
  else
    v_errors := v_errors || agents.fn_json_unknown_keys(p_destination, array['kind', 'channelBindingId']);
    if not agents.fn_json_is_guid(p_destination -> 'channelBindingId') then
      v_errors := v_errors || 'channelBindingId must be a uuid'::text;
    end if;
  end if;
  return v_errors;
end
$function$;

comment on function agents.fn_output_destination_errors(p_destination jsonb) is 'Problems with an output_destination (empty when valid); SQL twin of OutputDestination.';

revoke all on function agents.fn_output_destination_errors(p_destination jsonb) from public;
grant execute on function agents.fn_output_destination_errors(p_destination jsonb) to authenticated, service_role;

-- ==== supabase/schemas/agents/functions/fn_queue_policy_errors.sql
create or replace function agents.fn_queue_policy_errors(p_policy jsonb)
 returns text[]
 language plpgsql
 immutable
 set search_path to ''
as $function$
declare
  v_errors text[] := array[]::text[];
  v_num numeric;
begin
  if p_policy is null or jsonb_typeof(p_policy) <> 'object' then
    return array['queue_policy must be a JSON object'];
  end if;
  v_errors := v_errors || agents.fn_json_unknown_keys(p_policy, array['mode', 'maxConcurrent']);
  if coalesce(jsonb_typeof(p_policy -> 'mode'), '') <> 'string'
     or (p_policy ->> 'mode') not in ('parallel', 'serial', 'skip_if_running') then
    v_errors := v_errors || 'mode must be parallel, serial or skip_if_running'::text;
  end if;
  if p_policy ? 'maxConcurrent' then
    v_num := agents.fn_json_number(p_policy -> 'maxConcurrent');
    if v_num is null or v_num <> trunc(v_num) or v_num not between 1 and 100 then
      v_errors := v_errors || 'maxConcurrent must be an integer from 1 to 100'::text;
    end if;
    if (p_policy ->> 'mode') is distinct from 'parallel' then
      v_errors := v_errors || 'maxConcurrent is only allowed with mode parallel'::text;
    end if;
  end if;
  return v_errors;
end
$function$;

comment on function agents.fn_queue_policy_errors(p_policy jsonb) is 'Problems with a queue_policy (empty when valid); SQL twin of QueuePolicy.';

revoke all on function agents.fn_queue_policy_errors(p_policy jsonb) from public;
grant execute on function agents.fn_queue_policy_errors(p_policy jsonb) to authenticated, service_role;

-- ==== supabase/schemas/agents/functions/fn_retry_policy_errors.sql
create or replace function agents.fn_retry_policy_errors(p_policy jsonb)
 returns text[]
 language plpgsql
 immutable
 set search_path to ''
as $function$
declare
  v_errors text[] := array[]::text[];
  v_num numeric;
  v_backoff numeric;
begin
  if p_policy is null or jsonb_typeof(p_policy) <> 'object' then
    return array['retry_policy must be a JSON object'];
  end if;
  v_errors := v_errors || agents.fn_json_unknown_keys(p_policy, array['maxRetries', 'backoffMs', 'backoffMultiplier', 'maxBackoffMs']);
  v_num := agents.fn_json_number(p_policy -> 'maxRetries');
  if v_num is null or v_num <> trunc(v_num) or v_num not between 0 and 10 then
    v_errors := v_errors || 'maxRetries must be an integer from 0 to 10'::text;
  end if;
  if p_policy ? 'backoffMs' then
    v_backoff := agents.fn_json_number(p_policy -> 'backoffMs');
    if v_backoff is null or v_backoff <> trunc(v_backoff) or v_backoff not between 0 and 3600000 then
      v_errors := v_errors || 'backoffMs must be an integer from 0 to 3600000'::text;
      v_backoff := null;
    end if;
  end if;
  if p_policy ? 'backoffMultiplier' then
    v_num := agents.fn_json_number(p_policy -> 'backoffMultiplier');
    if v_num is null or v_num not between 1 and 10 then
      v_errors := v_errors || 'backoffMultiplier must be a number from 1 to 10'::text;
    end if;
  end if;
  if p_policy ? 'maxBackoffMs' then
    v_num := agents.fn_json_number(p_policy -> 'maxBackoffMs');
    if v_num is null or v_num <> trunc(v_num) or v_num not between 0 and 86400000 then
      v_errors := v_errors || 'maxBackoffMs must be an integer from 0 to 86400000'::text;
    elsif v_backoff is not null and v_num < v_backoff then
      v_errors := v_errors || 'maxBackoffMs must be at least backoffMs'::text;
    end if;
  end if;
  return v_errors;
end
$function$;

comment on function agents.fn_retry_policy_errors(p_policy jsonb) is 'Problems with a retry_policy (empty when valid); SQL twin of RetryPolicy.';

revoke all on function agents.fn_retry_policy_errors(p_policy jsonb) from public;
grant execute on function agents.fn_retry_policy_errors(p_policy jsonb) to authenticated, service_role;

-- ==== supabase/schemas/agents/functions/fn_rpc_assignment_policies.sql
-- Each given policy has the right shape; a memory destination names a memory profile of the
-- assignee (for a team: of one of its members' agents).
create or replace function agents.fn_rpc_assignment_policies(p_rpc text, p_assignee_ai_lenser_id uuid, p_assignee_team_id uuid, p_approval_policy jsonb, p_retry_policy jsonb, p_failure_policy jsonb, p_queue_policy jsonb, p_output_destination jsonb)
 returns void
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_errors text[];
  v_profile_id uuid;
begin
  v_errors := agents.fn_approval_policy_errors(p_approval_policy);
  if p_approval_policy is not null and cardinality(v_errors) > 0 then
    raise exception '%: p_approval_policy is invalid: %', p_rpc, array_to_string(v_errors, '; ') using errcode = '22023';
  end if;
  v_errors := agents.fn_retry_policy_errors(p_retry_policy);
  if p_retry_policy is not null and cardinality(v_errors) > 0 then
    raise exception '%: p_retry_policy is invalid: %', p_rpc, array_to_string(v_errors, '; ') using errcode = '22023';
  end if;
  v_errors := agents.fn_failure_policy_errors(p_failure_policy);
  if p_failure_policy is not null and cardinality(v_errors) > 0 then
    raise exception '%: p_failure_policy is invalid: %', p_rpc, array_to_string(v_errors, '; ') using errcode = '22023';
  end if;
  v_errors := agents.fn_queue_policy_errors(p_queue_policy);
  if p_queue_policy is not null and cardinality(v_errors) > 0 then
    raise exception '%: p_queue_policy is invalid: %', p_rpc, array_to_string(v_errors, '; ') using errcode = '22023';
  end if;
  v_errors := agents.fn_output_destination_errors(p_output_destination);
  if p_output_destination is not null and cardinality(v_errors) > 0 then
    raise exception '%: p_output_destination is invalid: %', p_rpc, array_to_string(v_errors, '; ') using errcode = '22023';
  end if;
  if p_output_destination ->> 'kind' = 'memory' then
    v_profile_id := (p_output_destination ->> 'memoryProfileId')::uuid;
    if not exists (
      select 1 from agents.memory_profiles p
      where p.id = v_profile_id
        and (p.ai_lenser_id = p_assignee_ai_lenser_id
             or p.ai_lenser_id in (select m.agent_id from agents.team_members m where m.team_id = p_assignee_team_id))
    ) then
      raise exception '%: p_output_destination.memoryProfileId % is not a memory profile of the assignee', p_rpc, v_profile_id
        using errcode = '22023';
    end if;
  end if;
end
$function$;

revoke all on function agents.fn_rpc_assignment_policies(p_rpc text, p_assignee_ai_lenser_id uuid, p_assignee_team_id uuid, p_approval_policy jsonb, p_retry_policy jsonb, p_failure_policy jsonb, p_queue_policy jsonb, p_output_destination jsonb) from public;
grant execute on function agents.fn_rpc_assignment_policies(p_rpc text, p_assignee_ai_lenser_id uuid, p_assignee_team_id uuid, p_approval_policy jsonb, p_retry_policy jsonb, p_failure_policy jsonb, p_queue_policy jsonb, p_output_destination jsonb) to authenticated, service_role;

-- ==== supabase/schemas/agents/functions/fn_rpc_member_profiles.sql
-- A profile argument names a profile of the member's agent (or is null: the agent's default).
create or replace function agents.fn_rpc_member_profiles(p_rpc text, p_agent_id uuid, p_personality_profile_id uuid, p_memory_profile_id uuid, p_tool_profile_id uuid, p_model_profile_id uuid)
 returns void
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  if p_personality_profile_id is not null and not exists (
    select 1 from agents.personality_profiles p where p.id = p_personality_profile_id and p.ai_lenser_id = p_agent_id) then
    raise exception '%: p_personality_profile_id % is not a personality profile of agent %', p_rpc, p_personality_profile_id, p_agent_id
      using errcode = '22023';
  end if;
  if p_memory_profile_id is not null and not exists (
    select 1 from agents.memory_profiles p where p.id = p_memory_profile_id and p.ai_lenser_id = p_agent_id) then
    raise exception '%: p_memory_profile_id % is not a memory profile of agent %', p_rpc, p_memory_profile_id, p_agent_id
      using errcode = '22023';
  end if;
  if p_tool_profile_id is not null and not exists (
    select 1 from agents.tool_profiles p where p.id = p_tool_profile_id and p.ai_lenser_id = p_agent_id) then
    raise exception '%: p_tool_profile_id % is not a tool profile of agent %', p_rpc, p_tool_profile_id, p_agent_id
      using errcode = '22023';
  end if;
  if p_model_profile_id is not null and not exists (
    select 1 from agents.model_profiles p where p.id = p_model_profile_id and p.ai_lenser_id = p_agent_id) then
    raise exception '%: p_model_profile_id % is not a model profile of agent %', p_rpc, p_model_profile_id, p_agent_id
      using errcode = '22023';
  end if;
end
$function$;

revoke all on function agents.fn_rpc_member_profiles(p_rpc text, p_agent_id uuid, p_personality_profile_id uuid, p_memory_profile_id uuid, p_tool_profile_id uuid, p_model_profile_id uuid) from public;
grant execute on function agents.fn_rpc_member_profiles(p_rpc text, p_agent_id uuid, p_personality_profile_id uuid, p_memory_profile_id uuid, p_tool_profile_id uuid, p_model_profile_id uuid) to authenticated, service_role;

-- ==== supabase/schemas/agents/functions/fn_rpc_not_null.sql
-- A required argument: null is refused (an enum's message lists its values).
create or replace function agents.fn_rpc_not_null(p_rpc text, p_arg text, p_value anyelement)
 returns void
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_values text;
begin
  if p_value is null then
    select string_agg(e.enumlabel::text, ', ' order by e.enumsortorder) into v_values
    from pg_catalog.pg_enum e where e.enumtypid = pg_catalog.pg_typeof(p_value)::oid;
    if v_values is not null then
      raise exception '%: % is required (one of %)', p_rpc, p_arg, v_values using errcode = '22023';
    end if;
    raise exception '%: % is required', p_rpc, p_arg using errcode = '22023';
  end if;
end
$function$;

revoke all on function agents.fn_rpc_not_null(p_rpc text, p_arg text, p_value anyelement) from public;
grant execute on function agents.fn_rpc_not_null(p_rpc text, p_arg text, p_value anyelement) to authenticated, service_role;

-- ==== supabase/schemas/agents/functions/fn_rpc_require_manage.sql
-- The caller owns or co-owns the agent (the service role acts for the platform and passes).
create or replace function agents.fn_rpc_require_manage(p_rpc text, p_ai_lenser_id uuid)
 returns void
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  if p_ai_lenser_id is null then
    raise exception '%: p_ai_lenser_id is required', p_rpc using errcode = '22023';
  end if;
  if current_user <> 'service_role' and not (select agents.can_manage_ai_lenser(p_ai_lenser_id)) then
    raise exception '%: you do not own or co-own agent %', p_rpc, p_ai_lenser_id using errcode = '42501';
  end if;
end
$function$;

revoke all on function agents.fn_rpc_require_manage(p_rpc text, p_ai_lenser_id uuid) from public;
grant execute on function agents.fn_rpc_require_manage(p_rpc text, p_ai_lenser_id uuid) to authenticated, service_role;

-- ==== supabase/schemas/agents/functions/fn_rpc_require_operate.sql
-- The caller owns, co-owns or operates the agent (the service role passes).
create or replace function agents.fn_rpc_require_operate(p_rpc text, p_ai_lenser_id uuid)
 returns void
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  if p_ai_lenser_id is null then
    raise exception '%: p_ai_lenser_id is required', p_rpc using errcode = '22023';
  end if;
  if current_user <> 'service_role' and not (select agents.can_operate_ai_lenser(p_ai_lenser_id)) then
    raise exception '%: you do not own, co-own or operate agent %', p_rpc, p_ai_lenser_id using errcode = '42501';
  end if;
end
$function$;

revoke all on function agents.fn_rpc_require_operate(p_rpc text, p_ai_lenser_id uuid) from public;
grant execute on function agents.fn_rpc_require_operate(p_rpc text, p_ai_lenser_id uuid) to authenticated, service_role;

-- ==== supabase/schemas/agents/functions/fn_rpc_scratchpad.sql
-- Scratchpad: a JSON object of at most 256 KiB.
create or replace function agents.fn_rpc_scratchpad(p_rpc text, p_scratchpad jsonb)
 returns void
 language plpgsql
 immutable
 set search_path to ''
as $function$
begin
  if p_scratchpad is null or jsonb_typeof(p_scratchpad) <> 'object' then
    raise exception '%: p_scratchpad must be a JSON object', p_rpc using errcode = '22023';
  end if;
  if octet_length(p_scratchpad::text) > 262144 then
    raise exception '%: p_scratchpad must be at most 256 KiB', p_rpc using errcode = '22023';
  end if;
end
$function$;

revoke all on function agents.fn_rpc_scratchpad(p_rpc text, p_scratchpad jsonb) from public;
grant execute on function agents.fn_rpc_scratchpad(p_rpc text, p_scratchpad jsonb) to authenticated, service_role;

-- ==== supabase/schemas/agents/functions/fn_rpc_text.sql
-- A text of 1..p_max characters once trimmed.
create or replace function agents.fn_rpc_text(p_rpc text, p_arg text, p_value text, p_max integer)
 returns void
 language plpgsql
 immutable
 set search_path to ''
as $function$
begin
  if p_value is null or char_length(btrim(p_value)) not between 1 and p_max then
    raise exception '%: % must be 1 to % characters', p_rpc, p_arg, p_max using errcode = '22023';
  end if;
end
$function$;

revoke all on function agents.fn_rpc_text(p_rpc text, p_arg text, p_value text, p_max integer) from public;
grant execute on function agents.fn_rpc_text(p_rpc text, p_arg text, p_value text, p_max integer) to authenticated, service_role;

-- ==== supabase/schemas/agents/functions/fn_tool_access.sql
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

-- ==== supabase/schemas/agents/functions/fn_tool_provider_overrides_errors.sql
-- tool_profiles.provider_overrides: per tool key, how to call it:
--   { "<tool key>": { "provider"?: slug, "timeoutMs"?: integer 100..600000, "maxCallsPerRun"?: integer 1..1000 } }
create or replace function agents.fn_tool_provider_overrides_errors(p_overrides jsonb)
 returns text[]
 language plpgsql
 immutable
 set search_path to ''
as $function$
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
$function$;

comment on function agents.fn_tool_provider_overrides_errors(p_overrides jsonb) is 'Problems with a tool_profiles.provider_overrides value (empty when valid); the SQL twin of ToolProviderOverrides.';

revoke all on function agents.fn_tool_provider_overrides_errors(p_overrides jsonb) from public;
grant execute on function agents.fn_tool_provider_overrides_errors(p_overrides jsonb) to authenticated, service_role;

-- ==== supabase/schemas/agents/functions/tg_ai_lensers_profile_is_ai.sql
-- Exactly one ai_lensers row per AI profile: the row must point at an AI profile (here), and an AI
-- profile must have its row by the end of the transaction (deferred trigger on profiles).
create or replace function agents.tg_ai_lensers_profile_is_ai()
 returns trigger
 language plpgsql
 set search_path to ''
as $function$
begin
  if not exists (select 1 from lensers.profiles p where p.id = new.profile_id and p.type = 'ai') then
    raise exception 'ai_lensers.profile_id % is not an AI profile', new.profile_id using errcode = '23514';
  end if;
  return new;
end
$function$;

revoke all on function agents.tg_ai_lensers_profile_is_ai() from public;

-- ==== supabase/schemas/agents/functions/tg_ai_profile_has_ai_lenser.sql
create or replace function agents.tg_ai_profile_has_ai_lenser()
 returns trigger
 language plpgsql
 security definer
 set search_path to ''
as $function$
begin
  if new.type = 'ai' and exists (select 1 from lensers.profiles p where p.id = new.id)
     and not exists (select 1 from agents.ai_lensers a where a.profile_id = new.id) then
    raise exception 'AI profile % has no agents.ai_lensers row (create both in one transaction)', new.handle
      using errcode = '23514';
  end if;
  return null;
end
$function$;

revoke all on function agents.tg_ai_profile_has_ai_lenser() from public;

-- ==== supabase/schemas/agents/functions/tg_memories_guard.sql
-- Entries are written once; the only later change is a redaction, once, done completely.
create or replace function agents.tg_memories_guard()
 returns trigger
 language plpgsql
 set search_path to ''
as $function$
begin
  if tg_op = 'INSERT' then
    if new.redacted_at is not null or new.redacted_by is not null then
      raise exception 'memories: an entry is written unredacted' using errcode = '23514';
    end if;
    new.created_by := coalesce((select lensers.current_profile_id()), new.created_by);
    return new;
  end if;
  if old.redacted_at is not null then
    raise exception 'memories: entry % was redacted at % and never changes again', old.id, old.redacted_at using errcode = '23514';
  end if;
  if new.redacted_at is null then
    raise exception 'memories: an entry never changes except by redaction' using errcode = '23514';
  end if;
  if (new.memory_profile_id, new.ai_lenser_id, new.scope, new.source, new.confidence, new.expires_at, new.created_by, new.created_at)
     is distinct from (old.memory_profile_id, old.ai_lenser_id, old.scope, old.source, old.confidence, old.expires_at, old.created_by, old.created_at) then
    raise exception 'memories: a redaction only replaces the content, embedding and metadata' using errcode = '23514';
  end if;
  new.content := '[redacted]';
  new.embedding := null;
  new.metadata := '{}';
  new.redacted_by := coalesce((select lensers.current_profile_id()), new.redacted_by);
  return new;
end
$function$;

revoke all on function agents.tg_memories_guard() from public;

-- ==== supabase/schemas/agents/functions/tg_model_profiles_agree.sql
-- A model profile mirrors its ai.models row: the copies are filled in when left null and must agree
-- otherwise. A newly chosen model must be callable (not retired, not catalog_only, a chat model), and
-- maxOutputTokens must fit the model.
create or replace function agents.tg_model_profiles_agree()
 returns trigger
 language plpgsql
 security definer
 set search_path to ''
as $function$
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
$function$;

revoke all on function agents.tg_model_profiles_agree() from public;

-- ==== supabase/schemas/agents/functions/tg_models_sync_model_profiles.sql
-- When the catalog renames a model or provider, or changes a support level, the copies follow.
create or replace function agents.tg_models_sync_model_profiles()
 returns trigger
 language plpgsql
 security definer
 set search_path to ''
as $function$
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
$function$;

revoke all on function agents.tg_models_sync_model_profiles() from public;

-- ==== supabase/schemas/agents/functions/tg_ownerships_keep_an_owner.sql
-- Every agent keeps at least one live owner.
create or replace function agents.tg_ownerships_keep_an_owner()
 returns trigger
 language plpgsql
 security definer
 set search_path to ''
as $function$
begin
  if old.role = 'owner' and old.revoked_at is null
     and (tg_op = 'DELETE' or new.revoked_at is not null or new.role <> 'owner')
     and exists (select 1 from agents.ai_lensers a where a.id = old.ai_lenser_id)
     and not exists (
       select 1 from agents.ownerships o
       where o.ai_lenser_id = old.ai_lenser_id and o.id <> old.id and o.role = 'owner' and o.revoked_at is null
     ) then
    raise exception 'the last owner of an agent cannot be removed; grant another owner first' using errcode = '23514';
  end if;
  return null;
end
$function$;

revoke all on function agents.tg_ownerships_keep_an_owner() from public;

-- ==== supabase/schemas/agents/functions/tg_ownerships_owner_is_human.sql
create or replace function agents.tg_ownerships_owner_is_human()
 returns trigger
 language plpgsql
 set search_path to ''
as $function$
begin
  if not exists (select 1 from lensers.profiles p where p.id = new.owner_lenser_id and p.type = 'human') then
    raise exception 'ownerships.owner_lenser_id % is not a human profile', new.owner_lenser_id using errcode = '23514';
  end if;
  if tg_op = 'UPDATE' and (new.ai_lenser_id, new.owner_lenser_id, new.granted_at) is distinct from (old.ai_lenser_id, old.owner_lenser_id, old.granted_at) then
    raise exception 'an ownership''s agent, owner and grant time never change; revoke it and grant anew' using errcode = '23514';
  end if;
  if tg_op = 'UPDATE' and old.revoked_at is not null then
    raise exception 'a revoked ownership is history and cannot change' using errcode = '23514';
  end if;
  return new;
end
$function$;

revoke all on function agents.tg_ownerships_owner_is_human() from public;

-- ==== supabase/schemas/agents/functions/tg_profiles_agent_fixed.sql
-- A profile's agent never changes.
create or replace function agents.tg_profiles_agent_fixed()
 returns trigger
 language plpgsql
 set search_path to ''
as $function$
begin
  if new.ai_lenser_id is distinct from old.ai_lenser_id then
    raise exception '%.ai_lenser_id cannot change: a profile belongs to its agent for life', tg_table_name
      using errcode = '23514';
  end if;
  return new;
end
$function$;

revoke all on function agents.tg_profiles_agent_fixed() from public;

-- ==== supabase/schemas/agents/functions/tg_team_edges_no_blocking_cycle.sql
-- Blocking edges form no cycle: a new blocking edge source -> target is refused when the source is
-- already reachable from the target along blocking edges. A breadth-first search from the target,
-- each member visited once (linear in the team's size), remembers how it reached each member, so a
-- refusal names the shortest cycle. The per-team advisory lock makes two concurrent inserts see each
-- other. SECURITY DEFINER: the check must see every edge of the team, whoever the caller.
create or replace function agents.tg_team_edges_no_blocking_cycle()
 returns trigger
 language plpgsql
 security definer
 set search_path to ''
as $function$
declare
  v_parents jsonb;          -- member id -> the member it was reached from ('' for the target)
  v_frontier uuid[];
  v_next jsonb;
  v_path uuid[];
  v_at text;
begin
  if not new.is_blocking then
    return new;
  end if;
  perform pg_advisory_xact_lock(hashtextextended('agents.team_edges:' || new.team_id::text, 0));
  v_parents := jsonb_build_object(new.target_member_id::text, '');
  v_frontier := array[new.target_member_id];
  while cardinality(v_frontier) > 0 and not v_parents ? new.source_member_id::text loop
    select coalesce(jsonb_object_agg(x.target_id, x.source_id), '{}'::jsonb), coalesce(array_agg(x.target_id), '{}'::uuid[])
    into v_next, v_frontier
    from (
      select distinct on (e.target_member_id) e.target_member_id as target_id, e.source_member_id as source_id
      from agents.team_edges e
      where e.team_id = new.team_id and e.is_blocking and e.id <> new.id
        and e.source_member_id = any (v_frontier)
        and not v_parents ? e.target_member_id::text
      order by e.target_member_id, e.source_member_id
    ) x;
    v_parents := v_parents || v_next;
  end loop;
  if not v_parents ? new.source_member_id::text then
    return new;
  end if;
  v_at := new.source_member_id::text;
  v_path := array[new.source_member_id];
  while v_parents ->> v_at <> '' loop
    v_at := v_parents ->> v_at;
    v_path := v_at::uuid || v_path;
  end loop;
  raise exception 'team_edges: a blocking edge from member % to member % would close a cycle of blocking edges (% -> %)',
    new.source_member_id, new.target_member_id, new.source_member_id, array_to_string(v_path, ' -> ')
    using errcode = '23514';
end
$function$;

revoke all on function agents.tg_team_edges_no_blocking_cycle() from public;

-- ==== supabase/schemas/agents/functions/tg_team_parts_guard.sql
-- Members and edges of an archived team never change; a member's team and agent are fixed.
create or replace function agents.tg_team_parts_guard()
 returns trigger
 language plpgsql
 security definer
 set search_path to ''
as $function$
declare
  v_team_id uuid := case when tg_op = 'DELETE' then old.team_id else new.team_id end;
begin
  -- (Nested: each table's columns are only named where that table is the one being changed.)
  if tg_op = 'UPDATE' then
    if tg_table_name = 'team_members' then
      if new.team_id is distinct from old.team_id or new.agent_id is distinct from old.agent_id then
        raise exception 'team_members: a member''s team and agent cannot change; remove it and add another' using errcode = '23514';
      end if;
    elsif (new.team_id, new.source_member_id, new.target_member_id)
          is distinct from (old.team_id, old.source_member_id, old.target_member_id) then
      raise exception 'team_edges: an edge''s ends cannot change; remove it and add another' using errcode = '23514';
    end if;
  end if;
  -- Deletes cascading from a deleted team, agent or member (run from a trigger) are not edits.
  if tg_op = 'DELETE' and pg_trigger_depth() > 1 then
    return old;
  end if;
  if exists (select 1 from agents.teams t where t.id = v_team_id and t.status = 'archived') then
    raise exception '%: team % is archived and read-only', tg_table_name, v_team_id using errcode = '23514';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end
$function$;

revoke all on function agents.tg_team_parts_guard() from public;

-- ==== supabase/schemas/agents/functions/tg_teams_guard.sql
create or replace function agents.tg_teams_guard()
 returns trigger
 language plpgsql
 set search_path to ''
as $function$
begin
  if tg_op = 'INSERT' then
    if new.status = 'archived' then
      raise exception 'teams: a team is created active or paused, not archived' using errcode = '23514';
    end if;
    return new;
  end if;
  if new.owner_lenser_id is distinct from old.owner_lenser_id then
    raise exception 'teams.owner_lenser_id cannot change' using errcode = '23514';
  end if;
  if old.status = 'archived' then
    raise exception 'teams: team % is archived and read-only', old.id using errcode = '23514';
  end if;
  return new;
end
$function$;

revoke all on function agents.tg_teams_guard() from public;

-- ==== supabase/schemas/agents/functions/tg_tool_invocations_lifecycle.sql
create or replace function agents.tg_tool_invocations_lifecycle()
 returns trigger
 language plpgsql
 set search_path to ''
as $function$
declare
  v_access record;
  v_me uuid := (select lensers.current_profile_id());
begin
  if tg_op = 'INSERT' then
    if new.status <> 'requested' then
      raise exception 'tool_invocations: an invocation is inserted as requested, not %', new.status using errcode = '23514';
    end if;
    if new.output is not null or new.error is not null or new.approved_by is not null or new.approved_at is not null
       or new.rejected_by is not null or new.rejected_at is not null or new.rejected_reason is not null
       or new.started_at is not null or new.completed_at is not null or new.cost_credits <> 0 then
      raise exception 'tool_invocations: a new invocation has no outcome, decision or cost yet' using errcode = '23514';
    end if;
    -- (RLS checks the new row after this trigger; a signed-in caller is checked here first, so
    -- that the answer is "not allowed" rather than what this trigger cannot see.)
    if (current_user = 'authenticated' or v_me is not null) and not (select agents.can_operate_ai_lenser(new.ai_lenser_id)) then
      raise exception 'tool_invocations: you do not own, co-own or operate agent %', new.ai_lenser_id using errcode = '42501';
    end if;
    if not exists (select 1 from agents.ai_lensers a where a.id = new.ai_lenser_id and a.is_active) then
      raise exception 'tool_invocations: agent % is not active', new.ai_lenser_id using errcode = '23514';
    end if;
    if new.tool_profile_id is null then
      select p.id into new.tool_profile_id from agents.tool_profiles p where p.ai_lenser_id = new.ai_lenser_id and p.is_default;
      if new.tool_profile_id is null then
        raise exception 'tool_invocations: agent % has no default tool profile', new.ai_lenser_id using errcode = '23514';
      end if;
    end if;
    select a.* into v_access from agents.fn_tool_access(new.tool_profile_id, new.tool_id) a;
    if not v_access.allowed then
      raise exception 'tool_invocations: %', v_access.reason using errcode = '42501';
    end if;
    new.requires_approval := v_access.requires_approval;
    new.requested_by := coalesce(v_me, new.requested_by);
    -- requested resolves at once: to awaiting_approval, or straight to running.
    if new.requires_approval then
      new.status := 'awaiting_approval';
    else
      new.status := 'running';
      new.started_at := now();
    end if;
    return new;
  end if;

  -- What an invocation was asked to do never changes; links to profiles may only be cleared.
  if (new.ai_lenser_id, new.tool_id, new.requires_approval, new.input, new.created_at, new.step_id, new.workflow_node_result_id)
     is distinct from (old.ai_lenser_id, old.tool_id, old.requires_approval, old.input, old.created_at, old.step_id, old.workflow_node_result_id)
     or (new.tool_profile_id is distinct from old.tool_profile_id and new.tool_profile_id is not null)
     or (new.requested_by is distinct from old.requested_by and new.requested_by is not null) then
    raise exception 'tool_invocations: an invocation''s agent, tool, profile, input and links never change' using errcode = '23514';
  end if;

  if new.status = old.status then
    if (new.output, new.error, new.approved_at, new.rejected_at, new.rejected_reason, new.cost_credits, new.started_at, new.completed_at)
       is distinct from (old.output, old.error, old.approved_at, old.rejected_at, old.rejected_reason, old.cost_credits, old.started_at, old.completed_at)
       or (new.approved_by is distinct from old.approved_by and new.approved_by is not null)
       or (new.rejected_by is distinct from old.rejected_by and new.rejected_by is not null) then
      raise exception 'tool_invocations: a % invocation changes only by moving on in its lifecycle', old.status using errcode = '23514';
    end if;
    return new;
  end if;

  if old.status = 'awaiting_approval' and new.status in ('approved', 'rejected') then
    -- A signed-in caller decides for themself and must own or co-own the agent; the platform
    -- (service role) records a decision on someone's behalf and names them.
    if current_user = 'authenticated' or v_me is not null then
      if v_me is null or not (select agents.can_manage_ai_lenser(new.ai_lenser_id)) then
        raise exception 'tool_invocations: only an owner or co-owner of agent % may approve or reject its tool calls', new.ai_lenser_id
          using errcode = '42501';
      end if;
    end if;
    if new.status = 'approved' then
      new.approved_by := coalesce(v_me, new.approved_by);
      new.approved_at := now();
      if new.approved_by is null then
        raise exception 'tool_invocations: an approval names who approved' using errcode = '23514';
      end if;
    else
      new.rejected_by := coalesce(v_me, new.rejected_by);
      new.rejected_at := now();
      new.completed_at := now();
      if new.rejected_by is null then
        raise exception 'tool_invocations: a rejection names who rejected' using errcode = '23514';
      end if;
    end if;
  elsif old.status = 'approved' and new.status = 'running' then
    new.started_at := now();
  elsif old.status = 'running' and new.status in ('succeeded', 'failed') then
    new.completed_at := now();
  else
    raise exception 'tool_invocations: status cannot go from % to %', old.status, new.status using errcode = '23514';
  end if;
  if (new.output is distinct from old.output or new.error is distinct from old.error or new.cost_credits is distinct from old.cost_credits)
     and new.status not in ('succeeded', 'failed') then
    raise exception 'tool_invocations: output, error and cost are recorded when the call ends' using errcode = '23514';
  end if;
  return new;
end
$function$;

revoke all on function agents.tg_tool_invocations_lifecycle() from public;

-- ==== supabase/schemas/agents/functions/tg_tool_profiles_known_tools.sql
-- Tool profiles name known tools and groups only; lists are kept sorted and without duplicates.
create or replace function agents.tg_tool_profiles_known_tools()
 returns trigger
 language plpgsql
 security definer
 set search_path to ''
as $function$
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
$function$;

revoke all on function agents.tg_tool_profiles_known_tools() from public;

-- ==== supabase/schemas/agents/functions/tg_workflow_assignments_fixed.sql
create or replace function agents.tg_workflow_assignments_fixed()
 returns trigger
 language plpgsql
 set search_path to ''
as $function$
begin
  if tg_op = 'INSERT' then
    -- The creator is whoever is signed in (the service role may name one).
    new.created_by := coalesce((select lensers.current_profile_id()), new.created_by);
    return new;
  end if;
  if (new.workflow_id, new.assignee_kind, new.assignee_ai_lenser_id, new.assignee_team_id)
     is distinct from (old.workflow_id, old.assignee_kind, old.assignee_ai_lenser_id, old.assignee_team_id) then
    raise exception 'workflow_assignments: an assignment''s workflow and assignee never change; disable it and create another'
      using errcode = '23514';
  end if;
  return new;
end
$function$;

revoke all on function agents.tg_workflow_assignments_fixed() from public;

-- ==== supabase/schemas/lenses/functions/fn_acting_lenser.sql
-- The lenser a write acts as: p_lenser_id, or the caller's own profile; must be editable by the caller.
create or replace function lenses.fn_acting_lenser(p_rpc text, p_lenser_id uuid)
 returns uuid
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_lenser uuid;
begin
  if (select auth.uid()) is null then
    raise exception '%: sign in first (no user in the JWT)', p_rpc using errcode = '42501';
  end if;
  v_lenser := coalesce(p_lenser_id, (select lensers.current_profile_id()));
  if v_lenser is null or v_lenser not in (select lensers.editable_profile_ids()) then
    raise exception '%: you cannot act as lenser % (your own profile or an AI you own or co-own)', p_rpc,
      coalesce(v_lenser::text, 'null') using errcode = '42501';
  end if;
  return v_lenser;
end
$function$;

revoke all on function lenses.fn_acting_lenser(p_rpc text, p_lenser_id uuid) from public;
grant execute on function lenses.fn_acting_lenser(p_rpc text, p_lenser_id uuid) to authenticated, service_role;

-- ==== supabase/schemas/lenses/functions/fn_add_usage_to_result.sql
-- Adds a model call's usage to a result that the caller will not update again itself.
create or replace function lenses.fn_add_usage_to_result(p_result_id uuid, p_in bigint, p_out bigint, p_cached bigint, p_cost numeric)
 returns void
 language plpgsql
 set search_path to ''
as $function$
begin
  if p_in = 0 and p_out = 0 and p_cached = 0 and p_cost = 0 then
    return;
  end if;
  update lenses.workflow_node_results x
  set input_tokens = x.input_tokens + p_in, output_tokens = x.output_tokens + p_out,
      cached_tokens = x.cached_tokens + p_cached, cost_credits = x.cost_credits + p_cost
  where x.id = p_result_id;
end
$function$;

revoke all on function lenses.fn_add_usage_to_result(p_result_id uuid, p_in bigint, p_out bigint, p_cached bigint, p_cost numeric) from public;
grant execute on function lenses.fn_add_usage_to_result(p_result_id uuid, p_in bigint, p_out bigint, p_cached bigint, p_cost numeric) to service_role;

-- ==== supabase/schemas/lenses/functions/fn_agent_default_model.sql
-- The default model profile of the AI lenser a run belongs to (nulls for a human's run).
create or replace function lenses.fn_agent_default_model(p_lenser_id uuid, OUT model_id uuid, OUT params jsonb)
 returns record
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  select mp.model_id, mp.params into model_id, params
  from agents.ai_lensers a
  join agents.model_profiles mp on mp.ai_lenser_id = a.id and mp.is_default
  where a.profile_id = p_lenser_id;
end
$function$;

revoke all on function lenses.fn_agent_default_model(p_lenser_id uuid, OUT model_id uuid, OUT params jsonb) from public;
grant execute on function lenses.fn_agent_default_model(p_lenser_id uuid, OUT model_id uuid, OUT params jsonb) to service_role;

-- ==== supabase/schemas/lenses/functions/fn_answers_with_run_status.sql
-- Each answer with the status its run has now.
create or replace function lenses.fn_answers_with_run_status(p_answers jsonb[], p_run_ids uuid[])
 returns jsonb[]
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  return array(
    select u.answer || jsonb_build_object('run_status', r.status)
    from unnest(p_answers, p_run_ids) with ordinality u(answer, run_id, ord)
    join lenses.workflow_runs r on r.id = u.run_id and r.id = any (p_run_ids)
    order by u.ord);
end
$function$;

revoke all on function lenses.fn_answers_with_run_status(p_answers jsonb[], p_run_ids uuid[]) from public;
grant execute on function lenses.fn_answers_with_run_status(p_answers jsonb[], p_run_ids uuid[]) to service_role;

-- ==== supabase/schemas/lenses/functions/fn_append_workflow_run_event.sql
-- Allocates the next event_id of the run: 1, 2, 3... with no gap, because it is the highest
-- event_id plus one, read under the run's lock (taken here too; advisory locks nest) in the same
-- transaction as the insert. Tells listeners on channel workflow_run_events (payload: the run id;
-- Postgres folds identical notifications of one transaction into one) when the run is watched.
create or replace function lenses.fn_append_workflow_run_event(p_run_id uuid, p_event_type lenses.run_event_type, p_payload jsonb default '{}'::jsonb, p_node_id uuid default NULL::uuid, p_actor_id uuid default NULL::uuid)
 returns bigint
 language plpgsql
 set search_path to ''
as $function$
declare
  v_event_id bigint;
begin
  perform pg_advisory_xact_lock(hashtextextended(p_run_id::text, 1307));
  insert into lenses.workflow_run_events (run_id, event_id, event_type, actor_id, node_id, payload)
  select p_run_id, coalesce(max(e.event_id), 0) + 1, p_event_type, p_actor_id, p_node_id, coalesce(p_payload, '{}')
  from lenses.workflow_run_events e where e.run_id = p_run_id
  returning event_id into v_event_id;
  -- A notifying commit takes a database-wide lock until its WAL is flushed, so only runs that a
  -- client is streaming notify (the run-events function keeps watched_until ahead of now).
  if exists (select 1 from lenses.workflow_runs r where r.id = p_run_id and r.watched_until > now()) then
    perform pg_notify('workflow_run_events', p_run_id::text);
  end if;
  return v_event_id;
end
$function$;

comment on function lenses.fn_append_workflow_run_event(p_run_id uuid, p_event_type lenses.run_event_type, p_payload jsonb, p_node_id uuid, p_actor_id uuid) is 'Appends one event to a run''s log with the next gap-free event_id, and notifies workflow_run_events.';

revoke all on function lenses.fn_append_workflow_run_event(p_run_id uuid, p_event_type lenses.run_event_type, p_payload jsonb, p_node_id uuid, p_actor_id uuid) from public;
grant execute on function lenses.fn_append_workflow_run_event(p_run_id uuid, p_event_type lenses.run_event_type, p_payload jsonb, p_node_id uuid, p_actor_id uuid) to service_role;

-- ==== supabase/schemas/lenses/functions/fn_append_workflow_run_events.sql
create or replace function lenses.fn_append_workflow_run_events(p_events jsonb)
 returns void
 language plpgsql
 set search_path to ''
as $function$
declare
  v_runs uuid[];
begin
  if p_events is null or jsonb_array_length(p_events) = 0 then
    return;
  end if;
  select array_agg(distinct (e ->> 'run_id')::uuid order by (e ->> 'run_id')::uuid) into v_runs
  from jsonb_array_elements(p_events) e;
  -- Advisory locks nest: a caller that holds them takes nothing new; run id order as everywhere.
  perform pg_advisory_xact_lock(hashtextextended(r::text, 1307)) from unnest(v_runs) r;
  -- The subquery sees the log as it was before this statement, so each run's new events number on
  -- from its highest event_id.
  insert into lenses.workflow_run_events (run_id, event_id, event_type, actor_id, node_id, payload)
  select e.run_id,
         coalesce((select max(x.event_id) from lenses.workflow_run_events x where x.run_id = e.run_id), 0)
           + row_number() over (partition by e.run_id order by e.ord),
         e.event_type, e.actor_id, e.node_id, e.payload
  from (select (v ->> 'run_id')::uuid as run_id, (v ->> 'event_type')::lenses.run_event_type as event_type,
               (v ->> 'actor_id')::uuid as actor_id, (v ->> 'node_id')::uuid as node_id,
               coalesce(v -> 'payload', '{}') as payload, a.ord
        from jsonb_array_elements(p_events) with ordinality a(v, ord)) e;
  perform pg_notify('workflow_run_events', r.id::text)
  from lenses.workflow_runs r where r.id = any (v_runs) and r.watched_until > now();
end
$function$;

comment on function lenses.fn_append_workflow_run_events(p_events jsonb) is 'Appends events of one or more runs in one insert, each run''s in order with the next gap-free event_ids.';

revoke all on function lenses.fn_append_workflow_run_events(p_events jsonb) from public;
grant execute on function lenses.fn_append_workflow_run_events(p_events jsonb) to service_role;

-- ==== supabase/schemas/lenses/functions/fn_check_edge_args.sql
-- Checks edge arguments; returns the condition as jsonpath.
create or replace function lenses.fn_check_edge_args(p_rpc text, p_merge_strategy lenses.merge_strategy, p_condition text, p_source_output_path text, p_target_input_path text)
 returns jsonpath
 language plpgsql
 immutable
 set search_path to ''
as $function$
declare
  v_condition jsonpath;
begin
  if p_merge_strategy is null then
    raise exception '%: p_merge_strategy must be last_write_wins, concat, array or json_object', p_rpc using errcode = '22023';
  end if;
  if p_condition is not null then
    begin
      v_condition := p_condition::jsonpath;
    exception when others then
      raise exception '%: p_condition is not a valid jsonpath: %', p_rpc, sqlerrm using errcode = '22023';
    end;
  end if;
  if p_source_output_path !~ '^[A-Za-z_][A-Za-z0-9_]{0,62}(\.[A-Za-z_][A-Za-z0-9_]{0,62}){0,15}$' then
    raise exception '%: p_source_output_path "%" must be a dotted path of field names (e.g. summary or meta.score)', p_rpc,
      p_source_output_path using errcode = '22023';
  end if;
  if p_target_input_path !~ '^[A-Za-z_][A-Za-z0-9_]{0,62}$' then
    raise exception '%: p_target_input_path "%" must be an input field name (an identifier)', p_rpc, p_target_input_path
      using errcode = '22023';
  end if;
  if p_merge_strategy <> 'last_write_wins' and p_target_input_path is null then
    raise exception '%: p_merge_strategy % needs a p_target_input_path (the field values are merged into)', p_rpc, p_merge_strategy
      using errcode = '22023';
  end if;
  return v_condition;
end
$function$;

revoke all on function lenses.fn_check_edge_args(p_rpc text, p_merge_strategy lenses.merge_strategy, p_condition text, p_source_output_path text, p_target_input_path text) from public;
grant execute on function lenses.fn_check_edge_args(p_rpc text, p_merge_strategy lenses.merge_strategy, p_condition text, p_source_output_path text, p_target_input_path text) to authenticated, service_role;

-- ==== supabase/schemas/lenses/functions/fn_check_lease_args.sql
-- The worker's lease arguments, as claim_workflow_tasks and complete_workflow_tasks take them.
create or replace function lenses.fn_check_lease_args(p_fn text, p_worker_id text, p_limit integer, p_lease_seconds integer, p_limit_name text default 'p_limit'::text)
 returns void
 language plpgsql
 immutable
 set search_path to ''
as $function$
begin
  if p_worker_id is null or char_length(p_worker_id) not between 1 and 200 then
    raise exception '%: p_worker_id must be 1 to 200 characters', p_fn using errcode = '22023';
  end if;
  if p_limit is null or p_limit not between 1 and 500 then
    raise exception '%: % must be between 1 and 500, got %', p_fn, p_limit_name, coalesce(p_limit::text, 'null')
      using errcode = '22023';
  end if;
  if p_lease_seconds is null or p_lease_seconds not between 1 and 3600 then
    raise exception '%: p_lease_seconds must be between 1 and 3600, got %', p_fn, coalesce(p_lease_seconds::text, 'null')
      using errcode = '22023';
  end if;
end
$function$;

revoke all on function lenses.fn_check_lease_args(p_fn text, p_worker_id text, p_limit integer, p_lease_seconds integer, p_limit_name text) from public;
grant execute on function lenses.fn_check_lease_args(p_fn text, p_worker_id text, p_limit integer, p_lease_seconds integer, p_limit_name text) to service_role;

-- ==== supabase/schemas/lenses/functions/fn_check_node_args.sql
-- Checks node arguments the way the table will, with errors naming the RPC and argument.
create or replace function lenses.fn_check_node_args(p_rpc text, p_kind lenses.workflow_node_kind, p_lens_version_id uuid, p_inline_override jsonb, p_config jsonb)
 returns void
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_errors text[];
begin
  if p_kind = 'lens' and (p_lens_version_id is null) = (p_inline_override is null) then
    raise exception '%: a lens node needs exactly one of p_lens_version_id and p_inline_override', p_rpc using errcode = '22023';
  end if;
  if p_kind = 'human_input' and (p_lens_version_id is not null or p_inline_override is not null) then
    raise exception '%: a human_input node has no p_lens_version_id or p_inline_override (its config carries a prompt)', p_rpc
      using errcode = '22023';
  end if;
  if p_lens_version_id is not null and not exists (select 1 from lenses.versions v where v.id = p_lens_version_id) then
    raise exception '%: p_lens_version_id % is not a lens version you can read', p_rpc, p_lens_version_id using errcode = '22023';
  end if;
  if p_inline_override is not null then
    v_errors := lenses.fn_inline_override_errors(p_inline_override);
    if cardinality(v_errors) > 0 then
      raise exception '%: p_inline_override is not valid: %', p_rpc, array_to_string(v_errors, '; ') using errcode = '22023';
    end if;
  end if;
  v_errors := lenses.fn_node_config_errors(p_kind, p_config);
  if cardinality(v_errors) > 0 then
    raise exception '%: p_config is not valid: %', p_rpc, array_to_string(v_errors, '; ') using errcode = '22023';
  end if;
  if p_config ? 'model_id' and not exists (select 1 from ai.models m where m.id = (p_config ->> 'model_id')::uuid) then
    raise exception '%: p_config.model_id % is not a model in ai.models (see list_ai_models)', p_rpc, p_config ->> 'model_id'
      using errcode = '22023';
  end if;
end
$function$;

revoke all on function lenses.fn_check_node_args(p_rpc text, p_kind lenses.workflow_node_kind, p_lens_version_id uuid, p_inline_override jsonb, p_config jsonb) from public;
grant execute on function lenses.fn_check_node_args(p_rpc text, p_kind lenses.workflow_node_kind, p_lens_version_id uuid, p_inline_override jsonb, p_config jsonb) to authenticated, service_role;

-- ==== supabase/schemas/lenses/functions/fn_compact_json.sql
-- Compact JSON text: what JSON.stringify prints, with object keys in jsonb's stored order.
create or replace function lenses.fn_compact_json(p_value jsonb)
 returns text
 language plpgsql
 immutable
 set search_path to ''
as $function$
begin
  case jsonb_typeof(p_value)
    when 'object' then
      return '{' || coalesce((
        select string_agg(to_json(e.key)::text || ':' || lenses.fn_compact_json(e.value), ',' order by e.ord)
        from jsonb_each(p_value) with ordinality as e(key, value, ord)), '') || '}';
    when 'array' then
      return '[' || coalesce((
        select string_agg(lenses.fn_compact_json(e.value), ',' order by e.ord)
        from jsonb_array_elements(p_value) with ordinality as e(value, ord)), '') || ']';
    else
      return p_value::text;
  end case;
end
$function$;

comment on function lenses.fn_compact_json(p_value jsonb) is 'Compact JSON text of a value (no whitespace), keys in jsonb order.';

revoke all on function lenses.fn_compact_json(p_value jsonb) from public;
grant execute on function lenses.fn_compact_json(p_value jsonb) to anon, authenticated, service_role;

-- ==== supabase/schemas/lenses/functions/fn_compile_workflow_plan.sql
-- Compiles only a frozen (published or archived) workflow: a draft's plan would go stale.
create or replace function lenses.fn_compile_workflow_plan(p_workflow_id uuid)
 returns void
 language plpgsql
 set search_path to ''
as $function$
begin
  if not exists (select 1 from lenses.workflows w where w.id = p_workflow_id and w.status in ('published', 'archived')) then
    raise exception 'fn_compile_workflow_plan: workflow % is not published', p_workflow_id using errcode = '22023';
  end if;
  insert into lenses.workflow_node_plans (node_id, workflow_id, node_key, kind, template_body, parameter_defs, param_labels,
    params, input_contract, output_contract, model_id, human_prompt, successor_ids, predecessor_count)
  select n.id, n.workflow_id, n.key, n.kind, n.template_body, coalesce(n.parameter_defs, '[]'),
         coalesce((select array_agg(d ->> 'label' order by ord)
                   from jsonb_array_elements(coalesce(n.parameter_defs, '[]')) with ordinality d(d, ord)), '{}'),
         n.params, n.input_contract, n.output_contract, n.model_id, n.prompt,
         coalesce((select array_agg(distinct e.target_node_id) from lenses.workflow_edges e where e.source_node_id = n.id), '{}'),
         (select count(distinct e.source_node_id)::integer from lenses.workflow_edges e where e.target_node_id = n.id)
  from lenses.workflow_nodes_v n
  where n.workflow_id = p_workflow_id
  on conflict (node_id) do nothing;
end
$function$;

comment on function lenses.fn_compile_workflow_plan(p_workflow_id uuid) is 'Writes the engine''s plan of each node of a published workflow (a no-op for nodes that have one).';

revoke all on function lenses.fn_compile_workflow_plan(p_workflow_id uuid) from public;
grant execute on function lenses.fn_compile_workflow_plan(p_workflow_id uuid) to service_role;

-- ==== supabase/schemas/lenses/functions/fn_contract_arg.sql
-- Checks a contract argument; returns it with JSON null read as no contract.
create or replace function lenses.fn_contract_arg(p_rpc text, p_arg text, p_contract jsonb, p_kind text)
 returns jsonb
 language plpgsql
 immutable
 set search_path to ''
as $function$
declare
  v_errors text[];
begin
  if p_contract is null or p_contract = 'null'::jsonb then
    return null;
  end if;
  v_errors := lenses.fn_contract_errors(p_contract, p_kind);
  if cardinality(v_errors) > 0 then
    raise exception '%: % is not a valid % contract: %', p_rpc, p_arg, p_kind, array_to_string(v_errors, '; ')
      using errcode = '22023';
  end if;
  return p_contract;
end
$function$;

revoke all on function lenses.fn_contract_arg(p_rpc text, p_arg text, p_contract jsonb, p_kind text) from public;
grant execute on function lenses.fn_contract_arg(p_rpc text, p_arg text, p_contract jsonb, p_kind text) to anon, authenticated, service_role;

-- ==== supabase/schemas/lenses/functions/fn_contract_errors.sql
create or replace function lenses.fn_contract_errors(p_contract jsonb, p_kind text)
 returns text[]
 language plpgsql
 immutable
 set search_path to ''
as $function$
declare
  v_errors text[] := '{}'::text[];
  v_allowed text[];
  v_key text;
  v_field jsonb;
  v_index integer := 0;
  v_where text;
begin
  if p_kind is null or p_kind not in ('input', 'output') then
    raise exception 'fn_contract_errors: p_kind must be input or output, got %', coalesce(p_kind, 'null')
      using errcode = '22023';
  end if;
  if p_contract is null or jsonb_typeof(p_contract) <> 'object' then
    return array[format('%s contract must be a JSON object', p_kind)];
  end if;
  v_allowed := case p_kind when 'input' then array['kind', 'fields'] else array['kind', 'artifactKind', 'fields'] end;
  for v_key in select k from jsonb_object_keys(p_contract) k order by k loop
    if not v_key = any (v_allowed) then
      v_errors := v_errors || format('%s contract has an unknown key "%s" (allowed: %s)', p_kind, v_key, array_to_string(v_allowed, ', '));
    end if;
  end loop;

  if not p_contract ? 'kind' then
    v_errors := v_errors || format('%s contract must declare kind (text or json)', p_kind);
  elsif jsonb_typeof(p_contract -> 'kind') <> 'string'
        or not (p_contract ->> 'kind') = any (enum_range(null::lenses.contract_kind)::text[]) then
    v_errors := v_errors || format('%s contract kind must be text or json, got %s', p_kind, p_contract -> 'kind');
  end if;

  if p_kind = 'output' then
    if not p_contract ? 'artifactKind' then
      v_errors := v_errors || 'output contract must declare artifactKind'::text;
    elsif jsonb_typeof(p_contract -> 'artifactKind') <> 'string'
          or not (p_contract ->> 'artifactKind') = any (enum_range(null::lenses.artifact_kind)::text[]) then
      v_errors := v_errors || format('output contract artifactKind must be one of %s, got %s',
        array_to_string(enum_range(null::lenses.artifact_kind)::text[], ', '), p_contract -> 'artifactKind');
    end if;
  end if;

  if p_contract ? 'fields' then
    if jsonb_typeof(p_contract -> 'fields') <> 'array' then
      v_errors := v_errors || format('%s contract fields must be an array', p_kind);
    else
      if jsonb_array_length(p_contract -> 'fields') > 100 then
        v_errors := v_errors || format('%s contract has more than 100 fields', p_kind);
      end if;
      for v_field in select f from jsonb_array_elements(p_contract -> 'fields') f loop
        v_where := format('%s contract fields[%s]', p_kind, v_index);
        v_index := v_index + 1;
        if jsonb_typeof(v_field) <> 'object' then
          v_errors := v_errors || format('%s must be an object', v_where);
          continue;
        end if;
        for v_key in select k from jsonb_object_keys(v_field) k order by k loop
          if v_key not in ('name', 'type', 'required', 'description') then
            v_errors := v_errors || format('%s has an unknown key "%s" (allowed: name, type, required, description)', v_where, v_key);
          end if;
        end loop;
        if jsonb_typeof(v_field -> 'name') is distinct from 'string' or (v_field ->> 'name') !~ '^[A-Za-z_][A-Za-z0-9_]{0,62}$' then
          v_errors := v_errors || format('%s.name must be an identifier (letters, digits, _; at most 63)', v_where);
        end if;
        if jsonb_typeof(v_field -> 'type') is distinct from 'string'
           or not (v_field ->> 'type') = any (enum_range(null::lenses.contract_field_type)::text[]) then
          v_errors := v_errors || format('%s.type must be one of %s', v_where,
            array_to_string(enum_range(null::lenses.contract_field_type)::text[], ', '));
        end if;
        if jsonb_typeof(v_field -> 'required') is distinct from 'boolean' then
          v_errors := v_errors || format('%s.required must be true or false', v_where);
        end if;
        if v_field ? 'description' and (jsonb_typeof(v_field -> 'description') <> 'string'
                                        or char_length(v_field ->> 'description') > 500) then
          v_errors := v_errors || format('%s.description must be a string of at most 500 characters', v_where);
        end if;
      end loop;
      if (select count(distinct f ->> 'name') from jsonb_array_elements(p_contract -> 'fields') f
          where jsonb_typeof(f) = 'object' and jsonb_typeof(f -> 'name') = 'string')
         < (select count(*) from jsonb_array_elements(p_contract -> 'fields') f
            where jsonb_typeof(f) = 'object' and jsonb_typeof(f -> 'name') = 'string') then
        v_errors := v_errors || format('%s contract field names must be unique', p_kind);
      end if;
      if p_contract ->> 'kind' = 'text' and jsonb_array_length(p_contract -> 'fields') > 0 then
        v_errors := v_errors || format('%s contract of kind text has no fields (its value is { text })', p_kind);
      end if;
    end if;
  end if;
  return v_errors;
end
$function$;

comment on function lenses.fn_contract_errors(p_contract jsonb, p_kind text) is 'Errors in an input or output contract (empty when valid); the SQL twin of types/contracts.ts.';

revoke all on function lenses.fn_contract_errors(p_contract jsonb, p_kind text) from public;
grant execute on function lenses.fn_contract_errors(p_contract jsonb, p_kind text) to anon, authenticated, service_role;

-- ==== supabase/schemas/lenses/functions/fn_contract_fields.sql
-- A contract as named, typed fields: a text contract is one required string field "text"; a json
-- contract its declared fields. Null for no contract. Used by workflow validation and the engine.
create or replace function lenses.fn_contract_fields(p_contract jsonb)
 returns TABLE(name text, type lenses.contract_field_type, required boolean)
 language sql
 immutable
 set search_path to ''
as $function$
  select 'text', 'string'::lenses.contract_field_type, true
  where p_contract ->> 'kind' = 'text'
  union all
  select f ->> 'name', (f ->> 'type')::lenses.contract_field_type, (f ->> 'required')::boolean
  from jsonb_array_elements(case when p_contract ->> 'kind' = 'json' then coalesce(p_contract -> 'fields', '[]') else '[]' end) f
$function$;

comment on function lenses.fn_contract_fields(p_contract jsonb) is 'The fields of a valid contract: text kind is one required string field "text"; json kind its declared fields.';

revoke all on function lenses.fn_contract_fields(p_contract jsonb) from public;
grant execute on function lenses.fn_contract_fields(p_contract jsonb) to anon, authenticated, service_role;

-- ==== supabase/schemas/lenses/functions/fn_contract_type_accepts.sql
-- Whether a value of type p_value fits a slot of type p_slot ('any' = untyped).
create or replace function lenses.fn_contract_type_accepts(p_slot text, p_value text)
 returns boolean
 language sql
 immutable
 set search_path to ''
as $function$
  select p_slot = 'any' or p_value = 'any' or p_slot = p_value or (p_slot = 'number' and p_value = 'integer')
$function$;

revoke all on function lenses.fn_contract_type_accepts(p_slot text, p_value text) from public;
grant execute on function lenses.fn_contract_type_accepts(p_slot text, p_value text) to anon, authenticated, service_role;

-- ==== supabase/schemas/lenses/functions/fn_contract_value_errors.sql
-- Errors (empty when none) of a value against a contract; a null contract accepts any object.
create or replace function lenses.fn_contract_value_errors(p_contract jsonb, p_value jsonb)
 returns text[]
 language plpgsql
 immutable
 set search_path to ''
as $function$
declare
  v_errors text[] := '{}';
  v_field jsonb;
  v_item jsonb;
begin
  if p_value is null or jsonb_typeof(p_value) <> 'object' then
    return array['the value must be a JSON object'];
  end if;
  if p_contract is null then
    return v_errors;
  end if;
  if p_contract ->> 'kind' = 'text' then
    if jsonb_typeof(p_value -> 'text') is distinct from 'string' then
      v_errors := v_errors || 'a text value needs a string field "text"'::text;
    end if;
    return v_errors;
  end if;
  for v_field in select jsonb_array_elements(coalesce(p_contract -> 'fields', '[]')) loop
    v_item := p_value -> (v_field ->> 'name');
    if v_item is null or jsonb_typeof(v_item) = 'null' then
      if (v_field ->> 'required')::boolean then
        v_errors := v_errors || format('missing required field "%s"', v_field ->> 'name');
      end if;
    elsif not lenses.fn_json_type_matches(v_item, v_field ->> 'type') then
      v_errors := v_errors || format('field "%s" must be %s, got %s', v_field ->> 'name', v_field ->> 'type', jsonb_typeof(v_item));
    end if;
  end loop;
  return v_errors;
end
$function$;

comment on function lenses.fn_contract_value_errors(p_contract jsonb, p_value jsonb) is 'The reasons a value does not satisfy a contract (text: { text: string }; json: required fields of the declared types).';

revoke all on function lenses.fn_contract_value_errors(p_contract jsonb, p_value jsonb) from public;
grant execute on function lenses.fn_contract_value_errors(p_contract jsonb, p_value jsonb) to authenticated, service_role;

-- ==== supabase/schemas/lenses/functions/fn_edge_condition_holds.sql
-- For the engine: whether an edge is active for a source output, and the value it carries.
-- (plpgsql, not sql: with SET a sql function is never inlined and is planned at every call; the
-- engine calls these two for every edge of every completed node.)
create or replace function lenses.fn_edge_condition_holds(p_condition jsonpath, p_output jsonb)
 returns boolean
 language plpgsql
 immutable
 set search_path to ''
as $function$
begin
  return p_condition is null or coalesce(jsonb_path_match(coalesce(p_output, 'null'::jsonb), p_condition, '{}', true), false);
end
$function$;

comment on function lenses.fn_edge_condition_holds(p_condition jsonpath, p_output jsonb) is 'True when the edge condition (a jsonpath predicate, silent) yields true on the output; a null condition always holds.';

revoke all on function lenses.fn_edge_condition_holds(p_condition jsonpath, p_output jsonb) from public;
grant execute on function lenses.fn_edge_condition_holds(p_condition jsonpath, p_output jsonb) to anon, authenticated, service_role;

-- ==== supabase/schemas/lenses/functions/fn_edge_contract_errors.sql
-- The compatibility errors of one edge (rules 1 and 2 above).
create or replace function lenses.fn_edge_contract_errors(p_source_output jsonb, p_target_input jsonb, p_source_output_path text, p_target_input_path text, p_merge_strategy lenses.merge_strategy)
 returns TABLE(code text, message text)
 language plpgsql
 immutable
 set search_path to ''
as $function$
declare
  v_source_open boolean;
  v_target_open boolean;
  v_first text;
  v_value_type text;
  v_slot_type text;
  v_whole boolean := p_source_output_path is null;
  v_field record;
begin
  if p_source_output is null or p_target_input is null then
    return;
  end if;
  v_source_open := p_source_output ->> 'kind' = 'json' and coalesce(jsonb_array_length(p_source_output -> 'fields'), 0) = 0;
  v_target_open := p_target_input ->> 'kind' = 'json' and coalesce(jsonb_array_length(p_target_input -> 'fields'), 0) = 0;

  -- 1. The value.
  if v_whole then
    v_value_type := 'object';
  elsif v_source_open then
    v_value_type := 'any';
  else
    v_first := split_part(p_source_output_path, '.', 1);
    select f.type::text into v_value_type from lenses.fn_contract_fields(p_source_output) f where f.name = v_first;
    if v_value_type is null then
      code := 'edge_source_path_unknown';
      message := format('source_output_path "%s" names no field of the source output (fields: %s)', p_source_output_path,
        (select string_agg(f.name, ', ' order by f.name) from lenses.fn_contract_fields(p_source_output) f));
      return next;
      return;
    end if;
    if position('.' in p_source_output_path) > 0 then
      if v_value_type <> 'object' then
        code := 'edge_source_path_unknown';
        message := format('source_output_path "%s" goes into field "%s", which is %s, not an object', p_source_output_path, v_first, v_value_type);
        return next;
        return;
      end if;
      v_value_type := 'any';
    end if;
  end if;

  -- 2. Where it goes.
  if p_target_input_path is null then
    if not lenses.fn_contract_type_accepts('object', v_value_type) then
      code := 'edge_type_mismatch';
      message := format('the edge carries a %s with no target_input_path; only an object can be merged into the input', v_value_type);
      return next;
      return;
    end if;
    if v_whole and not v_source_open and not v_target_open then
      for v_field in
        select t.name, t.type::text as type, s.type::text as source_type
        from lenses.fn_contract_fields(p_target_input) t
        join lenses.fn_contract_fields(p_source_output) s on s.name = t.name
        where not lenses.fn_contract_type_accepts(t.type::text, s.type::text)
        order by t.name
      loop
        code := 'edge_type_mismatch';
        message := format('input field "%s" is %s but the source output field "%s" is %s', v_field.name, v_field.type, v_field.name, v_field.source_type);
        return next;
      end loop;
    end if;
    return;
  end if;

  if v_target_open then
    v_slot_type := 'any';
  else
    select f.type::text into v_slot_type from lenses.fn_contract_fields(p_target_input) f where f.name = p_target_input_path;
    if v_slot_type is null then
      code := 'edge_target_path_unknown';
      message := format('target_input_path "%s" names no field of the target input (fields: %s)', p_target_input_path,
        (select string_agg(f.name, ', ' order by f.name) from lenses.fn_contract_fields(p_target_input) f));
      return next;
      return;
    end if;
  end if;

  case p_merge_strategy
  when 'last_write_wins' then
    if not lenses.fn_contract_type_accepts(v_slot_type, v_value_type) then
      code := 'edge_type_mismatch';
      message := format('input field "%s" is %s but the edge carries a %s', p_target_input_path, v_slot_type, v_value_type);
      return next;
    end if;
  when 'concat' then
    if v_slot_type not in ('string', 'array', 'any') then
      code := 'edge_merge_mismatch';
      message := format('concat needs a string or array input field; "%s" is %s', p_target_input_path, v_slot_type);
      return next;
    elsif v_value_type <> 'any' and (v_value_type not in ('string', 'array')
                                     or (v_slot_type <> 'any' and v_value_type <> v_slot_type)) then
      code := 'edge_type_mismatch';
      message := format('concat into "%s" (%s) needs a %s, but the edge carries a %s', p_target_input_path, v_slot_type,
        case when v_slot_type = 'any' then 'string or array' else v_slot_type end, v_value_type);
      return next;
    end if;
  when 'array' then
    if v_slot_type not in ('array', 'any') then
      code := 'edge_merge_mismatch';
      message := format('array merge collects values in a list; input field "%s" is %s, not an array', p_target_input_path, v_slot_type);
      return next;
    end if;
  when 'json_object' then
    if v_slot_type not in ('object', 'any') then
      code := 'edge_merge_mismatch';
      message := format('json_object merge keys values by source node; input field "%s" is %s, not an object', p_target_input_path, v_slot_type);
      return next;
    end if;
  end case;
  return;
end
$function$;

comment on function lenses.fn_edge_contract_errors(p_source_output jsonb, p_target_input jsonb, p_source_output_path text, p_target_input_path text, p_merge_strategy lenses.merge_strategy) is 'Contract compatibility errors of one edge (see the migration header for the rule); nothing when either contract is absent.';

revoke all on function lenses.fn_edge_contract_errors(p_source_output jsonb, p_target_input jsonb, p_source_output_path text, p_target_input_path text, p_merge_strategy lenses.merge_strategy) from public;
grant execute on function lenses.fn_edge_contract_errors(p_source_output jsonb, p_target_input jsonb, p_source_output_path text, p_target_input_path text, p_merge_strategy lenses.merge_strategy) to anon, authenticated, service_role;

-- ==== supabase/schemas/lenses/functions/fn_edge_value.sql
create or replace function lenses.fn_edge_value(p_output jsonb, p_source_output_path text)
 returns jsonb
 language plpgsql
 immutable
 set search_path to ''
as $function$
begin
  return case when p_source_output_path is null then p_output
              else p_output #> string_to_array(p_source_output_path, '.') end;
end
$function$;

comment on function lenses.fn_edge_value(p_output jsonb, p_source_output_path text) is 'The part of a source output an edge carries (null path: all of it).';

revoke all on function lenses.fn_edge_value(p_output jsonb, p_source_output_path text) from public;
grant execute on function lenses.fn_edge_value(p_output jsonb, p_source_output_path text) to anon, authenticated, service_role;

-- ==== supabase/schemas/lenses/functions/fn_end_open_results.sql
-- Ends every unfinished result of a run with one status (cancelled, timed_out), clearing leases.
create or replace function lenses.fn_end_open_results(p_run_id uuid, p_status lenses.node_result_status, p_reason text)
 returns void
 language plpgsql
 set search_path to ''
as $function$
declare
  v_result record;
begin
  for v_result in
    update lenses.workflow_node_results r
    set status = p_status, waiting_reason = null, lease_token = null, lease_owner = null, lease_expires_at = null,
        next_attempt_at = null, finished_at = now(), error_message = coalesce(r.error_message, p_reason)
    where r.run_id = p_run_id
      and r.status not in ('completed', 'failed', 'cancelled', 'skipped', 'timed_out', 'invalidated')
    returning r.node_id, r.node_key
  loop
    perform lenses.fn_append_workflow_run_event(p_run_id,
      case p_status when 'timed_out' then 'node_timed_out'::lenses.run_event_type else 'node_cancelled' end,
      jsonb_build_object('node_key', v_result.node_key, 'reason', p_reason), v_result.node_id);
  end loop;
end
$function$;

revoke all on function lenses.fn_end_open_results(p_run_id uuid, p_status lenses.node_result_status, p_reason text) from public;
grant execute on function lenses.fn_end_open_results(p_run_id uuid, p_status lenses.node_result_status, p_reason text) to service_role;

-- ==== supabase/schemas/lenses/functions/fn_finish_run_if_done.sql
-- Ends the run once every result is terminal: completed when no node failed or timed out.
create or replace function lenses.fn_finish_run_if_done(p_run_id uuid)
 returns void
 language plpgsql
 set search_path to ''
as $function$
declare
  v_run lenses.workflow_runs;
  v_failed boolean;
  v_output jsonb;
begin
  select r.* into v_run from lenses.workflow_runs r where r.id = p_run_id;
  if v_run.status in ('completed', 'failed', 'cancelled', 'timed_out') then
    return;
  end if;
  if exists (select 1 from lenses.workflow_node_results r
             where r.run_id = p_run_id
               and r.status not in ('completed', 'failed', 'cancelled', 'skipped', 'timed_out', 'invalidated')) then
    return;
  end if;
  v_failed := exists (select 1 from lenses.workflow_node_results r
                      where r.run_id = p_run_id and r.status in ('failed', 'timed_out'));
  -- The run's output: what each sink node (no outgoing edge) produced.
  select coalesce(jsonb_object_agg(r.node_key, r.output_data order by r.node_key), '{}') into v_output
  from lenses.workflow_node_results r
  where r.run_id = p_run_id and r.status = 'completed'
    and not exists (select 1 from lenses.workflow_edges e where e.source_node_id = r.node_id);
  update lenses.workflow_runs r
  set status = case when v_failed then 'failed'::lenses.workflow_run_status else 'completed' end,
      output = v_output, finished_at = now(), active_node_id = null,
      error_message = case when v_failed then coalesce(r.error_message, 'one or more nodes failed') end
  where r.id = p_run_id;
  perform lenses.fn_append_workflow_run_event(p_run_id, case when v_failed then 'run_failed'::lenses.run_event_type else 'run_completed' end,
    jsonb_build_object('output', v_output));
end
$function$;

revoke all on function lenses.fn_finish_run_if_done(p_run_id uuid) from public;
grant execute on function lenses.fn_finish_run_if_done(p_run_id uuid) to service_role;

-- ==== supabase/schemas/lenses/functions/fn_inline_override_errors.sql
-- Inline override shape.
create or replace function lenses.fn_inline_override_errors(p_override jsonb)
 returns text[]
 language plpgsql
 immutable
 set search_path to ''
as $function$
declare
  v_errors text[] := '{}'::text[];
  v_key text;
  v_param jsonb;
  v_index integer := 0;
  v_where text;
  v_type lenses.param_type;
  v_labels text[] := '{}'::text[];
begin
  if p_override is null or jsonb_typeof(p_override) <> 'object' then
    return array['inline override must be a JSON object'];
  end if;
  for v_key in select k from jsonb_object_keys(p_override) k order by k loop
    if v_key not in ('template_body', 'input_contract', 'output_contract', 'instruction_category', 'parameters') then
      v_errors := v_errors || format('inline override has an unknown key "%s" (allowed: template_body, input_contract, output_contract, instruction_category, parameters)', v_key);
    end if;
  end loop;
  if jsonb_typeof(p_override -> 'template_body') is distinct from 'string'
     or char_length(p_override ->> 'template_body') not between 1 and 100000 then
    v_errors := v_errors || 'inline override template_body must be a string of 1 to 100000 characters'::text;
  end if;
  if nullif(p_override -> 'input_contract', 'null'::jsonb) is not null then
    v_errors := v_errors || lenses.fn_contract_errors(p_override -> 'input_contract', 'input');
  end if;
  if nullif(p_override -> 'output_contract', 'null'::jsonb) is not null then
    v_errors := v_errors || lenses.fn_contract_errors(p_override -> 'output_contract', 'output');
  end if;
  if p_override ? 'instruction_category' and (jsonb_typeof(p_override -> 'instruction_category') <> 'string'
      or not (p_override ->> 'instruction_category') = any (enum_range(null::lenses.instruction_category)::text[])) then
    v_errors := v_errors || format('inline override instruction_category must be one of %s',
      array_to_string(enum_range(null::lenses.instruction_category)::text[], ', '));
  end if;
  if p_override ? 'parameters' then
    if jsonb_typeof(p_override -> 'parameters') <> 'array' then
      v_errors := v_errors || 'inline override parameters must be an array'::text;
    else
      if jsonb_array_length(p_override -> 'parameters') > 100 then
        v_errors := v_errors || 'inline override has more than 100 parameters'::text;
      end if;
      for v_param in select p from jsonb_array_elements(p_override -> 'parameters') p loop
        v_where := format('inline override parameters[%s]', v_index);
        v_index := v_index + 1;
        if jsonb_typeof(v_param) <> 'object' then
          v_errors := v_errors || format('%s must be an object', v_where);
          continue;
        end if;
        for v_key in select k from jsonb_object_keys(v_param) k order by k loop
          if v_key not in ('label', 'type', 'required', 'display_name', 'default_value', 'config') then
            v_errors := v_errors || format('%s has an unknown key "%s" (allowed: label, type, required, display_name, default_value, config)', v_where, v_key);
          end if;
        end loop;
        if jsonb_typeof(v_param -> 'label') is distinct from 'string' or (v_param ->> 'label') !~ '^[A-Za-z_][A-Za-z0-9_]{0,62}$' then
          v_errors := v_errors || format('%s.label must be an identifier (letters, digits, _; at most 63)', v_where);
        elsif (v_param ->> 'label') = any (v_labels) then
          v_errors := v_errors || format('%s.label "%s" is used twice', v_where, v_param ->> 'label');
        else
          v_labels := v_labels || (v_param ->> 'label');
        end if;
        v_type := null;
        if jsonb_typeof(v_param -> 'type') is distinct from 'string'
           or not (v_param ->> 'type') = any (enum_range(null::lenses.param_type)::text[]) then
          v_errors := v_errors || format('%s.type must be one of %s', v_where, array_to_string(enum_range(null::lenses.param_type)::text[], ', '));
        else
          v_type := (v_param ->> 'type')::lenses.param_type;
        end if;
        if v_param ? 'required' and jsonb_typeof(v_param -> 'required') <> 'boolean' then
          v_errors := v_errors || format('%s.required must be true or false', v_where);
        end if;
        if v_param ? 'display_name' and (jsonb_typeof(v_param -> 'display_name') <> 'string'
                                         or char_length(btrim(v_param ->> 'display_name')) not between 1 and 120) then
          v_errors := v_errors || format('%s.display_name must be a string of 1 to 120 characters', v_where);
        end if;
        if v_type is not null then
          v_errors := v_errors || (select coalesce(array_agg(format('%s.config: %s', v_where, e)), '{}')
                                   from unnest(lenses.fn_param_config_errors(v_type, coalesce(v_param -> 'config', '{}'::jsonb), true)) e);
        end if;
      end loop;
    end if;
  end if;
  return v_errors;
end
$function$;

comment on function lenses.fn_inline_override_errors(p_override jsonb) is 'Errors in a workflow node inline override (empty when valid); the SQL twin of types/workflow-node-config.ts InlineOverride.';

revoke all on function lenses.fn_inline_override_errors(p_override jsonb) from public;
grant execute on function lenses.fn_inline_override_errors(p_override jsonb) to anon, authenticated, service_role;

-- ==== supabase/schemas/lenses/functions/fn_inline_parameter_defs.sql
-- An inline override's parameters as fn_render_template takes them (config as given: no tool default).
create or replace function lenses.fn_inline_parameter_defs(p_override jsonb)
 returns jsonb
 language sql
 immutable
 set search_path to ''
as $function$
  select coalesce(jsonb_agg(jsonb_build_object(
      'label', p ->> 'label', 'type', p ->> 'type', 'required', coalesce((p ->> 'required')::boolean, false),
      'default_value', nullif(p -> 'default_value', 'null'::jsonb), 'config', coalesce(p -> 'config', '{}'::jsonb))
    order by ord), '[]'::jsonb)
  from jsonb_array_elements(case when jsonb_typeof(p_override -> 'parameters') = 'array' then p_override -> 'parameters' else '[]' end)
    with ordinality as e(p, ord)
$function$;

revoke all on function lenses.fn_inline_parameter_defs(p_override jsonb) from public;
grant execute on function lenses.fn_inline_parameter_defs(p_override jsonb) to anon, authenticated, service_role;

-- ==== supabase/schemas/lenses/functions/fn_json_type_matches.sql
create or replace function lenses.fn_json_type_matches(p_value jsonb, p_type text)
 returns boolean
 language plpgsql
 immutable
 set search_path to ''
as $function$
begin
  return case p_type
    when 'string' then jsonb_typeof(p_value) = 'string'
    when 'number' then jsonb_typeof(p_value) = 'number'
    when 'integer' then jsonb_typeof(p_value) = 'number' and (p_value #>> '{}')::numeric = trunc((p_value #>> '{}')::numeric)
    when 'boolean' then jsonb_typeof(p_value) = 'boolean'
    when 'object' then jsonb_typeof(p_value) = 'object'
    when 'array' then jsonb_typeof(p_value) = 'array'
    else false
  end;
end
$function$;

revoke all on function lenses.fn_json_type_matches(p_value jsonb, p_type text) from public;
grant execute on function lenses.fn_json_type_matches(p_value jsonb, p_type text) to authenticated, service_role;

-- ==== supabase/schemas/lenses/functions/fn_jsonb_numeric.sql
-- A JSON number as numeric, or null for anything else (never raises).
create or replace function lenses.fn_jsonb_numeric(p_value jsonb)
 returns numeric
 language plpgsql
 immutable
 set search_path to ''
as $function$
begin
  if jsonb_typeof(p_value) = 'number' then
    return p_value::numeric;
  end if;
  return null;
end
$function$;

revoke all on function lenses.fn_jsonb_numeric(p_value jsonb) from public;
grant execute on function lenses.fn_jsonb_numeric(p_value jsonb) to anon, authenticated, service_role;

-- ==== supabase/schemas/lenses/functions/fn_lease_tasks.sql
-- Leases up to p_limit tasks for a worker (arguments checked by the caller): first p_held, the
-- successors the caller's own completions made ready and held unwritten (fn_settle_many; their
-- runs are the caller's), then due tasks from the queue. Decides per task (plan, prompt, model),
-- then leases them all in one update, moves their runs on in one update (except p_defer_runs,
-- whose caller updates them itself, see fn_runs_after_completions) and appends the events in one
-- insert. Returns what each call needs.
create or replace function lenses.fn_lease_tasks(p_worker_id text, p_limit integer, p_lease_seconds integer, p_defer_runs uuid[], p_held jsonb default '[]'::jsonb)
 returns setof lenses.claimed_task
 language plpgsql
 set search_path to ''
as $function$
declare
  v_candidate record;
  v_is_held boolean;
  v_task record;
  v_input jsonb;
  v_prompt text;
  v_fail_kind lenses.task_error_kind;
  v_fail_message text;
  v_catalog_default uuid;
  v_profile_for uuid;
  v_profile record;
  v_model_id uuid;
  v_model_checked uuid;
  -- The tasks taken, in order: their result, run, node, model, input (held ones), prompt, contract
  -- and model params.
  v_ids uuid[] := '{}';
  v_runs uuid[] := '{}';
  v_nodes uuid[] := '{}';
  v_models uuid[] := '{}';
  v_inputs jsonb[] := '{}';
  v_prompts text[] := '{}';
  v_contracts jsonb[] := '{}';
  v_params jsonb[] := '{}';
  v_started uuid[] := '{}';
  v_events jsonb := '[]';
begin
  perform lenses.fn_reap_workflow_runs(p_limit);
  select m.id into v_catalog_default from ai.models m where m.is_default;

  -- Held tasks first (their runs are the caller's), then due ones: locked as the loop reads them
  -- (SKIP LOCKED), so concurrent claims take disjoint tasks and none locks more than it looks at.
  for v_candidate in
    select (h.v ->> 'result_id')::uuid as id, (h.v ->> 'run_id')::uuid as run_id, h.v -> 'input' as input, true as held
    from jsonb_array_elements(coalesce(p_held, '[]')) with ordinality h(v, ord)
    union all
    select d.id, d.run_id, null, false
    from (select x.id, x.run_id from lenses.workflow_node_results x
          where x.status in ('queued', 'retrying') and x.next_attempt_at <= now()
          order by x.next_attempt_at
          limit p_limit + 16 -- headroom for tasks of runs another transition holds
          for update skip locked) d
  loop
    exit when cardinality(v_ids) >= p_limit;
    v_is_held := v_candidate.held;
    continue when not v_is_held and not lenses.fn_try_lock_run(v_candidate.run_id);

    select x.id, x.run_id, x.node_id, x.node_key, x.input_data, x.attempt_count, r.lenser_id, r.started_at as run_started_at,
           p as plan
    into v_task
    from lenses.workflow_node_results x
    join lenses.workflow_runs r on r.id = x.run_id
    left join lenses.workflow_node_plans p on p.node_id = x.node_id
    where x.id = v_candidate.id;
    v_input := case when v_is_held then v_candidate.input else v_task.input_data end;
    v_fail_kind := null;

    if (v_task.plan).node_id is null then
      v_fail_kind := 'client';
      v_fail_message := 'the workflow has no plan for this node (it was never published)';
    elsif cardinality((v_task.plan).param_labels) = 0 then
      v_prompt := lenses.fn_plan_prompt(v_task.plan, v_input);
    else
      begin
        v_prompt := lenses.fn_plan_prompt(v_task.plan, v_input);
      exception when others then
        v_fail_kind := 'render';
        v_fail_message := format('the prompt could not be rendered: %s', sqlerrm);
      end;
    end if;

    -- The node's model, else the agent's default model profile, else the catalog's default; the
    -- profile's parameters apply when the profile names the chosen model.
    if v_fail_kind is null then
      if v_profile_for is distinct from v_task.lenser_id then
        select d.model_id, d.params into v_profile from lenses.fn_agent_default_model(v_task.lenser_id) d;
        v_profile_for := v_task.lenser_id;
      end if;
      v_model_id := coalesce((v_task.plan).model_id, v_profile.model_id, v_catalog_default);
      if v_model_id is null then
        v_fail_kind := 'client';
        v_fail_message := 'no model to run on: the node names none, the agent has no default model profile, and the catalog has no default model';
      elsif v_model_checked is distinct from v_model_id then
        if exists (select 1 from ai.models m join ai.providers p on p.id = m.provider_id where m.id = v_model_id) then
          v_model_checked := v_model_id;
        else
          v_fail_kind := 'client';
          v_fail_message := format('model %s is no longer in the catalog', v_model_id);
        end if;
      end if;
    end if;

    if v_fail_kind is not null then
      if v_is_held then
        -- Queued as settling would have, so that the failure ends a queued attempt like any other.
        update lenses.workflow_node_results x
        set status = 'queued', waiting_reason = 'queued', input_data = v_input, queued_at = now(), next_attempt_at = now()
        where x.id = v_task.id;
      end if;
      perform lenses.fn_fail_node_result(v_task.id, v_fail_kind, v_fail_message);
      continue;
    end if;

    v_ids := v_ids || v_task.id;
    v_runs := v_runs || v_task.run_id;
    v_nodes := v_nodes || v_task.node_id;
    v_models := v_models || v_model_id;
    v_inputs := v_inputs || case when v_is_held then v_input end;
    v_prompts := v_prompts || v_prompt;
    v_contracts := v_contracts || (v_task.plan).output_contract;
    v_params := v_params || case when v_profile.model_id = v_model_id then coalesce(v_profile.params, '{}') else '{}' end;
    if v_task.run_started_at is null and not v_task.run_id = any (v_started) then
      v_started := v_started || v_task.run_id;
      v_events := v_events || jsonb_build_array(jsonb_build_object('run_id', v_task.run_id, 'event_type', 'run_started'));
    end if;
    v_events := v_events || jsonb_build_array(jsonb_build_object('run_id', v_task.run_id, 'event_type', 'node_started',
      'node_id', v_task.node_id,
      'payload', jsonb_build_object('node_key', v_task.node_key, 'attempt', v_task.attempt_count + 1, 'worker', p_worker_id)));
  end loop;
  if cardinality(v_ids) = 0 then
    return;
  end if;

  update lenses.workflow_node_results x
  set status = 'running', waiting_reason = null, next_attempt_at = null,
      input_data = coalesce(c.input, x.input_data), queued_at = case when c.input is not null then now() else x.queued_at end,
      attempt_count = x.attempt_count + 1, lease_token = gen_random_uuid(), lease_owner = p_worker_id,
      lease_expires_at = now() + make_interval(secs => p_lease_seconds),
      started_at = now(), ttfb_ms = null, model_id = c.model_id,
      timeout_at = case when x.timeout_ms is not null then now() + make_interval(secs => x.timeout_ms / 1000.0) end
  from unnest(v_ids, v_models, v_inputs) c(id, model_id, input)
  where x.id = c.id and x.id = any (v_ids);
  -- The inspector shows each run's last node taken here.
  update lenses.workflow_runs r
  set status = case when r.status in ('queued', 'pending', 'recovered') then 'running'::lenses.workflow_run_status else r.status end,
      started_at = coalesce(r.started_at, now()), active_node_id = c.node_id
  from (select distinct on (u.run_id) u.run_id, u.node_id
        from unnest(v_runs, v_nodes) with ordinality u(run_id, node_id, ord)
        order by u.run_id, u.ord desc) c
  where r.id = c.run_id and r.id = any (v_runs) and not (c.run_id = any (p_defer_runs));
  perform lenses.fn_append_workflow_run_events(v_events);

  return query
    select x.id, x.run_id, x.node_id, x.node_key, x.attempt_count, x.lease_token, x.lease_expires_at, c.prompt,
           x.input_data, c.contract, x.timeout_ms, m.id, m.model_key, p.key, p.adapter, p.base_url, p.api_key_env, c.params
    from unnest(v_ids, v_prompts, v_contracts, v_params) with ordinality c(id, prompt, contract, params, ord)
    join lenses.workflow_node_results x on x.id = c.id and x.id = any (v_ids)
    join ai.models m on m.id = x.model_id
    join ai.providers p on p.id = m.provider_id
    order by c.ord;
end
$function$;

revoke all on function lenses.fn_lease_tasks(p_worker_id text, p_limit integer, p_lease_seconds integer, p_defer_runs uuid[], p_held jsonb) from public;
grant execute on function lenses.fn_lease_tasks(p_worker_id text, p_limit integer, p_lease_seconds integer, p_defer_runs uuid[], p_held jsonb) to service_role;

-- ==== supabase/schemas/lenses/functions/fn_lens_params_errors.sql
-- The shape of lenses.lenses.params (types/lens-params.ts):
--   { defaults?: { <identifier>: <any JSON> },          prefill values for the lens form
--     ui?: { icon?: string(1..64), color?: "#rrggbb",
--            order?: [identifier...] (distinct),        form field order
--            hidden?: [identifier...] (distinct) } }    fields the form hides
create or replace function lenses.fn_lens_params_errors(p_params jsonb)
 returns text[]
 language plpgsql
 immutable
 set search_path to ''
as $function$
declare
  v_errors text[] := '{}'::text[];
  v_key text;
  v_ui jsonb;
  v_list text;
begin
  if p_params is null or jsonb_typeof(p_params) <> 'object' then
    return array['params must be a JSON object'];
  end if;
  for v_key in select k from jsonb_object_keys(p_params) k loop
    if v_key not in ('defaults', 'ui') then
      v_errors := v_errors || format('params has an unknown key "%s" (allowed: defaults, ui)', v_key);
    end if;
  end loop;
  if p_params ? 'defaults' then
    if jsonb_typeof(p_params -> 'defaults') <> 'object' then
      v_errors := v_errors || 'params.defaults must be an object'::text;
    else
      for v_key in select k from jsonb_object_keys(p_params -> 'defaults') k loop
        if v_key !~ '^[A-Za-z_][A-Za-z0-9_]{0,62}$' then
          v_errors := v_errors || format('params.defaults key "%s" must be an identifier', v_key);
        end if;
      end loop;
    end if;
  end if;
  if p_params ? 'ui' then
    v_ui := p_params -> 'ui';
    if jsonb_typeof(v_ui) <> 'object' then
      v_errors := v_errors || 'params.ui must be an object'::text;
    else
      for v_key in select k from jsonb_object_keys(v_ui) k loop
        if v_key not in ('icon', 'color', 'order', 'hidden') then
          v_errors := v_errors || format('params.ui has an unknown key "%s" (allowed: icon, color, order, hidden)', v_key);
        end if;
      end loop;
      if v_ui ? 'icon' and (jsonb_typeof(v_ui -> 'icon') <> 'string' or char_length(v_ui ->> 'icon') not between 1 and 64) then
        v_errors := v_errors || 'params.ui.icon must be a string of 1 to 64 characters'::text;
      end if;
      if v_ui ? 'color' and (jsonb_typeof(v_ui -> 'color') <> 'string' or (v_ui ->> 'color') !~ '^#[0-9A-Fa-f]{6}$') then
        v_errors := v_errors || 'params.ui.color must be a #rrggbb colour'::text;
      end if;
      foreach v_list in array array['order', 'hidden'] loop
        if v_ui ? v_list then
          if jsonb_typeof(v_ui -> v_list) <> 'array' then
            v_errors := v_errors || format('params.ui.%s must be an array of identifiers', v_list);
          elsif exists (
            select 1 from jsonb_array_elements(v_ui -> v_list) e
            where jsonb_typeof(e) <> 'string' or (e #>> '{}') !~ '^[A-Za-z_][A-Za-z0-9_]{0,62}$'
          ) then
            v_errors := v_errors || format('params.ui.%s must be an array of identifiers', v_list);
          elsif (select count(distinct e) from jsonb_array_elements(v_ui -> v_list) e) <> jsonb_array_length(v_ui -> v_list) then
            v_errors := v_errors || format('params.ui.%s must not repeat a name', v_list);
          end if;
        end if;
      end loop;
    end if;
  end if;
  return v_errors;
end
$function$;

comment on function lenses.fn_lens_params_errors(p_params jsonb) is 'Errors in a lenses.lenses.params value (empty when valid); the SQL twin of types/lens-params.ts.';

revoke all on function lenses.fn_lens_params_errors(p_params jsonb) from public;
grant execute on function lenses.fn_lens_params_errors(p_params jsonb) to anon, authenticated, service_role;

-- ==== supabase/schemas/lenses/functions/fn_llm_call_error.sql
-- Why a model call record is unusable (null when it is fine); p_name names it in the message.
create or replace function lenses.fn_llm_call_error(p_call jsonb, p_name text default 'p_llm_call'::text)
 returns text
 language plpgsql
 immutable
 set search_path to ''
as $function$
declare
  v_in bigint;
  v_out bigint;
  v_cached bigint;
begin
  if p_call is null then
    return null;
  end if;
  if jsonb_typeof(p_call) <> 'object' then
    return p_name || ' must be a JSON object';
  end if;
  begin
    v_in := coalesce((p_call ->> 'input_tokens')::bigint, 0);
    v_out := coalesce((p_call ->> 'output_tokens')::bigint, 0);
    v_cached := coalesce((p_call ->> 'cached_tokens')::bigint, 0);
  exception when invalid_text_representation or numeric_value_out_of_range then
    return p_name || ': input_tokens, output_tokens and cached_tokens must be whole numbers';
  end;
  if v_in < 0 or v_out < 0 or v_cached < 0 or v_cached > v_in then
    return p_name || ': token counts must be 0 or more, and cached_tokens at most input_tokens';
  end if;
  if jsonb_typeof(p_call -> 'latency_ms') is distinct from 'number' then
    return p_name || ': latency_ms is required (a number of milliseconds)';
  end if;
  return null;
end
$function$;

revoke all on function lenses.fn_llm_call_error(p_call jsonb, p_name text) from public;
grant execute on function lenses.fn_llm_call_error(p_call jsonb, p_name text) to service_role;

-- ==== supabase/schemas/lenses/functions/fn_lock_run.sql
-- (plpgsql rather than sql: a function with SET is never inlined, and plpgsql keeps its plans.)
create or replace function lenses.fn_lock_run(p_run_id uuid)
 returns void
 language plpgsql
 set search_path to ''
as $function$
begin
  perform pg_advisory_xact_lock(hashtextextended(p_run_id::text, 1307));
end
$function$;

revoke all on function lenses.fn_lock_run(p_run_id uuid) from public;
grant execute on function lenses.fn_lock_run(p_run_id uuid) to service_role;

-- ==== supabase/schemas/lenses/functions/fn_merge_edge_values.sql
-- Merges the values arriving at one target input path, in arrival order.
--   last_write_wins  the last value
--   concat           arrays concatenated; otherwise texts (JSON for non-strings) joined by a blank line
--   array            all values in an array
--   json_object      { <source node key>: value, ... }
create or replace function lenses.fn_merge_edge_values(p_strategy lenses.merge_strategy, p_values jsonb, p_source_keys text[])
 returns jsonb
 language plpgsql
 immutable
 set search_path to ''
as $function$
declare
  v_result jsonb;
  v_i integer;
begin
  case p_strategy
    when 'last_write_wins' then
      return p_values -> (jsonb_array_length(p_values) - 1);
    when 'array' then
      return p_values;
    when 'json_object' then
      v_result := '{}';
      for v_i in 0 .. jsonb_array_length(p_values) - 1 loop
        v_result := v_result || jsonb_build_object(p_source_keys[v_i + 1], p_values -> v_i);
      end loop;
      return v_result;
    when 'concat' then
      if (select bool_and(jsonb_typeof(v) = 'array') from jsonb_array_elements(p_values) v) then
        return (select coalesce(jsonb_agg(e order by ord, sub), '[]')
                from jsonb_array_elements(p_values) with ordinality a(v, ord),
                     jsonb_array_elements(a.v) with ordinality b(e, sub));
      end if;
      return to_jsonb((select string_agg(case when jsonb_typeof(v) = 'string' then v #>> '{}' else v::text end, E'\n\n' order by ord)
                       from jsonb_array_elements(p_values) with ordinality a(v, ord)));
  end case;
end
$function$;

revoke all on function lenses.fn_merge_edge_values(p_strategy lenses.merge_strategy, p_values jsonb, p_source_keys text[]) from public;
grant execute on function lenses.fn_merge_edge_values(p_strategy lenses.merge_strategy, p_values jsonb, p_source_keys text[]) to authenticated, service_role;

-- ==== supabase/schemas/lenses/functions/fn_merge_into_input_root.sql
-- Values reaching a target without a target input path (only last_write_wins edges may omit it)
-- land in the input's top level: objects merge key by key, later wins; any other value goes under
-- its source node's key.
create or replace function lenses.fn_merge_into_input_root(p_input jsonb, p_values jsonb, p_source_keys text[])
 returns jsonb
 language plpgsql
 immutable
 set search_path to ''
as $function$
declare
  v_input jsonb := p_input;
  v_i integer;
begin
  for v_i in 0 .. jsonb_array_length(p_values) - 1 loop
    v_input := v_input || case when jsonb_typeof(p_values -> v_i) = 'object' then p_values -> v_i
                               else jsonb_build_object(p_source_keys[v_i + 1], p_values -> v_i) end;
  end loop;
  return v_input;
end
$function$;

revoke all on function lenses.fn_merge_into_input_root(p_input jsonb, p_values jsonb, p_source_keys text[]) from public;
grant execute on function lenses.fn_merge_into_input_root(p_input jsonb, p_values jsonb, p_source_keys text[]) to authenticated, service_role;

-- ==== supabase/schemas/lenses/functions/fn_node_config_errors.sql
-- Node config shape, per kind.
create or replace function lenses.fn_node_config_errors(p_kind lenses.workflow_node_kind, p_config jsonb)
 returns text[]
 language plpgsql
 immutable
 set search_path to ''
as $function$
declare
  v_errors text[] := '{}'::text[];
  v_allowed text[];
  v_key text;
  v_retry jsonb;
  v_num numeric;
  v_max_timeout numeric := case when p_kind = 'human_input' then 2592000000 else 86400000 end;
begin
  if p_kind is null then
    return array['node config needs a node kind'];
  end if;
  if p_config is null or jsonb_typeof(p_config) <> 'object' then
    return array['node config must be a JSON object'];
  end if;
  v_allowed := case p_kind when 'lens' then array['model_id', 'timeout_ms', 'retry', 'params', 'position']
                           else array['prompt', 'timeout_ms', 'position'] end;
  for v_key in select k from jsonb_object_keys(p_config) k order by k loop
    if not v_key = any (v_allowed) then
      v_errors := v_errors || format('%s node config has an unknown key "%s" (allowed: %s)', p_kind, v_key, array_to_string(v_allowed, ', '));
    end if;
  end loop;

  if p_config ? 'model_id' and (jsonb_typeof(p_config -> 'model_id') <> 'string'
      or (p_config ->> 'model_id') !~ '^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$') then
    v_errors := v_errors || 'node config model_id must be a uuid (an ai.models id)'::text;
  end if;
  if p_config ? 'timeout_ms' then
    v_num := lenses.fn_jsonb_numeric(p_config -> 'timeout_ms');
    if v_num is null or v_num <> trunc(v_num) or v_num < 1000 or v_num > v_max_timeout then
      v_errors := v_errors || format('node config timeout_ms must be a whole number from 1000 to %s', v_max_timeout);
    end if;
  end if;
  if p_config ? 'retry' then
    v_retry := p_config -> 'retry';
    if jsonb_typeof(v_retry) <> 'object' then
      v_errors := v_errors || 'node config retry must be an object'::text;
    else
      for v_key in select k from jsonb_object_keys(v_retry) k order by k loop
        if v_key not in ('max_retries', 'backoff_ms', 'backoff_multiplier', 'max_backoff_ms') then
          v_errors := v_errors || format('node config retry has an unknown key "%s" (allowed: max_retries, backoff_ms, backoff_multiplier, max_backoff_ms)', v_key);
        end if;
      end loop;
      if v_retry ? 'max_retries' then
        v_num := lenses.fn_jsonb_numeric(v_retry -> 'max_retries');
        if v_num is null or v_num <> trunc(v_num) or v_num not between 0 and 10 then
          v_errors := v_errors || 'node config retry.max_retries must be a whole number from 0 to 10'::text;
        end if;
      end if;
      if v_retry ? 'backoff_ms' then
        v_num := lenses.fn_jsonb_numeric(v_retry -> 'backoff_ms');
        if v_num is null or v_num <> trunc(v_num) or v_num not between 0 and 3600000 then
          v_errors := v_errors || 'node config retry.backoff_ms must be a whole number from 0 to 3600000'::text;
        end if;
      end if;
      if v_retry ? 'backoff_multiplier' then
        v_num := lenses.fn_jsonb_numeric(v_retry -> 'backoff_multiplier');
        if v_num is null or v_num not between 1 and 10 then
          v_errors := v_errors || 'node config retry.backoff_multiplier must be a number from 1 to 10'::text;
        end if;
      end if;
      if v_retry ? 'max_backoff_ms' then
        v_num := lenses.fn_jsonb_numeric(v_retry -> 'max_backoff_ms');
        if v_num is null or v_num <> trunc(v_num) or v_num not between 0 and 86400000 then
          v_errors := v_errors || 'node config retry.max_backoff_ms must be a whole number from 0 to 86400000'::text;
        elsif v_num < lenses.fn_jsonb_numeric(v_retry -> 'backoff_ms') then
          v_errors := v_errors || 'node config retry.max_backoff_ms must not be less than retry.backoff_ms'::text;
        end if;
      end if;
    end if;
  end if;
  if p_config ? 'params' then
    if jsonb_typeof(p_config -> 'params') <> 'object' then
      v_errors := v_errors || 'node config params must be an object keyed by parameter label'::text;
    elsif exists (select 1 from jsonb_object_keys(p_config -> 'params') k where k !~ '^[A-Za-z_][A-Za-z0-9_]{0,62}$') then
      v_errors := v_errors || 'node config params keys must be parameter labels (identifiers)'::text;
    end if;
  end if;
  if p_config ? 'position' then
    if jsonb_typeof(p_config -> 'position') <> 'object'
       or jsonb_typeof(p_config -> 'position' -> 'x') is distinct from 'number'
       or jsonb_typeof(p_config -> 'position' -> 'y') is distinct from 'number'
       or exists (select 1 from jsonb_object_keys(p_config -> 'position') k where k not in ('x', 'y')) then
      v_errors := v_errors || 'node config position must be { x: number, y: number }'::text;
    end if;
  end if;
  if p_kind = 'human_input' then
    if not p_config ? 'prompt' then
      v_errors := v_errors || 'human_input node config needs a prompt'::text;
    elsif jsonb_typeof(p_config -> 'prompt') <> 'string' or char_length(btrim(p_config ->> 'prompt')) not between 1 and 10000 then
      v_errors := v_errors || 'human_input node config prompt must be a string of 1 to 10000 characters'::text;
    end if;
  end if;
  return v_errors;
end
$function$;

comment on function lenses.fn_node_config_errors(p_kind lenses.workflow_node_kind, p_config jsonb) is 'Errors in a workflow node config for its kind (empty when valid); the SQL twin of types/workflow-node-config.ts.';

revoke all on function lenses.fn_node_config_errors(p_kind lenses.workflow_node_kind, p_config jsonb) from public;
grant execute on function lenses.fn_node_config_errors(p_kind lenses.workflow_node_kind, p_config jsonb) to anon, authenticated, service_role;

-- ==== supabase/schemas/lenses/functions/fn_node_stopped.sql
create or replace function lenses.fn_node_stopped(p_run_id uuid, p_node_id uuid, p_input_tokens bigint default 0, p_output_tokens bigint default 0, p_cached_tokens bigint default 0, p_cost numeric default 0)
 returns void
 language plpgsql
 set search_path to ''
as $function$
begin
  perform lenses.fn_runs_nodes_stopped(array[p_run_id], array[p_node_id], array[p_input_tokens], array[p_output_tokens],
    array[p_cached_tokens], array[p_cost]);
end
$function$;

revoke all on function lenses.fn_node_stopped(p_run_id uuid, p_node_id uuid, p_input_tokens bigint, p_output_tokens bigint, p_cached_tokens bigint, p_cost numeric) from public;
grant execute on function lenses.fn_node_stopped(p_run_id uuid, p_node_id uuid, p_input_tokens bigint, p_output_tokens bigint, p_cached_tokens bigint, p_cost numeric) to service_role;

-- ==== supabase/schemas/lenses/functions/fn_normalize_tags.sql
-- Tags as callers type them: trimmed, lower-cased, deduplicated (first occurrence kept), empty ones dropped.
create or replace function lenses.fn_normalize_tags(p_tags text[])
 returns text[]
 language sql
 immutable
 set search_path to ''
as $function$
  select coalesce(array_agg(t order by first_pos), '{}')
  from (
    select lower(btrim(t)) as t, min(pos) as first_pos
    from unnest(p_tags) with ordinality as u(t, pos)
    where t is not null and btrim(t) <> ''
    group by lower(btrim(t))
  ) s
$function$;

revoke all on function lenses.fn_normalize_tags(p_tags text[]) from public;
grant execute on function lenses.fn_normalize_tags(p_tags text[]) to anon, authenticated, service_role;

-- ==== supabase/schemas/lenses/functions/fn_param_config_errors.sql
-- p_complete: a parameter's own config (select needs its options); false for a tool's default config.
create or replace function lenses.fn_param_config_errors(p_type lenses.param_type, p_config jsonb, p_complete boolean default true)
 returns text[]
 language plpgsql
 immutable
 set search_path to ''
as $function$
declare
  v_errors text[] := '{}'::text[];
  v_allowed text[] := array['placeholder', 'help'];
  v_key text;
  v_bound text;
  v_num numeric;
begin
  if p_type is null then
    return array['config needs a parameter type'];
  end if;
  if p_config is null or jsonb_typeof(p_config) <> 'object' then
    return array[format('%s config must be a JSON object', p_type)];
  end if;
  v_allowed := v_allowed || case
    when p_type in ('text', 'textarea') then array['min_length', 'max_length']
    when p_type in ('number', 'integer', 'float', 'decimal') then array['min', 'max']
    when p_type = 'select' then array['options']
    else '{}'::text[]
  end;
  for v_key in select k from jsonb_object_keys(p_config) k order by k loop
    if not v_key = any (v_allowed) then
      v_errors := v_errors || format('%s config has an unknown key "%s" (allowed: %s)', p_type, v_key, array_to_string(v_allowed, ', '));
    end if;
  end loop;
  if p_config ? 'placeholder' and (jsonb_typeof(p_config -> 'placeholder') <> 'string' or char_length(p_config ->> 'placeholder') > 200) then
    v_errors := v_errors || format('%s config placeholder must be a string of at most 200 characters', p_type);
  end if;
  if p_config ? 'help' and (jsonb_typeof(p_config -> 'help') <> 'string' or char_length(p_config ->> 'help') > 1000) then
    v_errors := v_errors || format('%s config help must be a string of at most 1000 characters', p_type);
  end if;

  if p_type in ('text', 'textarea') then
    foreach v_bound in array array['min_length', 'max_length'] loop
      if p_config ? v_bound then
        v_num := lenses.fn_jsonb_numeric(p_config -> v_bound);
        if v_num is null or v_num <> trunc(v_num)
           or v_num < (case v_bound when 'min_length' then 0 else 1 end) or v_num > 1000000 then
          v_errors := v_errors || format('%s config %s must be a whole number from %s to 1000000', p_type, v_bound,
            case v_bound when 'min_length' then 0 else 1 end);
        end if;
      end if;
    end loop;
    if lenses.fn_jsonb_numeric(p_config -> 'min_length') > lenses.fn_jsonb_numeric(p_config -> 'max_length') then
      v_errors := v_errors || format('%s config min_length must not exceed max_length', p_type);
    end if;
  elsif p_type in ('number', 'integer', 'float', 'decimal') then
    foreach v_bound in array array['min', 'max'] loop
      if p_config ? v_bound then
        v_num := lenses.fn_jsonb_numeric(p_config -> v_bound);
        if v_num is null or (p_type = 'integer' and v_num <> trunc(v_num)) then
          v_errors := v_errors || format('%s config %s must be a %s', p_type, v_bound,
            case when p_type = 'integer' then 'whole number' else 'number' end);
        end if;
      end if;
    end loop;
    if lenses.fn_jsonb_numeric(p_config -> 'min') > lenses.fn_jsonb_numeric(p_config -> 'max') then
      v_errors := v_errors || format('%s config min must not exceed max', p_type);
    end if;
  elsif p_type = 'select' then
    if not p_config ? 'options' then
      if p_complete then
        v_errors := v_errors || 'select config needs options (a list of 1 to 200 strings)'::text;
      end if;
    elsif jsonb_typeof(p_config -> 'options') <> 'array' then
      v_errors := v_errors || 'select config options must be a list of 1 to 200 non-empty strings (at most 200 characters each)'::text;
    elsif jsonb_array_length(p_config -> 'options') not between 1 and 200
          or exists (select 1 from jsonb_array_elements(p_config -> 'options') o
                     where jsonb_typeof(o) <> 'string' or char_length(o #>> '{}') not between 1 and 200) then
      v_errors := v_errors || 'select config options must be a list of 1 to 200 non-empty strings (at most 200 characters each)'::text;
    elsif (select count(distinct o) from jsonb_array_elements(p_config -> 'options') o) <> jsonb_array_length(p_config -> 'options') then
      v_errors := v_errors || 'select config options must be distinct'::text;
    end if;
  end if;
  return v_errors;
end
$function$;

comment on function lenses.fn_param_config_errors(p_type lenses.param_type, p_config jsonb, p_complete boolean) is 'Errors in a parameter config for a type (empty when valid); the SQL twin of types/param-config.ts.';

revoke all on function lenses.fn_param_config_errors(p_type lenses.param_type, p_config jsonb, p_complete boolean) from public;
grant execute on function lenses.fn_param_config_errors(p_type lenses.param_type, p_config jsonb, p_complete boolean) to anon, authenticated, service_role;

-- ==== supabase/schemas/lenses/functions/fn_param_numeric.sql
-- A value for the numeric types: a JSON number, or a string holding a decimal number; null otherwise.
create or replace function lenses.fn_param_numeric(p_value jsonb)
 returns numeric
 language plpgsql
 immutable
 set search_path to ''
as $function$
declare
  v_text text;
begin
  if jsonb_typeof(p_value) = 'number' then
    return p_value::numeric;
  end if;
  if jsonb_typeof(p_value) = 'string' then
    v_text := btrim(p_value #>> '{}');
    if v_text ~ '^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]{1,4})?$' then
      begin
        return v_text::numeric;
      exception when others then
        return null;
      end;
    end if;
  end if;
  return null;
end
$function$;

revoke all on function lenses.fn_param_numeric(p_value jsonb) from public;
grant execute on function lenses.fn_param_numeric(p_value jsonb) to anon, authenticated, service_role;

-- ==== supabase/schemas/lenses/functions/fn_param_value_error.sql
-- The same check without raising: the error message, or null when the value renders.
create or replace function lenses.fn_param_value_error(p_label text, p_type lenses.param_type, p_config jsonb, p_value jsonb)
 returns text
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  perform lenses.fn_render_param_value(p_label, p_type, p_config, p_value);
  return null;
exception when sqlstate '22023' then
  return sqlerrm;
end
$function$;

revoke all on function lenses.fn_param_value_error(p_label text, p_type lenses.param_type, p_config jsonb, p_value jsonb) from public;
grant execute on function lenses.fn_param_value_error(p_label text, p_type lenses.param_type, p_config jsonb, p_value jsonb) to anon, authenticated, service_role;

-- ==== supabase/schemas/lenses/functions/fn_parse_node_output.sql
-- The output a node produced: the given JSON, or the model's text read by the output contract
-- (json: the text must parse as a JSON object, code fences allowed; text: { "text": ... }).
create or replace function lenses.fn_parse_node_output(p_contract jsonb, p_text text, p_output jsonb)
 returns jsonb
 language plpgsql
 immutable
 set search_path to ''
as $function$
declare
  v_body text;
begin
  if p_output is not null then
    return p_output;
  end if;
  if p_contract ->> 'kind' = 'json' then
    v_body := btrim(coalesce(p_text, ''));
    v_body := regexp_replace(v_body, '^```[a-zA-Z]*\s*\n(.*)\n\s*```$', '\1', 's');
    begin
      return v_body::jsonb;
    exception when invalid_text_representation then
      return null;
    end;
  end if;
  return jsonb_build_object('text', coalesce(p_text, ''));
end
$function$;

revoke all on function lenses.fn_parse_node_output(p_contract jsonb, p_text text, p_output jsonb) from public;
grant execute on function lenses.fn_parse_node_output(p_contract jsonb, p_text text, p_output jsonb) to service_role;

-- ==== supabase/schemas/lenses/functions/fn_queue_node_result.sql
-- Queues one result with its input (or blocks it on a person for human_input nodes), for start
-- and rerun (settling queues set-wise, fn_settle_many). It does not NOTIFY: those callers do, once.
create or replace function lenses.fn_queue_node_result(p_result_id uuid, p_input jsonb)
 returns void
 language plpgsql
 set search_path to ''
as $function$
declare
  v_target record;
begin
  select r.run_id, r.node_id, p.node_key, p.kind, p.human_prompt into v_target
  from lenses.workflow_node_results r join lenses.workflow_node_plans p on p.node_id = r.node_id
  where r.id = p_result_id;
  if v_target.kind = 'human_input' then
    update lenses.workflow_node_results r
    set status = 'blocked', waiting_reason = 'human_input', input_data = p_input
    where r.id = p_result_id;
    perform lenses.fn_append_workflow_run_event(v_target.run_id, 'human_input_requested',
      jsonb_build_object('node_key', v_target.node_key, 'prompt', v_target.human_prompt, 'input', p_input), v_target.node_id);
  else
    update lenses.workflow_node_results r
    set status = 'queued', waiting_reason = 'queued', input_data = p_input, queued_at = now(), next_attempt_at = now()
    where r.id = p_result_id;
    perform lenses.fn_append_workflow_run_event(v_target.run_id, 'node_queued',
      jsonb_build_object('node_key', v_target.node_key), v_target.node_id);
  end if;
end
$function$;

revoke all on function lenses.fn_queue_node_result(p_result_id uuid, p_input jsonb) from public;
grant execute on function lenses.fn_queue_node_result(p_result_id uuid, p_input jsonb) to service_role;

-- ==== supabase/schemas/lenses/functions/fn_reap_workflow_runs.sql
-- Reaps what workers left behind, each under its run's lock (skipping runs another transition
-- holds): runs past their deadline end timed_out; nodes past their timeout end timed_out;
-- expired leases go back to the queue as a failed attempt (or fail when retries are spent).
-- Each of the three looks through its own partial index, so a reap with nothing to do is cheap.
create or replace function lenses.fn_reap_workflow_runs(p_limit integer default 100)
 returns integer
 language plpgsql
 set search_path to ''
as $function$
declare
  v_row record;
  v_count integer := 0;
begin
  for v_row in
    select r.id from lenses.workflow_runs r
    where r.deadline_at < now() and r.status in ('queued', 'pending', 'running', 'streaming', 'recovered')
    order by r.deadline_at limit p_limit
  loop
    continue when not lenses.fn_try_lock_run(v_row.id);
    continue when not exists (select 1 from lenses.workflow_runs r where r.id = v_row.id
                              and r.status in ('queued', 'pending', 'running', 'streaming', 'recovered'));
    perform lenses.fn_end_open_results(v_row.id, 'timed_out', 'the run passed its deadline');
    update lenses.workflow_runs r
    set status = 'timed_out', finished_at = now(), active_node_id = null, error_message = 'the run passed its deadline'
    where r.id = v_row.id;
    perform lenses.fn_append_workflow_run_event(v_row.id, 'run_timed_out', jsonb_build_object('reason', 'deadline'));
    v_count := v_count + 1;
  end loop;

  for v_row in
    select x.id, x.run_id, x.node_id, x.node_key from lenses.workflow_node_results x
    where x.status in ('running', 'streaming') and x.timeout_at is not null and x.timeout_at < now()
    order by x.timeout_at limit p_limit
  loop
    continue when not lenses.fn_try_lock_run(v_row.run_id);
    continue when not exists (select 1 from lenses.workflow_node_results x where x.id = v_row.id
                              and x.status in ('running', 'streaming') and x.timeout_at < now());
    update lenses.workflow_node_results x
    set status = 'timed_out', waiting_reason = null, lease_token = null, lease_owner = null, lease_expires_at = null,
        finished_at = now(), error_kind = 'timeout', error_message = 'the node passed its timeout',
        duration_ms = (extract(epoch from now() - x.started_at) * 1000)::integer
    where x.id = v_row.id;
    perform lenses.fn_append_workflow_run_event(v_row.run_id, 'node_timed_out',
      jsonb_build_object('node_key', v_row.node_key), v_row.node_id);
    perform lenses.fn_node_stopped(v_row.run_id, v_row.node_id);
    perform lenses.fn_settle_successors(v_row.run_id, v_row.node_id);
    perform lenses.fn_finish_run_if_done(v_row.run_id);
    perform pg_notify('workflow_tasks', v_row.run_id::text);
    v_count := v_count + 1;
  end loop;

  for v_row in
    select x.id, x.run_id, x.node_id, x.node_key from lenses.workflow_node_results x
    where x.status in ('running', 'streaming') and x.lease_expires_at < now()
    order by x.lease_expires_at limit p_limit
  loop
    continue when not lenses.fn_try_lock_run(v_row.run_id);
    continue when not exists (select 1 from lenses.workflow_node_results x where x.id = v_row.id
                              and x.status in ('running', 'streaming') and x.lease_expires_at < now());
    perform lenses.fn_append_workflow_run_event(v_row.run_id, 'lease_expired',
      jsonb_build_object('node_key', v_row.node_key), v_row.node_id);
    perform lenses.fn_fail_node_result(v_row.id, 'lease_expired', 'the worker''s lease expired before it finished');
    perform lenses.fn_node_stopped(v_row.run_id, v_row.node_id);
    v_count := v_count + 1;
  end loop;
  return v_count;
end
$function$;

comment on function lenses.fn_reap_workflow_runs(p_limit integer) is 'Ends runs past their deadline and nodes past their timeout; returns expired leases to the queue. Run by claims and by pg_cron.';

revoke all on function lenses.fn_reap_workflow_runs(p_limit integer) from public;
grant execute on function lenses.fn_reap_workflow_runs(p_limit integer) to service_role;

-- ==== supabase/schemas/lenses/functions/fn_render_node_body.sql
-- The node's prompt: its template rendered with p_params (by default the node's config.params).
create or replace function lenses.fn_render_node_body(p_node_id uuid, p_params jsonb default NULL::jsonb)
 returns text
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_node lenses.workflow_nodes_v;
  v_state text;
  v_message text;
begin
  select n.* into v_node from lenses.workflow_nodes_v n where n.id = p_node_id;
  if not found then
    raise exception 'fn_render_node_body: no node % that you can see', p_node_id using errcode = 'P0002';
  end if;
  if v_node.kind <> 'lens' then
    raise exception 'fn_render_node_body: node "%" is a % node; only lens nodes render', v_node.key, v_node.kind using errcode = '22023';
  end if;
  if v_node.template_body is null then
    raise exception 'fn_render_node_body: node "%" uses lens version % that you cannot read', v_node.key, v_node.lens_version_id
      using errcode = 'P0002';
  end if;
  begin
    return lenses.fn_render_template(v_node.template_body, v_node.parameter_defs, coalesce(p_params, v_node.params));
  exception when sqlstate '22023' or sqlstate 'P0001' then
    get stacked diagnostics v_state = returned_sqlstate, v_message = message_text;
    raise exception 'fn_render_node_body: node "%": %', v_node.key, v_message using errcode = v_state;
  end;
end
$function$;

comment on function lenses.fn_render_node_body(p_node_id uuid, p_params jsonb) is 'A lens node''s template (version or inline) rendered with p_params, by default its config.params.';

revoke all on function lenses.fn_render_node_body(p_node_id uuid, p_params jsonb) from public;
grant execute on function lenses.fn_render_node_body(p_node_id uuid, p_params jsonb) to anon, authenticated, service_role;

-- ==== supabase/schemas/lenses/functions/fn_render_param_value.sql
-- The rendered text of one value of a parameter. Raises 22023 naming the parameter when the value
-- does not fit its type or config. p_config is the effective config (tool default || parameter).
create or replace function lenses.fn_render_param_value(p_label text, p_type lenses.param_type, p_config jsonb, p_value jsonb)
 returns text
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_what text := format('parameter "%s" (%s)', p_label, p_type);
  v_got text := left(lenses.fn_compact_json(p_value), 100);
  v_text text;
  v_num numeric;
  v_float double precision;
  v_ts timestamptz;
  v_date date;
  v_min numeric := lenses.fn_jsonb_numeric(p_config -> 'min');
  v_max numeric := lenses.fn_jsonb_numeric(p_config -> 'max');
begin
  if p_value is null or p_value = 'null'::jsonb then
    raise exception '% has no value', v_what using errcode = '22023';
  end if;

  case p_type
  when 'text', 'textarea' then
    if jsonb_typeof(p_value) <> 'string' then
      raise exception '% must be a string, got %', v_what, v_got using errcode = '22023';
    end if;
    v_text := p_value #>> '{}';
    if char_length(v_text) < coalesce(lenses.fn_jsonb_numeric(p_config -> 'min_length'), 0) then
      raise exception '% must be at least % characters, got %', v_what, p_config -> 'min_length', char_length(v_text)
        using errcode = '22023';
    end if;
    if char_length(v_text) > lenses.fn_jsonb_numeric(p_config -> 'max_length') then
      raise exception '% must be at most % characters, got %', v_what, p_config -> 'max_length', char_length(v_text)
        using errcode = '22023';
    end if;
    return v_text;

  when 'json' then
    return lenses.fn_compact_json(p_value);

  when 'number', 'decimal', 'float', 'integer' then
    v_num := lenses.fn_param_numeric(p_value);
    if v_num is null or v_num = 'NaN'::numeric or v_num in ('Infinity'::numeric, '-Infinity'::numeric) then
      raise exception '% must be a number, got %', v_what, v_got using errcode = '22023';
    end if;
    if p_type = 'integer' and v_num <> trunc(v_num) then
      raise exception '% must be a whole number, got %', v_what, v_got using errcode = '22023';
    end if;
    if v_num < v_min then
      raise exception '% must be at least %, got %', v_what, v_min, v_got using errcode = '22023';
    end if;
    if v_num > v_max then
      raise exception '% must be at most %, got %', v_what, v_max, v_got using errcode = '22023';
    end if;
    if p_type = 'integer' then
      if v_num not between -9223372036854775808 and 9223372036854775807 then
        raise exception '% is out of the 64-bit integer range, got %', v_what, v_got using errcode = '22023';
      end if;
      return trunc(v_num)::bigint::text;
    elsif p_type = 'float' then
      begin
        v_float := v_num::double precision;
      exception when others then
        raise exception '% is out of the double-precision range, got %', v_what, v_got using errcode = '22023';
      end;
      if v_float = 0 and v_num <> 0 then
        raise exception '% is out of the double-precision range, got %', v_what, v_got using errcode = '22023';
      end if;
      return v_float::text;
    elsif p_type = 'number' then
      return trim_scale(v_num)::text;
    else
      return v_num::text;
    end if;

  when 'boolean' then
    if jsonb_typeof(p_value) = 'boolean' then
      return p_value::text;
    end if;
    if jsonb_typeof(p_value) = 'string' and lower(btrim(p_value #>> '{}')) in ('true', 'false') then
      return lower(btrim(p_value #>> '{}'));
    end if;
    raise exception '% must be true or false, got %', v_what, v_got using errcode = '22023';

  when 'select' then
    if jsonb_typeof(p_value) <> 'string' then
      raise exception '% must be one of its options (a string), got %', v_what, v_got using errcode = '22023';
    end if;
    if jsonb_typeof(p_config -> 'options') is distinct from 'array' or not (p_config -> 'options') @> jsonb_build_array(p_value) then
      raise exception '% must be one of %, got %', v_what, coalesce(lenses.fn_compact_json(p_config -> 'options'), '(no options)'), v_got
        using errcode = '22023';
    end if;
    return p_value #>> '{}';

  when 'url' then
    if jsonb_typeof(p_value) <> 'string' or (p_value #>> '{}') !~* '^https?://[^\s/?#@]+([/?#][^\s]*)?$'
       or char_length(p_value #>> '{}') > 2048 then
      raise exception '% must be an http(s) URL, got %', v_what, v_got using errcode = '22023';
    end if;
    return p_value #>> '{}';

  when 'date' then
    if jsonb_typeof(p_value) = 'string' and (p_value #>> '{}') ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' then
      begin
        v_date := to_date(p_value #>> '{}', 'YYYY-MM-DD');
        if to_char(v_date, 'YYYY-MM-DD') = p_value #>> '{}' then
          return to_char(v_date, 'YYYY-MM-DD');
        end if;
      exception when others then
        null;
      end;
    end if;
    raise exception '% must be an ISO date YYYY-MM-DD, got %', v_what, v_got using errcode = '22023';

  when 'datetime' then
    if jsonb_typeof(p_value) = 'string'
       and (p_value #>> '{}') ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,9})?)?([Zz]|[+-][0-9]{2}(:?[0-9]{2})?)$' then
      begin
        v_ts := (p_value #>> '{}')::timestamptz;
      exception when others then
        v_ts := null;
      end;
      if v_ts is not null then
        v_text := to_char(v_ts at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS');
        if extract(microseconds from v_ts)::bigint % 1000000 <> 0 then
          v_text := v_text || '.' || rtrim(to_char(v_ts at time zone 'UTC', 'US'), '0');
        end if;
        return v_text || 'Z';
      end if;
    end if;
    raise exception '% must be an ISO 8601 timestamp with a time zone (e.g. 2026-01-31T09:30:00Z), got %', v_what, v_got
      using errcode = '22023';

  when 'file' then
    if jsonb_typeof(p_value) = 'string' and char_length(p_value #>> '{}') <= 1024 and (
         (p_value #>> '{}') ~* '^https?://[^\s/?#@]+([/?#][^\s]*)?$'
         or ((p_value #>> '{}') ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,62}/[^\s]+$'
             and (p_value #>> '{}') !~ '(^|/)\.\.(/|$)' and (p_value #>> '{}') !~ '//')) then
      return p_value #>> '{}';
    end if;
    raise exception '% must be an http(s) URL or a storage path bucket/path, got %', v_what, v_got using errcode = '22023';
  end case;
  raise exception '% has an unknown type', v_what using errcode = '22023';
end
$function$;

comment on function lenses.fn_render_param_value(p_label text, p_type lenses.param_type, p_config jsonb, p_value jsonb) is 'The normalised text of a parameter value; raises 22023 naming the parameter when it does not fit its type or config.';

revoke all on function lenses.fn_render_param_value(p_label text, p_type lenses.param_type, p_config jsonb, p_value jsonb) from public;
grant execute on function lenses.fn_render_param_value(p_label text, p_type lenses.param_type, p_config jsonb, p_value jsonb) to anon, authenticated, service_role;

-- ==== supabase/schemas/lenses/functions/fn_render_template.sql
-- Renders a template from parameter definitions and values.
--   p_parameters: [{label, type, required, default_value, config}] (config effective)
--   p_params: {label: value}
-- Raises 22023 for a bad, missing or unknown value and P0001 for a placeholder with no parameter;
-- messages carry no function prefix, so that callers can add their own.
create or replace function lenses.fn_render_template(p_template text, p_parameters jsonb, p_params jsonb)
 returns text
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_params jsonb := coalesce(p_params, '{}'::jsonb);
  v_unknown text;
  v_pieces text[];
  v_labels text[];
  v_values jsonb := '{}'::jsonb;
  v_param jsonb;
  v_value jsonb;
  v_result text;
begin
  if jsonb_typeof(v_params) <> 'object' then
    raise exception 'params must be a JSON object keyed by parameter label, got %', jsonb_typeof(v_params)
      using errcode = '22023';
  end if;
  select string_agg(format('"%s"', k), ', ' order by k) into v_unknown
  from jsonb_object_keys(v_params) k
  where not exists (select 1 from jsonb_array_elements(coalesce(p_parameters, '[]')) p where p ->> 'label' = k);
  if v_unknown is not null then
    raise exception 'unknown parameter % (known: %)', v_unknown,
      coalesce((select string_agg(p ->> 'label', ', ' order by p ->> 'label') from jsonb_array_elements(coalesce(p_parameters, '[]')) p), 'none')
      using errcode = '22023';
  end if;

  -- Every parameter's value is checked, used in the template or not.
  for v_param in select p from jsonb_array_elements(coalesce(p_parameters, '[]')) p loop
    v_value := v_params -> (v_param ->> 'label');
    if v_value is null or v_value = 'null'::jsonb then
      v_value := nullif(v_param -> 'default_value', 'null'::jsonb);
    end if;
    if v_value is null then
      if coalesce((v_param ->> 'required')::boolean, false) then
        raise exception 'parameter "%" is required and has no value (and no default)', v_param ->> 'label' using errcode = '22023';
      end if;
      v_values := v_values || jsonb_build_object(v_param ->> 'label', '');
    else
      v_values := v_values || jsonb_build_object(v_param ->> 'label',
        lenses.fn_render_param_value(v_param ->> 'label', (v_param ->> 'type')::lenses.param_type,
          coalesce(v_param -> 'config', '{}'::jsonb), v_value));
    end if;
  end loop;

  v_pieces := regexp_split_to_array(p_template, '\[\[[A-Za-z_][A-Za-z0-9_]{0,62}\]\]');
  select coalesce(array_agg(m[1] order by pos), '{}') into v_labels
  from regexp_matches(p_template, '\[\[([A-Za-z_][A-Za-z0-9_]{0,62})\]\]', 'g') with ordinality as r(m, pos);
  v_result := v_pieces[1];
  for i in 1 .. coalesce(array_length(v_labels, 1), 0) loop
    if not v_values ? v_labels[i] then
      raise exception 'template placeholder [[%]] has no parameter', v_labels[i] using errcode = 'P0001';
    end if;
    v_result := v_result || (v_values ->> v_labels[i]) || v_pieces[i + 1];
  end loop;
  return v_result;
end
$function$;

comment on function lenses.fn_render_template(p_template text, p_parameters jsonb, p_params jsonb) is 'Fills [[label]] placeholders from typed parameter definitions and values (see the migration header for the rules).';

revoke all on function lenses.fn_render_template(p_template text, p_parameters jsonb, p_params jsonb) from public;
grant execute on function lenses.fn_render_template(p_template text, p_parameters jsonb, p_params jsonb) to anon, authenticated, service_role;

-- ==== supabase/schemas/lenses/functions/fn_render_version_body.sql
create or replace function lenses.fn_render_version_body(p_version_id uuid, p_params jsonb default '{}'::jsonb)
 returns text
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_template text;
  v_state text;
  v_message text;
begin
  if p_version_id is null then
    raise exception 'fn_render_version_body: p_version_id is required' using errcode = '22023';
  end if;
  select v.template_body into v_template from lenses.versions v where v.id = p_version_id;
  if not found then
    raise exception 'fn_render_version_body: no version % that you can read', p_version_id using errcode = 'P0002';
  end if;
  begin
    return lenses.fn_render_template(v_template, lenses.fn_version_parameter_defs(p_version_id), p_params);
  exception when sqlstate '22023' or sqlstate 'P0001' then
    get stacked diagnostics v_state = returned_sqlstate, v_message = message_text;
    raise exception 'fn_render_version_body: %', v_message using errcode = v_state;
  end;
end
$function$;

comment on function lenses.fn_render_version_body(p_version_id uuid, p_params jsonb) is 'The version''s template with every [[label]] filled by its type-checked, normalised value (22023 names a bad or missing one).';

revoke all on function lenses.fn_render_version_body(p_version_id uuid, p_params jsonb) from public;
grant execute on function lenses.fn_render_version_body(p_version_id uuid, p_params jsonb) to anon, authenticated, service_role;

-- ==== supabase/schemas/lenses/functions/fn_replace_version_parameters.sql
-- Replaces a draft version's parameters after checking every item of p_parameters (nothing is
-- written when one is bad).
create or replace function lenses.fn_replace_version_parameters(p_rpc text, p_version_id uuid, p_parameters jsonb)
 returns void
 language plpgsql
 set search_path to ''
as $function$
declare
  v_item jsonb;
  v_index integer := 0;
  v_where text;
  v_key text;
  v_tool lenses.tools;
  v_errors text[];
  v_error text;
  v_labels text[] := '{}'::text[];
  v_rows jsonb := '[]'::jsonb;
begin
  if p_parameters is null or jsonb_typeof(p_parameters) <> 'array' then
    raise exception '%: p_parameters must be a JSON array of parameters', p_rpc using errcode = '22023';
  end if;
  if jsonb_array_length(p_parameters) > 100 then
    raise exception '%: p_parameters has more than 100 parameters', p_rpc using errcode = '22023';
  end if;
  for v_item in select e from jsonb_array_elements(p_parameters) e loop
    v_where := format('%s: p_parameters[%s]', p_rpc, v_index);
    if jsonb_typeof(v_item) <> 'object' then
      raise exception '% must be an object', v_where using errcode = '22023';
    end if;
    for v_key in select k from jsonb_object_keys(v_item) k order by k loop
      if v_key not in ('label', 'tool_key', 'display_name', 'required', 'default_value', 'config', 'sort_order') then
        raise exception '% has an unknown key "%" (allowed: label, tool_key, display_name, required, default_value, config, sort_order)',
          v_where, v_key using errcode = '22023';
      end if;
    end loop;
    if jsonb_typeof(v_item -> 'label') is distinct from 'string' or (v_item ->> 'label') !~ '^[A-Za-z_][A-Za-z0-9_]{0,62}$' then
      raise exception '%.label must be an identifier (letters, digits, _; at most 63), got %', v_where,
        coalesce((v_item -> 'label')::text, 'nothing') using errcode = '22023';
    end if;
    if (v_item ->> 'label') = any (v_labels) then
      raise exception '%.label "%" is used twice', v_where, v_item ->> 'label' using errcode = '22023';
    end if;
    v_labels := v_labels || (v_item ->> 'label');
    select t.* into v_tool from lenses.tools t where t.key = v_item ->> 'tool_key';
    if not found then
      raise exception '%.tool_key % is not a known tool (see list_lens_tools)', v_where,
        coalesce((v_item -> 'tool_key')::text, 'is missing; it') using errcode = '22023';
    end if;
    if v_item ? 'display_name' and (jsonb_typeof(v_item -> 'display_name') <> 'string'
                                   or char_length(btrim(v_item ->> 'display_name')) not between 1 and 120) then
      raise exception '%.display_name must be a string of 1 to 120 characters', v_where using errcode = '22023';
    end if;
    if v_item ? 'required' and jsonb_typeof(v_item -> 'required') <> 'boolean' then
      raise exception '%.required must be true or false', v_where using errcode = '22023';
    end if;
    if v_item ? 'sort_order' and (jsonb_typeof(v_item -> 'sort_order') <> 'number'
        or lenses.fn_jsonb_numeric(v_item -> 'sort_order') <> trunc(lenses.fn_jsonb_numeric(v_item -> 'sort_order'))
        or lenses.fn_jsonb_numeric(v_item -> 'sort_order') not between 0 and 10000) then
      raise exception '%.sort_order must be a whole number from 0 to 10000', v_where using errcode = '22023';
    end if;
    v_errors := lenses.fn_param_config_errors(v_tool.type, coalesce(v_item -> 'config', '{}'::jsonb), true);
    if cardinality(v_errors) > 0 then
      raise exception '%.config is not valid for tool % (%): %', v_where, v_tool.key, v_tool.type, array_to_string(v_errors, '; ')
        using errcode = '22023';
    end if;
    if nullif(v_item -> 'default_value', 'null'::jsonb) is not null then
      v_error := lenses.fn_param_value_error(v_item ->> 'label', v_tool.type,
        v_tool.default_config || coalesce(v_item -> 'config', '{}'::jsonb), v_item -> 'default_value');
      if v_error is not null then
        raise exception '%.default_value: %', v_where, v_error using errcode = '22023';
      end if;
    end if;
    v_rows := v_rows || jsonb_build_object(
      'tool_id', v_tool.id,
      'label', v_item ->> 'label',
      'display_name', coalesce(btrim(v_item ->> 'display_name'), v_item ->> 'label'),
      'required', coalesce((v_item ->> 'required')::boolean, false),
      'default_value', nullif(v_item -> 'default_value', 'null'::jsonb),
      'config', coalesce(v_item -> 'config', '{}'::jsonb),
      'sort_order', coalesce((v_item ->> 'sort_order')::integer, v_index));
    v_index := v_index + 1;
  end loop;

  delete from lenses.version_parameters vp where vp.version_id = p_version_id;
  insert into lenses.version_parameters (version_id, tool_id, label, display_name, required, default_value, config, sort_order)
  select p_version_id, (r ->> 'tool_id')::uuid, r ->> 'label', r ->> 'display_name', (r ->> 'required')::boolean,
    r -> 'default_value', r -> 'config', (r ->> 'sort_order')::integer
  from jsonb_array_elements(v_rows) r;
end
$function$;

revoke all on function lenses.fn_replace_version_parameters(p_rpc text, p_version_id uuid, p_parameters jsonb) from public;
grant execute on function lenses.fn_replace_version_parameters(p_rpc text, p_version_id uuid, p_parameters jsonb) to authenticated, service_role;

-- ==== supabase/schemas/lenses/functions/fn_retry_delay_ms.sql
-- Exponential backoff with equal jitter: half the delay fixed, half random.
create or replace function lenses.fn_retry_delay_ms(p_retry integer, p_base_ms integer, p_max_ms integer)
 returns integer
 language sql
 set search_path to ''
as $function$
  select (d / 2 + random() * d / 2)::integer
  from (select least(p_max_ms::numeric, p_base_ms::numeric * power(2, greatest(p_retry - 1, 0))) as d) s
$function$;

revoke all on function lenses.fn_retry_delay_ms(p_retry integer, p_base_ms integer, p_max_ms integer) from public;
grant execute on function lenses.fn_retry_delay_ms(p_retry integer, p_base_ms integer, p_max_ms integer) to service_role;

-- ==== supabase/schemas/lenses/functions/fn_runs_after_completions.sql
-- After a transition completed tasks (p_* per task) and perhaps leased others (p_started_*): one
-- update of their runs (fn_runs_nodes_stopped), then each run that is done ends, in run id order.
create or replace function lenses.fn_runs_after_completions(p_run_ids uuid[], p_node_ids uuid[], p_input_tokens bigint[], p_output_tokens bigint[], p_cached_tokens bigint[], p_costs numeric[], p_started_runs uuid[] default '{}'::uuid[], p_started_nodes uuid[] default '{}'::uuid[])
 returns void
 language plpgsql
 set search_path to ''
as $function$
declare
  v_run_id uuid;
begin
  perform lenses.fn_runs_nodes_stopped(p_run_ids, p_node_ids, p_input_tokens, p_output_tokens, p_cached_tokens, p_costs,
    p_started_runs, p_started_nodes);
  for v_run_id in
    select distinct u.run_id from unnest(p_run_ids) u(run_id)
    where not exists (select 1 from lenses.workflow_node_results x
                      where x.run_id = u.run_id
                        and x.status not in ('completed', 'failed', 'cancelled', 'skipped', 'timed_out', 'invalidated'))
    order by u.run_id
  loop
    perform lenses.fn_finish_run_if_done(v_run_id);
  end loop;
end
$function$;

revoke all on function lenses.fn_runs_after_completions(p_run_ids uuid[], p_node_ids uuid[], p_input_tokens bigint[], p_output_tokens bigint[], p_cached_tokens bigint[], p_costs numeric[], p_started_runs uuid[], p_started_nodes uuid[]) from public;
grant execute on function lenses.fn_runs_after_completions(p_run_ids uuid[], p_node_ids uuid[], p_input_tokens bigint[], p_output_tokens bigint[], p_cached_tokens bigint[], p_costs numeric[], p_started_runs uuid[], p_started_nodes uuid[]) to service_role;

-- ==== supabase/schemas/lenses/functions/fn_runs_nodes_stopped.sql
-- After nodes stopped running, one update of their runs: each run's model usage joins its totals;
-- its inspector moves to the last node of the run leased in the same transaction (p_started_*),
-- else to its latest running node (or none) when it showed one of the stopped nodes; a streaming
-- run is running again once nothing streams. p_* hold one entry per stopped node.
create or replace function lenses.fn_runs_nodes_stopped(p_run_ids uuid[], p_node_ids uuid[], p_input_tokens bigint[], p_output_tokens bigint[], p_cached_tokens bigint[], p_costs numeric[], p_started_runs uuid[] default '{}'::uuid[], p_started_nodes uuid[] default '{}'::uuid[])
 returns void
 language plpgsql
 set search_path to ''
as $function$
begin
  update lenses.workflow_runs r
  set total_input_tokens = r.total_input_tokens + a.i,
      total_output_tokens = r.total_output_tokens + a.o,
      total_cached_tokens = r.total_cached_tokens + a.c,
      total_cost_credits = r.total_cost_credits + a.cost,
      active_node_id = case when a.started_node is not null then a.started_node
        when r.active_node_id = any (a.node_ids) then
        (select x.node_id from lenses.workflow_node_results x
         where x.run_id = r.id and x.status in ('running', 'streaming')
         order by x.started_at desc limit 1) else r.active_node_id end,
      status = case
        when a.started_node is not null and r.status in ('queued', 'pending', 'recovered') then 'running'::lenses.workflow_run_status
        when r.status = 'streaming' and not exists (
          select 1 from lenses.workflow_node_results x where x.run_id = r.id and x.status = 'streaming')
        then 'running' else r.status end
  from (select u.run_id, array_agg(u.node_id) as node_ids, sum(u.i)::bigint as i, sum(u.o)::bigint as o,
               sum(u.c)::bigint as c, sum(u.cost) as cost,
               (select s.node_id from unnest(p_started_runs, p_started_nodes) with ordinality s(run_id, node_id, ord)
                where s.run_id = u.run_id order by s.ord desc limit 1) as started_node
        from unnest(p_run_ids, p_node_ids, p_input_tokens, p_output_tokens, p_cached_tokens, p_costs) u(run_id, node_id, i, o, c, cost)
        group by u.run_id) a
  where r.id = a.run_id and r.id = any (p_run_ids);
end
$function$;

revoke all on function lenses.fn_runs_nodes_stopped(p_run_ids uuid[], p_node_ids uuid[], p_input_tokens bigint[], p_output_tokens bigint[], p_cached_tokens bigint[], p_costs numeric[], p_started_runs uuid[], p_started_nodes uuid[]) from public;
grant execute on function lenses.fn_runs_nodes_stopped(p_run_ids uuid[], p_node_ids uuid[], p_input_tokens bigint[], p_output_tokens bigint[], p_cached_tokens bigint[], p_costs numeric[], p_started_runs uuid[], p_started_nodes uuid[]) to service_role;

-- ==== supabase/schemas/lenses/functions/fn_settle_many.sql
-- After nodes ended (completed, failed, skipped, cancelled, timed out), set-wise for any number of
-- (run, node) pairs: each successor whose incoming edges are now all settled gets its active inputs
-- merged and is queued (blocked on a person for human_input nodes), or is skipped when no edge is
-- active (condition false, or its sources did not complete), and the skip carries on from it, one
-- round at a time. Writes the results; returns the events (in order) and the edges that carried a
-- value, as (run, edge) pairs, for the caller to write with others (fn_write_provenance).
-- p_hold: up to that many lens successors that are ready are not written queued but returned in
-- "held" ([{result_id, run_id, node_id, node_key, input}], their node_queued events included), for
-- a caller that leases them in the same transaction (fn_lease_tasks): one write of the row, not two.
create or replace function lenses.fn_settle_many(p_run_ids uuid[], p_node_ids uuid[], p_hold integer default 0, OUT events jsonb, OUT provenance_runs uuid[], OUT provenance_edges uuid[], OUT held jsonb)
 returns record
 language plpgsql
 set search_path to ''
as $function$
declare
  v_hold_left integer := coalesce(p_hold, 0);
  v_src_runs uuid[] := p_run_ids;
  v_src_nodes uuid[] := p_node_ids;
  v_targets jsonb;
  v_skipped record;
begin
  events := '[]';
  provenance_runs := '{}';
  provenance_edges := '{}';
  held := '[]';
  while cardinality(v_src_nodes) > 0 loop
    -- The successors of this round's sources that wait on nothing else now, with their merged input
    -- (values of the active edges grouped by target input path, merged by strategy; the values
    -- without a path merge into the input's top level first) and the edges that carried them.
    -- Results are looked up by (run_id, node_id) in LATERAL subqueries kept apart by "offset 0":
    -- flattened into joins, the planner may look them up by node alone and read that node's results
    -- in every run (its statistics lag behind a queue that changes by the second).
    with src as (
      select distinct s.run_id, s.node_id from unnest(v_src_runs, v_src_nodes) s(run_id, node_id)
    ), ready as (
      select distinct r.id as result_id, r.run_id, r.node_id, r.node_key, p.kind, p.human_prompt
      from src
      join lenses.workflow_node_plans sp on sp.node_id = src.node_id
      cross join lateral unnest(sp.successor_ids) n(node_id)
      cross join lateral (select x.id, x.run_id, x.node_id, x.node_key, x.status from lenses.workflow_node_results x
                          where x.run_id = src.run_id and x.node_id = n.node_id offset 0) r
      join lenses.workflow_node_plans p on p.node_id = r.node_id
      where r.status = 'awaiting_dependency'
        and (p.predecessor_count = 1 or not exists (
          select 1 from lenses.workflow_edges e
          join lenses.workflow_node_results s on s.run_id = r.run_id and s.node_id = e.source_node_id
          where e.target_node_id = r.node_id
            and s.status not in ('completed', 'failed', 'cancelled', 'skipped', 'timed_out', 'invalidated')))
    ), incoming as (
      select t.result_id, coalesce(e.target_input_path, '') as target_path, e.merge_strategy, e.id as edge_id,
             e.created_at as edge_created_at, s.finished_at, s.node_key as source_key,
             coalesce(lenses.fn_edge_value(s.output_data, e.source_output_path), 'null'::jsonb) as value
      from ready t
      join lenses.workflow_edges e on e.target_node_id = t.node_id
      cross join lateral (select x.status, x.output_data, x.finished_at, x.node_key from lenses.workflow_node_results x
                          where x.run_id = t.run_id and x.node_id = e.source_node_id offset 0) s
      where s.status = 'completed' and lenses.fn_edge_condition_holds(e.condition, s.output_data)
    ), groups as (
      select i.result_id, i.target_path,
             (array_agg(i.merge_strategy order by i.edge_created_at, i.edge_id))[1] as strategy,
             jsonb_agg(i.value order by i.finished_at, i.edge_created_at, i.edge_id) as vals,
             array_agg(i.source_key order by i.finished_at, i.edge_created_at, i.edge_id) as source_keys,
             array_agg(i.edge_id order by i.finished_at, i.edge_created_at, i.edge_id) as edge_ids
      from incoming i
      group by i.result_id, i.target_path
    ), inputs as (
      select g.result_id,
             coalesce((select lenses.fn_merge_into_input_root('{}', r.vals, r.source_keys)
                       from groups r where r.result_id = g.result_id and r.target_path = ''), '{}')
               || coalesce(jsonb_object_agg(g.target_path, lenses.fn_merge_edge_values(g.strategy, g.vals, g.source_keys))
                             filter (where g.target_path <> ''), '{}') as input,
             (select array_agg(x.edge_id order by g2.target_path, x.ord)
              from groups g2 cross join lateral unnest(g2.edge_ids) with ordinality x(edge_id, ord)
              where g2.result_id = g.result_id) as edge_ids
      from groups g
      group by g.result_id
    )
    -- (A target without input is skipped: stripped of nulls, it has no "input" key. The first
    -- v_hold_left lens targets with input are held for the caller, which leases them itself.)
    select coalesce(jsonb_agg(x.target order by x.run_id, x.node_key), '[]')
    into v_targets
    from (select t.run_id, t.node_key,
                 jsonb_strip_nulls(jsonb_build_object('result_id', t.result_id, 'run_id', t.run_id,
                   'node_id', t.node_id, 'node_key', t.node_key, 'kind', t.kind, 'prompt', t.human_prompt, 'input', i.input,
                   'edge_ids', coalesce(to_jsonb(i.edge_ids), '[]'),
                   'hold', case when i.input is not null and t.kind = 'lens'
                                 and count(*) filter (where i.input is not null and t.kind = 'lens')
                                       over (order by t.run_id, t.node_key rows unbounded preceding) <= v_hold_left
                            then true end)) as target
          from ready t left join inputs i on i.result_id = t.result_id) x;

    v_src_runs := '{}';
    v_src_nodes := '{}';
    exit when jsonb_array_length(v_targets) = 0;

    update lenses.workflow_node_results x
    set status = case when t.input is null then 'skipped'::lenses.node_result_status
                      when t.kind = 'human_input' then 'blocked' else 'queued' end,
        waiting_reason = case when t.input is null then 'condition_false'::lenses.waiting_reason
                              when t.kind = 'human_input' then 'human_input' else 'queued' end,
        input_data = coalesce(t.input, x.input_data),
        queued_at = case when t.input is not null and t.kind = 'lens' then now() else x.queued_at end,
        next_attempt_at = case when t.input is not null and t.kind = 'lens' then now() end,
        finished_at = case when t.input is null then now() end
    from (select (v ->> 'result_id')::uuid as result_id, (v ->> 'kind')::lenses.workflow_node_kind as kind, v -> 'input' as input
          from jsonb_array_elements(v_targets) v where not v ? 'hold') t
    where x.id = t.result_id
      and x.id = any (array(select (v ->> 'result_id')::uuid from jsonb_array_elements(v_targets) v));
    select held || coalesce(jsonb_agg(v - 'edge_ids' - 'hold' - 'prompt' - 'kind'), '[]'), v_hold_left - count(*)::integer
    into held, v_hold_left
    from jsonb_array_elements(v_targets) v where v ? 'hold';

    select events || coalesce(jsonb_agg(case
             when v -> 'input' is null then jsonb_build_object('run_id', v -> 'run_id', 'event_type', 'node_skipped', 'node_id', v -> 'node_id',
               'payload', jsonb_build_object('node_key', v -> 'node_key', 'reason', 'condition_false'))
             when v ->> 'kind' = 'human_input' then jsonb_build_object('run_id', v -> 'run_id', 'event_type', 'human_input_requested',
               'node_id', v -> 'node_id', 'payload', jsonb_build_object('node_key', v -> 'node_key', 'prompt', coalesce(v -> 'prompt', 'null'), 'input', v -> 'input'))
             else jsonb_build_object('run_id', v -> 'run_id', 'event_type', 'node_queued', 'node_id', v -> 'node_id',
               'payload', jsonb_build_object('node_key', v -> 'node_key')) end order by a.ord), '[]'),
           provenance_runs || coalesce((select array_agg((w ->> 'run_id')::uuid order by b.ord, e.ord)
             from jsonb_array_elements(v_targets) with ordinality b(w, ord),
                  jsonb_array_elements_text(b.w -> 'edge_ids') with ordinality e(edge_id, ord)), '{}'),
           provenance_edges || coalesce((select array_agg(e.edge_id::uuid order by b.ord, e.ord)
             from jsonb_array_elements(v_targets) with ordinality b(w, ord),
                  jsonb_array_elements_text(b.w -> 'edge_ids') with ordinality e(edge_id, ord)), '{}')
    into events, provenance_runs, provenance_edges
    from jsonb_array_elements(v_targets) with ordinality a(v, ord);

    -- Skipped nodes settle their own successors in the next round.
    for v_skipped in
      select (v ->> 'run_id')::uuid as run_id, (v ->> 'node_id')::uuid as node_id
      from jsonb_array_elements(v_targets) v where v -> 'input' is null
    loop
      v_src_runs := v_src_runs || v_skipped.run_id;
      v_src_nodes := v_src_nodes || v_skipped.node_id;
    end loop;
  end loop;
end
$function$;

revoke all on function lenses.fn_settle_many(p_run_ids uuid[], p_node_ids uuid[], p_hold integer, OUT events jsonb, OUT provenance_runs uuid[], OUT provenance_edges uuid[], OUT held jsonb) from public;
grant execute on function lenses.fn_settle_many(p_run_ids uuid[], p_node_ids uuid[], p_hold integer, OUT events jsonb, OUT provenance_runs uuid[], OUT provenance_edges uuid[], OUT held jsonb) to service_role;

-- ==== supabase/schemas/lenses/functions/fn_settle_successors.sql
-- The one-node form, for the transitions that end one node (fail, reap, human input, rerun).
create or replace function lenses.fn_settle_successors(p_run_id uuid, p_node_id uuid)
 returns void
 language plpgsql
 set search_path to ''
as $function$
declare
  v_settled record;
begin
  select * into v_settled from lenses.fn_settle_many(array[p_run_id], array[p_node_id]);
  perform lenses.fn_write_provenance(v_settled.provenance_runs, v_settled.provenance_edges);
  perform lenses.fn_append_workflow_run_events(v_settled.events);
end
$function$;

revoke all on function lenses.fn_settle_successors(p_run_id uuid, p_node_id uuid) from public;
grant execute on function lenses.fn_settle_successors(p_run_id uuid, p_node_id uuid) to service_role;

-- ==== supabase/schemas/lenses/functions/fn_tags_valid.sql
-- Tags: at most 20 distinct lower-case slugs. Shared by lenses and workflows.
create or replace function lenses.fn_tags_valid(p_tags text[])
 returns boolean
 language sql
 immutable
 set search_path to ''
as $function$
  select p_tags is not null
    and coalesce(array_length(p_tags, 1), 0) <= 20
    and not exists (select 1 from unnest(p_tags) t where t is null or t !~ '^[a-z0-9][a-z0-9_-]{0,39}$')
    and (select count(distinct t) from unnest(p_tags) t) = coalesce(array_length(p_tags, 1), 0)
$function$;

comment on function lenses.fn_tags_valid(p_tags text[]) is 'True for at most 20 distinct tags, each a lower-case slug of 1 to 40 letters, digits, _ or -.';

revoke all on function lenses.fn_tags_valid(p_tags text[]) from public;
grant execute on function lenses.fn_tags_valid(p_tags text[]) to anon, authenticated, service_role;

-- ==== supabase/schemas/lenses/functions/fn_template_binding_errors.sql
-- What is wrong with how a template binds its parameters (empty when nothing): placeholders
-- without a parameter, parameters the template does not use, defaults that do not render.
-- p_parameters as fn_render_template takes them. Shared by versions and inline node overrides.
create or replace function lenses.fn_template_binding_errors(p_template text, p_parameters jsonb)
 returns text[]
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_errors text[] := '{}'::text[];
  v_labels text[] := lenses.fn_template_labels(p_template);
  v_param jsonb;
  v_error text;
begin
  select v_errors || coalesce(array_agg(format('template placeholder [[%s]] has no parameter', l) order by l), '{}')
  into v_errors
  from unnest(v_labels) l
  where not exists (select 1 from jsonb_array_elements(coalesce(p_parameters, '[]')) p where p ->> 'label' = l);

  for v_param in select p from jsonb_array_elements(coalesce(p_parameters, '[]')) p order by p ->> 'label' loop
    if not (v_param ->> 'label') = any (v_labels) then
      v_errors := v_errors || format('parameter "%s" does not appear in the template', v_param ->> 'label');
    end if;
    if nullif(v_param -> 'default_value', 'null'::jsonb) is not null then
      v_error := lenses.fn_param_value_error(v_param ->> 'label', (v_param ->> 'type')::lenses.param_type,
        coalesce(v_param -> 'config', '{}'::jsonb), v_param -> 'default_value');
      if v_error is not null then
        v_errors := v_errors || format('default_value of %s', v_error);
      end if;
    end if;
  end loop;
  return v_errors;
end
$function$;

comment on function lenses.fn_template_binding_errors(p_template text, p_parameters jsonb) is 'Unbound [[label]] placeholders, unused parameters and bad defaults of a template and its parameters (empty when none).';

revoke all on function lenses.fn_template_binding_errors(p_template text, p_parameters jsonb) from public;
grant execute on function lenses.fn_template_binding_errors(p_template text, p_parameters jsonb) to anon, authenticated, service_role;

-- ==== supabase/schemas/lenses/functions/fn_template_labels.sql
-- The distinct [[label]] placeholders of a template, in order of first appearance. A label is an
-- identifier (letters, digits, _; not starting with a digit; at most 63); anything else between
-- double brackets is plain text.
create or replace function lenses.fn_template_labels(p_template text)
 returns text[]
 language sql
 immutable
 set search_path to ''
as $function$
  select coalesce(array_agg(label order by first_pos), '{}')
  from (
    select m[1] as label, min(pos) as first_pos
    from regexp_matches(coalesce(p_template, ''), '\[\[([A-Za-z_][A-Za-z0-9_]{0,62})\]\]', 'g') with ordinality as r(m, pos)
    group by m[1]
  ) s
$function$;

comment on function lenses.fn_template_labels(p_template text) is 'The distinct [[label]] placeholders of a template, in order of first appearance.';

revoke all on function lenses.fn_template_labels(p_template text) from public;
grant execute on function lenses.fn_template_labels(p_template text) to anon, authenticated, service_role;

-- ==== supabase/schemas/lenses/functions/fn_try_lock_run.sql
create or replace function lenses.fn_try_lock_run(p_run_id uuid)
 returns boolean
 language plpgsql
 set search_path to ''
as $function$
begin
  return pg_try_advisory_xact_lock(hashtextextended(p_run_id::text, 1307));
end
$function$;

revoke all on function lenses.fn_try_lock_run(p_run_id uuid) from public;
grant execute on function lenses.fn_try_lock_run(p_run_id uuid) to service_role;

-- ==== supabase/schemas/lenses/functions/fn_validate_workflow.sql
create or replace function lenses.fn_validate_workflow(p_workflow_id uuid)
 returns jsonb
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_errors jsonb := '[]'::jsonb;
  v_row record;
  v_message text;
  v_error text;
  v_key text;
  v_defs jsonb;
begin
  if p_workflow_id is null then
    raise exception 'fn_validate_workflow: p_workflow_id is required' using errcode = '22023';
  end if;
  if not exists (select 1 from lenses.workflows w where w.id = p_workflow_id) then
    raise exception 'fn_validate_workflow: no workflow % that you can see', p_workflow_id using errcode = 'P0002';
  end if;

  if not exists (select 1 from lenses.workflow_nodes n where n.workflow_id = p_workflow_id) then
    v_errors := v_errors || jsonb_build_object('code', 'no_nodes', 'message', 'a workflow needs at least one node');
  end if;

  for v_row in
    select e.id, s.key as source_key, t.key as target_key, s.workflow_id as source_wf, t.workflow_id as target_wf
    from lenses.workflow_edges e
    join lenses.workflow_nodes s on s.id = e.source_node_id
    join lenses.workflow_nodes t on t.id = e.target_node_id
    where e.workflow_id = p_workflow_id and (s.workflow_id <> p_workflow_id or t.workflow_id <> p_workflow_id)
    order by e.id
  loop
    v_errors := v_errors || jsonb_build_object('code', 'edge_outside_workflow', 'edge_id', v_row.id,
      'message', format('edge %s -> %s leaves the workflow (%s belongs to another workflow)', v_row.source_key, v_row.target_key,
        case when v_row.source_wf <> p_workflow_id then 'its source' else 'its target' end));
  end loop;

  for v_row in
    with recursive edges as (
      select e.source_node_id, e.target_node_id from lenses.workflow_edges e where e.workflow_id = p_workflow_id
    ), reach (start_id, node_id) as (
      select source_node_id, target_node_id from edges
      union
      select r.start_id, e.target_node_id from reach r join edges e on e.source_node_id = r.node_id
    )
    select n.key from reach r join lenses.workflow_nodes n on n.id = r.start_id
    where r.start_id = r.node_id
    order by n.key
  loop
    v_errors := v_errors || jsonb_build_object('code', 'cycle', 'node_key', v_row.key,
      'message', format('node "%s" is on a cycle; a workflow must be acyclic', v_row.key));
  end loop;

  for v_row in
    select n.key, n.kind, n.lens_version_id, n.inline_override, n.config, v.id as version_id, v.status as version_status,
      v.version_number, (select l.title from lenses.lenses l where l.id = v.lens_id) as lens_title
    from lenses.workflow_nodes n
    left join lenses.versions v on v.id = n.lens_version_id
    where n.workflow_id = p_workflow_id
    order by n.key
  loop
    v_defs := null;
    if v_row.lens_version_id is not null then
      if v_row.version_id is null then
        v_errors := v_errors || jsonb_build_object('code', 'version_not_readable', 'node_key', v_row.key,
          'message', format('node "%s" uses lens version %s, which you cannot read', v_row.key, v_row.lens_version_id));
      elsif v_row.version_status <> 'published' then
        v_errors := v_errors || jsonb_build_object('code', 'version_not_published', 'node_key', v_row.key,
          'message', format('node "%s" uses version %s of lens "%s", which is %s, not published', v_row.key,
            v_row.version_number, v_row.lens_title, v_row.version_status));
      else
        v_defs := lenses.fn_version_parameter_defs(v_row.version_id);
      end if;
    elsif v_row.inline_override is not null then
      v_defs := lenses.fn_inline_parameter_defs(v_row.inline_override);
      foreach v_message in array lenses.fn_template_binding_errors(v_row.inline_override ->> 'template_body', v_defs) loop
        v_errors := v_errors || jsonb_build_object('code', 'inline_override_invalid', 'node_key', v_row.key,
          'message', format('node "%s" inline override: %s', v_row.key, v_message));
      end loop;
    end if;

    if v_row.config ? 'model_id' and not exists (select 1 from ai.models m where m.id = (v_row.config ->> 'model_id')::uuid) then
      v_errors := v_errors || jsonb_build_object('code', 'unknown_model', 'node_key', v_row.key,
        'message', format('node "%s" config.model_id %s is not a model in ai.models', v_row.key, v_row.config ->> 'model_id'));
    end if;

    if v_defs is not null and jsonb_typeof(v_row.config -> 'params') = 'object' then
      for v_key in select k from jsonb_object_keys(v_row.config -> 'params') k order by k loop
        if not exists (select 1 from jsonb_array_elements(v_defs) d where d ->> 'label' = v_key) then
          v_errors := v_errors || jsonb_build_object('code', 'node_param_unknown', 'node_key', v_row.key,
            'message', format('node "%s" config.params has "%s", which is not a parameter of its lens', v_row.key, v_key));
        elsif v_row.config -> 'params' -> v_key <> 'null'::jsonb then
          select lenses.fn_param_value_error(d ->> 'label', (d ->> 'type')::lenses.param_type, d -> 'config', v_row.config -> 'params' -> v_key)
          into v_error
          from jsonb_array_elements(v_defs) d where d ->> 'label' = v_key;
          if v_error is not null then
            v_errors := v_errors || jsonb_build_object('code', 'node_param_invalid', 'node_key', v_row.key,
              'message', format('node "%s" config.params: %s', v_row.key, v_error));
          end if;
        end if;
      end loop;
    end if;
  end loop;

  -- Contract compatibility along each edge (rules 1 and 2).
  for v_row in
    select e.id, s.key as source_key, t.key as target_key, c.code, c.message
    from lenses.workflow_edges e
    join lenses.workflow_nodes_v s on s.id = e.source_node_id and s.workflow_id = p_workflow_id
    join lenses.workflow_nodes_v t on t.id = e.target_node_id and t.workflow_id = p_workflow_id
    cross join lateral lenses.fn_edge_contract_errors(s.output_contract, t.input_contract, e.source_output_path,
      e.target_input_path, e.merge_strategy) c
    where e.workflow_id = p_workflow_id
    order by s.key, t.key, e.id
  loop
    v_errors := v_errors || jsonb_build_object('code', v_row.code, 'edge_id', v_row.id,
      'message', format('edge %s -> %s: %s', v_row.source_key, v_row.target_key, v_row.message));
  end loop;

  -- Required input fields are supplied (rule 3).
  for v_row in
    select t.key, f.name
    from lenses.workflow_nodes_v t
    cross join lateral lenses.fn_contract_fields(t.input_contract) f
    where t.workflow_id = p_workflow_id
      and f.required
      and exists (select 1 from lenses.workflow_edges e where e.target_node_id = t.id and e.workflow_id = p_workflow_id)
      and not exists (
        select 1
        from lenses.workflow_edges e
        join lenses.workflow_nodes_v s on s.id = e.source_node_id
        where e.target_node_id = t.id and e.workflow_id = p_workflow_id
          and (e.target_input_path = f.name
               or (e.target_input_path is null and (
                     e.source_output_path is not null
                     or s.output_contract is null
                     or (s.output_contract ->> 'kind' = 'json' and coalesce(jsonb_array_length(s.output_contract -> 'fields'), 0) = 0)
                     or exists (select 1 from lenses.fn_contract_fields(s.output_contract) sf where sf.name = f.name)))))
    order by t.key, f.name
  loop
    v_errors := v_errors || jsonb_build_object('code', 'input_field_unsupplied', 'node_key', v_row.key,
      'message', format('node "%s" requires input field "%s" but no incoming edge supplies it', v_row.key, v_row.name));
  end loop;

  return jsonb_build_object('valid', jsonb_array_length(v_errors) = 0, 'errors', v_errors);
end
$function$;

comment on function lenses.fn_validate_workflow(p_workflow_id uuid) is 'Validates a workflow DAG: {valid, errors: [{code, message, node_key?, edge_id?}]} (codes and rules in the migration header).';

revoke all on function lenses.fn_validate_workflow(p_workflow_id uuid) from public;
grant execute on function lenses.fn_validate_workflow(p_workflow_id uuid) to anon, authenticated, service_role;

-- ==== supabase/schemas/lenses/functions/fn_version_json.sql
-- A version as the RPCs return it: its columns and its parameters (with their tool's key).
create or replace function lenses.fn_version_json(p_version_id uuid)
 returns jsonb
 language sql
 stable
 set search_path to ''
as $function$
  select to_jsonb(v) || jsonb_build_object('parameters', coalesce((
    select jsonb_agg(to_jsonb(vp) || jsonb_build_object('tool_key', t.key) order by vp.sort_order, vp.label)
    from lenses.version_parameters vp join lenses.tools t on t.id = vp.tool_id
    where vp.version_id = v.id), '[]'::jsonb))
  from lenses.versions v
  where v.id = p_version_id
$function$;

revoke all on function lenses.fn_version_json(p_version_id uuid) from public;
grant execute on function lenses.fn_version_json(p_version_id uuid) to anon, authenticated, service_role;

-- ==== supabase/schemas/lenses/functions/fn_version_parameter_defs.sql
-- A version's parameters as fn_render_template takes them, effective config included.
-- (plpgsql: the engine calls this for every task it claims, and plpgsql keeps the plan.)
create or replace function lenses.fn_version_parameter_defs(p_version_id uuid)
 returns jsonb
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  return (
    select coalesce(jsonb_agg(jsonb_build_object(
        'label', vp.label, 'type', vp.param_type, 'required', vp.required,
        'default_value', vp.default_value, 'config', t.default_config || vp.config)
      order by vp.sort_order, vp.label), '[]'::jsonb)
    from lenses.version_parameters vp
    join lenses.tools t on t.id = vp.tool_id
    where vp.version_id = p_version_id
  );
end
$function$;

comment on function lenses.fn_version_parameter_defs(p_version_id uuid) is 'A version''s parameters [{label, type, required, default_value, config (tool default || own)}], in sort order.';

revoke all on function lenses.fn_version_parameter_defs(p_version_id uuid) from public;
grant execute on function lenses.fn_version_parameter_defs(p_version_id uuid) to anon, authenticated, service_role;

-- ==== supabase/schemas/lenses/functions/fn_version_publish_errors.sql
-- Why a draft cannot be published yet (empty when it can).
create or replace function lenses.fn_version_publish_errors(p_version_id uuid, p_template text, p_input_contract jsonb, p_output_contract jsonb)
 returns text[]
 language sql
 stable
 set search_path to ''
as $function$
  select lenses.fn_template_binding_errors(p_template, lenses.fn_version_parameter_defs(p_version_id))
    || case when p_input_contract is null then '{}'::text[] else lenses.fn_contract_errors(p_input_contract, 'input') end
    || case when p_output_contract is null then '{}'::text[] else lenses.fn_contract_errors(p_output_contract, 'output') end
$function$;

comment on function lenses.fn_version_publish_errors(p_version_id uuid, p_template text, p_input_contract jsonb, p_output_contract jsonb) is 'Why a version cannot be published (empty when it can): unbound placeholders, unused parameters, bad contracts or defaults.';

revoke all on function lenses.fn_version_publish_errors(p_version_id uuid, p_template text, p_input_contract jsonb, p_output_contract jsonb) from public;
grant execute on function lenses.fn_version_publish_errors(p_version_id uuid, p_template text, p_input_contract jsonb, p_output_contract jsonb) to anon, authenticated, service_role;

-- ==== supabase/schemas/lenses/functions/fn_write_provenance.sql
-- Provenance of the edges that carried values in runs: one row per (run, edge), the edge's paths.
create or replace function lenses.fn_write_provenance(p_run_ids uuid[], p_edge_ids uuid[])
 returns void
 language plpgsql
 set search_path to ''
as $function$
begin
  if cardinality(p_edge_ids) = 0 then
    return;
  end if;
  insert into lenses.workflow_run_provenance (run_id, edge_id, source_node_id, source_output_path, target_node_id, target_input_path)
  select u.run_id, e.id, e.source_node_id, coalesce(nullif(e.source_output_path, ''), '$'), e.target_node_id,
         coalesce(nullif(e.target_input_path, ''), '$')
  from unnest(p_run_ids, p_edge_ids) with ordinality u(run_id, edge_id, ord)
  join lenses.workflow_edges e on e.id = u.edge_id
  order by u.ord;
end
$function$;

revoke all on function lenses.fn_write_provenance(p_run_ids uuid[], p_edge_ids uuid[]) from public;
grant execute on function lenses.fn_write_provenance(p_run_ids uuid[], p_edge_ids uuid[]) to service_role;

-- ==== supabase/schemas/lenses/functions/tg_append_only.sql
-- Event logs and lineage are history: no update, no delete. The only changes are the ones
-- foreign keys make when a referenced row goes (a run's deletion cascades; a deleted profile's
-- events keep their place with a null actor); those arrive from the foreign key's own trigger.
create or replace function lenses.tg_append_only()
 returns trigger
 language plpgsql
 set search_path to ''
as $function$
begin
  if pg_trigger_depth() > 1 then
    return case when tg_op = 'DELETE' then old else new end;
  end if;
  raise exception '%.% is append-only: % is not allowed', tg_table_schema, tg_table_name, lower(tg_op)
    using errcode = '42501';
end
$function$;

revoke all on function lenses.tg_append_only() from public;

-- ==== supabase/schemas/lenses/functions/tg_lenses_derive_status.sql
-- The derived status, and the columns that never change. The published-version test reads
-- lenses.versions, created by the next migration; plpgsql resolves it when the trigger runs.
create or replace function lenses.tg_lenses_derive_status()
 returns trigger
 language plpgsql
 set search_path to ''
as $function$
begin
  if tg_op = 'UPDATE' then
    if new.lenser_id is distinct from old.lenser_id then
      raise exception 'lenses.lenser_id cannot change (a lens stays with its lenser)' using errcode = '23514';
    end if;
    if new.created_by is distinct from old.created_by and new.created_by is not null then
      raise exception 'lenses.created_by cannot change' using errcode = '23514';
    end if;
    if old.archived_at is not null and new.archived_at is distinct from old.archived_at then
      raise exception 'lens % is archived and stays archived', old.id using errcode = '23514';
    end if;
  end if;
  if new.archived_at is not null then
    new.status := 'archived';
  elsif tg_op = 'UPDATE' and exists (
    select 1 from lenses.versions v where v.lens_id = new.id and v.status = 'published'
  ) then
    new.status := 'published';
  else
    new.status := 'draft';
  end if;
  if new.status = 'published' and new.published_at is null then
    new.published_at := now();
  end if;
  return new;
end
$function$;

revoke all on function lenses.tg_lenses_derive_status() from public;

-- ==== supabase/schemas/lenses/functions/tg_version_parameters_guard.sql
-- Draft-only changes, the tool's type, and a default that renders.
create or replace function lenses.tg_version_parameters_guard()
 returns trigger
 language plpgsql
 set search_path to ''
as $function$
declare
  v_version_id uuid := case when tg_op = 'DELETE' then old.version_id else new.version_id end;
  v_status lenses.lens_status;
  v_tool lenses.tools;
  v_error text;
begin
  select v.status into v_status from lenses.versions v where v.id = v_version_id;
  if found and v_status <> 'draft' then
    raise exception 'version_parameters: version % is %; its parameters cannot change', v_version_id, v_status
      using errcode = '23514';
  end if;
  if tg_op = 'UPDATE' and old.version_id <> new.version_id then
    if exists (select 1 from lenses.versions v where v.id = old.version_id and v.status <> 'draft') then
      raise exception 'version_parameters: version % is not a draft; its parameters cannot change', old.version_id
        using errcode = '23514';
    end if;
  end if;
  if tg_op = 'DELETE' then
    return old;
  end if;

  select t.* into v_tool from lenses.tools t where t.id = new.tool_id;
  if not found then
    raise exception 'version_parameters: tool % does not exist', new.tool_id using errcode = '23503';
  end if;
  if tg_op = 'INSERT' or new.tool_id is distinct from old.tool_id then
    new.param_type := v_tool.type;
  end if;
  if new.default_value = 'null'::jsonb then
    new.default_value := null;
  end if;
  if new.default_value is not null then
    v_error := lenses.fn_param_value_error(new.label, new.param_type, v_tool.default_config || new.config, new.default_value);
    if v_error is not null then
      raise exception 'version_parameters: default_value of %', v_error using errcode = '23514';
    end if;
  end if;
  return new;
end
$function$;

revoke all on function lenses.tg_version_parameters_guard() from public;

-- ==== supabase/schemas/lenses/functions/tg_versions_before_insert.sql
-- Insert: always a draft, numbered under the parent lens's row lock.
create or replace function lenses.tg_versions_before_insert()
 returns trigger
 language plpgsql
 set search_path to ''
as $function$
declare
  v_lens lenses.lenses;
begin
  select l.* into v_lens from lenses.lenses l where l.id = new.lens_id for update;
  if not found then
    raise exception 'versions: lens % does not exist or you may not edit it', new.lens_id using errcode = '42501';
  end if;
  if v_lens.status = 'archived' then
    raise exception 'versions: lens % is archived; it takes no new versions', new.lens_id using errcode = '23514';
  end if;
  if new.status <> 'draft' then
    raise exception 'versions: a version is created as a draft (asked %); publish it afterwards', new.status
      using errcode = '23514';
  end if;
  new.version_number := coalesce((select max(v.version_number) from lenses.versions v where v.lens_id = new.lens_id), 0) + 1;
  new.published_at := null;
  new.archived_at := null;
  return new;
end
$function$;

revoke all on function lenses.tg_versions_before_insert() from public;

-- ==== supabase/schemas/lenses/functions/tg_versions_guard_delete.sql
-- A published or archived version is history: only the lens's own removal takes it.
create or replace function lenses.tg_versions_guard_delete()
 returns trigger
 language plpgsql
 set search_path to ''
as $function$
begin
  if old.status <> 'draft' and exists (select 1 from lenses.lenses l where l.id = old.lens_id) then
    raise exception 'versions: version % is %; only drafts can be deleted', old.id, old.status using errcode = '23514';
  end if;
  return old;
end
$function$;

revoke all on function lenses.tg_versions_guard_delete() from public;

-- ==== supabase/schemas/lenses/functions/tg_versions_guard_update.sql
-- Update: the lifecycle and immutability rules.
create or replace function lenses.tg_versions_guard_update()
 returns trigger
 language plpgsql
 set search_path to ''
as $function$
declare
  v_errors text[];
begin
  if (new.lens_id, new.version_number, new.created_at) is distinct from (old.lens_id, old.version_number, old.created_at)
     or (new.created_by is distinct from old.created_by and new.created_by is not null) then
    raise exception 'versions: lens_id, version_number, created_by and created_at never change' using errcode = '23514';
  end if;
  -- Only created_by cleared (its profile was deleted): history keeps everything else.
  if (new.template_body, new.input_contract, new.output_contract, new.instruction_category, new.status, new.published_at, new.archived_at)
     is not distinct from (old.template_body, old.input_contract, old.output_contract, old.instruction_category, old.status, old.published_at, old.archived_at)
     and old.status <> 'draft' then
    return new;
  end if;
  if old.status = 'archived' then
    raise exception 'versions: version % is archived and cannot change', old.id using errcode = '23514';
  end if;
  if old.status = 'published' then
    if new.status <> 'archived'
       or (new.template_body, new.input_contract, new.output_contract, new.instruction_category, new.published_at)
          is distinct from (old.template_body, old.input_contract, old.output_contract, old.instruction_category, old.published_at) then
      raise exception 'versions: version % is published and cannot change (it may only be archived)', old.id
        using errcode = '23514';
    end if;
    new.archived_at := now();
    return new;
  end if;
  -- old.status = 'draft'
  if exists (select 1 from lenses.lenses l where l.id = old.lens_id and l.status = 'archived') then
    if new.status <> 'archived'
       or (new.template_body, new.input_contract, new.output_contract, new.instruction_category)
          is distinct from (old.template_body, old.input_contract, old.output_contract, old.instruction_category) then
      raise exception 'versions: lens % is archived; its draft version % can only be archived', old.lens_id, old.id
        using errcode = '23514';
    end if;
  end if;
  if new.status = 'published' then
    v_errors := lenses.fn_version_publish_errors(new.id, new.template_body, new.input_contract, new.output_contract);
    if cardinality(v_errors) > 0 then
      raise exception 'versions: version % cannot be published: %', old.id, array_to_string(v_errors, '; ')
        using errcode = '23514';
    end if;
    new.published_at := now();
  elsif new.status = 'archived' then
    new.archived_at := now();
  end if;
  return new;
end
$function$;

revoke all on function lenses.tg_versions_guard_update() from public;

-- ==== supabase/schemas/lenses/functions/tg_versions_sync_lens_status.sql
-- The lens's status follows its versions. SECURITY DEFINER: the lens row is touched on behalf of a
-- version change the caller was allowed to make (RLS on versions already decided that).
create or replace function lenses.tg_versions_sync_lens_status()
 returns trigger
 language plpgsql
 security definer
 set search_path to ''
as $function$
begin
  update lenses.lenses l set updated_at = now()
  where l.id = coalesce(new.lens_id, old.lens_id)
    and l.status is distinct from (
      case when l.archived_at is not null then 'archived'
           when exists (select 1 from lenses.versions v where v.lens_id = l.id and v.status = 'published') then 'published'
           else 'draft' end)::lenses.lens_status;
  return null;
end
$function$;

revoke all on function lenses.tg_versions_sync_lens_status() from public;

-- ==== supabase/schemas/lenses/functions/tg_workflow_edges_guard.sql
create or replace function lenses.tg_workflow_edges_guard()
 returns trigger
 language plpgsql
 set search_path to ''
as $function$
declare
  v_workflow_id uuid := case when tg_op = 'DELETE' then old.workflow_id else new.workflow_id end;
  v_status lenses.workflow_status;
begin
  if tg_op = 'UPDATE' and (new.workflow_id, new.source_node_id, new.target_node_id)
                          is distinct from (old.workflow_id, old.source_node_id, old.target_node_id) then
    raise exception 'workflow_edges: an edge''s workflow and nodes never change (remove it and add another)' using errcode = '23514';
  end if;
  select w.status into v_status from lenses.workflows w where w.id = v_workflow_id;
  if found and v_status <> 'draft' then
    raise exception 'workflow_edges: workflow % is %; its edges cannot change', v_workflow_id, v_status using errcode = '23514';
  end if;
  if tg_op = 'DELETE' then
    return old;
  end if;
  if tg_op = 'INSERT' and exists (
    select 1 from lenses.workflow_nodes n
    where n.id in (new.source_node_id, new.target_node_id) and n.workflow_id <> new.workflow_id
  ) then
    raise exception 'workflow_edges: both nodes of an edge must belong to its workflow %', new.workflow_id using errcode = '23514';
  end if;
  return new;
end
$function$;

revoke all on function lenses.tg_workflow_edges_guard() from public;

-- ==== supabase/schemas/lenses/functions/tg_workflow_nodes_guard.sql
-- The workflow must be a draft; model_id must name a model; a referenced version must be readable
-- by whoever adds it (a foreign key alone would let anyone point at a private version).
create or replace function lenses.tg_workflow_nodes_guard()
 returns trigger
 language plpgsql
 set search_path to ''
as $function$
declare
  v_workflow_id uuid := case when tg_op = 'DELETE' then old.workflow_id else new.workflow_id end;
  v_status lenses.workflow_status;
begin
  if tg_op = 'UPDATE' and (new.workflow_id <> old.workflow_id or new.kind <> old.kind) then
    raise exception 'workflow_nodes: a node''s workflow and kind never change' using errcode = '23514';
  end if;
  select w.status into v_status from lenses.workflows w where w.id = v_workflow_id;
  if found and v_status <> 'draft' then
    raise exception 'workflow_nodes: workflow % is %; its nodes cannot change', v_workflow_id, v_status using errcode = '23514';
  end if;
  if tg_op = 'DELETE' then
    return old;
  end if;
  if new.config ? 'model_id' and not exists (select 1 from ai.models m where m.id = (new.config ->> 'model_id')::uuid) then
    raise exception 'workflow_nodes: config.model_id % is not a model in ai.models', new.config ->> 'model_id' using errcode = '23514';
  end if;
  if new.lens_version_id is not null and (tg_op = 'INSERT' or new.lens_version_id is distinct from old.lens_version_id)
     and not exists (select 1 from lenses.versions v where v.id = new.lens_version_id) then
    raise exception 'workflow_nodes: lens version % is not one you can read', new.lens_version_id using errcode = '42501';
  end if;
  return new;
end
$function$;

revoke all on function lenses.tg_workflow_nodes_guard() from public;

-- ==== supabase/schemas/lenses/functions/tg_workflows_compile_plan.sql
create or replace function lenses.tg_workflows_compile_plan()
 returns trigger
 language plpgsql
 security definer
 set search_path to ''
as $function$
begin
  perform lenses.fn_compile_workflow_plan(new.id);
  return null;
end
$function$;

comment on function lenses.tg_workflows_compile_plan() is 'Compiles the plan of a workflow being published. [security definer: the publisher cannot write plans, and the plan must hold the versions whatever the publisher''s row visibility]';

revoke all on function lenses.tg_workflows_compile_plan() from public;

-- ==== supabase/schemas/lenses/functions/tg_workflows_lifecycle.sql
-- The workflow lifecycle: created as draft; draft -> published only when valid; draft|published ->
-- archived; archived is final; the lenser never changes. published_at and archived_at are set here.
create or replace function lenses.tg_workflows_lifecycle()
 returns trigger
 language plpgsql
 set search_path to ''
as $function$
declare
  v_validation jsonb;
begin
  if tg_op = 'INSERT' then
    if new.status <> 'draft' then
      raise exception 'workflows: a workflow is created as a draft (asked %); publish it afterwards', new.status using errcode = '23514';
    end if;
    new.published_at := null;
    new.archived_at := null;
    return new;
  end if;
  if new.lenser_id is distinct from old.lenser_id then
    raise exception 'workflows.lenser_id cannot change (a workflow stays with its lenser)' using errcode = '23514';
  end if;
  -- Only created_by cleared (its profile was deleted): allowed in every state.
  if (new.title, new.description, new.visibility, new.status, new.tags, new.published_at, new.archived_at)
     is not distinct from (old.title, old.description, old.visibility, old.status, old.tags, old.published_at, old.archived_at)
     and (new.created_by is not distinct from old.created_by or new.created_by is null) then
    return new;
  end if;
  if old.status = 'archived' then
    raise exception 'workflows: workflow % is archived and cannot change', old.id using errcode = '23514';
  end if;
  if new.status is distinct from old.status then
    if old.status = 'published' and new.status = 'draft' then
      raise exception 'workflows: workflow % is published and cannot return to draft', old.id using errcode = '23514';
    end if;
    if new.status = 'published' then
      v_validation := lenses.fn_validate_workflow(new.id);
      if not (v_validation ->> 'valid')::boolean then
        raise exception 'workflows: workflow % is not valid: %', old.id,
          (select string_agg(e ->> 'message', '; ') from jsonb_array_elements(v_validation -> 'errors') e)
          using errcode = '23514', detail = (v_validation -> 'errors')::text;
      end if;
      new.published_at := now();
    elsif new.status = 'archived' then
      new.archived_at := now();
    end if;
  else
    new.published_at := old.published_at;
    new.archived_at := old.archived_at;
  end if;
  return new;
end
$function$;

revoke all on function lenses.tg_workflows_lifecycle() from public;

-- ==== supabase/schemas/ai/functions/fn_call_cost.sql
-- Cost in credits (USD) from the model's prices per million tokens; cached input at its own price.
create or replace function ai.fn_call_cost(p_model_id uuid, p_input_tokens bigint, p_output_tokens bigint, p_cached_tokens bigint)
 returns numeric
 language sql
 stable
 set search_path to ''
as $function$
  select coalesce(round((
      greatest(p_input_tokens - p_cached_tokens, 0) * m.input_price_per_mtok
      + p_cached_tokens * m.cached_input_price_per_mtok
      + p_output_tokens * m.output_price_per_mtok
    ) / 1000000.0, 6), 0)
  from ai.models m where m.id = p_model_id
$function$;

revoke all on function ai.fn_call_cost(p_model_id uuid, p_input_tokens bigint, p_output_tokens bigint, p_cached_tokens bigint) from public;
grant execute on function ai.fn_call_cost(p_model_id uuid, p_input_tokens bigint, p_output_tokens bigint, p_cached_tokens bigint) to authenticated, service_role;

-- ==== supabase/schemas/public/functions/archive_lens_version.sql
create or replace function public.archive_lens_version(p_version_id uuid)
 returns jsonb
 language plpgsql
 set search_path to ''
as $function$
declare
  v_version lenses.versions := lenses.fn_editable_version('archive_lens_version', p_version_id);
begin
  if v_version.status = 'archived' then
    raise exception 'archive_lens_version: p_version_id % is already archived', p_version_id using errcode = '22023';
  end if;
  update lenses.versions v set status = 'archived' where v.id = p_version_id;
  return lenses.fn_version_json(p_version_id);
end
$function$;

comment on function public.archive_lens_version(p_version_id uuid) is 'Archives a draft or published version; the lens is no longer published once no version is.';

revoke all on function public.archive_lens_version(p_version_id uuid) from public;
grant execute on function public.archive_lens_version(p_version_id uuid) to authenticated;

-- ==== supabase/schemas/public/functions/claim_workflow_tasks.sql
create or replace function public.claim_workflow_tasks(p_worker_id text, p_limit integer default 10, p_lease_seconds integer default 60)
 returns setof lenses.claimed_task
 language plpgsql
 set search_path to ''
as $function$
begin
  perform lenses.fn_check_lease_args('claim_workflow_tasks', p_worker_id, p_limit, p_lease_seconds);
  return query select * from lenses.fn_lease_tasks(p_worker_id, p_limit, p_lease_seconds, '{}');
end
$function$;

comment on function public.claim_workflow_tasks(p_worker_id text, p_limit integer, p_lease_seconds integer) is 'Worker: takes up to p_limit due tasks (SKIP LOCKED), leases them, counts the attempt, returns what each call needs.';

revoke all on function public.claim_workflow_tasks(p_worker_id text, p_limit integer, p_lease_seconds integer) from public;
grant execute on function public.claim_workflow_tasks(p_worker_id text, p_limit integer, p_lease_seconds integer) to service_role;

-- ==== supabase/schemas/public/functions/complete_workflow_task.sql
create or replace function public.complete_workflow_task(p_result_id uuid, p_lease_token uuid, p_text text default NULL::text, p_output jsonb default NULL::jsonb, p_llm_call jsonb default NULL::jsonb)
 returns jsonb
 language plpgsql
 set search_path to ''
as $function$
declare
  v_done record;
begin
  if p_text is null and p_output is null then
    raise exception 'complete_workflow_task: give p_text (the model''s answer) or p_output (a JSON object)' using errcode = '22023';
  end if;
  select * into v_done from lenses.fn_complete_held_tasks(
    array[lenses.fn_leased_result('complete_workflow_task', p_result_id, p_lease_token)],
    array[p_text], array[p_output], array[p_llm_call]);
  perform lenses.fn_runs_after_completions(v_done.run_ids, v_done.node_ids, v_done.used_input, v_done.used_output,
    v_done.used_cached, v_done.used_cost);
  return (lenses.fn_answers_with_run_status(v_done.answers, v_done.run_ids))[1];
end
$function$;

comment on function public.complete_workflow_task(p_result_id uuid, p_lease_token uuid, p_text text, p_output jsonb, p_llm_call jsonb) is 'Worker: ends a held task with its answer (checked against the output contract), records the model call, moves the run on.';

revoke all on function public.complete_workflow_task(p_result_id uuid, p_lease_token uuid, p_text text, p_output jsonb, p_llm_call jsonb) from public;
grant execute on function public.complete_workflow_task(p_result_id uuid, p_lease_token uuid, p_text text, p_output jsonb, p_llm_call jsonb) to service_role;

-- ==== supabase/schemas/public/functions/complete_workflow_tasks.sql
create or replace function public.complete_workflow_tasks(p_completions jsonb, p_worker_id text default NULL::text, p_claim_limit integer default 0, p_lease_seconds integer default 60)
 returns jsonb
 language plpgsql
 set search_path to ''
as $function$
declare
  v_count integer;
  v_item record;
  v_error text;
  v_result lenses.workflow_node_results;
  v_answers jsonb[];
  v_held lenses.workflow_node_results[] := '{}';
  v_positions integer[] := '{}';
  v_texts text[] := '{}';
  v_outputs jsonb[] := '{}';
  v_calls jsonb[] := '{}';
  v_done record;
  v_done_runs uuid[] := '{}';
  v_ready jsonb := '[]';
  v_tasks jsonb := '[]';
  v_started_runs uuid[] := '{}';
  v_started_nodes uuid[] := '{}';
  v_final jsonb[];
  v_k integer;
  v_uuid constant text := '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
begin
  if p_completions is null or jsonb_typeof(p_completions) <> 'array' then
    raise exception 'complete_workflow_tasks: p_completions must be a JSON array of completions' using errcode = '22023';
  end if;
  v_count := jsonb_array_length(p_completions);
  if v_count not between 1 and 500 then
    raise exception 'complete_workflow_tasks: p_completions must hold 1 to 500 completions, got %', v_count
      using errcode = '22023';
  end if;
  if p_claim_limit is null or p_claim_limit not between 0 and 500 then
    raise exception 'complete_workflow_tasks: p_claim_limit must be between 0 and 500, got %', coalesce(p_claim_limit::text, 'null')
      using errcode = '22023';
  end if;
  if p_claim_limit > 0 then
    perform lenses.fn_check_lease_args('complete_workflow_tasks', p_worker_id, p_claim_limit, p_lease_seconds, 'p_claim_limit');
  end if;

  for v_item in
    select c.value as c, c.ordinality::integer - 1 as i from jsonb_array_elements(p_completions) with ordinality c
  loop
    v_error := case
      when jsonb_typeof(v_item.c) <> 'object' then 'must be an object'
      when jsonb_typeof(v_item.c -> 'result_id') is distinct from 'string' or v_item.c ->> 'result_id' !~ v_uuid
        then 'result_id must be a uuid'
      when jsonb_typeof(v_item.c -> 'lease_token') is distinct from 'string' or v_item.c ->> 'lease_token' !~ v_uuid
        then 'lease_token must be a uuid'
      when coalesce(jsonb_typeof(v_item.c -> 'text'), 'null') not in ('string', 'null') then 'text must be a string'
      when coalesce(jsonb_typeof(v_item.c -> 'text'), 'null') = 'null' and coalesce(jsonb_typeof(v_item.c -> 'output'), 'null') = 'null'
        then 'give text (the model''s answer) or output (a JSON object)'
      else lenses.fn_llm_call_error(nullif(v_item.c -> 'llm_call', 'null'::jsonb), 'llm_call')
    end;
    if v_error is not null then
      raise exception 'complete_workflow_tasks: p_completions[%]: %', v_item.i, v_error using errcode = '22023';
    end if;
  end loop;
  select min(d.id) into v_error
  from (select lower(c ->> 'result_id') as id from jsonb_array_elements(p_completions) c group by 1 having count(*) > 1) d;
  if v_error is not null then
    raise exception 'complete_workflow_tasks: p_completions names task % more than once', v_error using errcode = '22023';
  end if;

  -- Lock the runs (in run id order; a task's run never changes, so it is read before), then the
  -- tasks' rows all at once, and check each lease; the held tasks go on together.
  perform lenses.fn_lock_run(x.run_id)
  from (select distinct r.run_id from lenses.workflow_node_results r
        where r.id = any (array(select (c ->> 'result_id')::uuid from jsonb_array_elements(p_completions) c))
        order by r.run_id) x;
  v_answers := array_fill(null::jsonb, array[v_count]);
  for v_item in
    with locked as (
      select r.id, r.run_id, r as task from lenses.workflow_node_results r
      where r.id = any (array(select (c ->> 'result_id')::uuid from jsonb_array_elements(p_completions) c))
      for update
    )
    select c.i, c.c, (c.c ->> 'result_id')::uuid as result_id, (c.c ->> 'lease_token')::uuid as lease_token, x.task
    from (select e.value as c, e.ordinality::integer as i from jsonb_array_elements(p_completions) with ordinality e) c
    left join locked x on x.id = (c.c ->> 'result_id')::uuid
    order by x.run_id nulls first, c.i
  loop
    if (v_item.task).id is null then
      v_answers[v_item.i] := jsonb_build_object('result_id', v_item.result_id, 'status', 'lost',
        'error', format('no task %s', v_item.result_id));
      continue;
    end if;
    v_result := v_item.task;
    if v_result.status not in ('running', 'streaming') or v_result.lease_token is distinct from v_item.lease_token then
      v_answers[v_item.i] := jsonb_build_object('result_id', v_item.result_id, 'status', 'lost',
        'error', format('the lease on task %s is not held (it was reclaimed, cancelled or finished; status %s)',
                        v_item.result_id, v_result.status));
      continue;
    end if;
    v_held := v_held || v_result;
    v_positions := v_positions || v_item.i;
    v_texts := v_texts || (v_item.c ->> 'text');
    v_outputs := v_outputs || nullif(v_item.c -> 'output', 'null'::jsonb);
    v_calls := v_calls || nullif(v_item.c -> 'llm_call', 'null'::jsonb);
  end loop;
  if cardinality(v_held) > 0 then
    select * into v_done from lenses.fn_complete_held_tasks(v_held, v_texts, v_outputs, v_calls, p_claim_limit);
    v_done_runs := v_done.run_ids;
    v_ready := v_done.held;
  end if;
  if p_claim_limit > 0 then
    select coalesce(jsonb_agg(to_jsonb(t) - 'ordinality' order by t.ordinality), '[]'), coalesce(array_agg(t.run_id order by t.ordinality), '{}'),
           coalesce(array_agg(t.node_id order by t.ordinality), '{}')
    into v_tasks, v_started_runs, v_started_nodes
    from lenses.fn_lease_tasks(p_worker_id, p_claim_limit, p_lease_seconds, v_done_runs, v_ready)
      with ordinality t;
  end if;
  if cardinality(v_held) > 0 then
    perform lenses.fn_runs_after_completions(v_done.run_ids, v_done.node_ids, v_done.used_input, v_done.used_output,
      v_done.used_cached, v_done.used_cost, v_started_runs, v_started_nodes);
    v_final := lenses.fn_answers_with_run_status(v_done.answers, v_done.run_ids);
    for v_k in 1 .. cardinality(v_held) loop
      v_answers[v_positions[v_k]] := jsonb_build_object('result_id', v_held[v_k].id) || v_final[v_k];
    end loop;
  end if;
  return jsonb_build_object('answers', to_jsonb(v_answers), 'tasks', v_tasks);
end
$function$;

comment on function public.complete_workflow_tasks(p_completions jsonb, p_worker_id text, p_claim_limit integer, p_lease_seconds integer) is 'Worker: complete_workflow_task for several held tasks in one transaction ([{result_id, lease_token, text | output, llm_call}]), then leases up to p_claim_limit more: {answers (one each, in order; "lost" where the lease is no longer held), tasks}.';

revoke all on function public.complete_workflow_tasks(p_completions jsonb, p_worker_id text, p_claim_limit integer, p_lease_seconds integer) from public;
grant execute on function public.complete_workflow_tasks(p_completions jsonb, p_worker_id text, p_claim_limit integer, p_lease_seconds integer) to service_role;

-- ==== supabase/schemas/public/functions/create_lens_version.sql
create or replace function public.create_lens_version(p_lens_id uuid, p_template_body text, p_input_contract jsonb default NULL::jsonb, p_output_contract jsonb default NULL::jsonb, p_instruction_category lenses.instruction_category default 'instruction'::lenses.instruction_category, p_parameters jsonb default '[]'::jsonb)
 returns jsonb
 language plpgsql
 set search_path to ''
as $function$
declare
  v_lens lenses.lenses := lenses.fn_editable_lens('create_lens_version', p_lens_id);
  v_input jsonb := lenses.fn_contract_arg('create_lens_version', 'p_input_contract', p_input_contract, 'input');
  v_output jsonb := lenses.fn_contract_arg('create_lens_version', 'p_output_contract', p_output_contract, 'output');
  v_version_id uuid;
begin
  if v_lens.status = 'archived' then
    raise exception 'create_lens_version: lens % is archived; it takes no new versions', p_lens_id using errcode = '22023';
  end if;
  if p_template_body is null or char_length(p_template_body) not between 1 and 100000 then
    raise exception 'create_lens_version: p_template_body must be 1 to 100000 characters' using errcode = '22023';
  end if;
  if p_instruction_category is null then
    raise exception 'create_lens_version: p_instruction_category is required' using errcode = '22023';
  end if;
  insert into lenses.versions (lens_id, template_body, input_contract, output_contract, instruction_category, created_by)
  values (p_lens_id, p_template_body, v_input, v_output, p_instruction_category, (select lensers.current_profile_id()))
  returning id into v_version_id;
  perform lenses.fn_replace_version_parameters('create_lens_version', v_version_id, coalesce(p_parameters, '[]'::jsonb));
  return lenses.fn_version_json(v_version_id);
end
$function$;

comment on function public.create_lens_version(p_lens_id uuid, p_template_body text, p_input_contract jsonb, p_output_contract jsonb, p_instruction_category lenses.instruction_category, p_parameters jsonb) is 'Adds a draft version (numbered next for its lens) with its contracts and parameters, in one call.';

revoke all on function public.create_lens_version(p_lens_id uuid, p_template_body text, p_input_contract jsonb, p_output_contract jsonb, p_instruction_category lenses.instruction_category, p_parameters jsonb) from public;
grant execute on function public.create_lens_version(p_lens_id uuid, p_template_body text, p_input_contract jsonb, p_output_contract jsonb, p_instruction_category lenses.instruction_category, p_parameters jsonb) to authenticated;

-- ==== supabase/schemas/public/functions/fail_workflow_task.sql
create or replace function public.fail_workflow_task(p_result_id uuid, p_lease_token uuid, p_error_kind lenses.task_error_kind, p_error_message text, p_retry_after_ms integer default NULL::integer, p_llm_call jsonb default NULL::jsonb)
 returns jsonb
 language plpgsql
 set search_path to ''
as $function$
declare
  v_result lenses.workflow_node_results;
  v_usage record;
begin
  if p_error_kind is null then
    raise exception 'fail_workflow_task: p_error_kind is required' using errcode = '22023';
  end if;
  if p_error_message is null or btrim(p_error_message) = '' then
    raise exception 'fail_workflow_task: p_error_message is required' using errcode = '22023';
  end if;
  if p_retry_after_ms is not null and p_retry_after_ms not between 0 and 86400000 then
    raise exception 'fail_workflow_task: p_retry_after_ms must be between 0 and 86400000' using errcode = '22023';
  end if;
  v_result := lenses.fn_leased_result('fail_workflow_task', p_result_id, p_lease_token);
  select * into v_usage from lenses.fn_record_llm_call(v_result, p_llm_call, 'failed', p_error_kind);
  perform lenses.fn_add_usage_to_result(p_result_id, v_usage.input_tokens, v_usage.output_tokens, v_usage.cached_tokens, v_usage.cost);
  v_result := lenses.fn_fail_node_result(p_result_id, p_error_kind, left(p_error_message, 4000), p_retry_after_ms);
  perform lenses.fn_node_stopped(v_result.run_id, v_result.node_id,
    v_usage.input_tokens, v_usage.output_tokens, v_usage.cached_tokens, v_usage.cost);
  return jsonb_build_object('status', v_result.status, 'waiting_reason', v_result.waiting_reason,
    'retry_count', v_result.retry_count, 'next_attempt_at', v_result.next_attempt_at,
    'run_status', (select r.status from lenses.workflow_runs r where r.id = v_result.run_id));
end
$function$;

comment on function public.fail_workflow_task(p_result_id uuid, p_lease_token uuid, p_error_kind lenses.task_error_kind, p_error_message text, p_retry_after_ms integer, p_llm_call jsonb) is 'Worker: ends a held attempt with a classified error; rate limits wait, client errors fail, the rest retry with backoff.';

revoke all on function public.fail_workflow_task(p_result_id uuid, p_lease_token uuid, p_error_kind lenses.task_error_kind, p_error_message text, p_retry_after_ms integer, p_llm_call jsonb) from public;
grant execute on function public.fail_workflow_task(p_result_id uuid, p_lease_token uuid, p_error_kind lenses.task_error_kind, p_error_message text, p_retry_after_ms integer, p_llm_call jsonb) to service_role;

-- ==== supabase/schemas/public/functions/fn_read_memory_entries.sql
create or replace function public.fn_read_memory_entries(p_memory_profile_id uuid, p_scope agents.memory_scope default NULL::agents.memory_scope, p_source agents.memory_source default NULL::agents.memory_source, p_min_confidence numeric default NULL::numeric, p_query_embedding extensions.vector default NULL::extensions.vector, p_limit integer default 20, p_offset integer default 0)
 returns TABLE(memory_id uuid, memory_profile_id uuid, ai_lenser_id uuid, scope agents.memory_scope, source agents.memory_source, content text, confidence numeric, expires_at timestamp with time zone, metadata jsonb, created_at timestamp with time zone, similarity double precision)
 language plpgsql
 stable
 set search_path to ''
 SET "hnsw.iterative_scan" TO 'strict_order'
as $function$
declare
  c_rpc constant text := 'fn_read_memory_entries';
  v_profile agents.memory_profiles := agents.fn_rpc_memory_profile('fn_read_memory_entries', p_memory_profile_id, false);
begin
  perform lensers.fn_rpc_page(c_rpc, p_limit, p_offset);
  if p_min_confidence is not null and p_min_confidence not between 0 and 1 then
    raise exception '%: p_min_confidence must be between 0 and 1, got %', c_rpc, p_min_confidence using errcode = '22023';
  end if;
  if p_query_embedding is not null and extensions.vector_dims(p_query_embedding) <> 1536 then
    raise exception '%: p_query_embedding must have exactly 1536 dimensions, got %', c_rpc, extensions.vector_dims(p_query_embedding)
      using errcode = '22023';
  end if;
  if p_query_embedding is null then
    return query
      select m.id, m.memory_profile_id, m.ai_lenser_id, m.scope, m.source, m.content, m.confidence, m.expires_at,
        m.metadata, m.created_at, null::double precision
      from agents.memories m
      where m.memory_profile_id = v_profile.id and m.ai_lenser_id = v_profile.ai_lenser_id
        and m.redacted_at is null and (m.expires_at is null or m.expires_at > now())
        and (p_scope is null or m.scope = p_scope)
        and (p_source is null or m.source = p_source)
        and (p_min_confidence is null or m.confidence >= p_min_confidence)
      order by m.created_at desc, m.id
      limit p_limit offset p_offset;
  else
    return query
      select m.id, m.memory_profile_id, m.ai_lenser_id, m.scope, m.source, m.content, m.confidence, m.expires_at,
        m.metadata, m.created_at, 1 - (m.embedding operator(extensions.<=>) p_query_embedding)
      from agents.memories m
      where m.memory_profile_id = v_profile.id and m.ai_lenser_id = v_profile.ai_lenser_id
        and m.redacted_at is null and (m.expires_at is null or m.expires_at > now())
        and m.embedding is not null
        and (p_scope is null or m.scope = p_scope)
        and (p_source is null or m.source = p_source)
        and (p_min_confidence is null or m.confidence >= p_min_confidence)
      order by m.embedding operator(extensions.<=>) p_query_embedding, m.id
      limit p_limit offset p_offset;
  end if;
end
$function$;

comment on function public.fn_read_memory_entries(p_memory_profile_id uuid, p_scope agents.memory_scope, p_source agents.memory_source, p_min_confidence numeric, p_query_embedding extensions.vector, p_limit integer, p_offset integer) is 'Live entries of a memory profile (never expired or redacted ones), filtered; with p_query_embedding the top-k by cosine similarity.';

revoke all on function public.fn_read_memory_entries(p_memory_profile_id uuid, p_scope agents.memory_scope, p_source agents.memory_source, p_min_confidence numeric, p_query_embedding extensions.vector, p_limit integer, p_offset integer) from public;
grant execute on function public.fn_read_memory_entries(p_memory_profile_id uuid, p_scope agents.memory_scope, p_source agents.memory_source, p_min_confidence numeric, p_query_embedding extensions.vector, p_limit integer, p_offset integer) to authenticated, service_role;

-- ==== supabase/schemas/public/functions/fn_summarize_memory_profile.sql
create or replace function public.fn_summarize_memory_profile(p_memory_profile_id uuid)
 returns jsonb
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_profile agents.memory_profiles := agents.fn_rpc_memory_profile('fn_summarize_memory_profile', p_memory_profile_id, false);
  v_summary jsonb;
begin
  with entries as (
    select m.*, (m.redacted_at is null and (m.expires_at is null or m.expires_at > now())) as live
    from agents.memories m
    where m.memory_profile_id = v_profile.id and m.ai_lenser_id = v_profile.ai_lenser_id
  )
  select jsonb_build_object(
    'memoryProfileId', v_profile.id,
    'name', v_profile.name,
    'aiLenserId', v_profile.ai_lenser_id,
    'total', count(*),
    'live', count(*) filter (where e.live),
    'expired', count(*) filter (where e.redacted_at is null and e.expires_at <= now()),
    'redacted', count(*) filter (where e.redacted_at is not null),
    'withEmbedding', count(*) filter (where e.live and e.embedding is not null),
    'byScope', coalesce((select jsonb_object_agg(s.scope, s.n) from (
        select x.scope, count(*) as n from entries x where x.live group by x.scope) s), '{}'::jsonb),
    'bySource', coalesce((select jsonb_object_agg(s.source, s.n) from (
        select x.source, count(*) as n from entries x where x.live group by x.source) s), '{}'::jsonb),
    'averageConfidence', round(avg(e.confidence) filter (where e.live), 3),
    'oldestAt', min(e.created_at) filter (where e.live),
    'latestAt', max(e.created_at) filter (where e.live),
    'nextExpiryAt', min(e.expires_at) filter (where e.live)
  ) into v_summary
  from entries e;
  return v_summary;
end
$function$;

comment on function public.fn_summarize_memory_profile(p_memory_profile_id uuid) is 'Counts of a memory profile''s entries (total, live, expired, redacted, with embedding, live by scope and source), average confidence, oldest, latest and next expiry of the live ones.';

revoke all on function public.fn_summarize_memory_profile(p_memory_profile_id uuid) from public;
grant execute on function public.fn_summarize_memory_profile(p_memory_profile_id uuid) to authenticated, service_role;

-- ==== supabase/schemas/public/functions/get_ai_model.sql
create or replace function public.get_ai_model(p_model_id uuid)
 returns TABLE(model_id uuid, provider_key text, model_key text, display_name text, capability_tags ai.model_capability[], input_modalities ai.modality[], output_modalities ai.modality[], context_window integer, max_output_tokens integer, support_level ai.support_level, status ai.model_status, use_cases text[], summary text, description text, input_price_per_mtok numeric, output_price_per_mtok numeric, cached_input_price_per_mtok numeric, is_default boolean, metadata jsonb)
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  if p_model_id is null then
    raise exception 'get_ai_model: p_model_id is required' using errcode = '22023';
  end if;
  return query
    select m.id, p.key, m.model_key, m.display_name, m.capability_tags, m.input_modalities, m.output_modalities,
      m.context_window, m.max_output_tokens, m.support_level, m.status, m.use_cases, m.summary, m.description,
      m.input_price_per_mtok, m.output_price_per_mtok, m.cached_input_price_per_mtok, m.is_default, m.metadata
    from ai.models m join ai.providers p on p.id = m.provider_id
    where m.id = p_model_id;
  if not found then
    raise exception 'get_ai_model: no model %', p_model_id using errcode = 'P0002';
  end if;
end
$function$;

comment on function public.get_ai_model(p_model_id uuid) is 'One model with its description and metadata.';

revoke all on function public.get_ai_model(p_model_id uuid) from public;
grant execute on function public.get_ai_model(p_model_id uuid) to anon, authenticated, service_role;

-- ==== supabase/schemas/public/functions/get_lens.sql
create or replace function public.get_lens(p_lens_id uuid)
 returns jsonb
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_lens lenses.lenses;
begin
  if p_lens_id is null then
    raise exception 'get_lens: p_lens_id is required' using errcode = '22023';
  end if;
  select l.* into v_lens from lenses.lenses l where l.id = p_lens_id;
  if not found then
    raise exception 'get_lens: no lens % that you can see', p_lens_id using errcode = 'P0002';
  end if;
  return to_jsonb(v_lens) || jsonb_build_object('versions', coalesce((
    select jsonb_agg(lenses.fn_version_json(v.id) order by v.version_number desc)
    from lenses.versions v where v.lens_id = p_lens_id), '[]'::jsonb));
end
$function$;

comment on function public.get_lens(p_lens_id uuid) is 'A lens with the versions the caller may see (newest first), each with its parameters.';

revoke all on function public.get_lens(p_lens_id uuid) from public;
grant execute on function public.get_lens(p_lens_id uuid) to anon, authenticated, service_role;

-- ==== supabase/schemas/public/functions/get_workflow_run.sql
create or replace function public.get_workflow_run(p_run_id uuid)
 returns jsonb
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_run jsonb;
begin
  if p_run_id is null then
    raise exception 'get_workflow_run: p_run_id is required' using errcode = '22023';
  end if;
  select to_jsonb(r) into v_run from lenses.workflow_runs r where r.id = p_run_id;
  if v_run is null then
    raise exception 'get_workflow_run: no run % that you can see', p_run_id using errcode = 'P0002';
  end if;
  return v_run || jsonb_build_object('results', (
    select coalesce(jsonb_agg(to_jsonb(x) - 'lease_token' order by x.node_key), '[]')
    from lenses.workflow_node_results x where x.run_id = p_run_id
  ));
end
$function$;

comment on function public.get_workflow_run(p_run_id uuid) is 'A run with every node result (lease tokens left out).';

revoke all on function public.get_workflow_run(p_run_id uuid) from public;
grant execute on function public.get_workflow_run(p_run_id uuid) to authenticated, service_role;

-- ==== supabase/schemas/public/functions/get_workflow.sql
create or replace function public.get_workflow(p_workflow_id uuid)
 returns jsonb
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_workflow lenses.workflows;
begin
  if p_workflow_id is null then
    raise exception 'get_workflow: p_workflow_id is required' using errcode = '22023';
  end if;
  select w.* into v_workflow from lenses.workflows w where w.id = p_workflow_id;
  if not found then
    raise exception 'get_workflow: no workflow % that you can see', p_workflow_id using errcode = 'P0002';
  end if;
  return to_jsonb(v_workflow) || jsonb_build_object(
    'nodes', coalesce((select jsonb_agg(to_jsonb(n) order by n.key) from lenses.workflow_nodes n where n.workflow_id = p_workflow_id), '[]'::jsonb),
    'edges', coalesce((
      select jsonb_agg(to_jsonb(e) || jsonb_build_object('source_key', s.key, 'target_key', t.key) order by s.key, t.key, e.id)
      from lenses.workflow_edges e
      join lenses.workflow_nodes s on s.id = e.source_node_id
      join lenses.workflow_nodes t on t.id = e.target_node_id
      where e.workflow_id = p_workflow_id), '[]'::jsonb));
end
$function$;

comment on function public.get_workflow(p_workflow_id uuid) is 'A workflow with its nodes (by key) and edges (with their source and target keys).';

revoke all on function public.get_workflow(p_workflow_id uuid) from public;
grant execute on function public.get_workflow(p_workflow_id uuid) to anon, authenticated, service_role;

-- ==== supabase/schemas/public/functions/heartbeat_workflow_task.sql
create or replace function public.heartbeat_workflow_task(p_result_id uuid, p_lease_token uuid, p_lease_seconds integer default 60)
 returns timestamp with time zone
 language plpgsql
 set search_path to ''
as $function$
declare
  v_expires timestamptz;
begin
  if p_lease_seconds is null or p_lease_seconds not between 1 and 3600 then
    raise exception 'heartbeat_workflow_task: p_lease_seconds must be between 1 and 3600' using errcode = '22023';
  end if;
  perform lenses.fn_leased_result('heartbeat_workflow_task', p_result_id, p_lease_token);
  update lenses.workflow_node_results x set lease_expires_at = now() + make_interval(secs => p_lease_seconds)
  where x.id = p_result_id returning x.lease_expires_at into v_expires;
  return v_expires;
end
$function$;

comment on function public.heartbeat_workflow_task(p_result_id uuid, p_lease_token uuid, p_lease_seconds integer) is 'Worker: extends a held lease.';

revoke all on function public.heartbeat_workflow_task(p_result_id uuid, p_lease_token uuid, p_lease_seconds integer) from public;
grant execute on function public.heartbeat_workflow_task(p_result_id uuid, p_lease_token uuid, p_lease_seconds integer) to service_role;

-- ==== supabase/schemas/public/functions/list_ai_lenser_ownerships.sql
create or replace function public.list_ai_lenser_ownerships(p_ai_lenser_id uuid, p_include_revoked boolean default false)
 returns TABLE(ownership_id uuid, owner_lenser_id uuid, owner_handle text, role agents.ownership_role, permission_scope agents.ownership_permission[], granted_at timestamp with time zone, revoked_at timestamp with time zone)
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  if p_ai_lenser_id is null then
    raise exception 'list_ai_lenser_ownerships: p_ai_lenser_id is required' using errcode = '22023';
  end if;
  return query
    select o.id, o.owner_lenser_id, p.handle, o.role, o.permission_scope, o.granted_at, o.revoked_at
    from agents.ownerships o
    left join lensers.profiles p on p.id = o.owner_lenser_id
    where o.ai_lenser_id = p_ai_lenser_id and (coalesce(p_include_revoked, false) or o.revoked_at is null)
    order by o.granted_at, o.id;
end
$function$;

comment on function public.list_ai_lenser_ownerships(p_ai_lenser_id uuid, p_include_revoked boolean) is 'The grants on an agent, for those who hold one.';

revoke all on function public.list_ai_lenser_ownerships(p_ai_lenser_id uuid, p_include_revoked boolean) from public;
grant execute on function public.list_ai_lenser_ownerships(p_ai_lenser_id uuid, p_include_revoked boolean) to authenticated;

-- ==== supabase/schemas/public/functions/list_ai_models.sql
create or replace function public.list_ai_models(p_capability ai.model_capability default NULL::ai.model_capability, p_modality ai.modality default NULL::ai.modality, p_support_level ai.support_level default NULL::ai.support_level, p_provider_key text default NULL::text, p_include_retired boolean default false, p_limit integer default 100, p_offset integer default 0)
 returns TABLE(model_id uuid, provider_key text, model_key text, display_name text, capability_tags ai.model_capability[], input_modalities ai.modality[], output_modalities ai.modality[], context_window integer, max_output_tokens integer, support_level ai.support_level, status ai.model_status, use_cases text[], summary text, input_price_per_mtok numeric, output_price_per_mtok numeric, cached_input_price_per_mtok numeric, is_default boolean)
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  perform lensers.fn_rpc_page('list_ai_models', p_limit, p_offset, 500);
  if p_provider_key is not null and not exists (select 1 from ai.providers p where p.key = p_provider_key) then
    raise exception 'list_ai_models: p_provider_key "%" is not a known provider', p_provider_key using errcode = '22023';
  end if;
  return query
    select m.id, p.key, m.model_key, m.display_name, m.capability_tags, m.input_modalities, m.output_modalities,
      m.context_window, m.max_output_tokens, m.support_level, m.status, m.use_cases, m.summary,
      m.input_price_per_mtok, m.output_price_per_mtok, m.cached_input_price_per_mtok, m.is_default
    from ai.models m
    join ai.providers p on p.id = m.provider_id
    where (p_capability is null or p_capability = any (m.capability_tags))
      and (p_modality is null or p_modality = any (m.input_modalities) or p_modality = any (m.output_modalities))
      and (p_support_level is null or m.support_level = p_support_level)
      and (p_provider_key is null or p.key = p_provider_key)
      and (coalesce(p_include_retired, false) or m.status <> 'retired')
    order by p.key, m.model_key
    limit p_limit offset p_offset;
end
$function$;

comment on function public.list_ai_models(p_capability ai.model_capability, p_modality ai.modality, p_support_level ai.support_level, p_provider_key text, p_include_retired boolean, p_limit integer, p_offset integer) is 'Models filtered by capability, modality (input or output), support level and provider.';

revoke all on function public.list_ai_models(p_capability ai.model_capability, p_modality ai.modality, p_support_level ai.support_level, p_provider_key text, p_include_retired boolean, p_limit integer, p_offset integer) from public;
grant execute on function public.list_ai_models(p_capability ai.model_capability, p_modality ai.modality, p_support_level ai.support_level, p_provider_key text, p_include_retired boolean, p_limit integer, p_offset integer) to anon, authenticated, service_role;

-- ==== supabase/schemas/public/functions/list_ai_providers.sql
create or replace function public.list_ai_providers(p_support_level ai.support_level default NULL::ai.support_level)
 returns TABLE(provider_id uuid, key text, display_name text, adapter ai.provider_adapter, support_level ai.support_level, base_url text, requires_api_key boolean, model_count integer)
 language sql
 stable
 set search_path to ''
as $function$
  select p.id, p.key, p.display_name, p.adapter, p.support_level, p.base_url, p.api_key_env is not null,
    (select count(*)::integer from ai.models m where m.provider_id = p.id)
  from ai.providers p
  where p_support_level is null or p.support_level = p_support_level
  order by p.key
$function$;

comment on function public.list_ai_providers(p_support_level ai.support_level) is 'Providers, optionally of one support level.';

revoke all on function public.list_ai_providers(p_support_level ai.support_level) from public;
grant execute on function public.list_ai_providers(p_support_level ai.support_level) to anon, authenticated, service_role;

-- ==== supabase/schemas/public/functions/list_my_ai_lensers.sql
create or replace function public.list_my_ai_lensers(p_limit integer default 50, p_offset integer default 0)
 returns TABLE(ai_lenser_id uuid, profile_id uuid, handle text, display_name text, visibility lensers.profile_visibility, runtime_pref agents.runtime_pref, is_active boolean, my_role agents.ownership_role, created_at timestamp with time zone)
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  perform lensers.fn_rpc_page('list_my_ai_lensers', p_limit, p_offset);
  return query
    select a.id, p.id, p.handle, p.display_name, p.visibility, a.runtime_pref, a.is_active, o.role, a.created_at
    from agents.ai_lensers a
    join lensers.profiles p on p.id = a.profile_id
    join agents.ownerships o on o.ai_lenser_id = a.id and o.revoked_at is null
    where o.owner_lenser_id = (select lensers.current_profile_id())
    order by a.created_at desc, a.id
    limit p_limit offset p_offset;
end
$function$;

comment on function public.list_my_ai_lensers(p_limit integer, p_offset integer) is 'Agents the caller owns, co-owns or operates, newest first.';

revoke all on function public.list_my_ai_lensers(p_limit integer, p_offset integer) from public;
grant execute on function public.list_my_ai_lensers(p_limit integer, p_offset integer) to authenticated;

-- ==== supabase/schemas/public/functions/list_team_members.sql
create or replace function public.list_team_members(p_team_id uuid)
 returns TABLE(member_id uuid, agent_id uuid, agent_handle text, agent_display_name text, role agents.team_member_role, responsibility text, lane integer, personality_profile_id uuid, memory_profile_id uuid, tool_profile_id uuid, model_profile_id uuid, created_at timestamp with time zone)
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  perform agents.fn_rpc_not_null('list_team_members', 'p_team_id', p_team_id);
  if not exists (select 1 from agents.teams t where t.id = p_team_id) then
    raise exception 'list_team_members: no team % that you can see', p_team_id using errcode = 'P0002';
  end if;
  return query
    select m.id, m.agent_id, p.handle, p.display_name, m.role, m.responsibility, m.lane, m.personality_profile_id,
      m.memory_profile_id, m.tool_profile_id, m.model_profile_id, m.created_at
    from agents.team_members m
    join agents.ai_lensers a on a.id = m.agent_id
    left join lensers.profiles p on p.id = a.profile_id
    where m.team_id = p_team_id
    order by m.lane, m.created_at, m.id;
end
$function$;

comment on function public.list_team_members(p_team_id uuid) is 'A team''s members by lane, then by the order they joined.';

revoke all on function public.list_team_members(p_team_id uuid) from public;
grant execute on function public.list_team_members(p_team_id uuid) to authenticated;

-- ==== supabase/schemas/public/functions/list_teams.sql
create or replace function public.list_teams(p_owner_lenser_id uuid default NULL::uuid, p_include_archived boolean default false, p_limit integer default 50, p_offset integer default 0)
 returns TABLE(team_id uuid, owner_lenser_id uuid, owner_handle text, name text, description text, status agents.team_status, scratchpad jsonb, member_count integer, edge_count integer, archived_at timestamp with time zone, created_at timestamp with time zone, updated_at timestamp with time zone)
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  perform lensers.fn_rpc_page('list_teams', p_limit, p_offset);
  perform agents.fn_rpc_not_null('list_teams', 'p_include_archived', p_include_archived);
  return query
    select t.id, t.owner_lenser_id, p.handle, t.name, t.description, t.status, t.scratchpad,
      (select count(*)::integer from agents.team_members m where m.team_id = t.id),
      (select count(*)::integer from agents.team_edges e where e.team_id = t.id),
      t.archived_at, t.created_at, t.updated_at
    from agents.teams t
    left join lensers.profiles p on p.id = t.owner_lenser_id
    where (p_owner_lenser_id is null or t.owner_lenser_id = p_owner_lenser_id)
      and (p_include_archived or t.status <> 'archived')
    order by lower(t.name), t.id
    limit p_limit offset p_offset;
end
$function$;

comment on function public.list_teams(p_owner_lenser_id uuid, p_include_archived boolean, p_limit integer, p_offset integer) is 'Teams the caller may see (optionally of one owner), with member and edge counts, by name.';

revoke all on function public.list_teams(p_owner_lenser_id uuid, p_include_archived boolean, p_limit integer, p_offset integer) from public;
grant execute on function public.list_teams(p_owner_lenser_id uuid, p_include_archived boolean, p_limit integer, p_offset integer) to authenticated;

-- ==== supabase/schemas/public/functions/publish_lens_version.sql
create or replace function public.publish_lens_version(p_version_id uuid)
 returns jsonb
 language plpgsql
 set search_path to ''
as $function$
declare
  v_version lenses.versions := lenses.fn_editable_version('publish_lens_version', p_version_id);
  v_errors text[];
begin
  if v_version.status <> 'draft' then
    raise exception 'publish_lens_version: p_version_id % is not a draft (it is %)', p_version_id, v_version.status
      using errcode = '22023';
  end if;
  if exists (select 1 from lenses.lenses l where l.id = v_version.lens_id and l.status = 'archived') then
    raise exception 'publish_lens_version: lens % is archived', v_version.lens_id using errcode = '22023';
  end if;
  v_errors := lenses.fn_version_publish_errors(p_version_id, v_version.template_body, v_version.input_contract,
    v_version.output_contract);
  if cardinality(v_errors) > 0 then
    raise exception 'publish_lens_version: version % cannot be published: %', p_version_id, array_to_string(v_errors, '; ')
      using errcode = '23514';
  end if;
  update lenses.versions v set status = 'published' where v.id = p_version_id;
  return lenses.fn_version_json(p_version_id);
end
$function$;

comment on function public.publish_lens_version(p_version_id uuid) is 'Publishes a draft version (then immutable): refused while a [[label]] has no parameter, a parameter is unused, or a contract or default is invalid.';

revoke all on function public.publish_lens_version(p_version_id uuid) from public;
grant execute on function public.publish_lens_version(p_version_id uuid) to authenticated;

-- ==== supabase/schemas/public/functions/release_workflow_task.sql
-- A worker that must stop (its time budget is over) hands the task back: queued again at once,
-- and the attempt does not count.
create or replace function public.release_workflow_task(p_result_id uuid, p_lease_token uuid)
 returns void
 language plpgsql
 set search_path to ''
as $function$
declare
  v_result lenses.workflow_node_results;
begin
  v_result := lenses.fn_leased_result('release_workflow_task', p_result_id, p_lease_token);
  update lenses.workflow_node_results x
  set status = 'queued', waiting_reason = 'queued', next_attempt_at = now(), attempt_count = greatest(x.attempt_count - 1, 0),
      lease_token = null, lease_owner = null, lease_expires_at = null, timeout_at = null
  where x.id = p_result_id;
  perform lenses.fn_append_workflow_run_event(v_result.run_id, 'node_released',
    jsonb_build_object('node_key', v_result.node_key), v_result.node_id);
  perform lenses.fn_node_stopped(v_result.run_id, v_result.node_id);
  perform pg_notify('workflow_tasks', v_result.run_id::text);
end
$function$;

comment on function public.release_workflow_task(p_result_id uuid, p_lease_token uuid) is 'Worker: hands a held task back to the queue without counting the attempt.';

revoke all on function public.release_workflow_task(p_result_id uuid, p_lease_token uuid) from public;
grant execute on function public.release_workflow_task(p_result_id uuid, p_lease_token uuid) to service_role;

-- ==== supabase/schemas/public/functions/render_lens_version.sql
create or replace function public.render_lens_version(p_version_id uuid, p_params jsonb default '{}'::jsonb)
 returns text
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_state text;
  v_message text;
begin
  if p_version_id is null then
    raise exception 'render_lens_version: p_version_id is required' using errcode = '22023';
  end if;
  if not exists (select 1 from lenses.versions v where v.id = p_version_id) then
    raise exception 'render_lens_version: no version % that you can read', p_version_id using errcode = 'P0002';
  end if;
  begin
    return lenses.fn_render_version_body(p_version_id, p_params);
  exception when sqlstate '22023' or sqlstate 'P0001' then
    get stacked diagnostics v_state = returned_sqlstate, v_message = message_text;
    raise exception 'render_lens_version: %', regexp_replace(v_message, '^fn_render_version_body: ', '') using errcode = v_state;
  end;
end
$function$;

comment on function public.render_lens_version(p_version_id uuid, p_params jsonb) is 'Preview: the version''s template rendered with p_params (typed and normalised; defaults applied). The caller must be able to read the version.';

revoke all on function public.render_lens_version(p_version_id uuid, p_params jsonb) from public;
grant execute on function public.render_lens_version(p_version_id uuid, p_params jsonb) to anon, authenticated, service_role;

-- ==== supabase/schemas/public/functions/report_workflow_task_progress.sql
-- Streaming progress: the first report moves the node (and run) to streaming and records the
-- time to first token; each report appends one delta event (the worker batches deltas).
create or replace function public.report_workflow_task_progress(p_result_id uuid, p_lease_token uuid, p_delta text, p_ttfb_ms integer default NULL::integer)
 returns void
 language plpgsql
 set search_path to ''
as $function$
declare
  v_result lenses.workflow_node_results;
begin
  if p_delta is null or p_delta = '' then
    raise exception 'report_workflow_task_progress: p_delta must be non-empty text' using errcode = '22023';
  end if;
  if p_ttfb_ms is not null and p_ttfb_ms < 0 then
    raise exception 'report_workflow_task_progress: p_ttfb_ms must be 0 or more' using errcode = '22023';
  end if;
  v_result := lenses.fn_leased_result('report_workflow_task_progress', p_result_id, p_lease_token);
  if v_result.status = 'running' then
    update lenses.workflow_node_results x
    set status = 'streaming',
        ttfb_ms = coalesce(p_ttfb_ms, (extract(epoch from now() - x.started_at) * 1000)::integer)
    where x.id = p_result_id;
    perform lenses.fn_append_workflow_run_event(v_result.run_id, 'node_streaming',
      jsonb_build_object('node_key', v_result.node_key), v_result.node_id);
    update lenses.workflow_runs r set status = 'streaming' where r.id = v_result.run_id and r.status = 'running';
  end if;
  perform lenses.fn_append_workflow_run_event(v_result.run_id, 'node_delta',
    jsonb_build_object('node_key', v_result.node_key, 'text', p_delta), v_result.node_id);
end
$function$;

comment on function public.report_workflow_task_progress(p_result_id uuid, p_lease_token uuid, p_delta text, p_ttfb_ms integer) is 'Worker: a batch of streamed text for a held task (moves it to streaming on the first one).';

revoke all on function public.report_workflow_task_progress(p_result_id uuid, p_lease_token uuid, p_delta text, p_ttfb_ms integer) from public;
grant execute on function public.report_workflow_task_progress(p_result_id uuid, p_lease_token uuid, p_delta text, p_ttfb_ms integer) to service_role;

-- ==== supabase/schemas/public/functions/set_version_parameters.sql
create or replace function public.set_version_parameters(p_version_id uuid, p_parameters jsonb)
 returns jsonb
 language plpgsql
 set search_path to ''
as $function$
declare
  v_version lenses.versions := lenses.fn_editable_version('set_version_parameters', p_version_id);
begin
  if v_version.status <> 'draft' then
    raise exception 'set_version_parameters: p_version_id % is not a draft (it is %)', p_version_id, v_version.status
      using errcode = '22023';
  end if;
  perform lenses.fn_replace_version_parameters('set_version_parameters', p_version_id, p_parameters);
  return lenses.fn_version_json(p_version_id);
end
$function$;

comment on function public.set_version_parameters(p_version_id uuid, p_parameters jsonb) is 'Replaces all parameters of a draft version.';

revoke all on function public.set_version_parameters(p_version_id uuid, p_parameters jsonb) from public;
grant execute on function public.set_version_parameters(p_version_id uuid, p_parameters jsonb) to authenticated;

-- ==== supabase/schemas/public/functions/update_lens_version.sql
create or replace function public.update_lens_version(p_version_id uuid, p_template_body text default NULL::text, p_input_contract jsonb default NULL::jsonb, p_output_contract jsonb default NULL::jsonb, p_instruction_category lenses.instruction_category default NULL::lenses.instruction_category, p_clear_input_contract boolean default false, p_clear_output_contract boolean default false)
 returns jsonb
 language plpgsql
 set search_path to ''
as $function$
declare
  v_version lenses.versions := lenses.fn_editable_version('update_lens_version', p_version_id);
  v_input jsonb := lenses.fn_contract_arg('update_lens_version', 'p_input_contract', p_input_contract, 'input');
  v_output jsonb := lenses.fn_contract_arg('update_lens_version', 'p_output_contract', p_output_contract, 'output');
begin
  if v_version.status <> 'draft' then
    raise exception 'update_lens_version: p_version_id % is not a draft (it is %)', p_version_id, v_version.status
      using errcode = '22023';
  end if;
  if p_template_body is not null and char_length(p_template_body) not between 1 and 100000 then
    raise exception 'update_lens_version: p_template_body must be 1 to 100000 characters' using errcode = '22023';
  end if;
  if coalesce(p_clear_input_contract, false) and v_input is not null then
    raise exception 'update_lens_version: give p_input_contract or p_clear_input_contract, not both' using errcode = '22023';
  end if;
  if coalesce(p_clear_output_contract, false) and v_output is not null then
    raise exception 'update_lens_version: give p_output_contract or p_clear_output_contract, not both' using errcode = '22023';
  end if;
  update lenses.versions v set
    template_body = coalesce(p_template_body, v.template_body),
    input_contract = case when coalesce(p_clear_input_contract, false) then null else coalesce(v_input, v.input_contract) end,
    output_contract = case when coalesce(p_clear_output_contract, false) then null else coalesce(v_output, v.output_contract) end,
    instruction_category = coalesce(p_instruction_category, v.instruction_category)
  where v.id = p_version_id;
  return lenses.fn_version_json(p_version_id);
end
$function$;

comment on function public.update_lens_version(p_version_id uuid, p_template_body text, p_input_contract jsonb, p_output_contract jsonb, p_instruction_category lenses.instruction_category, p_clear_input_contract boolean, p_clear_output_contract boolean) is 'Changes a draft version; null keeps a value, p_clear_*_contract removes a contract.';

revoke all on function public.update_lens_version(p_version_id uuid, p_template_body text, p_input_contract jsonb, p_output_contract jsonb, p_instruction_category lenses.instruction_category, p_clear_input_contract boolean, p_clear_output_contract boolean) from public;
grant execute on function public.update_lens_version(p_version_id uuid, p_template_body text, p_input_contract jsonb, p_output_contract jsonb, p_instruction_category lenses.instruction_category, p_clear_input_contract boolean, p_clear_output_contract boolean) to authenticated;

-- ==== supabase/schemas/public/functions/validate_workflow.sql
create or replace function public.validate_workflow(p_workflow_id uuid)
 returns jsonb
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  if p_workflow_id is null then
    raise exception 'validate_workflow: p_workflow_id is required' using errcode = '22023';
  end if;
  if not exists (select 1 from lenses.workflows w where w.id = p_workflow_id) then
    raise exception 'validate_workflow: no workflow % that you can see', p_workflow_id using errcode = 'P0002';
  end if;
  return lenses.fn_validate_workflow(p_workflow_id);
end
$function$;

comment on function public.validate_workflow(p_workflow_id uuid) is 'Checks a workflow: {valid, errors: [{code, message, node_key?, edge_id?}]} (acyclic, edges inside, versions published, contracts compatible...).';

revoke all on function public.validate_workflow(p_workflow_id uuid) from public;
grant execute on function public.validate_workflow(p_workflow_id uuid) to anon, authenticated, service_role;

-- ==== supabase/schemas/lensers/tables/profiles.sql
create table lensers.profiles (
  id uuid default gen_random_uuid() not null,
  user_id uuid,
  handle text not null,
  display_name text not null,
  type lensers.lenser_type not null,
  visibility lensers.profile_visibility default 'public'::lensers.profile_visibility not null,
  status lensers.profile_status default 'active'::lensers.profile_status not null,
  avatar_url text,
  banner_url text,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint profiles_pkey PRIMARY KEY (id),
  constraint profiles_user_id_key UNIQUE (user_id),
  constraint profiles_avatar_url_http CHECK ((avatar_url ~ '^https?://'::text)),
  constraint profiles_banner_url_http CHECK ((banner_url ~ '^https?://'::text)),
  constraint profiles_display_name_length CHECK (((char_length(btrim(display_name)) >= 1) AND (char_length(btrim(display_name)) <= 120))),
  constraint profiles_handle_slug CHECK ((handle ~ '^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38}[A-Za-z0-9])?$'::text)),
  constraint profiles_human_has_user CHECK (((type = 'human'::lensers.lenser_type) = (user_id IS NOT NULL))),
  constraint profiles_user_id_fkey FOREIGN KEY (user_id) REFERENCES auth.users(id) ON DELETE CASCADE
);

alter table lensers.profiles enable row level security;
comment on table lensers.profiles is 'One row per lenser, human or AI; actors everywhere are these ids.';
comment on column lensers.profiles.handle is 'URL slug for /lenser/:handle; unique without regard to case.';

create unique index profiles_handle_key on lensers.profiles using btree (lower(handle));

create index profiles_visibility_status_idx on lensers.profiles using btree (visibility, status);

create policy profiles_select on lensers.profiles
  as permissive for select to authenticated
  using ((((visibility = ANY (ARRAY['public'::lensers.profile_visibility, 'unlisted'::lensers.profile_visibility])) AND (status = 'active'::lensers.profile_status)) OR (user_id = ( SELECT auth.uid() AS uid)) OR ((type = 'ai'::lensers.lenser_type) AND (id IN ( SELECT lensers.actable_profile_ids() AS actable_profile_ids)))));

create policy profiles_select_anon on lensers.profiles
  as permissive for select to anon
  using (((visibility = ANY (ARRAY['public'::lensers.profile_visibility, 'unlisted'::lensers.profile_visibility])) AND (status = 'active'::lensers.profile_status)));

create policy profiles_update_editable on lensers.profiles
  as permissive for update to authenticated
  using ((id IN ( SELECT lensers.editable_profile_ids() AS editable_profile_ids)))
  with check ((id IN ( SELECT lensers.editable_profile_ids() AS editable_profile_ids)));

create constraint trigger profiles_ai_has_ai_lenser after insert on lensers.profiles deferrable initially deferred for each row execute procedure agents.tg_ai_profile_has_ai_lenser();

create trigger profiles_guard_update before update on lensers.profiles for each row execute procedure lensers.tg_profiles_guard_update();

create trigger profiles_set_updated_at before update on lensers.profiles for each row execute procedure lensers.tg_set_updated_at();

grant select on table lensers.profiles to anon, authenticated;
grant all on table lensers.profiles to service_role;
grant update (handle) on table lensers.profiles to authenticated;
grant update (display_name) on table lensers.profiles to authenticated;
grant update (visibility) on table lensers.profiles to authenticated;
grant update (avatar_url) on table lensers.profiles to authenticated;
grant update (banner_url) on table lensers.profiles to authenticated;

-- ==== supabase/schemas/agents/tables/ai_lensers.sql
create table agents.ai_lensers (
  id uuid default gen_random_uuid() not null,
  profile_id uuid not null,
  runtime_pref agents.runtime_pref default 'cloud'::agents.runtime_pref not null,
  is_active boolean default true not null,
  suspended_at timestamp with time zone,
  suspended_reason text,
  personality_note text,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint ai_lensers_pkey PRIMARY KEY (id),
  constraint ai_lensers_profile_id_key UNIQUE (profile_id),
  constraint ai_lensers_personality_note_length CHECK ((char_length(personality_note) <= 4000)),
  constraint ai_lensers_suspended_inactive CHECK (((suspended_at IS NULL) OR (NOT is_active))),
  constraint ai_lensers_suspension_consistent CHECK (((suspended_at IS NULL) = (suspended_reason IS NULL))),
  constraint ai_lensers_profile_id_fkey FOREIGN KEY (profile_id) REFERENCES lensers.profiles(id) ON DELETE CASCADE
);

alter table agents.ai_lensers enable row level security;
comment on table agents.ai_lensers is 'Runtime extension of an AI profile; exactly one per lensers.profiles row of type ai.';

create policy ai_lensers_select on agents.ai_lensers
  as permissive for select to authenticated
  using (( SELECT agents.can_operate_ai_lenser(ai_lensers.id) AS can_operate_ai_lenser));

create policy ai_lensers_update on agents.ai_lensers
  as permissive for update to authenticated
  using (( SELECT agents.can_manage_ai_lenser(ai_lensers.id) AS can_manage_ai_lenser))
  with check (( SELECT agents.can_manage_ai_lenser(ai_lensers.id) AS can_manage_ai_lenser));

create trigger ai_lensers_profile_is_ai before insert or update of profile_id on agents.ai_lensers for each row execute procedure agents.tg_ai_lensers_profile_is_ai();

create trigger ai_lensers_set_updated_at before update on agents.ai_lensers for each row execute procedure lensers.tg_set_updated_at();

grant select on table agents.ai_lensers to authenticated;
grant all on table agents.ai_lensers to service_role;
grant update (runtime_pref) on table agents.ai_lensers to authenticated;
grant update (is_active) on table agents.ai_lensers to authenticated;
grant update (suspended_at) on table agents.ai_lensers to authenticated;
grant update (suspended_reason) on table agents.ai_lensers to authenticated;
grant update (personality_note) on table agents.ai_lensers to authenticated;

-- ==== supabase/schemas/agents/tables/memory_profiles.sql
create table agents.memory_profiles (
  id uuid default gen_random_uuid() not null,
  ai_lenser_id uuid not null,
  name text not null,
  scope_type agents.memory_scope default 'agent'::agents.memory_scope not null,
  isolation_mode agents.memory_isolation_mode default 'isolated'::agents.memory_isolation_mode not null,
  retention_days integer,
  visibility agents.memory_visibility default 'operators'::agents.memory_visibility not null,
  summary_strategy agents.memory_summary_strategy default 'none'::agents.memory_summary_strategy not null,
  reset_policy agents.memory_reset_policy default 'never'::agents.memory_reset_policy not null,
  is_default boolean default false not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint memory_profiles_pkey PRIMARY KEY (id),
  constraint memory_profiles_id_agent_key UNIQUE (id, ai_lenser_id),
  constraint memory_profiles_name_length CHECK (((char_length(btrim(name)) >= 1) AND (char_length(btrim(name)) <= 80))),
  constraint memory_profiles_retention_days_range CHECK (((retention_days >= 1) AND (retention_days <= 3650))),
  constraint memory_profiles_ai_lenser_id_fkey FOREIGN KEY (ai_lenser_id) REFERENCES agents.ai_lensers(id) ON DELETE CASCADE
);

alter table agents.memory_profiles enable row level security;
comment on table agents.memory_profiles is 'Memory policy: default scope, isolation, retention, who reads entries, summaries, resets.';
comment on column agents.memory_profiles.scope_type is 'The scope of entries written without one.';
comment on column agents.memory_profiles.retention_days is 'Entries written without an expiry expire this many days later; null keeps them.';
comment on column agents.memory_profiles.visibility is 'owners: only owners and co-owners read the entries; operators: operators too.';

create index memory_profiles_agent_idx on agents.memory_profiles using btree (ai_lenser_id);

create unique index memory_profiles_name_key on agents.memory_profiles using btree (ai_lenser_id, lower(name));

create unique index memory_profiles_one_default on agents.memory_profiles using btree (ai_lenser_id) where is_default;

create index memory_profiles_visibility_idx on agents.memory_profiles using btree (visibility, id);

create policy memory_profiles_delete on agents.memory_profiles
  as permissive for delete to authenticated
  using (( SELECT agents.can_manage_ai_lenser(memory_profiles.ai_lenser_id) AS can_manage_ai_lenser));

create policy memory_profiles_insert on agents.memory_profiles
  as permissive for insert to authenticated
  with check (( SELECT agents.can_manage_ai_lenser(memory_profiles.ai_lenser_id) AS can_manage_ai_lenser));

create policy memory_profiles_select on agents.memory_profiles
  as permissive for select to authenticated
  using (( SELECT agents.can_operate_ai_lenser(memory_profiles.ai_lenser_id) AS can_operate_ai_lenser));

create policy memory_profiles_update on agents.memory_profiles
  as permissive for update to authenticated
  using (( SELECT agents.can_manage_ai_lenser(memory_profiles.ai_lenser_id) AS can_manage_ai_lenser))
  with check (( SELECT agents.can_manage_ai_lenser(memory_profiles.ai_lenser_id) AS can_manage_ai_lenser));

create trigger memory_profiles_agent_fixed before update on agents.memory_profiles for each row execute procedure agents.tg_profiles_agent_fixed();

create trigger memory_profiles_set_updated_at before update on agents.memory_profiles for each row execute procedure lensers.tg_set_updated_at();

grant select, delete on table agents.memory_profiles to authenticated;
grant all on table agents.memory_profiles to service_role;
grant insert (ai_lenser_id) on table agents.memory_profiles to authenticated;
grant insert (name), update (name) on table agents.memory_profiles to authenticated;
grant insert (scope_type), update (scope_type) on table agents.memory_profiles to authenticated;
grant insert (isolation_mode), update (isolation_mode) on table agents.memory_profiles to authenticated;
grant insert (retention_days), update (retention_days) on table agents.memory_profiles to authenticated;
grant insert (visibility), update (visibility) on table agents.memory_profiles to authenticated;
grant insert (summary_strategy), update (summary_strategy) on table agents.memory_profiles to authenticated;
grant insert (reset_policy), update (reset_policy) on table agents.memory_profiles to authenticated;
grant insert (is_default), update (is_default) on table agents.memory_profiles to authenticated;

-- ==== supabase/schemas/agents/tables/memories.sql
create table agents.memories (
  id uuid default gen_random_uuid() not null,
  memory_profile_id uuid not null,
  ai_lenser_id uuid not null,
  scope agents.memory_scope not null,
  source agents.memory_source not null,
  content text not null,
  confidence numeric(4,3) default 1 not null,
  expires_at timestamp with time zone,
  redacted_at timestamp with time zone,
  redacted_by uuid,
  embedding extensions.vector(1536),
  metadata jsonb default '{}'::jsonb not null,
  created_by uuid,
  created_at timestamp with time zone default now() not null,
  constraint memories_pkey PRIMARY KEY (id),
  constraint memories_confidence_range CHECK (((confidence >= (0)::numeric) AND (confidence <= (1)::numeric))),
  constraint memories_content_length CHECK (((char_length(content) >= 1) AND (char_length(content) <= 20000))),
  constraint memories_expires_after_created CHECK (((expires_at IS NULL) OR (expires_at > created_at))),
  constraint memories_metadata_object CHECK ((jsonb_typeof(metadata) = 'object'::text)),
  constraint memories_redaction_complete CHECK (((redacted_at IS NULL) OR ((content = '[redacted]'::text) AND (embedding IS NULL) AND (metadata = '{}'::jsonb)))),
  constraint memories_created_by_fkey FOREIGN KEY (created_by) REFERENCES lensers.profiles(id) ON DELETE SET NULL,
  constraint memories_profile_fk FOREIGN KEY (memory_profile_id, ai_lenser_id) REFERENCES agents.memory_profiles(id, ai_lenser_id) ON DELETE CASCADE,
  constraint memories_redacted_by_fkey FOREIGN KEY (redacted_by) REFERENCES lensers.profiles(id) ON DELETE SET NULL
);

alter table agents.memories enable row level security;
comment on table agents.memories is 'Memory entries of an agent, under one of its memory profiles. Redacted rows are kept.';
comment on column agents.memories.ai_lenser_id is 'The profile''s agent, repeated for RLS (a composite foreign key keeps it true).';
comment on column agents.memories.embedding is '1536-dimension embedding (cosine distance; HNSW index).';

create index memories_agent_idx on agents.memories using btree (ai_lenser_id);

create index memories_created_by_idx on agents.memories using btree (created_by);

create index memories_embedding_hnsw on agents.memories using hnsw (embedding extensions.vector_cosine_ops);

create index memories_profile_idx on agents.memories using btree (memory_profile_id, ai_lenser_id, created_at DESC);

create index memories_redacted_by_idx on agents.memories using btree (redacted_by);

create policy memories_insert on agents.memories
  as permissive for insert to authenticated
  with check (( SELECT agents.can_manage_ai_lenser(memories.ai_lenser_id) AS can_manage_ai_lenser));

create policy memories_select on agents.memories
  as permissive for select to authenticated
  using ((( SELECT agents.can_manage_ai_lenser(memories.ai_lenser_id) AS can_manage_ai_lenser) OR (( SELECT agents.can_operate_ai_lenser(memories.ai_lenser_id) AS can_operate_ai_lenser) AND (memory_profile_id IN ( SELECT p.id
   FROM agents.memory_profiles p
  WHERE (p.visibility = 'operators'::agents.memory_visibility))))));

create policy memories_update on agents.memories
  as permissive for update to authenticated
  using (( SELECT agents.can_manage_ai_lenser(memories.ai_lenser_id) AS can_manage_ai_lenser))
  with check (( SELECT agents.can_manage_ai_lenser(memories.ai_lenser_id) AS can_manage_ai_lenser));

create trigger memories_guard before insert or update on agents.memories for each row execute procedure agents.tg_memories_guard();

grant select on table agents.memories to authenticated;
grant all on table agents.memories to service_role;
grant insert (memory_profile_id) on table agents.memories to authenticated;
grant insert (ai_lenser_id) on table agents.memories to authenticated;
grant insert (scope) on table agents.memories to authenticated;
grant insert (source) on table agents.memories to authenticated;
grant insert (content), update (content) on table agents.memories to authenticated;
grant insert (confidence) on table agents.memories to authenticated;
grant insert (expires_at) on table agents.memories to authenticated;
grant update (redacted_at) on table agents.memories to authenticated;
grant insert (embedding), update (embedding) on table agents.memories to authenticated;
grant insert (metadata), update (metadata) on table agents.memories to authenticated;

-- ==== supabase/schemas/agents/tables/ownerships.sql
create table agents.ownerships (
  id uuid default gen_random_uuid() not null,
  ai_lenser_id uuid not null,
  owner_lenser_id uuid not null,
  role agents.ownership_role not null,
  permission_scope agents.ownership_permission[] default '{}'::agents.ownership_permission[] not null,
  granted_by uuid,
  granted_at timestamp with time zone default now() not null,
  revoked_at timestamp with time zone,
  constraint ownerships_pkey PRIMARY KEY (id),
  constraint ownerships_revoked_after_granted CHECK (((revoked_at IS NULL) OR (revoked_at >= granted_at))),
  constraint ownerships_ai_lenser_id_fkey FOREIGN KEY (ai_lenser_id) REFERENCES agents.ai_lensers(id) ON DELETE CASCADE,
  constraint ownerships_granted_by_fkey FOREIGN KEY (granted_by) REFERENCES lensers.profiles(id) ON DELETE SET NULL,
  constraint ownerships_owner_lenser_id_fkey FOREIGN KEY (owner_lenser_id) REFERENCES lensers.profiles(id) ON DELETE CASCADE
);

alter table agents.ownerships enable row level security;
comment on table agents.ownerships is 'Human owners of an agent. owner and co_owner may edit; operator may run.';

create index ownerships_granted_by_idx on agents.ownerships using btree (granted_by);

create unique index ownerships_one_live_grant on agents.ownerships using btree (ai_lenser_id, owner_lenser_id) where (revoked_at IS NULL);

create index ownerships_owner_lookup on agents.ownerships using btree (owner_lenser_id, ai_lenser_id) include (role) where (revoked_at IS NULL);

create policy ownerships_insert on agents.ownerships
  as permissive for insert to authenticated
  with check (( SELECT agents.can_manage_ai_lenser(ownerships.ai_lenser_id) AS can_manage_ai_lenser));

create policy ownerships_select on agents.ownerships
  as permissive for select to authenticated
  using (( SELECT agents.can_operate_ai_lenser(ownerships.ai_lenser_id) AS can_operate_ai_lenser));

create policy ownerships_update on agents.ownerships
  as permissive for update to authenticated
  using (( SELECT agents.can_manage_ai_lenser(ownerships.ai_lenser_id) AS can_manage_ai_lenser))
  with check (( SELECT agents.can_manage_ai_lenser(ownerships.ai_lenser_id) AS can_manage_ai_lenser));

create trigger ownerships_keep_an_owner after delete or update on agents.ownerships for each row execute procedure agents.tg_ownerships_keep_an_owner();

create trigger ownerships_owner_is_human before insert or update on agents.ownerships for each row execute procedure agents.tg_ownerships_owner_is_human();

grant select on table agents.ownerships to authenticated;
grant all on table agents.ownerships to service_role;
grant insert (ai_lenser_id) on table agents.ownerships to authenticated;
grant insert (owner_lenser_id) on table agents.ownerships to authenticated;
grant insert (role), update (role) on table agents.ownerships to authenticated;
grant insert (permission_scope), update (permission_scope) on table agents.ownerships to authenticated;
grant insert (granted_by) on table agents.ownerships to authenticated;
grant update (revoked_at) on table agents.ownerships to authenticated;

-- ==== supabase/schemas/agents/tables/personality_profiles.sql
create table agents.personality_profiles (
  id uuid default gen_random_uuid() not null,
  ai_lenser_id uuid not null,
  name text not null,
  tone agents.personality_tone default 'neutral'::agents.personality_tone not null,
  expertise_level agents.expertise_level default 'intermediate'::agents.expertise_level not null,
  risk_tolerance agents.risk_tolerance default 'low'::agents.risk_tolerance not null,
  autonomy_level agents.autonomy_level default 'supervised'::agents.autonomy_level not null,
  communication_style agents.communication_style default 'concise'::agents.communication_style not null,
  decision_style agents.decision_style default 'balanced'::agents.decision_style not null,
  escalation_behavior agents.escalation_behavior default 'on_uncertainty'::agents.escalation_behavior not null,
  system_prompt_patch text,
  is_default boolean default false not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint personality_profiles_pkey PRIMARY KEY (id),
  constraint personality_profiles_id_agent_key UNIQUE (id, ai_lenser_id),
  constraint personality_profiles_name_length CHECK (((char_length(btrim(name)) >= 1) AND (char_length(btrim(name)) <= 80))),
  constraint personality_profiles_patch_length CHECK (((char_length(system_prompt_patch) >= 1) AND (char_length(system_prompt_patch) <= 8000))),
  constraint personality_profiles_ai_lenser_id_fkey FOREIGN KEY (ai_lenser_id) REFERENCES agents.ai_lensers(id) ON DELETE CASCADE
);

alter table agents.personality_profiles enable row level security;
comment on table agents.personality_profiles is 'How an agent behaves: tone, expertise, risk, autonomy, style, escalation, a prompt patch.';
comment on column agents.personality_profiles.system_prompt_patch is 'Text appended to the system prompt of every call made with this profile.';

create index personality_profiles_agent_idx on agents.personality_profiles using btree (ai_lenser_id);

create unique index personality_profiles_name_key on agents.personality_profiles using btree (ai_lenser_id, lower(name));

create unique index personality_profiles_one_default on agents.personality_profiles using btree (ai_lenser_id) where is_default;

create policy personality_profiles_delete on agents.personality_profiles
  as permissive for delete to authenticated
  using (( SELECT agents.can_manage_ai_lenser(personality_profiles.ai_lenser_id) AS can_manage_ai_lenser));

create policy personality_profiles_insert on agents.personality_profiles
  as permissive for insert to authenticated
  with check (( SELECT agents.can_manage_ai_lenser(personality_profiles.ai_lenser_id) AS can_manage_ai_lenser));

create policy personality_profiles_select on agents.personality_profiles
  as permissive for select to authenticated
  using (( SELECT agents.can_operate_ai_lenser(personality_profiles.ai_lenser_id) AS can_operate_ai_lenser));

create policy personality_profiles_update on agents.personality_profiles
  as permissive for update to authenticated
  using (( SELECT agents.can_manage_ai_lenser(personality_profiles.ai_lenser_id) AS can_manage_ai_lenser))
  with check (( SELECT agents.can_manage_ai_lenser(personality_profiles.ai_lenser_id) AS can_manage_ai_lenser));

create trigger personality_profiles_agent_fixed before update on agents.personality_profiles for each row execute procedure agents.tg_profiles_agent_fixed();

create trigger personality_profiles_set_updated_at before update on agents.personality_profiles for each row execute procedure lensers.tg_set_updated_at();

grant select, delete on table agents.personality_profiles to authenticated;
grant all on table agents.personality_profiles to service_role;
grant insert (ai_lenser_id) on table agents.personality_profiles to authenticated;
grant insert (name), update (name) on table agents.personality_profiles to authenticated;
grant insert (tone), update (tone) on table agents.personality_profiles to authenticated;
grant insert (expertise_level), update (expertise_level) on table agents.personality_profiles to authenticated;
grant insert (risk_tolerance), update (risk_tolerance) on table agents.personality_profiles to authenticated;
grant insert (autonomy_level), update (autonomy_level) on table agents.personality_profiles to authenticated;
grant insert (communication_style), update (communication_style) on table agents.personality_profiles to authenticated;
grant insert (decision_style), update (decision_style) on table agents.personality_profiles to authenticated;
grant insert (escalation_behavior), update (escalation_behavior) on table agents.personality_profiles to authenticated;
grant insert (system_prompt_patch), update (system_prompt_patch) on table agents.personality_profiles to authenticated;
grant insert (is_default), update (is_default) on table agents.personality_profiles to authenticated;

-- ==== supabase/schemas/agents/tables/teams.sql
create table agents.teams (
  id uuid default gen_random_uuid() not null,
  owner_lenser_id uuid not null,
  name text not null,
  description text,
  status agents.team_status default 'active'::agents.team_status not null,
  scratchpad jsonb default '{}'::jsonb not null,
  archived_at timestamp with time zone,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint teams_pkey PRIMARY KEY (id),
  constraint teams_archived_at_set CHECK (((status = 'archived'::agents.team_status) = (archived_at IS NOT NULL))),
  constraint teams_description_length CHECK ((char_length(description) <= 4000)),
  constraint teams_name_length CHECK (((char_length(btrim(name)) >= 1) AND (char_length(btrim(name)) <= 120))),
  constraint teams_scratchpad_object CHECK ((jsonb_typeof(scratchpad) = 'object'::text)),
  constraint teams_scratchpad_size CHECK ((octet_length((scratchpad)::text) <= 262144)),
  constraint teams_owner_lenser_id_fkey FOREIGN KEY (owner_lenser_id) REFERENCES lensers.profiles(id) ON DELETE CASCADE
);

alter table agents.teams enable row level security;
comment on table agents.teams is 'A team of agents owned by a lenser (human or AI). Archived teams are read-only.';
comment on column agents.teams.scratchpad is 'Shared working notes (a JSON object, at most 256 KiB), visible to whoever sees the team.';

create index teams_owner_idx on agents.teams using btree (owner_lenser_id, status);

create unique index teams_owner_name_key on agents.teams using btree (owner_lenser_id, lower(name)) where (status <> 'archived'::agents.team_status);

create policy teams_insert on agents.teams
  as permissive for insert to authenticated
  with check ((owner_lenser_id IN ( SELECT lensers.editable_profile_ids() AS editable_profile_ids)));

create policy teams_select on agents.teams
  as permissive for select to authenticated
  using ((owner_lenser_id IN ( SELECT lensers.actable_profile_ids() AS actable_profile_ids)));

create policy teams_update on agents.teams
  as permissive for update to authenticated
  using ((owner_lenser_id IN ( SELECT lensers.editable_profile_ids() AS editable_profile_ids)))
  with check ((owner_lenser_id IN ( SELECT lensers.editable_profile_ids() AS editable_profile_ids)));

create trigger teams_guard before insert or update on agents.teams for each row execute procedure agents.tg_teams_guard();

create trigger teams_set_updated_at before update on agents.teams for each row execute procedure lensers.tg_set_updated_at();

grant select on table agents.teams to authenticated;
grant all on table agents.teams to service_role;
grant insert (owner_lenser_id) on table agents.teams to authenticated;
grant insert (name), update (name) on table agents.teams to authenticated;
grant insert (description), update (description) on table agents.teams to authenticated;
grant insert (status), update (status) on table agents.teams to authenticated;
grant insert (scratchpad), update (scratchpad) on table agents.teams to authenticated;
grant update (archived_at) on table agents.teams to authenticated;

-- ==== supabase/schemas/agents/tables/tool_profiles.sql
create table agents.tool_profiles (
  id uuid default gen_random_uuid() not null,
  ai_lenser_id uuid not null,
  name text not null,
  allow_tools text[] default '{}'::text[] not null,
  deny_tools text[] default '{}'::text[] not null,
  tool_groups text[] default '{}'::text[] not null,
  provider_overrides jsonb default '{}'::jsonb not null,
  requires_approval boolean default false not null,
  is_default boolean default false not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint tool_profiles_pkey PRIMARY KEY (id),
  constraint tool_profiles_id_agent_key UNIQUE (id, ai_lenser_id),
  constraint tool_profiles_allow_deny_disjoint CHECK ((NOT (allow_tools && deny_tools))),
  constraint tool_profiles_name_length CHECK (((char_length(btrim(name)) >= 1) AND (char_length(btrim(name)) <= 80))),
  constraint tool_profiles_no_null_entries CHECK (((array_position(allow_tools, NULL::text) IS NULL) AND (array_position(deny_tools, NULL::text) IS NULL) AND (array_position(tool_groups, NULL::text) IS NULL))),
  constraint tool_profiles_provider_overrides_shape CHECK ((agents.fn_tool_provider_overrides_errors(provider_overrides) = ARRAY[]::text[])),
  constraint tool_profiles_ai_lenser_id_fkey FOREIGN KEY (ai_lenser_id) REFERENCES agents.ai_lensers(id) ON DELETE CASCADE
);

alter table agents.tool_profiles enable row level security;
comment on table agents.tool_profiles is 'Which tools an agent may call: a tool is allowed when its key is in allow_tools or its group in tool_groups, and not in deny_tools (deny wins). requires_approval makes every call wait for an owner.';
comment on column agents.tool_profiles.provider_overrides is 'Per tool key: {provider?, timeoutMs?, maxCallsPerRun?} (types/profiles.ts ToolProviderOverrides).';

create index tool_profiles_agent_idx on agents.tool_profiles using btree (ai_lenser_id);

create unique index tool_profiles_name_key on agents.tool_profiles using btree (ai_lenser_id, lower(name));

create unique index tool_profiles_one_default on agents.tool_profiles using btree (ai_lenser_id) where is_default;

create policy tool_profiles_delete on agents.tool_profiles
  as permissive for delete to authenticated
  using (( SELECT agents.can_manage_ai_lenser(tool_profiles.ai_lenser_id) AS can_manage_ai_lenser));

create policy tool_profiles_insert on agents.tool_profiles
  as permissive for insert to authenticated
  with check (( SELECT agents.can_manage_ai_lenser(tool_profiles.ai_lenser_id) AS can_manage_ai_lenser));

create policy tool_profiles_select on agents.tool_profiles
  as permissive for select to authenticated
  using (( SELECT agents.can_operate_ai_lenser(tool_profiles.ai_lenser_id) AS can_operate_ai_lenser));

create policy tool_profiles_update on agents.tool_profiles
  as permissive for update to authenticated
  using (( SELECT agents.can_manage_ai_lenser(tool_profiles.ai_lenser_id) AS can_manage_ai_lenser))
  with check (( SELECT agents.can_manage_ai_lenser(tool_profiles.ai_lenser_id) AS can_manage_ai_lenser));

create trigger tool_profiles_agent_fixed before update on agents.tool_profiles for each row execute procedure agents.tg_profiles_agent_fixed();

create trigger tool_profiles_known_tools before insert or update of allow_tools, deny_tools, tool_groups, provider_overrides on agents.tool_profiles for each row execute procedure agents.tg_tool_profiles_known_tools();

create trigger tool_profiles_set_updated_at before update on agents.tool_profiles for each row execute procedure lensers.tg_set_updated_at();

grant select, delete on table agents.tool_profiles to authenticated;
grant all on table agents.tool_profiles to service_role;
grant insert (ai_lenser_id) on table agents.tool_profiles to authenticated;
grant insert (name), update (name) on table agents.tool_profiles to authenticated;
grant insert (allow_tools), update (allow_tools) on table agents.tool_profiles to authenticated;
grant insert (deny_tools), update (deny_tools) on table agents.tool_profiles to authenticated;
grant insert (tool_groups), update (tool_groups) on table agents.tool_profiles to authenticated;
grant insert (provider_overrides), update (provider_overrides) on table agents.tool_profiles to authenticated;
grant insert (requires_approval), update (requires_approval) on table agents.tool_profiles to authenticated;
grant insert (is_default), update (is_default) on table agents.tool_profiles to authenticated;

-- ==== supabase/schemas/agents/tables/tools_registry.sql
create table agents.tools_registry (
  id uuid default gen_random_uuid() not null,
  key text not null,
  name text not null,
  description text not null,
  input_schema jsonb default '{"type": "object", "properties": {}}'::jsonb not null,
  egress_class agents.tool_egress_class not null,
  requires_approval boolean default false not null,
  tool_group text not null,
  enabled boolean default true not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint tools_registry_pkey PRIMARY KEY (id),
  constraint tools_registry_key_key UNIQUE (key),
  constraint tools_registry_description_length CHECK (((char_length(btrim(description)) >= 1) AND (char_length(btrim(description)) <= 2000))),
  constraint tools_registry_external_write_needs_approval CHECK (((egress_class <> 'external_write'::agents.tool_egress_class) OR requires_approval)),
  constraint tools_registry_group_slug CHECK ((tool_group ~ '^[a-z][a-z0-9_]{1,62}$'::text)),
  constraint tools_registry_input_schema_object CHECK (((jsonb_typeof(input_schema) = 'object'::text) AND ((input_schema ->> 'type'::text) = 'object'::text) AND ((NOT (input_schema ? 'properties'::text)) OR (jsonb_typeof((input_schema -> 'properties'::text)) = 'object'::text)) AND ((NOT (input_schema ? 'required'::text)) OR (jsonb_typeof((input_schema -> 'required'::text)) = 'array'::text)))),
  constraint tools_registry_key_slug CHECK ((key ~ '^[a-z][a-z0-9_]{1,62}$'::text)),
  constraint tools_registry_name_length CHECK (((char_length(btrim(name)) >= 1) AND (char_length(btrim(name)) <= 120)))
);

alter table agents.tools_registry enable row level security;
comment on table agents.tools_registry is 'Tools agents may call. Tool profiles allow or deny them by key or tool_group.';
comment on column agents.tools_registry.egress_class is 'How far the tool reaches: none (pure computation), internal (this project''s data), external_read, external_write.';
comment on column agents.tools_registry.requires_approval is 'When true every invocation waits for an owner''s approval, whatever the tool profile says.';

create index tools_registry_group_idx on agents.tools_registry using btree (tool_group);

create policy tools_registry_read on agents.tools_registry
  as permissive for select to authenticated
  using (true);

create trigger tools_registry_set_updated_at before update on agents.tools_registry for each row execute procedure lensers.tg_set_updated_at();

grant select on table agents.tools_registry to authenticated;
grant all on table agents.tools_registry to service_role;

-- ==== supabase/schemas/agents/tables/tool_invocations.sql
create table agents.tool_invocations (
  id uuid default gen_random_uuid() not null,
  ai_lenser_id uuid not null,
  tool_id uuid not null,
  tool_profile_id uuid,
  status agents.tool_invocation_status default 'requested'::agents.tool_invocation_status not null,
  requires_approval boolean default false not null,
  input jsonb default '{}'::jsonb not null,
  output jsonb,
  error text,
  approved_by uuid,
  approved_at timestamp with time zone,
  rejected_by uuid,
  rejected_at timestamp with time zone,
  rejected_reason text,
  cost_credits numeric(14,6) default 0 not null,
  step_id uuid,
  workflow_node_result_id uuid,
  requested_by uuid,
  created_at timestamp with time zone default now() not null,
  started_at timestamp with time zone,
  completed_at timestamp with time zone,
  updated_at timestamp with time zone default now() not null,
  constraint tool_invocations_pkey PRIMARY KEY (id),
  constraint tool_invocations_approved_state CHECK (((approved_at IS NOT NULL) = (requires_approval AND (status = ANY (ARRAY['approved'::agents.tool_invocation_status, 'running'::agents.tool_invocation_status, 'succeeded'::agents.tool_invocation_status, 'failed'::agents.tool_invocation_status]))))),
  constraint tool_invocations_completed_state CHECK (((completed_at IS NOT NULL) = (status = ANY (ARRAY['rejected'::agents.tool_invocation_status, 'succeeded'::agents.tool_invocation_status, 'failed'::agents.tool_invocation_status])))),
  constraint tool_invocations_cost_not_negative CHECK ((cost_credits >= (0)::numeric)),
  constraint tool_invocations_error_length CHECK (((char_length(error) >= 1) AND (char_length(error) <= 10000))),
  constraint tool_invocations_failed_has_error CHECK (((status = 'failed'::agents.tool_invocation_status) = (error IS NOT NULL))),
  constraint tool_invocations_input_object CHECK ((jsonb_typeof(input) = 'object'::text)),
  constraint tool_invocations_rejected_reason_length CHECK (((char_length(rejected_reason) >= 1) AND (char_length(rejected_reason) <= 2000))),
  constraint tool_invocations_rejected_state CHECK ((((status = 'rejected'::agents.tool_invocation_status) = (rejected_at IS NOT NULL)) AND ((status = 'rejected'::agents.tool_invocation_status) = (rejected_reason IS NOT NULL)))),
  constraint tool_invocations_started_state CHECK (((started_at IS NOT NULL) = (status = ANY (ARRAY['running'::agents.tool_invocation_status, 'succeeded'::agents.tool_invocation_status, 'failed'::agents.tool_invocation_status])))),
  constraint tool_invocations_ai_lenser_id_fkey FOREIGN KEY (ai_lenser_id) REFERENCES agents.ai_lensers(id) ON DELETE CASCADE,
  constraint tool_invocations_approved_by_fkey FOREIGN KEY (approved_by) REFERENCES lensers.profiles(id) ON DELETE SET NULL,
  constraint tool_invocations_profile_fk FOREIGN KEY (tool_profile_id, ai_lenser_id) REFERENCES agents.tool_profiles(id, ai_lenser_id) ON DELETE SET NULL (tool_profile_id),
  constraint tool_invocations_rejected_by_fkey FOREIGN KEY (rejected_by) REFERENCES lensers.profiles(id) ON DELETE SET NULL,
  constraint tool_invocations_requested_by_fkey FOREIGN KEY (requested_by) REFERENCES lensers.profiles(id) ON DELETE SET NULL,
  constraint tool_invocations_tool_id_fkey FOREIGN KEY (tool_id) REFERENCES agents.tools_registry(id) ON DELETE RESTRICT
);

alter table agents.tool_invocations enable row level security;
comment on table agents.tool_invocations is 'Every tool call: input, output, status lifecycle, approval decision, cost and what caused it.';
comment on column agents.tool_invocations.tool_profile_id is 'The agent''s tool profile that allowed the call (null once that profile is deleted).';
comment on column agents.tool_invocations.requires_approval is 'Decided at invocation: the tool or the profile required an owner''s approval.';
comment on column agents.tool_invocations.cost_credits is 'What the call cost, in credits, recorded at completion.';
comment on column agents.tool_invocations.step_id is 'The agents.agent_run_steps row the call belongs to (that table and its foreign key come with team runs).';
comment on column agents.tool_invocations.workflow_node_result_id is 'The lenses.workflow_node_results row the call belongs to (its foreign key comes with workflow runs).';

create index tool_invocations_agent_idx on agents.tool_invocations using btree (ai_lenser_id, created_at DESC);

create index tool_invocations_approved_by_idx on agents.tool_invocations using btree (approved_by);

create index tool_invocations_awaiting_idx on agents.tool_invocations using btree (ai_lenser_id) where (status = 'awaiting_approval'::agents.tool_invocation_status);

create index tool_invocations_node_result_idx on agents.tool_invocations using btree (workflow_node_result_id);

create index tool_invocations_profile_idx on agents.tool_invocations using btree (tool_profile_id, ai_lenser_id);

create index tool_invocations_rejected_by_idx on agents.tool_invocations using btree (rejected_by);

create index tool_invocations_requested_by_idx on agents.tool_invocations using btree (requested_by);

create index tool_invocations_step_idx on agents.tool_invocations using btree (step_id);

create index tool_invocations_tool_idx on agents.tool_invocations using btree (tool_id);

create policy tool_invocations_insert on agents.tool_invocations
  as permissive for insert to authenticated
  with check (( SELECT agents.can_operate_ai_lenser(tool_invocations.ai_lenser_id) AS can_operate_ai_lenser));

create policy tool_invocations_select on agents.tool_invocations
  as permissive for select to authenticated
  using (( SELECT agents.can_operate_ai_lenser(tool_invocations.ai_lenser_id) AS can_operate_ai_lenser));

create policy tool_invocations_update on agents.tool_invocations
  as permissive for update to authenticated
  using (( SELECT agents.can_operate_ai_lenser(tool_invocations.ai_lenser_id) AS can_operate_ai_lenser))
  with check (( SELECT agents.can_operate_ai_lenser(tool_invocations.ai_lenser_id) AS can_operate_ai_lenser));

create trigger tool_invocations_lifecycle before insert or update on agents.tool_invocations for each row execute procedure agents.tg_tool_invocations_lifecycle();

create trigger tool_invocations_set_updated_at before update on agents.tool_invocations for each row execute procedure lensers.tg_set_updated_at();

grant select on table agents.tool_invocations to authenticated;
grant all on table agents.tool_invocations to service_role;
grant insert (ai_lenser_id) on table agents.tool_invocations to authenticated;
grant insert (tool_id) on table agents.tool_invocations to authenticated;
grant insert (tool_profile_id) on table agents.tool_invocations to authenticated;
grant update (status) on table agents.tool_invocations to authenticated;
grant insert (input) on table agents.tool_invocations to authenticated;
grant update (output) on table agents.tool_invocations to authenticated;
grant update (error) on table agents.tool_invocations to authenticated;
grant update (rejected_reason) on table agents.tool_invocations to authenticated;
grant update (cost_credits) on table agents.tool_invocations to authenticated;
grant insert (step_id) on table agents.tool_invocations to authenticated;
grant insert (workflow_node_result_id) on table agents.tool_invocations to authenticated;

-- ==== supabase/schemas/lenses/tables/lenses.sql
create table lenses.lenses (
  id uuid default gen_random_uuid() not null,
  lenser_id uuid not null,
  title text not null,
  description text,
  content text,
  visibility lenses.visibility default 'private'::lenses.visibility not null,
  status lenses.lens_status default 'draft'::lenses.lens_status not null,
  tags text[] default '{}'::text[] not null,
  params jsonb default '{}'::jsonb not null,
  published_at timestamp with time zone,
  archived_at timestamp with time zone,
  created_by uuid,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint lenses_pkey PRIMARY KEY (id),
  constraint lenses_archived_at_set CHECK (((status = 'archived'::lenses.lens_status) = (archived_at IS NOT NULL))),
  constraint lenses_content_length CHECK ((char_length(content) <= 100000)),
  constraint lenses_description_length CHECK ((char_length(description) <= 10000)),
  constraint lenses_params_shape CHECK ((cardinality(lenses.fn_lens_params_errors(params)) = 0)),
  constraint lenses_published_at_set CHECK (((status <> 'published'::lenses.lens_status) OR (published_at IS NOT NULL))),
  constraint lenses_tags_valid CHECK (lenses.fn_tags_valid(tags)),
  constraint lenses_title_length CHECK (((char_length(btrim(title)) >= 1) AND (char_length(btrim(title)) <= 200))),
  constraint lenses_created_by_fkey FOREIGN KEY (created_by) REFERENCES lensers.profiles(id) ON DELETE SET NULL,
  constraint lenses_lenser_id_fkey FOREIGN KEY (lenser_id) REFERENCES lensers.profiles(id) ON DELETE CASCADE
);

alter table lenses.lenses enable row level security;
comment on table lenses.lenses is 'A lens: an authored prompt template, versioned in lenses.versions. Status is derived from archived_at and the versions.';
comment on column lenses.lenses.content is 'Long-form description of the lens (markdown), shown on its page.';
comment on column lenses.lenses.status is 'Derived: archived when archived_at is set, else published while a version is published, else draft.';
comment on column lenses.lenses.params is 'UI metadata for the lens form (types/lens-params.ts): prefill defaults, icon, colour, field order. Rendering ignores it.';

create index lenses_created_by_idx on lenses.lenses using btree (created_by);

create index lenses_lenser_idx on lenses.lenses using btree (lenser_id, status);

create index lenses_tags_idx on lenses.lenses using gin (tags);

create index lenses_visibility_idx on lenses.lenses using btree (visibility, status);

create policy lenses_insert on lenses.lenses
  as permissive for insert to authenticated
  with check ((lenser_id IN ( SELECT lensers.editable_profile_ids() AS editable_profile_ids)));

create policy lenses_select on lenses.lenses
  as permissive for select to authenticated
  using (((visibility = 'public'::lenses.visibility) OR (lenser_id IN ( SELECT lensers.actable_profile_ids() AS actable_profile_ids))));

create policy lenses_select_anon on lenses.lenses
  as permissive for select to anon
  using ((visibility = 'public'::lenses.visibility));

create policy lenses_update on lenses.lenses
  as permissive for update to authenticated
  using ((lenser_id IN ( SELECT lensers.editable_profile_ids() AS editable_profile_ids)))
  with check ((lenser_id IN ( SELECT lensers.editable_profile_ids() AS editable_profile_ids)));

create trigger lenses_derive_status before insert or update on lenses.lenses for each row execute procedure lenses.tg_lenses_derive_status();

create trigger lenses_set_updated_at before update on lenses.lenses for each row execute procedure lensers.tg_set_updated_at();

grant select on table lenses.lenses to anon, authenticated;
grant all on table lenses.lenses to service_role;
grant insert (lenser_id) on table lenses.lenses to authenticated;
grant insert (title), update (title) on table lenses.lenses to authenticated;
grant insert (description), update (description) on table lenses.lenses to authenticated;
grant insert (content), update (content) on table lenses.lenses to authenticated;
grant insert (visibility), update (visibility) on table lenses.lenses to authenticated;
grant insert (tags), update (tags) on table lenses.lenses to authenticated;
grant insert (params), update (params) on table lenses.lenses to authenticated;
grant update (archived_at) on table lenses.lenses to authenticated;
grant insert (created_by) on table lenses.lenses to authenticated;

-- ==== supabase/schemas/lenses/tables/tools.sql
create table lenses.tools (
  id uuid default gen_random_uuid() not null,
  key text not null,
  name text not null,
  category lenses.tool_category not null,
  type lenses.param_type not null,
  description text not null,
  default_config jsonb default '{}'::jsonb not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint tools_pkey PRIMARY KEY (id),
  constraint tools_id_type_key UNIQUE (id, type),
  constraint tools_key_key UNIQUE (key),
  constraint tools_default_config_shape CHECK ((cardinality(lenses.fn_param_config_errors(type, default_config, false)) = 0)),
  constraint tools_description_length CHECK (((char_length(description) >= 1) AND (char_length(description) <= 500))),
  constraint tools_key_slug CHECK ((key ~ '^[a-z][a-z0-9_]{1,39}$'::text)),
  constraint tools_name_length CHECK (((char_length(btrim(name)) >= 1) AND (char_length(btrim(name)) <= 80)))
);

alter table lenses.tools enable row level security;
comment on table lenses.tools is 'Parameter type registry: what a [[label]] in a lens template can be bound to.';

create policy tools_read on lenses.tools
  as permissive for select to authenticated
  using (true);

create policy tools_read_anon on lenses.tools
  as permissive for select to anon
  using (true);

create trigger tools_set_updated_at before update on lenses.tools for each row execute procedure lensers.tg_set_updated_at();

grant select on table lenses.tools to anon, authenticated;
grant all on table lenses.tools to service_role;

-- ==== supabase/schemas/lenses/tables/versions.sql
create table lenses.versions (
  id uuid default gen_random_uuid() not null,
  lens_id uuid not null,
  version_number integer not null,
  template_body text not null,
  status lenses.lens_status default 'draft'::lenses.lens_status not null,
  input_contract jsonb,
  output_contract jsonb,
  instruction_category lenses.instruction_category default 'instruction'::lenses.instruction_category not null,
  published_at timestamp with time zone,
  archived_at timestamp with time zone,
  created_by uuid,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint versions_pkey PRIMARY KEY (id),
  constraint versions_number_per_lens UNIQUE (lens_id, version_number),
  constraint versions_archived_at_set CHECK (((status = 'archived'::lenses.lens_status) = (archived_at IS NOT NULL))),
  constraint versions_input_contract_shape CHECK (((input_contract IS NULL) OR (cardinality(lenses.fn_contract_errors(input_contract, 'input'::text)) = 0))),
  constraint versions_number_positive CHECK ((version_number >= 1)),
  constraint versions_output_contract_shape CHECK (((output_contract IS NULL) OR (cardinality(lenses.fn_contract_errors(output_contract, 'output'::text)) = 0))),
  constraint versions_published_at_set CHECK ((((status = 'draft'::lenses.lens_status) = (published_at IS NULL)) OR (status = 'archived'::lenses.lens_status))),
  constraint versions_template_length CHECK (((char_length(template_body) >= 1) AND (char_length(template_body) <= 100000))),
  constraint versions_created_by_fkey FOREIGN KEY (created_by) REFERENCES lensers.profiles(id) ON DELETE SET NULL,
  constraint versions_lens_id_fkey FOREIGN KEY (lens_id) REFERENCES lenses.lenses(id) ON DELETE CASCADE
);

alter table lenses.versions enable row level security;
comment on table lenses.versions is 'Versioned lens bodies with [[label]] placeholders and contracts. Published versions are immutable.';
comment on column lenses.versions.version_number is 'Per lens, 1..N without gaps, assigned by the insert trigger.';
comment on column lenses.versions.input_contract is 'types/contracts.ts InputContract, or null for none.';
comment on column lenses.versions.output_contract is 'types/contracts.ts OutputContract (kind and artifactKind), or null for none.';

create index versions_created_by_idx on lenses.versions using btree (created_by);

create index versions_lens_idx on lenses.versions using btree (lens_id, status);

create policy versions_insert on lenses.versions
  as permissive for insert to authenticated
  with check ((lens_id IN ( SELECT l.id
   FROM lenses.lenses l
  WHERE (l.lenser_id IN ( SELECT lensers.editable_profile_ids() AS editable_profile_ids)))));

create policy versions_select on lenses.versions
  as permissive for select to authenticated
  using ((((status <> 'draft'::lenses.lens_status) AND (lens_id IN ( SELECT l.id
   FROM lenses.lenses l
  WHERE (l.visibility = 'public'::lenses.visibility)))) OR (lens_id IN ( SELECT l.id
   FROM lenses.lenses l
  WHERE (l.lenser_id IN ( SELECT lensers.actable_profile_ids() AS actable_profile_ids))))));

create policy versions_select_anon on lenses.versions
  as permissive for select to anon
  using (((status <> 'draft'::lenses.lens_status) AND (lens_id IN ( SELECT l.id
   FROM lenses.lenses l
  WHERE (l.visibility = 'public'::lenses.visibility)))));

create policy versions_update on lenses.versions
  as permissive for update to authenticated
  using ((lens_id IN ( SELECT l.id
   FROM lenses.lenses l
  WHERE (l.lenser_id IN ( SELECT lensers.editable_profile_ids() AS editable_profile_ids)))))
  with check ((lens_id IN ( SELECT l.id
   FROM lenses.lenses l
  WHERE (l.lenser_id IN ( SELECT lensers.editable_profile_ids() AS editable_profile_ids)))));

create trigger versions_before_insert before insert on lenses.versions for each row execute procedure lenses.tg_versions_before_insert();

create trigger versions_guard_delete before delete on lenses.versions for each row execute procedure lenses.tg_versions_guard_delete();

create trigger versions_guard_update before update on lenses.versions for each row execute procedure lenses.tg_versions_guard_update();

create trigger versions_set_updated_at before update on lenses.versions for each row execute procedure lensers.tg_set_updated_at();

create trigger versions_sync_lens_status after insert or delete or update of status on lenses.versions for each row execute procedure lenses.tg_versions_sync_lens_status();

grant select on table lenses.versions to anon, authenticated;
grant all on table lenses.versions to service_role;
grant insert (lens_id) on table lenses.versions to authenticated;
grant insert (template_body), update (template_body) on table lenses.versions to authenticated;
grant update (status) on table lenses.versions to authenticated;
grant insert (input_contract), update (input_contract) on table lenses.versions to authenticated;
grant insert (output_contract), update (output_contract) on table lenses.versions to authenticated;
grant insert (instruction_category), update (instruction_category) on table lenses.versions to authenticated;
grant insert (created_by) on table lenses.versions to authenticated;

-- ==== supabase/schemas/lenses/tables/version_parameters.sql
create table lenses.version_parameters (
  id uuid default gen_random_uuid() not null,
  version_id uuid not null,
  tool_id uuid not null,
  param_type lenses.param_type not null,
  label text not null,
  display_name text not null,
  required boolean default false not null,
  default_value jsonb,
  config jsonb default '{}'::jsonb not null,
  sort_order integer default 0 not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint version_parameters_pkey PRIMARY KEY (id),
  constraint version_parameters_label_per_version UNIQUE (version_id, label),
  constraint version_parameters_config_shape CHECK ((cardinality(lenses.fn_param_config_errors(param_type, config, true)) = 0)),
  constraint version_parameters_display_name_length CHECK (((char_length(btrim(display_name)) >= 1) AND (char_length(btrim(display_name)) <= 120))),
  constraint version_parameters_label_identifier CHECK ((label ~ '^[A-Za-z_][A-Za-z0-9_]{0,62}$'::text)),
  constraint version_parameters_sort_order CHECK (((sort_order >= 0) AND (sort_order <= 10000))),
  constraint version_parameters_tool_fk FOREIGN KEY (tool_id, param_type) REFERENCES lenses.tools(id, type),
  constraint version_parameters_version_id_fkey FOREIGN KEY (version_id) REFERENCES lenses.versions(id) ON DELETE CASCADE
);

alter table lenses.version_parameters enable row level security;
comment on table lenses.version_parameters is 'One row per [[label]] of a version: its tool (type), display name, required flag, default and config.';
comment on column lenses.version_parameters.default_value is 'Used when a render gives no value; null for none. Type-checked like a rendered value.';
comment on column lenses.version_parameters.config is 'types/param-config.ts for the type; overlays the tool''s default_config (effective config = tool default || this).';

create index version_parameters_tool_idx on lenses.version_parameters using btree (tool_id, param_type);

create policy version_parameters_delete on lenses.version_parameters
  as permissive for delete to authenticated
  using ((version_id IN ( SELECT v.id
   FROM (lenses.versions v
     JOIN lenses.lenses l ON ((l.id = v.lens_id)))
  WHERE (l.lenser_id IN ( SELECT lensers.editable_profile_ids() AS editable_profile_ids)))));

create policy version_parameters_insert on lenses.version_parameters
  as permissive for insert to authenticated
  with check ((version_id IN ( SELECT v.id
   FROM (lenses.versions v
     JOIN lenses.lenses l ON ((l.id = v.lens_id)))
  WHERE (l.lenser_id IN ( SELECT lensers.editable_profile_ids() AS editable_profile_ids)))));

create policy version_parameters_select on lenses.version_parameters
  as permissive for select to authenticated
  using ((version_id IN ( SELECT v.id
   FROM lenses.versions v)));

create policy version_parameters_select_anon on lenses.version_parameters
  as permissive for select to anon
  using ((version_id IN ( SELECT v.id
   FROM lenses.versions v)));

create policy version_parameters_update on lenses.version_parameters
  as permissive for update to authenticated
  using ((version_id IN ( SELECT v.id
   FROM (lenses.versions v
     JOIN lenses.lenses l ON ((l.id = v.lens_id)))
  WHERE (l.lenser_id IN ( SELECT lensers.editable_profile_ids() AS editable_profile_ids)))))
  with check ((version_id IN ( SELECT v.id
   FROM (lenses.versions v
     JOIN lenses.lenses l ON ((l.id = v.lens_id)))
  WHERE (l.lenser_id IN ( SELECT lensers.editable_profile_ids() AS editable_profile_ids)))));

create trigger version_parameters_guard before insert or delete or update on lenses.version_parameters for each row execute procedure lenses.tg_version_parameters_guard();

create trigger version_parameters_set_updated_at before update on lenses.version_parameters for each row execute procedure lensers.tg_set_updated_at();

grant select on table lenses.version_parameters to anon;
grant select, delete on table lenses.version_parameters to authenticated;
grant all on table lenses.version_parameters to service_role;
grant insert (version_id) on table lenses.version_parameters to authenticated;
grant insert (tool_id), update (tool_id) on table lenses.version_parameters to authenticated;
grant insert (label), update (label) on table lenses.version_parameters to authenticated;
grant insert (display_name), update (display_name) on table lenses.version_parameters to authenticated;
grant insert (required), update (required) on table lenses.version_parameters to authenticated;
grant insert (default_value), update (default_value) on table lenses.version_parameters to authenticated;
grant insert (config), update (config) on table lenses.version_parameters to authenticated;
grant insert (sort_order), update (sort_order) on table lenses.version_parameters to authenticated;

-- ==== supabase/schemas/lenses/tables/workflows.sql
create table lenses.workflows (
  id uuid default gen_random_uuid() not null,
  lenser_id uuid not null,
  title text not null,
  description text,
  visibility lenses.visibility default 'private'::lenses.visibility not null,
  status lenses.workflow_status default 'draft'::lenses.workflow_status not null,
  tags text[] default '{}'::text[] not null,
  published_at timestamp with time zone,
  archived_at timestamp with time zone,
  created_by uuid,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint workflows_pkey PRIMARY KEY (id),
  constraint workflows_archived_at_set CHECK (((status = 'archived'::lenses.workflow_status) = (archived_at IS NOT NULL))),
  constraint workflows_description_length CHECK ((char_length(description) <= 10000)),
  constraint workflows_published_at_set CHECK (((status <> 'published'::lenses.workflow_status) OR (published_at IS NOT NULL))),
  constraint workflows_tags_valid CHECK (lenses.fn_tags_valid(tags)),
  constraint workflows_title_length CHECK (((char_length(btrim(title)) >= 1) AND (char_length(btrim(title)) <= 200))),
  constraint workflows_created_by_fkey FOREIGN KEY (created_by) REFERENCES lensers.profiles(id) ON DELETE SET NULL,
  constraint workflows_lenser_id_fkey FOREIGN KEY (lenser_id) REFERENCES lensers.profiles(id) ON DELETE CASCADE
);

alter table lenses.workflows enable row level security;
comment on table lenses.workflows is 'A DAG of lens nodes. Published workflows can be run; archived ones are read-only.';

create index workflows_created_by_idx on lenses.workflows using btree (created_by);

create index workflows_lenser_idx on lenses.workflows using btree (lenser_id, status);

create index workflows_visibility_idx on lenses.workflows using btree (visibility, status);

create policy workflows_delete on lenses.workflows
  as permissive for delete to authenticated
  using (((lenser_id IN ( SELECT lensers.editable_profile_ids() AS editable_profile_ids)) AND (status = 'draft'::lenses.workflow_status)));

create policy workflows_insert on lenses.workflows
  as permissive for insert to authenticated
  with check ((lenser_id IN ( SELECT lensers.editable_profile_ids() AS editable_profile_ids)));

create policy workflows_select on lenses.workflows
  as permissive for select to authenticated
  using (((visibility = 'public'::lenses.visibility) OR (lenser_id IN ( SELECT lensers.actable_profile_ids() AS actable_profile_ids))));

create policy workflows_select_anon on lenses.workflows
  as permissive for select to anon
  using ((visibility = 'public'::lenses.visibility));

create policy workflows_update on lenses.workflows
  as permissive for update to authenticated
  using ((lenser_id IN ( SELECT lensers.editable_profile_ids() AS editable_profile_ids)))
  with check ((lenser_id IN ( SELECT lensers.editable_profile_ids() AS editable_profile_ids)));

create trigger workflows_compile_plan after update of status on lenses.workflows for each row when (old.status = 'draft'::lenses.workflow_status AND new.status = 'published'::lenses.workflow_status) execute procedure lenses.tg_workflows_compile_plan();

create trigger workflows_lifecycle before insert or update on lenses.workflows for each row execute procedure lenses.tg_workflows_lifecycle();

create trigger workflows_set_updated_at before update on lenses.workflows for each row execute procedure lensers.tg_set_updated_at();

grant select on table lenses.workflows to anon;
grant select, insert, update, delete on table lenses.workflows to authenticated;
grant all on table lenses.workflows to service_role;

-- ==== supabase/schemas/agents/tables/workflow_assignments.sql
create table agents.workflow_assignments (
  id uuid default gen_random_uuid() not null,
  workflow_id uuid not null,
  assignee_kind agents.assignee_kind not null,
  assignee_ai_lenser_id uuid,
  assignee_team_id uuid,
  status agents.assignment_status default 'active'::agents.assignment_status not null,
  approval_policy jsonb default '{"requiresApproval": true}'::jsonb not null,
  retry_policy jsonb default '{"maxRetries": 1}'::jsonb not null,
  failure_policy jsonb default '{"mode": "isolate"}'::jsonb not null,
  queue_policy jsonb default '{"mode": "parallel"}'::jsonb not null,
  output_destination jsonb default '{}'::jsonb not null,
  disabled_at timestamp with time zone,
  created_by uuid,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint workflow_assignments_pkey PRIMARY KEY (id),
  constraint workflow_assignments_approval_policy_shape CHECK ((agents.fn_approval_policy_errors(approval_policy) = ARRAY[]::text[])),
  constraint workflow_assignments_disabled_at_set CHECK (((status = 'disabled'::agents.assignment_status) = (disabled_at IS NOT NULL))),
  constraint workflow_assignments_exactly_one_assignee CHECK ((((assignee_kind = 'agent'::agents.assignee_kind) AND (assignee_ai_lenser_id IS NOT NULL) AND (assignee_team_id IS NULL)) OR ((assignee_kind = 'team'::agents.assignee_kind) AND (assignee_team_id IS NOT NULL) AND (assignee_ai_lenser_id IS NULL)))),
  constraint workflow_assignments_failure_policy_shape CHECK ((agents.fn_failure_policy_errors(failure_policy) = ARRAY[]::text[])),
  constraint workflow_assignments_output_destination_shape CHECK ((agents.fn_output_destination_errors(output_destination) = ARRAY[]::text[])),
  constraint workflow_assignments_queue_policy_shape CHECK ((agents.fn_queue_policy_errors(queue_policy) = ARRAY[]::text[])),
  constraint workflow_assignments_retry_policy_shape CHECK ((agents.fn_retry_policy_errors(retry_policy) = ARRAY[]::text[])),
  constraint workflow_assignments_assignee_ai_lenser_id_fkey FOREIGN KEY (assignee_ai_lenser_id) REFERENCES agents.ai_lensers(id) ON DELETE CASCADE,
  constraint workflow_assignments_assignee_team_id_fkey FOREIGN KEY (assignee_team_id) REFERENCES agents.teams(id) ON DELETE CASCADE,
  constraint workflow_assignments_created_by_fkey FOREIGN KEY (created_by) REFERENCES lensers.profiles(id) ON DELETE SET NULL,
  constraint workflow_assignments_workflow_id_fkey FOREIGN KEY (workflow_id) REFERENCES lenses.workflows(id) ON DELETE CASCADE
);

alter table agents.workflow_assignments enable row level security;
comment on table agents.workflow_assignments is 'A workflow bound to an agent or a team, with approval, retry, failure, queue and output policies.';
comment on column agents.workflow_assignments.approval_policy is '{requiresApproval, approverRoles?}: whether a start waits for approval.';
comment on column agents.workflow_assignments.retry_policy is '{maxRetries, backoffMs?, backoffMultiplier?, maxBackoffMs?}.';
comment on column agents.workflow_assignments.failure_policy is '{mode: isolate | stop_run}.';
comment on column agents.workflow_assignments.queue_policy is '{mode: parallel | serial | skip_if_running, maxConcurrent?}.';
comment on column agents.workflow_assignments.output_destination is '{} or {kind: none | memory | webhook | channel, ...}.';

create index workflow_assignments_agent_idx on agents.workflow_assignments using btree (assignee_ai_lenser_id);

create index workflow_assignments_created_by_idx on agents.workflow_assignments using btree (created_by);

create unique index workflow_assignments_one_active on agents.workflow_assignments using btree (workflow_id, assignee_kind, COALESCE(assignee_ai_lenser_id, assignee_team_id)) where (status = 'active'::agents.assignment_status);

create index workflow_assignments_team_idx on agents.workflow_assignments using btree (assignee_team_id);

create index workflow_assignments_workflow_idx on agents.workflow_assignments using btree (workflow_id);

create policy workflow_assignments_insert on agents.workflow_assignments
  as permissive for insert to authenticated
  with check (((( SELECT agents.can_manage_ai_lenser(workflow_assignments.assignee_ai_lenser_id) AS can_manage_ai_lenser) OR (assignee_team_id IN ( SELECT agents.editable_team_ids() AS editable_team_ids))) AND (EXISTS ( SELECT 1
   FROM lenses.workflows w
  WHERE (w.id = workflow_assignments.workflow_id)))));

create policy workflow_assignments_select on agents.workflow_assignments
  as permissive for select to authenticated
  using ((( SELECT agents.can_operate_ai_lenser(workflow_assignments.assignee_ai_lenser_id) AS can_operate_ai_lenser) OR (assignee_team_id IN ( SELECT agents.actable_team_ids() AS actable_team_ids))));

create policy workflow_assignments_update on agents.workflow_assignments
  as permissive for update to authenticated
  using ((( SELECT agents.can_manage_ai_lenser(workflow_assignments.assignee_ai_lenser_id) AS can_manage_ai_lenser) OR (assignee_team_id IN ( SELECT agents.editable_team_ids() AS editable_team_ids))))
  with check ((( SELECT agents.can_manage_ai_lenser(workflow_assignments.assignee_ai_lenser_id) AS can_manage_ai_lenser) OR (assignee_team_id IN ( SELECT agents.editable_team_ids() AS editable_team_ids))));

create trigger workflow_assignments_fixed before insert or update on agents.workflow_assignments for each row execute procedure agents.tg_workflow_assignments_fixed();

create trigger workflow_assignments_set_updated_at before update on agents.workflow_assignments for each row execute procedure lensers.tg_set_updated_at();

grant select on table agents.workflow_assignments to authenticated;
grant all on table agents.workflow_assignments to service_role;
grant insert (workflow_id) on table agents.workflow_assignments to authenticated;
grant insert (assignee_kind) on table agents.workflow_assignments to authenticated;
grant insert (assignee_ai_lenser_id) on table agents.workflow_assignments to authenticated;
grant insert (assignee_team_id) on table agents.workflow_assignments to authenticated;
grant insert (status), update (status) on table agents.workflow_assignments to authenticated;
grant insert (approval_policy), update (approval_policy) on table agents.workflow_assignments to authenticated;
grant insert (retry_policy), update (retry_policy) on table agents.workflow_assignments to authenticated;
grant insert (failure_policy), update (failure_policy) on table agents.workflow_assignments to authenticated;
grant insert (queue_policy), update (queue_policy) on table agents.workflow_assignments to authenticated;
grant insert (output_destination), update (output_destination) on table agents.workflow_assignments to authenticated;
grant insert (disabled_at), update (disabled_at) on table agents.workflow_assignments to authenticated;

-- ==== supabase/schemas/lenses/tables/workflow_nodes.sql
create table lenses.workflow_nodes (
  id uuid default gen_random_uuid() not null,
  workflow_id uuid not null,
  key text not null,
  title text,
  kind lenses.workflow_node_kind default 'lens'::lenses.workflow_node_kind not null,
  lens_version_id uuid,
  inline_override jsonb,
  config jsonb default '{}'::jsonb not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint workflow_nodes_pkey PRIMARY KEY (id),
  constraint workflow_nodes_key_per_workflow UNIQUE (workflow_id, key),
  constraint workflow_nodes_body_by_kind CHECK ((((kind = 'lens'::lenses.workflow_node_kind) AND ((lens_version_id IS NULL) <> (inline_override IS NULL))) OR ((kind = 'human_input'::lenses.workflow_node_kind) AND (lens_version_id IS NULL) AND (inline_override IS NULL)))),
  constraint workflow_nodes_config_shape CHECK ((cardinality(lenses.fn_node_config_errors(kind, config)) = 0)),
  constraint workflow_nodes_inline_override_shape CHECK (((inline_override IS NULL) OR (cardinality(lenses.fn_inline_override_errors(inline_override)) = 0))),
  constraint workflow_nodes_key_slug CHECK ((key ~ '^[a-z][a-z0-9_-]{0,62}$'::text)),
  constraint workflow_nodes_title_length CHECK (((char_length(btrim(title)) >= 1) AND (char_length(btrim(title)) <= 200))),
  constraint workflow_nodes_lens_version_id_fkey FOREIGN KEY (lens_version_id) REFERENCES lenses.versions(id),
  constraint workflow_nodes_workflow_id_fkey FOREIGN KEY (workflow_id) REFERENCES lenses.workflows(id) ON DELETE CASCADE
);

alter table lenses.workflow_nodes enable row level security;
comment on table lenses.workflow_nodes is 'Nodes of a workflow: a lens (a version, or an inline override) or a human input. Config per types/workflow-node-config.ts.';
comment on column lenses.workflow_nodes.key is 'Slug, unique in its workflow; names the node in errors, merges and provenance.';
comment on column lenses.workflow_nodes.config is 'model_id (ai.models), timeout_ms, retry {max_retries, backoff_ms, backoff_multiplier, max_backoff_ms}, params, position; prompt for human_input.';

create index workflow_nodes_lens_version_idx on lenses.workflow_nodes using btree (lens_version_id);

create policy workflow_nodes_delete on lenses.workflow_nodes
  as permissive for delete to authenticated
  using ((workflow_id IN ( SELECT w.id
   FROM lenses.workflows w
  WHERE (w.lenser_id IN ( SELECT lensers.editable_profile_ids() AS editable_profile_ids)))));

create policy workflow_nodes_insert on lenses.workflow_nodes
  as permissive for insert to authenticated
  with check ((workflow_id IN ( SELECT w.id
   FROM lenses.workflows w
  WHERE (w.lenser_id IN ( SELECT lensers.editable_profile_ids() AS editable_profile_ids)))));

create policy workflow_nodes_select on lenses.workflow_nodes
  as permissive for select to authenticated
  using ((workflow_id IN ( SELECT w.id
   FROM lenses.workflows w)));

create policy workflow_nodes_select_anon on lenses.workflow_nodes
  as permissive for select to anon
  using ((workflow_id IN ( SELECT w.id
   FROM lenses.workflows w)));

create policy workflow_nodes_update on lenses.workflow_nodes
  as permissive for update to authenticated
  using ((workflow_id IN ( SELECT w.id
   FROM lenses.workflows w
  WHERE (w.lenser_id IN ( SELECT lensers.editable_profile_ids() AS editable_profile_ids)))))
  with check ((workflow_id IN ( SELECT w.id
   FROM lenses.workflows w
  WHERE (w.lenser_id IN ( SELECT lensers.editable_profile_ids() AS editable_profile_ids)))));

create trigger workflow_nodes_guard before insert or delete or update on lenses.workflow_nodes for each row execute procedure lenses.tg_workflow_nodes_guard();

create trigger workflow_nodes_set_updated_at before update on lenses.workflow_nodes for each row execute procedure lensers.tg_set_updated_at();

grant select on table lenses.workflow_nodes to anon;
grant select, delete on table lenses.workflow_nodes to authenticated;
grant all on table lenses.workflow_nodes to service_role;
grant insert (workflow_id) on table lenses.workflow_nodes to authenticated;
grant insert (key), update (key) on table lenses.workflow_nodes to authenticated;
grant insert (title), update (title) on table lenses.workflow_nodes to authenticated;
grant insert (kind) on table lenses.workflow_nodes to authenticated;
grant insert (lens_version_id), update (lens_version_id) on table lenses.workflow_nodes to authenticated;
grant insert (inline_override), update (inline_override) on table lenses.workflow_nodes to authenticated;
grant insert (config), update (config) on table lenses.workflow_nodes to authenticated;

-- ==== supabase/schemas/lenses/tables/workflow_edges.sql
create table lenses.workflow_edges (
  id uuid default gen_random_uuid() not null,
  workflow_id uuid not null,
  source_node_id uuid not null,
  target_node_id uuid not null,
  merge_strategy lenses.merge_strategy default 'last_write_wins'::lenses.merge_strategy not null,
  condition jsonpath,
  source_output_path text,
  target_input_path text,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint workflow_edges_pkey PRIMARY KEY (id),
  constraint workflow_edges_unique UNIQUE NULLS NOT DISTINCT (source_node_id, target_node_id, target_input_path),
  constraint workflow_edges_merge_needs_target CHECK (((merge_strategy = 'last_write_wins'::lenses.merge_strategy) OR (target_input_path IS NOT NULL))),
  constraint workflow_edges_no_self_loop CHECK ((source_node_id <> target_node_id)),
  constraint workflow_edges_source_output_path CHECK ((source_output_path ~ '^[A-Za-z_][A-Za-z0-9_]{0,62}(\.[A-Za-z_][A-Za-z0-9_]{0,62}){0,15}$'::text)),
  constraint workflow_edges_target_input_path CHECK ((target_input_path ~ '^[A-Za-z_][A-Za-z0-9_]{0,62}$'::text)),
  constraint workflow_edges_source_node_id_fkey FOREIGN KEY (source_node_id) REFERENCES lenses.workflow_nodes(id) ON DELETE CASCADE,
  constraint workflow_edges_target_node_id_fkey FOREIGN KEY (target_node_id) REFERENCES lenses.workflow_nodes(id) ON DELETE CASCADE,
  constraint workflow_edges_workflow_id_fkey FOREIGN KEY (workflow_id) REFERENCES lenses.workflows(id) ON DELETE CASCADE
);

alter table lenses.workflow_edges enable row level security;
comment on table lenses.workflow_edges is 'Edges of a workflow: a jsonpath condition on the source output, a dotted source path, a target input field and a merge strategy.';
comment on column lenses.workflow_edges.condition is 'jsonpath evaluated with jsonb_path_match(output, condition, silent => true); active when true; null = always.';
comment on column lenses.workflow_edges.source_output_path is 'Dotted field path into the source output; null = the whole output.';
comment on column lenses.workflow_edges.target_input_path is 'Target input field written; null = the value (an object) is merged into the input.';

create index workflow_edges_target_idx on lenses.workflow_edges using btree (target_node_id);

create index workflow_edges_workflow_idx on lenses.workflow_edges using btree (workflow_id);

create policy workflow_edges_delete on lenses.workflow_edges
  as permissive for delete to authenticated
  using ((workflow_id IN ( SELECT w.id
   FROM lenses.workflows w
  WHERE (w.lenser_id IN ( SELECT lensers.editable_profile_ids() AS editable_profile_ids)))));

create policy workflow_edges_insert on lenses.workflow_edges
  as permissive for insert to authenticated
  with check ((workflow_id IN ( SELECT w.id
   FROM lenses.workflows w
  WHERE (w.lenser_id IN ( SELECT lensers.editable_profile_ids() AS editable_profile_ids)))));

create policy workflow_edges_select on lenses.workflow_edges
  as permissive for select to authenticated
  using ((workflow_id IN ( SELECT w.id
   FROM lenses.workflows w)));

create policy workflow_edges_select_anon on lenses.workflow_edges
  as permissive for select to anon
  using ((workflow_id IN ( SELECT w.id
   FROM lenses.workflows w)));

create policy workflow_edges_update on lenses.workflow_edges
  as permissive for update to authenticated
  using ((workflow_id IN ( SELECT w.id
   FROM lenses.workflows w
  WHERE (w.lenser_id IN ( SELECT lensers.editable_profile_ids() AS editable_profile_ids)))))
  with check ((workflow_id IN ( SELECT w.id
   FROM lenses.workflows w
  WHERE (w.lenser_id IN ( SELECT lensers.editable_profile_ids() AS editable_profile_ids)))));

create trigger workflow_edges_guard before insert or delete or update on lenses.workflow_edges for each row execute procedure lenses.tg_workflow_edges_guard();

create trigger workflow_edges_set_updated_at before update on lenses.workflow_edges for each row execute procedure lensers.tg_set_updated_at();

grant select on table lenses.workflow_edges to anon;
grant select, delete on table lenses.workflow_edges to authenticated;
grant all on table lenses.workflow_edges to service_role;
grant insert (workflow_id) on table lenses.workflow_edges to authenticated;
grant insert (source_node_id) on table lenses.workflow_edges to authenticated;
grant insert (target_node_id) on table lenses.workflow_edges to authenticated;
grant insert (merge_strategy), update (merge_strategy) on table lenses.workflow_edges to authenticated;
grant insert (condition), update (condition) on table lenses.workflow_edges to authenticated;
grant insert (source_output_path), update (source_output_path) on table lenses.workflow_edges to authenticated;
grant insert (target_input_path), update (target_input_path) on table lenses.workflow_edges to authenticated;

-- ==== supabase/schemas/lenses/tables/workflow_node_plans.sql
create table lenses.workflow_node_plans (
  node_id uuid not null,
  workflow_id uuid not null,
  node_key text not null,
  kind lenses.workflow_node_kind not null,
  template_body text,
  parameter_defs jsonb default '[]'::jsonb not null,
  param_labels text[] default '{}'::text[] not null,
  params jsonb default '{}'::jsonb not null,
  input_contract jsonb,
  output_contract jsonb,
  model_id uuid,
  human_prompt text,
  successor_ids uuid[] default '{}'::uuid[] not null,
  predecessor_count integer default 0 not null,
  created_at timestamp with time zone default now() not null,
  constraint workflow_node_plans_pkey PRIMARY KEY (node_id),
  constraint workflow_node_plans_labels_match CHECK ((cardinality(param_labels) = jsonb_array_length(parameter_defs))),
  constraint workflow_node_plans_lens_has_template CHECK (((kind <> 'lens'::lenses.workflow_node_kind) OR (template_body IS NOT NULL))),
  constraint workflow_node_plans_params_object CHECK ((jsonb_typeof(params) = 'object'::text)),
  constraint workflow_node_plans_predecessors CHECK ((predecessor_count >= 0)),
  constraint workflow_node_plans_node_id_fkey FOREIGN KEY (node_id) REFERENCES lenses.workflow_nodes(id) ON DELETE CASCADE,
  constraint workflow_node_plans_workflow_id_fkey FOREIGN KEY (workflow_id) REFERENCES lenses.workflows(id) ON DELETE CASCADE
);

alter table lenses.workflow_node_plans enable row level security;
comment on table lenses.workflow_node_plans is 'Each node of a published workflow as the engine runs it, resolved once at publishing (the graph and its versions are frozen).';
comment on column lenses.workflow_node_plans.human_prompt is 'What a human_input node asks (its config.prompt).';
comment on column lenses.workflow_node_plans.successor_ids is 'Targets of the node''s outgoing edges (each once).';
comment on column lenses.workflow_node_plans.predecessor_count is 'Distinct sources of the node''s incoming edges.';

create index workflow_node_plans_workflow_idx on lenses.workflow_node_plans using btree (workflow_id);

create policy workflow_node_plans_select on lenses.workflow_node_plans
  as permissive for select to authenticated
  using ((workflow_id IN ( SELECT w.id
   FROM lenses.workflows w
  WHERE (w.lenser_id IN ( SELECT lensers.actable_profile_ids() AS actable_profile_ids)))));

grant select on table lenses.workflow_node_plans to authenticated;
grant all on table lenses.workflow_node_plans to service_role;

-- ==== supabase/schemas/lenses/tables/workflow_runs.sql
create table lenses.workflow_runs (
  id uuid default gen_random_uuid() not null,
  workflow_id uuid not null,
  lenser_id uuid not null,
  started_by uuid,
  status lenses.workflow_run_status default 'queued'::lenses.workflow_run_status not null,
  input jsonb default '{}'::jsonb not null,
  output jsonb,
  error_message text,
  active_node_id uuid,
  deadline_at timestamp with time zone,
  max_retries integer default 1 not null,
  failure_mode lenses.failure_mode default 'isolate'::lenses.failure_mode not null,
  recovered_from_run_id uuid,
  recovered_from_node_id uuid,
  total_input_tokens bigint default 0 not null,
  total_output_tokens bigint default 0 not null,
  total_cached_tokens bigint default 0 not null,
  total_cost_credits numeric(14,6) default 0 not null,
  watched_until timestamp with time zone,
  created_at timestamp with time zone default now() not null,
  started_at timestamp with time zone,
  finished_at timestamp with time zone,
  updated_at timestamp with time zone default now() not null,
  constraint workflow_runs_pkey PRIMARY KEY (id),
  constraint workflow_runs_finished_when_terminal CHECK (((status = ANY (ARRAY['completed'::lenses.workflow_run_status, 'failed'::lenses.workflow_run_status, 'cancelled'::lenses.workflow_run_status, 'timed_out'::lenses.workflow_run_status])) = (finished_at IS NOT NULL))),
  constraint workflow_runs_input_object CHECK ((jsonb_typeof(input) = 'object'::text)),
  constraint workflow_runs_max_retries_range CHECK (((max_retries >= 0) AND (max_retries <= 10))),
  constraint workflow_runs_recovery_pair CHECK (((recovered_from_run_id IS NULL) = (recovered_from_node_id IS NULL))),
  constraint workflow_runs_totals_not_negative CHECK (((total_input_tokens >= 0) AND (total_output_tokens >= 0) AND (total_cached_tokens >= 0) AND (total_cost_credits >= (0)::numeric))),
  constraint workflow_runs_lenser_id_fkey FOREIGN KEY (lenser_id) REFERENCES lensers.profiles(id) ON DELETE CASCADE,
  constraint workflow_runs_recovered_from_node_id_fkey FOREIGN KEY (recovered_from_node_id) REFERENCES lenses.workflow_nodes(id) ON DELETE SET NULL,
  constraint workflow_runs_recovered_from_run_id_fkey FOREIGN KEY (recovered_from_run_id) REFERENCES lenses.workflow_runs(id) ON DELETE SET NULL,
  constraint workflow_runs_started_by_fkey FOREIGN KEY (started_by) REFERENCES lensers.profiles(id) ON DELETE SET NULL,
  constraint workflow_runs_workflow_id_fkey FOREIGN KEY (workflow_id) REFERENCES lenses.workflows(id) ON DELETE CASCADE
) with (fillfactor=50);

alter table lenses.workflow_runs enable row level security;
comment on table lenses.workflow_runs is 'One execution of a published workflow. active_node_id drives the inspector.';
comment on column lenses.workflow_runs.active_node_id is 'The node the inspector shows: the latest node that started running, one of this run''s own results.';
comment on column lenses.workflow_runs.watched_until is 'Set (and renewed) by the run-events function while a client streams the run: only then do its events NOTIFY.';

create index workflow_runs_deadline_idx on lenses.workflow_runs using btree (deadline_at) where (status = ANY (ARRAY['queued'::lenses.workflow_run_status, 'pending'::lenses.workflow_run_status, 'running'::lenses.workflow_run_status, 'streaming'::lenses.workflow_run_status, 'recovered'::lenses.workflow_run_status]));

create index workflow_runs_lenser_idx on lenses.workflow_runs using btree (lenser_id, created_at DESC);

create index workflow_runs_recovered_from_node_idx on lenses.workflow_runs using btree (recovered_from_node_id);

create index workflow_runs_recovered_from_run_idx on lenses.workflow_runs using btree (recovered_from_run_id);

create index workflow_runs_started_by_idx on lenses.workflow_runs using btree (started_by, created_at DESC);

create index workflow_runs_workflow_idx on lenses.workflow_runs using btree (workflow_id, created_at DESC);

create policy workflow_runs_select on lenses.workflow_runs
  as permissive for select to authenticated
  using (((started_by IN ( SELECT lensers.actable_profile_ids() AS actable_profile_ids)) OR (lenser_id IN ( SELECT lensers.actable_profile_ids() AS actable_profile_ids))));

create trigger workflow_runs_set_updated_at before update of status, input, output, error_message, active_node_id, deadline_at, started_at, finished_at on lenses.workflow_runs for each row execute procedure lensers.tg_set_updated_at();

grant select on table lenses.workflow_runs to authenticated;
grant all on table lenses.workflow_runs to service_role;

-- ==== supabase/schemas/lenses/tables/workflow_node_results.sql
create table lenses.workflow_node_results (
  id uuid default gen_random_uuid() not null,
  run_id uuid not null,
  node_id uuid not null,
  node_key text not null,
  status lenses.node_result_status not null,
  waiting_reason lenses.waiting_reason,
  attempt_count integer default 0 not null,
  retry_count integer default 0 not null,
  max_retries integer not null,
  timeout_ms integer,
  input_data jsonb,
  output_data jsonb,
  error_kind lenses.task_error_kind,
  error_message text,
  model_id uuid,
  input_tokens bigint default 0 not null,
  output_tokens bigint default 0 not null,
  cached_tokens bigint default 0 not null,
  cost_credits numeric(14,6) default 0 not null,
  duration_ms integer,
  ttfb_ms integer,
  lease_token uuid,
  lease_owner text,
  lease_expires_at timestamp with time zone,
  next_attempt_at timestamp with time zone,
  timeout_at timestamp with time zone,
  reused_from_result_id uuid,
  queued_at timestamp with time zone,
  started_at timestamp with time zone,
  finished_at timestamp with time zone,
  updated_at timestamp with time zone default now() not null,
  constraint workflow_node_results_pkey PRIMARY KEY (id),
  constraint workflow_node_results_one_per_node UNIQUE (run_id, node_id),
  constraint workflow_node_results_counts CHECK (((attempt_count >= 0) AND (retry_count >= 0) AND ((max_retries >= 0) AND (max_retries <= 10)))),
  constraint workflow_node_results_due_when_waiting CHECK (((status = ANY (ARRAY['queued'::lenses.node_result_status, 'retrying'::lenses.node_result_status])) = (next_attempt_at IS NOT NULL))),
  constraint workflow_node_results_finished_when_terminal CHECK (((status = ANY (ARRAY['completed'::lenses.node_result_status, 'failed'::lenses.node_result_status, 'cancelled'::lenses.node_result_status, 'skipped'::lenses.node_result_status, 'timed_out'::lenses.node_result_status, 'invalidated'::lenses.node_result_status])) = (finished_at IS NOT NULL))),
  constraint workflow_node_results_lease_when_running CHECK (((status = ANY (ARRAY['running'::lenses.node_result_status, 'streaming'::lenses.node_result_status])) = ((lease_token IS NOT NULL) AND (lease_expires_at IS NOT NULL)))),
  constraint workflow_node_results_tokens CHECK (((input_tokens >= 0) AND (output_tokens >= 0) AND (cached_tokens >= 0) AND (cost_credits >= (0)::numeric))),
  constraint workflow_node_results_waiting_reason_fits CHECK (
CASE status
    WHEN 'awaiting_dependency'::lenses.node_result_status THEN (waiting_reason = 'dependency'::lenses.waiting_reason)
    WHEN 'queued'::lenses.node_result_status THEN (waiting_reason = 'queued'::lenses.waiting_reason)
    WHEN 'retrying'::lenses.node_result_status THEN (waiting_reason = ANY (ARRAY['rate_limit'::lenses.waiting_reason, 'retry_backoff'::lenses.waiting_reason]))
    WHEN 'blocked'::lenses.node_result_status THEN (waiting_reason = ANY (ARRAY['human_input'::lenses.waiting_reason, 'external_callback'::lenses.waiting_reason]))
    WHEN 'skipped'::lenses.node_result_status THEN (waiting_reason = 'condition_false'::lenses.waiting_reason)
    ELSE (waiting_reason IS NULL)
END),
  constraint workflow_node_results_node_id_fkey FOREIGN KEY (node_id) REFERENCES lenses.workflow_nodes(id) ON DELETE CASCADE,
  constraint workflow_node_results_reused_from_result_id_fkey FOREIGN KEY (reused_from_result_id) REFERENCES lenses.workflow_node_results(id) ON DELETE SET NULL,
  constraint workflow_node_results_run_id_fkey FOREIGN KEY (run_id) REFERENCES lenses.workflow_runs(id) ON DELETE CASCADE
) with (fillfactor=70);

-- lenses.workflow_runs and this table reference each other: this key is added here, once both exist.
alter table lenses.workflow_runs add constraint workflow_runs_active_node_is_own_result FOREIGN KEY (id, active_node_id) REFERENCES lenses.workflow_node_results(run_id, node_id) ON DELETE SET NULL (active_node_id);

alter table lenses.workflow_node_results enable row level security;
comment on table lenses.workflow_node_results is 'The state of one node in one run: the unit workers claim, lease and complete.';
comment on column lenses.workflow_node_results.attempt_count is 'Claims so far (an expired lease counts).';
comment on column lenses.workflow_node_results.retry_count is 'Failures counted against max_retries (rate limits are not).';
comment on column lenses.workflow_node_results.model_id is 'The model the latest attempt ran on (history: no foreign key, see ai.llm_calls for the call itself).';

create index workflow_node_results_due_idx on lenses.workflow_node_results using btree (next_attempt_at) where (status = ANY (ARRAY['queued'::lenses.node_result_status, 'retrying'::lenses.node_result_status]));

create index workflow_node_results_lease_idx on lenses.workflow_node_results using btree (lease_expires_at) where (status = ANY (ARRAY['running'::lenses.node_result_status, 'streaming'::lenses.node_result_status]));

create index workflow_node_results_node_idx on lenses.workflow_node_results using btree (node_id, run_id);

create index workflow_node_results_timeout_idx on lenses.workflow_node_results using btree (timeout_at) where ((status = ANY (ARRAY['running'::lenses.node_result_status, 'streaming'::lenses.node_result_status])) AND (timeout_at IS NOT NULL));

create policy workflow_node_results_select on lenses.workflow_node_results
  as permissive for select to authenticated
  using ((run_id IN ( SELECT r.id
   FROM lenses.workflow_runs r)));

create trigger workflow_node_results_set_updated_at before update on lenses.workflow_node_results for each row execute procedure lensers.tg_set_updated_at();

grant select on table lenses.workflow_node_results to authenticated;
grant all on table lenses.workflow_node_results to service_role;

-- ==== supabase/schemas/lenses/tables/workflow_run_events.sql
create table lenses.workflow_run_events (
  run_id uuid not null,
  event_id bigint not null,
  event_type lenses.run_event_type not null,
  actor_id uuid,
  node_id uuid,
  payload jsonb default '{}'::jsonb not null,
  occurred_at timestamp with time zone default clock_timestamp() not null,
  constraint workflow_run_events_pkey PRIMARY KEY (run_id, event_id),
  constraint workflow_run_events_event_id_positive CHECK ((event_id > 0)),
  constraint workflow_run_events_payload_object CHECK ((jsonb_typeof(payload) = 'object'::text)),
  constraint workflow_run_events_actor_id_fkey FOREIGN KEY (actor_id) REFERENCES lensers.profiles(id) ON DELETE SET NULL,
  constraint workflow_run_events_run_id_fkey FOREIGN KEY (run_id) REFERENCES lenses.workflow_runs(id) ON DELETE CASCADE
);

alter table lenses.workflow_run_events enable row level security;
comment on table lenses.workflow_run_events is 'Append-only event log of a run. event_id is 1, 2, 3... per run with no gap (fn_append_workflow_run_event).';

create index workflow_run_events_actor_idx on lenses.workflow_run_events using btree (actor_id) where (actor_id IS NOT NULL);

create policy workflow_run_events_select on lenses.workflow_run_events
  as permissive for select to authenticated
  using ((run_id IN ( SELECT r.id
   FROM lenses.workflow_runs r)));

create trigger workflow_run_events_append_only before delete or update on lenses.workflow_run_events for each row execute procedure lenses.tg_append_only();

grant select on table lenses.workflow_run_events to authenticated;
grant all on table lenses.workflow_run_events to service_role;

-- ==== supabase/schemas/lenses/tables/workflow_run_provenance.sql
create table lenses.workflow_run_provenance (
  id bigint generated always as identity,
  run_id uuid not null,
  edge_id uuid,
  source_node_id uuid not null,
  source_output_path text not null,
  target_node_id uuid not null,
  target_input_path text not null,
  created_at timestamp with time zone default now() not null,
  constraint workflow_run_provenance_pkey PRIMARY KEY (id),
  constraint workflow_run_provenance_run_id_fkey FOREIGN KEY (run_id) REFERENCES lenses.workflow_runs(id) ON DELETE CASCADE,
  constraint workflow_run_provenance_source_is_own_result FOREIGN KEY (run_id, source_node_id) REFERENCES lenses.workflow_node_results(run_id, node_id) ON DELETE CASCADE,
  constraint workflow_run_provenance_target_is_own_result FOREIGN KEY (run_id, target_node_id) REFERENCES lenses.workflow_node_results(run_id, node_id) ON DELETE CASCADE
);

alter table lenses.workflow_run_provenance enable row level security;
comment on table lenses.workflow_run_provenance is 'Field-level lineage: which source node output path fed which target node input path in a run.';
comment on column lenses.workflow_run_provenance.edge_id is 'The edge of the run''s published graph that carried the value (no foreign key: the graph is frozen and goes only with its runs).';

create index workflow_run_provenance_run_idx on lenses.workflow_run_provenance using btree (run_id, target_node_id);

create index workflow_run_provenance_source_idx on lenses.workflow_run_provenance using btree (run_id, source_node_id);

create policy workflow_run_provenance_select on lenses.workflow_run_provenance
  as permissive for select to authenticated
  using ((run_id IN ( SELECT r.id
   FROM lenses.workflow_runs r)));

create trigger workflow_run_provenance_append_only before delete or update on lenses.workflow_run_provenance for each row execute procedure lenses.tg_append_only();

grant select on table lenses.workflow_run_provenance to authenticated;
grant all on table lenses.workflow_run_provenance to service_role;

-- ==== supabase/schemas/ai/tables/llm_calls.sql
create table ai.llm_calls (
  id uuid default gen_random_uuid() not null,
  provider_id uuid,
  model_id uuid,
  provider_key text not null,
  model_key text not null,
  node_result_id uuid,
  run_id uuid,
  attempt integer,
  status ai.llm_call_status not null,
  error_kind lenses.task_error_kind,
  input_tokens integer default 0 not null,
  output_tokens integer default 0 not null,
  cached_tokens integer default 0 not null,
  cost_credits numeric(14,6) default 0 not null,
  latency_ms integer not null,
  ttft_ms integer,
  metadata jsonb default '{}'::jsonb not null,
  created_at timestamp with time zone default now() not null,
  constraint llm_calls_pkey PRIMARY KEY (id),
  constraint llm_calls_cost CHECK ((cost_credits >= (0)::numeric)),
  constraint llm_calls_error_when_failed CHECK (((status = 'failed'::ai.llm_call_status) = (error_kind IS NOT NULL))),
  constraint llm_calls_latency CHECK (((latency_ms >= 0) AND ((ttft_ms IS NULL) OR ((ttft_ms >= 0) AND (ttft_ms <= latency_ms))))),
  constraint llm_calls_metadata_object CHECK ((jsonb_typeof(metadata) = 'object'::text)),
  constraint llm_calls_run_with_result CHECK (((node_result_id IS NULL) = (run_id IS NULL))),
  constraint llm_calls_tokens CHECK (((input_tokens >= 0) AND (output_tokens >= 0) AND ((cached_tokens >= 0) AND (cached_tokens <= input_tokens)))),
  constraint llm_calls_node_result_id_fkey FOREIGN KEY (node_result_id) REFERENCES lenses.workflow_node_results(id) ON DELETE CASCADE,
  constraint llm_calls_run_id_fkey FOREIGN KEY (run_id) REFERENCES lenses.workflow_runs(id) ON DELETE CASCADE
);

alter table ai.llm_calls enable row level security;
comment on table ai.llm_calls is 'Every model call: tokens in/out/cached, cost from ai.models prices, latency, time to first token.';
comment on column ai.llm_calls.provider_id is 'The catalog provider called (no foreign key: the ledger is history; provider_key names it after the catalog changes).';
comment on column ai.llm_calls.model_id is 'The catalog model called (no foreign key: the ledger is history; model_key names it after the catalog changes).';

create index llm_calls_model_day_idx on ai.llm_calls using btree (model_id, created_at DESC);

create index llm_calls_node_result_idx on ai.llm_calls using btree (node_result_id);

create index llm_calls_run_idx on ai.llm_calls using btree (run_id);

create policy llm_calls_select on ai.llm_calls
  as permissive for select to authenticated
  using ((run_id IN ( SELECT r.id
   FROM lenses.workflow_runs r)));

create trigger llm_calls_append_only before delete or update on ai.llm_calls for each row execute procedure lenses.tg_append_only();

grant select on table ai.llm_calls to authenticated;
grant all on table ai.llm_calls to service_role;

-- ==== supabase/schemas/ai/tables/providers.sql
create table ai.providers (
  id uuid default gen_random_uuid() not null,
  key text not null,
  display_name text not null,
  adapter ai.provider_adapter not null,
  support_level ai.support_level not null,
  base_url text,
  api_key_env text,
  website_url text,
  metadata jsonb default '{}'::jsonb not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint providers_pkey PRIMARY KEY (id),
  constraint providers_key_key UNIQUE (key),
  constraint providers_api_key_env_name CHECK (((api_key_env ~ '^[A-Z][A-Z0-9_]{1,63}$'::text) AND (api_key_env !~ '^SUPABASE_'::text))),
  constraint providers_base_url_http CHECK ((base_url ~ '^https?://'::text)),
  constraint providers_key_slug CHECK ((key ~ '^[a-z0-9][a-z0-9_-]{1,39}$'::text)),
  constraint providers_local_needs_no_key CHECK (((adapter <> 'local'::ai.provider_adapter) OR (api_key_env IS NULL))),
  constraint providers_metadata_object CHECK ((jsonb_typeof(metadata) = 'object'::text))
);

alter table ai.providers enable row level security;
comment on table ai.providers is 'Model providers. api_key_env names the function secret holding the key; keys are never stored.';

create policy providers_read on ai.providers
  as permissive for select to anon, authenticated
  using (true);

create trigger providers_set_updated_at before update on ai.providers for each row execute procedure lensers.tg_set_updated_at();

create trigger providers_sync_model_profiles after update of key on ai.providers for each row execute procedure agents.tg_models_sync_model_profiles();

grant select on table ai.providers to anon, authenticated;
grant all on table ai.providers to service_role;

-- ==== supabase/schemas/ai/tables/models.sql
create table ai.models (
  id uuid default gen_random_uuid() not null,
  provider_id uuid not null,
  model_key text not null,
  display_name text not null,
  capability_tags ai.model_capability[] default '{}'::ai.model_capability[] not null,
  input_modalities ai.modality[] default '{text}'::ai.modality[] not null,
  output_modalities ai.modality[] default '{text}'::ai.modality[] not null,
  context_window integer not null,
  max_output_tokens integer,
  support_level ai.support_level not null,
  status ai.model_status default 'active'::ai.model_status not null,
  use_cases text[] default '{}'::text[] not null,
  summary text not null,
  description text,
  input_price_per_mtok numeric(12,6) default 0 not null,
  output_price_per_mtok numeric(12,6) default 0 not null,
  cached_input_price_per_mtok numeric(12,6) default 0 not null,
  is_default boolean default false not null,
  metadata jsonb default '{}'::jsonb not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint models_pkey PRIMARY KEY (id),
  constraint models_provider_key_unique UNIQUE (provider_id, model_key),
  constraint models_context_window_positive CHECK ((context_window > 0)),
  constraint models_default_is_usable CHECK (((NOT is_default) OR ((status = ANY (ARRAY['active'::ai.model_status, 'preview'::ai.model_status])) AND (support_level = 'runnable'::ai.support_level)))),
  constraint models_max_output_positive CHECK (((max_output_tokens IS NULL) OR (max_output_tokens > 0))),
  constraint models_metadata_object CHECK ((jsonb_typeof(metadata) = 'object'::text)),
  constraint models_prices_not_negative CHECK (((input_price_per_mtok >= (0)::numeric) AND (output_price_per_mtok >= (0)::numeric) AND (cached_input_price_per_mtok >= (0)::numeric))),
  constraint models_summary_length CHECK (((char_length(summary) >= 1) AND (char_length(summary) <= 280))),
  constraint models_provider_id_fkey FOREIGN KEY (provider_id) REFERENCES ai.providers(id) ON DELETE RESTRICT
);

alter table ai.models enable row level security;
comment on table ai.models is 'Models with capabilities, modalities, context window and prices per million tokens.';
comment on column ai.models.is_default is 'The model used when neither the node nor the agent names one; at most one.';

create index models_capability_tags_idx on ai.models using gin (capability_tags);

create unique index models_one_default on ai.models using btree ((true)) where is_default;

create index models_support_level_idx on ai.models using btree (support_level, status);

create policy models_read on ai.models
  as permissive for select to anon, authenticated
  using (true);

create trigger models_set_updated_at before update on ai.models for each row execute procedure lensers.tg_set_updated_at();

create trigger models_sync_model_profiles after update of model_key, support_level, provider_id on ai.models for each row execute procedure agents.tg_models_sync_model_profiles();

grant select on table ai.models to anon, authenticated;
grant all on table ai.models to service_role;

-- ==== supabase/schemas/agents/tables/model_profiles.sql
create table agents.model_profiles (
  id uuid default gen_random_uuid() not null,
  ai_lenser_id uuid not null,
  name text not null,
  model_id uuid not null,
  provider_key text not null,
  model_key text not null,
  support_level ai.support_level not null,
  params jsonb default '{}'::jsonb not null,
  is_default boolean default false not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint model_profiles_pkey PRIMARY KEY (id),
  constraint model_profiles_id_agent_key UNIQUE (id, ai_lenser_id),
  constraint model_profiles_name_length CHECK (((char_length(btrim(name)) >= 1) AND (char_length(btrim(name)) <= 80))),
  constraint model_profiles_params_shape CHECK ((agents.fn_model_params_errors(params) = ARRAY[]::text[])),
  constraint model_profiles_ai_lenser_id_fkey FOREIGN KEY (ai_lenser_id) REFERENCES agents.ai_lensers(id) ON DELETE CASCADE,
  constraint model_profiles_model_id_fkey FOREIGN KEY (model_id) REFERENCES ai.models(id) ON DELETE RESTRICT
);

alter table agents.model_profiles enable row level security;
comment on table agents.model_profiles is 'The model an agent calls and its parameters. provider_key, model_key and support_level mirror the ai.models row.';
comment on column agents.model_profiles.params is 'Sampling and output settings (types/profiles.ts ModelParams).';

create index model_profiles_agent_idx on agents.model_profiles using btree (ai_lenser_id);

create index model_profiles_model_idx on agents.model_profiles using btree (model_id);

create unique index model_profiles_name_key on agents.model_profiles using btree (ai_lenser_id, lower(name));

create unique index model_profiles_one_default on agents.model_profiles using btree (ai_lenser_id) where is_default;

create policy model_profiles_delete on agents.model_profiles
  as permissive for delete to authenticated
  using (( SELECT agents.can_manage_ai_lenser(model_profiles.ai_lenser_id) AS can_manage_ai_lenser));

create policy model_profiles_insert on agents.model_profiles
  as permissive for insert to authenticated
  with check (( SELECT agents.can_manage_ai_lenser(model_profiles.ai_lenser_id) AS can_manage_ai_lenser));

create policy model_profiles_select on agents.model_profiles
  as permissive for select to authenticated
  using (( SELECT agents.can_operate_ai_lenser(model_profiles.ai_lenser_id) AS can_operate_ai_lenser));

create policy model_profiles_update on agents.model_profiles
  as permissive for update to authenticated
  using (( SELECT agents.can_manage_ai_lenser(model_profiles.ai_lenser_id) AS can_manage_ai_lenser))
  with check (( SELECT agents.can_manage_ai_lenser(model_profiles.ai_lenser_id) AS can_manage_ai_lenser));

create trigger model_profiles_agent_fixed before update on agents.model_profiles for each row execute procedure agents.tg_profiles_agent_fixed();

create trigger model_profiles_agree before insert or update on agents.model_profiles for each row execute procedure agents.tg_model_profiles_agree();

create trigger model_profiles_set_updated_at before update on agents.model_profiles for each row execute procedure lensers.tg_set_updated_at();

grant select, delete on table agents.model_profiles to authenticated;
grant all on table agents.model_profiles to service_role;
grant insert (ai_lenser_id) on table agents.model_profiles to authenticated;
grant insert (name), update (name) on table agents.model_profiles to authenticated;
grant insert (model_id), update (model_id) on table agents.model_profiles to authenticated;
grant insert (provider_key), update (provider_key) on table agents.model_profiles to authenticated;
grant insert (model_key), update (model_key) on table agents.model_profiles to authenticated;
grant insert (support_level), update (support_level) on table agents.model_profiles to authenticated;
grant insert (params), update (params) on table agents.model_profiles to authenticated;
grant insert (is_default), update (is_default) on table agents.model_profiles to authenticated;

-- ==== supabase/schemas/agents/tables/team_members.sql
create table agents.team_members (
  id uuid default gen_random_uuid() not null,
  team_id uuid not null,
  agent_id uuid not null,
  role agents.team_member_role default 'member'::agents.team_member_role not null,
  responsibility text,
  lane integer default 0 not null,
  personality_profile_id uuid,
  memory_profile_id uuid,
  tool_profile_id uuid,
  model_profile_id uuid,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint team_members_pkey PRIMARY KEY (id),
  constraint team_members_team_agent_key UNIQUE (team_id, agent_id),
  constraint team_members_team_id_key UNIQUE (team_id, id),
  constraint team_members_lane_not_negative CHECK ((lane >= 0)),
  constraint team_members_responsibility_length CHECK (((char_length(btrim(responsibility)) >= 1) AND (char_length(btrim(responsibility)) <= 2000))),
  constraint team_members_agent_id_fkey FOREIGN KEY (agent_id) REFERENCES agents.ai_lensers(id) ON DELETE CASCADE,
  constraint team_members_memory_profile_fk FOREIGN KEY (memory_profile_id, agent_id) REFERENCES agents.memory_profiles(id, ai_lenser_id),
  constraint team_members_model_profile_fk FOREIGN KEY (model_profile_id, agent_id) REFERENCES agents.model_profiles(id, ai_lenser_id),
  constraint team_members_personality_profile_fk FOREIGN KEY (personality_profile_id, agent_id) REFERENCES agents.personality_profiles(id, ai_lenser_id),
  constraint team_members_team_id_fkey FOREIGN KEY (team_id) REFERENCES agents.teams(id) ON DELETE CASCADE,
  constraint team_members_tool_profile_fk FOREIGN KEY (tool_profile_id, agent_id) REFERENCES agents.tool_profiles(id, ai_lenser_id)
);

alter table agents.team_members enable row level security;
comment on table agents.team_members is 'An agent in a team: role, responsibility, lane (members of one lane run in order, lanes in parallel) and profiles.';
comment on column agents.team_members.lane is 'Parallel-execution lane index, 0 or more.';

create index team_members_agent_idx on agents.team_members using btree (agent_id);

create index team_members_memory_profile_idx on agents.team_members using btree (memory_profile_id, agent_id);

create index team_members_model_profile_idx on agents.team_members using btree (model_profile_id, agent_id);

create index team_members_personality_profile_idx on agents.team_members using btree (personality_profile_id, agent_id);

create index team_members_tool_profile_idx on agents.team_members using btree (tool_profile_id, agent_id);

create policy team_members_delete on agents.team_members
  as permissive for delete to authenticated
  using ((team_id IN ( SELECT agents.editable_team_ids() AS editable_team_ids)));

create policy team_members_insert on agents.team_members
  as permissive for insert to authenticated
  with check (((team_id IN ( SELECT agents.editable_team_ids() AS editable_team_ids)) AND ( SELECT agents.can_operate_ai_lenser(team_members.agent_id) AS can_operate_ai_lenser)));

create policy team_members_select on agents.team_members
  as permissive for select to authenticated
  using ((team_id IN ( SELECT agents.actable_team_ids() AS actable_team_ids)));

create policy team_members_update on agents.team_members
  as permissive for update to authenticated
  using ((team_id IN ( SELECT agents.editable_team_ids() AS editable_team_ids)))
  with check ((team_id IN ( SELECT agents.editable_team_ids() AS editable_team_ids)));

create trigger team_members_guard before insert or delete or update on agents.team_members for each row execute procedure agents.tg_team_parts_guard();

create trigger team_members_set_updated_at before update on agents.team_members for each row execute procedure lensers.tg_set_updated_at();

grant select, delete on table agents.team_members to authenticated;
grant all on table agents.team_members to service_role;
grant insert (team_id) on table agents.team_members to authenticated;
grant insert (agent_id) on table agents.team_members to authenticated;
grant insert (role), update (role) on table agents.team_members to authenticated;
grant insert (responsibility), update (responsibility) on table agents.team_members to authenticated;
grant insert (lane), update (lane) on table agents.team_members to authenticated;
grant insert (personality_profile_id), update (personality_profile_id) on table agents.team_members to authenticated;
grant insert (memory_profile_id), update (memory_profile_id) on table agents.team_members to authenticated;
grant insert (tool_profile_id), update (tool_profile_id) on table agents.team_members to authenticated;
grant insert (model_profile_id), update (model_profile_id) on table agents.team_members to authenticated;

-- ==== supabase/schemas/agents/tables/team_edges.sql
create table agents.team_edges (
  id uuid default gen_random_uuid() not null,
  team_id uuid not null,
  source_member_id uuid not null,
  target_member_id uuid not null,
  edge_type agents.team_edge_type not null,
  is_blocking boolean default false not null,
  created_at timestamp with time zone default now() not null,
  constraint team_edges_pkey PRIMARY KEY (id),
  constraint team_edges_unique UNIQUE (source_member_id, target_member_id, edge_type),
  constraint team_edges_no_self_loop CHECK ((source_member_id <> target_member_id)),
  constraint team_edges_source_fk FOREIGN KEY (team_id, source_member_id) REFERENCES agents.team_members(team_id, id) ON DELETE CASCADE,
  constraint team_edges_target_fk FOREIGN KEY (team_id, target_member_id) REFERENCES agents.team_members(team_id, id) ON DELETE CASCADE,
  constraint team_edges_team_id_fkey FOREIGN KEY (team_id) REFERENCES agents.teams(id) ON DELETE CASCADE
);

alter table agents.team_edges enable row level security;
comment on table agents.team_edges is 'Directed edge between two members of one team. is_blocking: the source waits on the target; never a blocking cycle.';

create index team_edges_source_idx on agents.team_edges using btree (team_id, source_member_id);

create index team_edges_target_idx on agents.team_edges using btree (team_id, target_member_id);

create policy team_edges_delete on agents.team_edges
  as permissive for delete to authenticated
  using ((team_id IN ( SELECT agents.editable_team_ids() AS editable_team_ids)));

create policy team_edges_insert on agents.team_edges
  as permissive for insert to authenticated
  with check ((team_id IN ( SELECT agents.editable_team_ids() AS editable_team_ids)));

create policy team_edges_select on agents.team_edges
  as permissive for select to authenticated
  using ((team_id IN ( SELECT agents.actable_team_ids() AS actable_team_ids)));

create trigger team_edges_guard before insert or delete or update on agents.team_edges for each row execute procedure agents.tg_team_parts_guard();

create trigger team_edges_no_blocking_cycle before insert or update on agents.team_edges for each row execute procedure agents.tg_team_edges_no_blocking_cycle();

grant select, delete on table agents.team_edges to authenticated;
grant all on table agents.team_edges to service_role;
grant insert (team_id) on table agents.team_edges to authenticated;
grant insert (source_member_id) on table agents.team_edges to authenticated;
grant insert (target_member_id) on table agents.team_edges to authenticated;
grant insert (edge_type) on table agents.team_edges to authenticated;
grant insert (is_blocking) on table agents.team_edges to authenticated;

-- ==== supabase/schemas/agents/functions/fn_rpc_editable_assignment.sql
-- The assignment row the caller may change, or a clear error.
create or replace function agents.fn_rpc_editable_assignment(p_rpc text, p_assignment_id uuid)
 returns agents.workflow_assignments
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_row agents.workflow_assignments;
begin
  perform agents.fn_rpc_not_null(p_rpc, 'p_assignment_id', p_assignment_id);
  select a.* into v_row from agents.workflow_assignments a where a.id = p_assignment_id;
  if not found then
    raise exception '%: no workflow assignment % that you can see', p_rpc, p_assignment_id using errcode = 'P0002';
  end if;
  if v_row.assignee_kind = 'agent' then
    perform agents.fn_rpc_require_manage(p_rpc, v_row.assignee_ai_lenser_id);
  elsif not exists (select 1 from agents.editable_team_ids() e where e = v_row.assignee_team_id) then
    raise exception '%: you may not change team %''s assignments', p_rpc, v_row.assignee_team_id using errcode = '42501';
  end if;
  return v_row;
end
$function$;

revoke all on function agents.fn_rpc_editable_assignment(p_rpc text, p_assignment_id uuid) from public;
grant execute on function agents.fn_rpc_editable_assignment(p_rpc text, p_assignment_id uuid) to authenticated, service_role;

-- ==== supabase/schemas/agents/functions/fn_rpc_editable_member.sql
-- The member row, its team editable by the caller, or a clear error.
create or replace function agents.fn_rpc_editable_member(p_rpc text, p_member_id uuid)
 returns agents.team_members
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_member agents.team_members;
begin
  if p_member_id is null then
    raise exception '%: p_member_id is required', p_rpc using errcode = '22023';
  end if;
  select m.* into v_member from agents.team_members m where m.id = p_member_id;
  if not found then
    raise exception '%: no team member % that you can see', p_rpc, p_member_id using errcode = 'P0002';
  end if;
  perform agents.fn_rpc_editable_team(p_rpc, v_member.team_id);
  return v_member;
end
$function$;

revoke all on function agents.fn_rpc_editable_member(p_rpc text, p_member_id uuid) from public;
grant execute on function agents.fn_rpc_editable_member(p_rpc text, p_member_id uuid) to authenticated, service_role;

-- ==== supabase/schemas/agents/functions/fn_rpc_editable_team.sql
-- The team row a caller may change, or a clear error.
create or replace function agents.fn_rpc_editable_team(p_rpc text, p_team_id uuid)
 returns agents.teams
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_team agents.teams;
begin
  if p_team_id is null then
    raise exception '%: p_team_id is required', p_rpc using errcode = '22023';
  end if;
  select t.* into v_team from agents.teams t where t.id = p_team_id;
  if not found then
    raise exception '%: no team % that you can see', p_rpc, p_team_id using errcode = 'P0002';
  end if;
  if not exists (select 1 from agents.editable_team_ids() e where e = p_team_id) then
    raise exception '%: you may not change team % (read-only for you)', p_rpc, p_team_id using errcode = '42501';
  end if;
  if v_team.status = 'archived' then
    raise exception '%: team % is archived and read-only', p_rpc, p_team_id using errcode = '22023';
  end if;
  return v_team;
end
$function$;

revoke all on function agents.fn_rpc_editable_team(p_rpc text, p_team_id uuid) from public;
grant execute on function agents.fn_rpc_editable_team(p_rpc text, p_team_id uuid) to authenticated, service_role;

-- ==== supabase/schemas/agents/functions/fn_rpc_memory_profile.sql
-- The memory profile whose entries the caller may read (p_write: also write), or a clear error.
create or replace function agents.fn_rpc_memory_profile(p_rpc text, p_memory_profile_id uuid, p_write boolean)
 returns agents.memory_profiles
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_profile agents.memory_profiles;
begin
  if p_memory_profile_id is null then
    raise exception '%: p_memory_profile_id is required', p_rpc using errcode = '22023';
  end if;
  select p.* into v_profile from agents.memory_profiles p where p.id = p_memory_profile_id;
  if not found then
    raise exception '%: no memory profile % that you can see', p_rpc, p_memory_profile_id using errcode = 'P0002';
  end if;
  if current_user = 'service_role' or (select agents.can_manage_ai_lenser(v_profile.ai_lenser_id)) then
    return v_profile;
  end if;
  if p_write then
    raise exception '%: you do not own or co-own agent %', p_rpc, v_profile.ai_lenser_id using errcode = '42501';
  end if;
  if v_profile.visibility <> 'operators' then
    raise exception '%: the entries of memory profile % are visible to its owners only', p_rpc, p_memory_profile_id
      using errcode = '42501';
  end if;
  return v_profile;
end
$function$;

revoke all on function agents.fn_rpc_memory_profile(p_rpc text, p_memory_profile_id uuid, p_write boolean) from public;
grant execute on function agents.fn_rpc_memory_profile(p_rpc text, p_memory_profile_id uuid, p_write boolean) to authenticated, service_role;

-- ==== supabase/schemas/agents/functions/fn_rpc_tool_invocation.sql
-- The invocation row, visible to the caller, or a clear error.
create or replace function agents.fn_rpc_tool_invocation(p_rpc text, p_invocation_id uuid)
 returns agents.tool_invocations
 language plpgsql
 stable
 set search_path to ''
as $function$
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
$function$;

revoke all on function agents.fn_rpc_tool_invocation(p_rpc text, p_invocation_id uuid) from public;
grant execute on function agents.fn_rpc_tool_invocation(p_rpc text, p_invocation_id uuid) to authenticated, service_role;

-- ==== supabase/schemas/lenses/functions/fn_caller_may_act_on_run.sql
create or replace function lenses.fn_caller_may_act_on_run(p_run lenses.workflow_runs)
 returns boolean
 language sql
 stable
 set search_path to ''
as $function$
  select p_run.started_by in (select lensers.actable_profile_ids())
      or p_run.lenser_id in (select lensers.actable_profile_ids())
$function$;

revoke all on function lenses.fn_caller_may_act_on_run(p_run lenses.workflow_runs) from public;
grant execute on function lenses.fn_caller_may_act_on_run(p_run lenses.workflow_runs) to authenticated, service_role;

-- ==== supabase/schemas/lenses/functions/fn_complete_held_tasks.sql
-- Completes tasks whose leases the caller checked under their runs' locks (fn_leased_result, or
-- complete_workflow_tasks' own check), set-wise: each model call is priced for the ledger and each
-- answer checked against its output contract (a violation is a failed attempt, retried by the
-- policy, handled at once); then one update stores every output, one settle moves every run on
-- (fn_settle_many), and one insert each writes the ledger rows, the provenance and the events.
-- Returns one answer per task, in order, and per task its run, node and usage, for the caller's
-- run updates (lenses.fn_runs_after_completions); with p_hold, the successors held for the caller
-- to lease (see fn_settle_many).
create or replace function lenses.fn_complete_held_tasks(p_results lenses.workflow_node_results[], p_texts text[], p_outputs jsonb[], p_calls jsonb[], p_hold integer default 0, OUT answers jsonb[], OUT run_ids uuid[], OUT node_ids uuid[], OUT used_input bigint[], OUT used_output bigint[], OUT used_cached bigint[], OUT used_cost numeric[], OUT held jsonb)
 returns record
 language plpgsql
 set search_path to ''
as $function$
declare
  v_result lenses.workflow_node_results;
  v_call ai.llm_calls;
  v_calls ai.llm_calls[] := '{}';
  v_call_pos integer[] := '{}';
  v_completed_pos integer[];
  v_lost_pos integer[] := '{}';
  v_contracts jsonb[];
  v_output jsonb;
  v_errors text[];
  v_done_ids uuid[] := '{}';
  v_done_outputs jsonb[] := '{}';
  v_done_pos integer[] := '{}';
  v_events jsonb;
  v_settled record;
begin
  run_ids := array(select r.run_id from unnest(p_results) with ordinality r order by r.ordinality);
  node_ids := array(select r.node_id from unnest(p_results) with ordinality r order by r.ordinality);
  v_contracts := array(select p.output_contract from unnest(node_ids) with ordinality u(node_id, ord)
                       left join lenses.workflow_node_plans p on p.node_id = u.node_id order by u.ord);
  answers := '{}'; used_input := '{}'; used_output := '{}'; used_cached := '{}'; used_cost := '{}'; held := '[]';
  for i in 1 .. cardinality(p_results) loop
    v_result := p_results[i];
    v_call := lenses.fn_llm_call_row(v_result, p_calls[i], 'succeeded', null);
    if v_call.id is not null then
      v_calls := v_calls || v_call;
      v_call_pos := v_call_pos || i;
    end if;
    used_input := used_input || coalesce(v_call.input_tokens, 0)::bigint;
    used_output := used_output || coalesce(v_call.output_tokens, 0)::bigint;
    used_cached := used_cached || coalesce(v_call.cached_tokens, 0)::bigint;
    used_cost := used_cost || coalesce(v_call.cost_credits, 0);

    v_output := lenses.fn_parse_node_output(v_contracts[i], p_texts[i], p_outputs[i]);
    v_errors := case when v_output is null then array['the answer is not a JSON object']
                     else lenses.fn_contract_value_errors(v_contracts[i], v_output) end;
    if cardinality(v_errors) > 0 then
      perform lenses.fn_add_usage_to_result(v_result.id, used_input[i], used_output[i], used_cached[i], used_cost[i]);
      v_result := lenses.fn_fail_node_result(v_result.id, 'contract_violation',
        format('the output does not satisfy the output contract: %s', array_to_string(v_errors, '; ')));
      answers := answers || jsonb_build_object('status', v_result.status, 'error_kind', 'contract_violation',
        'next_attempt_at', v_result.next_attempt_at);
      continue;
    end if;
    v_done_ids := v_done_ids || v_result.id;
    v_done_outputs := v_done_outputs || v_output;
    v_done_pos := v_done_pos || i;
    answers := answers || '{"status": "completed"}'::jsonb;
  end loop;

  -- Only results still held complete: a failure earlier in this batch that stopped its run
  -- (failure mode stop_run) cancelled the others of that run, as it would have before a later call.
  select coalesce(array_agg(c.pos), '{}') into v_completed_pos
  from unnest(v_done_ids, v_done_pos) c(id, pos)
  join lenses.workflow_node_results x on x.id = c.id and x.id = any (v_done_ids)
  where x.status in ('running', 'streaming') and x.lease_token = p_results[c.pos].lease_token;
  for i in 1 .. cardinality(v_done_pos) loop
    continue when v_done_pos[i] = any (v_completed_pos);
    v_lost_pos := v_lost_pos || v_done_pos[i];
    answers[v_done_pos[i]] := jsonb_build_object('status', 'lost',
      'error', format('the lease on task %s is not held (it was reclaimed, cancelled or finished; status %s)', v_done_ids[i],
                      (select x.status from lenses.workflow_node_results x where x.id = v_done_ids[i])));
    used_input[v_done_pos[i]] := 0; used_output[v_done_pos[i]] := 0;
    used_cached[v_done_pos[i]] := 0; used_cost[v_done_pos[i]] := 0;
  end loop;
  v_done_outputs := array(select o from unnest(v_done_outputs, v_done_pos) u(o, p) where p = any (v_completed_pos));
  v_done_ids := array(select d from unnest(v_done_ids, v_done_pos) u(d, p) where p = any (v_completed_pos));
  v_done_pos := v_completed_pos;

  if cardinality(v_done_ids) > 0 then
    with done as (
      update lenses.workflow_node_results x
      set status = 'completed', waiting_reason = null, output_data = c.output, error_kind = null, error_message = null,
          lease_token = null, lease_owner = null, lease_expires_at = null, timeout_at = null, finished_at = now(),
          duration_ms = (extract(epoch from now() - x.started_at) * 1000)::integer,
          input_tokens = x.input_tokens + used_input[c.pos], output_tokens = x.output_tokens + used_output[c.pos],
          cached_tokens = x.cached_tokens + used_cached[c.pos], cost_credits = x.cost_credits + used_cost[c.pos]
      from unnest(v_done_ids, v_done_outputs, v_done_pos) c(id, output, pos)
      where x.id = c.id and x.id = any (v_done_ids)
      returning x.run_id, x.node_id, x.node_key, x.output_data, x.duration_ms, x.input_tokens, x.output_tokens, c.pos
    )
    select jsonb_agg(jsonb_build_object('run_id', d.run_id, 'event_type', 'node_completed', 'node_id', d.node_id,
             'payload', jsonb_build_object('node_key', d.node_key, 'output', d.output_data, 'duration_ms', d.duration_ms,
                                           'input_tokens', d.input_tokens, 'output_tokens', d.output_tokens))
             order by d.pos)
    into v_events
    from done d;
    select * into v_settled from lenses.fn_settle_many(
      array(select run_ids[p] from unnest(v_done_pos) p), array(select node_ids[p] from unnest(v_done_pos) p), p_hold);
    held := v_settled.held;
    perform lenses.fn_write_provenance(v_settled.provenance_runs, v_settled.provenance_edges);
    perform lenses.fn_append_workflow_run_events(v_events || v_settled.events);
  end if;
  -- The ledger: every call but those of completions answered lost (a refused completion writes
  -- nothing, as complete_workflow_task's would).
  insert into ai.llm_calls
  select * from unnest(array(select v_calls[k] from generate_subscripts(v_calls, 1) k where not (v_call_pos[k] = any (v_lost_pos))));
end
$function$;

revoke all on function lenses.fn_complete_held_tasks(p_results lenses.workflow_node_results[], p_texts text[], p_outputs jsonb[], p_calls jsonb[], p_hold integer, OUT answers jsonb[], OUT run_ids uuid[], OUT node_ids uuid[], OUT used_input bigint[], OUT used_output bigint[], OUT used_cached bigint[], OUT used_cost numeric[], OUT held jsonb) from public;
grant execute on function lenses.fn_complete_held_tasks(p_results lenses.workflow_node_results[], p_texts text[], p_outputs jsonb[], p_calls jsonb[], p_hold integer, OUT answers jsonb[], OUT run_ids uuid[], OUT node_ids uuid[], OUT used_input bigint[], OUT used_output bigint[], OUT used_cached bigint[], OUT used_cost numeric[], OUT held jsonb) to service_role;

-- ==== supabase/schemas/lenses/functions/fn_draft_workflow.sql
-- The same, and a draft (its graph may change).
create or replace function lenses.fn_draft_workflow(p_rpc text, p_workflow_id uuid)
 returns lenses.workflows
 language plpgsql
 set search_path to ''
as $function$
declare
  v_workflow lenses.workflows := lenses.fn_editable_workflow(p_rpc, p_workflow_id);
begin
  if v_workflow.status <> 'draft' then
    raise exception '%: workflow % is % (not a draft); its nodes and edges cannot change', p_rpc, p_workflow_id, v_workflow.status
      using errcode = '22023';
  end if;
  return v_workflow;
end
$function$;

revoke all on function lenses.fn_draft_workflow(p_rpc text, p_workflow_id uuid) from public;
grant execute on function lenses.fn_draft_workflow(p_rpc text, p_workflow_id uuid) to authenticated, service_role;

-- ==== supabase/schemas/lenses/functions/fn_editable_lens.sql
-- A lens the caller may edit, locked for the rest of the transaction; P0002 when the caller cannot
-- see it, 42501 when they can see but not edit it.
create or replace function lenses.fn_editable_lens(p_rpc text, p_lens_id uuid, p_arg text default 'p_lens_id'::text)
 returns lenses.lenses
 language plpgsql
 set search_path to ''
as $function$
declare
  v_lens lenses.lenses;
begin
  if p_lens_id is null then
    raise exception '%: % is required', p_rpc, p_arg using errcode = '22023';
  end if;
  if (select auth.uid()) is null then
    raise exception '%: sign in first (no user in the JWT)', p_rpc using errcode = '42501';
  end if;
  select l.* into v_lens from lenses.lenses l where l.id = p_lens_id;
  if not found then
    raise exception '%: no lens % that you can see', p_rpc, p_lens_id using errcode = 'P0002';
  end if;
  if v_lens.lenser_id not in (select lensers.editable_profile_ids()) then
    raise exception '%: you cannot edit lens % (it belongs to a lenser you do not own)', p_rpc, p_lens_id using errcode = '42501';
  end if;
  select l.* into v_lens from lenses.lenses l where l.id = p_lens_id for update;
  return v_lens;
end
$function$;

revoke all on function lenses.fn_editable_lens(p_rpc text, p_lens_id uuid, p_arg text) from public;
grant execute on function lenses.fn_editable_lens(p_rpc text, p_lens_id uuid, p_arg text) to authenticated, service_role;

-- ==== supabase/schemas/lenses/functions/fn_editable_version.sql
-- A version the caller may edit (its lens locked), or the errors above.
create or replace function lenses.fn_editable_version(p_rpc text, p_version_id uuid)
 returns lenses.versions
 language plpgsql
 set search_path to ''
as $function$
declare
  v_version lenses.versions;
begin
  if p_version_id is null then
    raise exception '%: p_version_id is required', p_rpc using errcode = '22023';
  end if;
  if (select auth.uid()) is null then
    raise exception '%: sign in first (no user in the JWT)', p_rpc using errcode = '42501';
  end if;
  select v.* into v_version from lenses.versions v where v.id = p_version_id;
  if not found then
    raise exception '%: no version % that you can see', p_rpc, p_version_id using errcode = 'P0002';
  end if;
  perform lenses.fn_editable_lens(p_rpc, v_version.lens_id);
  select v.* into v_version from lenses.versions v where v.id = p_version_id;
  return v_version;
end
$function$;

revoke all on function lenses.fn_editable_version(p_rpc text, p_version_id uuid) from public;
grant execute on function lenses.fn_editable_version(p_rpc text, p_version_id uuid) to authenticated, service_role;

-- ==== supabase/schemas/lenses/functions/fn_editable_workflow.sql
-- A workflow the caller may edit, locked; P0002 when not visible, 42501 when not editable.
create or replace function lenses.fn_editable_workflow(p_rpc text, p_workflow_id uuid, p_arg text default 'p_workflow_id'::text)
 returns lenses.workflows
 language plpgsql
 set search_path to ''
as $function$
declare
  v_workflow lenses.workflows;
begin
  if p_workflow_id is null then
    raise exception '%: % is required', p_rpc, p_arg using errcode = '22023';
  end if;
  if (select auth.uid()) is null then
    raise exception '%: sign in first (no user in the JWT)', p_rpc using errcode = '42501';
  end if;
  select w.* into v_workflow from lenses.workflows w where w.id = p_workflow_id;
  if not found then
    raise exception '%: no workflow % that you can see', p_rpc, p_workflow_id using errcode = 'P0002';
  end if;
  if v_workflow.lenser_id not in (select lensers.editable_profile_ids()) then
    raise exception '%: you cannot edit workflow % (it belongs to a lenser you do not own)', p_rpc, p_workflow_id
      using errcode = '42501';
  end if;
  select w.* into v_workflow from lenses.workflows w where w.id = p_workflow_id for update;
  return v_workflow;
end
$function$;

revoke all on function lenses.fn_editable_workflow(p_rpc text, p_workflow_id uuid, p_arg text) from public;
grant execute on function lenses.fn_editable_workflow(p_rpc text, p_workflow_id uuid, p_arg text) to authenticated, service_role;

-- ==== supabase/schemas/lenses/functions/fn_fail_node_result.sql
-- A failed attempt: rate limits wait (not counted against the retry policy); client errors and
-- contract violations of the request fail at once; the rest retry with backoff up to max_retries,
-- then fail. A final failure either stays isolated (siblings go on, dependants are skipped) or
-- stops the run, by the run's failure mode.
create or replace function lenses.fn_fail_node_result(p_result_id uuid, p_kind lenses.task_error_kind, p_message text, p_retry_after_ms integer default NULL::integer)
 returns lenses.workflow_node_results
 language plpgsql
 set search_path to ''
as $function$
declare
  v_result lenses.workflow_node_results;
  v_run lenses.workflow_runs;
  v_node lenses.workflow_nodes;
  v_delay integer;
  v_retryable boolean := p_kind in ('server', 'timeout', 'network', 'contract_violation', 'lease_expired');
begin
  select r.* into v_result from lenses.workflow_node_results r where r.id = p_result_id;
  select r.* into v_run from lenses.workflow_runs r where r.id = v_result.run_id;
  select n.* into v_node from lenses.workflow_nodes n where n.id = v_result.node_id;

  if p_kind = 'rate_limit' then
    v_delay := coalesce(p_retry_after_ms, lenses.fn_retry_delay_ms(v_result.attempt_count,
      coalesce((v_node.config -> 'retry' ->> 'backoff_ms')::integer, 1000), 60000));
    update lenses.workflow_node_results r
    set status = 'retrying', waiting_reason = 'rate_limit', next_attempt_at = now() + make_interval(secs => v_delay / 1000.0),
        lease_token = null, lease_owner = null, lease_expires_at = null, timeout_at = null,
        error_kind = p_kind, error_message = p_message
    where r.id = p_result_id returning * into v_result;
    perform lenses.fn_append_workflow_run_event(v_run.id, 'node_retrying',
      jsonb_build_object('node_key', v_result.node_key, 'reason', 'rate_limit', 'delay_ms', v_delay, 'error', p_message), v_node.id);
    return v_result;
  end if;

  if v_retryable and v_result.retry_count < v_result.max_retries then
    v_delay := case when p_kind = 'lease_expired' then 0 else lenses.fn_retry_delay_ms(v_result.retry_count + 1,
      coalesce((v_node.config -> 'retry' ->> 'backoff_ms')::integer, 1000),
      coalesce((v_node.config -> 'retry' ->> 'max_backoff_ms')::integer, 60000)) end;
    update lenses.workflow_node_results r
    set status = 'retrying', waiting_reason = 'retry_backoff', retry_count = r.retry_count + 1,
        next_attempt_at = now() + make_interval(secs => v_delay / 1000.0),
        lease_token = null, lease_owner = null, lease_expires_at = null, timeout_at = null,
        error_kind = p_kind, error_message = p_message
    where r.id = p_result_id returning * into v_result;
    perform lenses.fn_append_workflow_run_event(v_run.id, 'node_retrying',
      jsonb_build_object('node_key', v_result.node_key, 'reason', p_kind, 'retry', v_result.retry_count,
                         'delay_ms', v_delay, 'error', p_message), v_node.id);
    if v_delay = 0 then
      perform pg_notify('workflow_tasks', v_run.id::text);
    end if;
    return v_result;
  end if;

  update lenses.workflow_node_results r
  set status = 'failed', waiting_reason = null, next_attempt_at = null,
      lease_token = null, lease_owner = null, lease_expires_at = null, timeout_at = null,
      error_kind = p_kind, error_message = p_message, finished_at = now(),
      duration_ms = case when r.started_at is not null then (extract(epoch from now() - r.started_at) * 1000)::integer end
  where r.id = p_result_id returning * into v_result;
  perform lenses.fn_append_workflow_run_event(v_run.id, 'node_failed',
    jsonb_build_object('node_key', v_result.node_key, 'error_kind', p_kind, 'error', p_message,
                       'retries', v_result.retry_count), v_node.id);

  if v_run.failure_mode = 'stop_run' then
    perform lenses.fn_end_open_results(v_run.id, 'cancelled', format('run stopped: node %s failed', v_result.node_key));
    update lenses.workflow_runs r
    set status = 'failed', finished_at = now(), active_node_id = null,
        error_message = format('node %s failed: %s', v_result.node_key, p_message)
    where r.id = v_run.id;
    perform lenses.fn_append_workflow_run_event(v_run.id, 'run_failed',
      jsonb_build_object('node_key', v_result.node_key, 'error', p_message));
  else
    update lenses.workflow_runs r set error_message = format('node %s failed: %s', v_result.node_key, p_message)
    where r.id = v_run.id;
    perform lenses.fn_settle_successors(v_run.id, v_node.id);
    perform lenses.fn_finish_run_if_done(v_run.id);
  end if;
  return v_result;
end
$function$;

revoke all on function lenses.fn_fail_node_result(p_result_id uuid, p_kind lenses.task_error_kind, p_message text, p_retry_after_ms integer) from public;
grant execute on function lenses.fn_fail_node_result(p_result_id uuid, p_kind lenses.task_error_kind, p_message text, p_retry_after_ms integer) to service_role;

-- ==== supabase/schemas/lenses/functions/fn_leased_result.sql
-- Whether the caller holds a task's lease; the result row comes back locked.
create or replace function lenses.fn_leased_result(p_fn text, p_result_id uuid, p_lease_token uuid)
 returns lenses.workflow_node_results
 language plpgsql
 set search_path to ''
as $function$
declare
  v_result lenses.workflow_node_results;
  v_run_id uuid;
begin
  if p_result_id is null or p_lease_token is null then
    raise exception '%: p_result_id and p_lease_token are required', p_fn using errcode = '22023';
  end if;
  select r.run_id into v_run_id from lenses.workflow_node_results r where r.id = p_result_id;
  if v_run_id is null then
    raise exception '%: no task %', p_fn, p_result_id using errcode = 'P0002';
  end if;
  perform lenses.fn_lock_run(v_run_id);
  select r.* into v_result from lenses.workflow_node_results r where r.id = p_result_id for update;
  if v_result.status not in ('running', 'streaming') or v_result.lease_token is distinct from p_lease_token then
    raise exception '%: the lease on task % is not held (it was reclaimed, cancelled or finished; status %)',
      p_fn, p_result_id, v_result.status using errcode = '55000';
  end if;
  return v_result;
end
$function$;

revoke all on function lenses.fn_leased_result(p_fn text, p_result_id uuid, p_lease_token uuid) from public;
grant execute on function lenses.fn_leased_result(p_fn text, p_result_id uuid, p_lease_token uuid) to service_role;

-- ==== supabase/schemas/lenses/functions/fn_llm_call_row.sql
-- A model call as the ledger records it (ai.llm_calls), priced from the catalog; not inserted.
-- Null when there was no call; 22023 when the record is unusable.
create or replace function lenses.fn_llm_call_row(p_result lenses.workflow_node_results, p_call jsonb, p_status ai.llm_call_status, p_error_kind lenses.task_error_kind)
 returns ai.llm_calls
 language plpgsql
 set search_path to ''
as $function$
declare
  v_error text := lenses.fn_llm_call_error(p_call);
  v_row ai.llm_calls;
  v_model record;
begin
  if v_error is not null then
    raise exception '%', v_error using errcode = '22023';
  end if;
  if p_call is null then
    return null;
  end if;
  select m.id, m.model_key, m.input_price_per_mtok, m.cached_input_price_per_mtok, m.output_price_per_mtok,
         p.id as provider_id, p.key as provider_key
  into v_model
  from ai.models m left join ai.providers p on p.id = m.provider_id
  where m.id = p_result.model_id;
  v_row.id := gen_random_uuid();
  v_row.provider_id := v_model.provider_id;
  v_row.model_id := v_model.id;
  v_row.provider_key := coalesce(v_model.provider_key, p_call ->> 'provider_key', 'unknown');
  v_row.model_key := coalesce(v_model.model_key, p_call ->> 'model_key', 'unknown');
  v_row.node_result_id := p_result.id;
  v_row.run_id := p_result.run_id;
  v_row.attempt := p_result.attempt_count;
  v_row.status := p_status;
  v_row.error_kind := p_error_kind;
  v_row.input_tokens := coalesce((p_call ->> 'input_tokens')::bigint, 0);
  v_row.output_tokens := coalesce((p_call ->> 'output_tokens')::bigint, 0);
  v_row.cached_tokens := coalesce((p_call ->> 'cached_tokens')::bigint, 0);
  v_row.cost_credits := coalesce(round((
      greatest(v_row.input_tokens - v_row.cached_tokens, 0) * v_model.input_price_per_mtok
      + v_row.cached_tokens * v_model.cached_input_price_per_mtok
      + v_row.output_tokens * v_model.output_price_per_mtok
    ) / 1000000.0, 6), 0);
  v_row.latency_ms := (p_call ->> 'latency_ms')::numeric::integer;
  v_row.ttft_ms := (p_call ->> 'ttft_ms')::numeric::integer;
  v_row.metadata := coalesce(p_call -> 'metadata', '{}');
  v_row.created_at := now();
  return v_row;
end
$function$;

revoke all on function lenses.fn_llm_call_row(p_result lenses.workflow_node_results, p_call jsonb, p_status ai.llm_call_status, p_error_kind lenses.task_error_kind) from public;
grant execute on function lenses.fn_llm_call_row(p_result lenses.workflow_node_results, p_call jsonb, p_status ai.llm_call_status, p_error_kind lenses.task_error_kind) to service_role;

-- ==== supabase/schemas/lenses/functions/fn_plan_prompt.sql
-- The prompt of a lens node: its template rendered with the node's params and the input fields
-- that name a parameter (input wins); input that fills no parameter follows as context.
create or replace function lenses.fn_plan_prompt(p_plan lenses.workflow_node_plans, p_input jsonb)
 returns text
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_input jsonb := coalesce(p_input, '{}');
  v_prompt text := p_plan.template_body;
  v_rest jsonb := v_input;
begin
  -- A template without parameters has no placeholder (publishing refuses unbound ones).
  if cardinality(p_plan.param_labels) > 0 then
    v_prompt := lenses.fn_render_template(p_plan.template_body, p_plan.parameter_defs,
      (select coalesce(jsonb_object_agg(i.key, i.value), '{}')
       from jsonb_each(p_plan.params || v_input) i where i.key = any (p_plan.param_labels)));
    select coalesce(jsonb_object_agg(i.key, i.value), '{}') into v_rest
    from jsonb_each(v_input) i where not (i.key = any (p_plan.param_labels));
  end if;
  if v_rest <> '{}' then
    v_prompt := v_prompt || E'\n\nInput:\n' || jsonb_pretty(v_rest);
  end if;
  return v_prompt;
end
$function$;

revoke all on function lenses.fn_plan_prompt(p_plan lenses.workflow_node_plans, p_input jsonb) from public;
grant execute on function lenses.fn_plan_prompt(p_plan lenses.workflow_node_plans, p_input jsonb) to service_role;

-- ==== supabase/schemas/lenses/functions/fn_record_llm_call.sql
-- Records one model call in the ledger and returns its usage (all zero when there was no call).
create or replace function lenses.fn_record_llm_call(p_result lenses.workflow_node_results, p_call jsonb, p_status ai.llm_call_status, p_error_kind lenses.task_error_kind, OUT input_tokens bigint, OUT output_tokens bigint, OUT cached_tokens bigint, OUT cost numeric)
 returns record
 language plpgsql
 set search_path to ''
as $function$
declare
  v_row ai.llm_calls := lenses.fn_llm_call_row(p_result, p_call, p_status, p_error_kind);
begin
  input_tokens := 0; output_tokens := 0; cached_tokens := 0; cost := 0;
  if v_row.id is null then
    return;
  end if;
  insert into ai.llm_calls select v_row.*;
  input_tokens := v_row.input_tokens;
  output_tokens := v_row.output_tokens;
  cached_tokens := v_row.cached_tokens;
  cost := v_row.cost_credits;
end
$function$;

revoke all on function lenses.fn_record_llm_call(p_result lenses.workflow_node_results, p_call jsonb, p_status ai.llm_call_status, p_error_kind lenses.task_error_kind, OUT input_tokens bigint, OUT output_tokens bigint, OUT cached_tokens bigint, OUT cost numeric) from public;
grant execute on function lenses.fn_record_llm_call(p_result lenses.workflow_node_results, p_call jsonb, p_status ai.llm_call_status, p_error_kind lenses.task_error_kind, OUT input_tokens bigint, OUT output_tokens bigint, OUT cached_tokens bigint, OUT cost numeric) to service_role;

-- ==== supabase/schemas/public/functions/add_team_edge.sql
create or replace function public.add_team_edge(p_source_member_id uuid, p_target_member_id uuid, p_edge_type agents.team_edge_type, p_is_blocking boolean default false)
 returns agents.team_edges
 language plpgsql
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'add_team_edge';
  v_source agents.team_members;
  v_edge agents.team_edges;
begin
  if p_source_member_id is null or p_target_member_id is null then
    raise exception '%: p_source_member_id and p_target_member_id are required', c_rpc using errcode = '22023';
  end if;
  if p_source_member_id = p_target_member_id then
    raise exception '%: an edge cannot join member % to itself', c_rpc, p_source_member_id using errcode = '22023';
  end if;
  perform agents.fn_rpc_not_null(c_rpc, 'p_edge_type', p_edge_type);
  perform agents.fn_rpc_not_null(c_rpc, 'p_is_blocking', p_is_blocking);
  v_source := agents.fn_rpc_editable_member(c_rpc, p_source_member_id);
  if not exists (select 1 from agents.team_members m where m.id = p_target_member_id and m.team_id = v_source.team_id) then
    raise exception '%: p_target_member_id % is not a member of the source''s team %', c_rpc, p_target_member_id, v_source.team_id
      using errcode = '22023';
  end if;
  if exists (select 1 from agents.team_edges e where e.source_member_id = p_source_member_id
             and e.target_member_id = p_target_member_id and e.edge_type = p_edge_type) then
    raise exception '%: a % edge from % to % already exists', c_rpc, p_edge_type, p_source_member_id, p_target_member_id
      using errcode = '23505';
  end if;
  begin
    insert into agents.team_edges (team_id, source_member_id, target_member_id, edge_type, is_blocking)
    values (v_source.team_id, p_source_member_id, p_target_member_id, p_edge_type, p_is_blocking)
    returning * into v_edge;
  exception when check_violation then
    raise exception '%: %', c_rpc, sqlerrm using errcode = '23514';
  end;
  return v_edge;
end
$function$;

comment on function public.add_team_edge(p_source_member_id uuid, p_target_member_id uuid, p_edge_type agents.team_edge_type, p_is_blocking boolean) is 'Adds a directed edge between two members of one team; a blocking edge that would close a blocking cycle is refused.';

revoke all on function public.add_team_edge(p_source_member_id uuid, p_target_member_id uuid, p_edge_type agents.team_edge_type, p_is_blocking boolean) from public;
grant execute on function public.add_team_edge(p_source_member_id uuid, p_target_member_id uuid, p_edge_type agents.team_edge_type, p_is_blocking boolean) to authenticated;

-- ==== supabase/schemas/public/functions/add_team_member.sql
create or replace function public.add_team_member(p_team_id uuid, p_agent_id uuid, p_role agents.team_member_role default 'member'::agents.team_member_role, p_responsibility text default NULL::text, p_lane integer default 0, p_personality_profile_id uuid default NULL::uuid, p_memory_profile_id uuid default NULL::uuid, p_tool_profile_id uuid default NULL::uuid, p_model_profile_id uuid default NULL::uuid)
 returns agents.team_members
 language plpgsql
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'add_team_member';
  v_team agents.teams := agents.fn_rpc_editable_team('add_team_member', p_team_id);
  v_member agents.team_members;
begin
  if p_agent_id is null then
    raise exception '%: p_agent_id is required', c_rpc using errcode = '22023';
  end if;
  if not (select agents.can_operate_ai_lenser(p_agent_id)) then
    raise exception '%: you do not own, co-own or operate agent %', c_rpc, p_agent_id using errcode = '42501';
  end if;
  perform agents.fn_rpc_not_null(c_rpc, 'p_role', p_role);
  if p_responsibility is not null then
    perform agents.fn_rpc_text(c_rpc, 'p_responsibility', p_responsibility, 2000);
  end if;
  if p_lane is null or p_lane < 0 then
    raise exception '%: p_lane must be 0 or more, got %', c_rpc, coalesce(p_lane::text, 'null') using errcode = '22023';
  end if;
  perform agents.fn_rpc_member_profiles(c_rpc, p_agent_id, p_personality_profile_id, p_memory_profile_id,
    p_tool_profile_id, p_model_profile_id);
  if exists (select 1 from agents.team_members m where m.team_id = v_team.id and m.agent_id = p_agent_id) then
    raise exception '%: agent % is already a member of team %', c_rpc, p_agent_id, v_team.id using errcode = '23505';
  end if;
  insert into agents.team_members (team_id, agent_id, role, responsibility, lane, personality_profile_id,
    memory_profile_id, tool_profile_id, model_profile_id)
  values (v_team.id, p_agent_id, p_role, btrim(p_responsibility), p_lane, p_personality_profile_id,
    p_memory_profile_id, p_tool_profile_id, p_model_profile_id)
  returning * into v_member;
  return v_member;
end
$function$;

comment on function public.add_team_member(p_team_id uuid, p_agent_id uuid, p_role agents.team_member_role, p_responsibility text, p_lane integer, p_personality_profile_id uuid, p_memory_profile_id uuid, p_tool_profile_id uuid, p_model_profile_id uuid) is 'Adds an agent the caller may operate to a team the caller may change; profiles must be the agent''s own.';

revoke all on function public.add_team_member(p_team_id uuid, p_agent_id uuid, p_role agents.team_member_role, p_responsibility text, p_lane integer, p_personality_profile_id uuid, p_memory_profile_id uuid, p_tool_profile_id uuid, p_model_profile_id uuid) from public;
grant execute on function public.add_team_member(p_team_id uuid, p_agent_id uuid, p_role agents.team_member_role, p_responsibility text, p_lane integer, p_personality_profile_id uuid, p_memory_profile_id uuid, p_tool_profile_id uuid, p_model_profile_id uuid) to authenticated;

-- ==== supabase/schemas/public/functions/add_workflow_edge.sql
create or replace function public.add_workflow_edge(p_source_node_id uuid, p_target_node_id uuid, p_merge_strategy lenses.merge_strategy default 'last_write_wins'::lenses.merge_strategy, p_condition text default NULL::text, p_source_output_path text default NULL::text, p_target_input_path text default NULL::text)
 returns lenses.workflow_edges
 language plpgsql
 set search_path to ''
as $function$
declare
  v_source lenses.workflow_nodes;
  v_target lenses.workflow_nodes;
  v_condition jsonpath;
  v_edge lenses.workflow_edges;
begin
  if p_source_node_id is null or p_target_node_id is null then
    raise exception 'add_workflow_edge: p_source_node_id and p_target_node_id are required' using errcode = '22023';
  end if;
  select n.* into v_source from lenses.workflow_nodes n where n.id = p_source_node_id;
  if not found then
    raise exception 'add_workflow_edge: no node % (p_source_node_id) that you can see', p_source_node_id using errcode = 'P0002';
  end if;
  perform lenses.fn_draft_workflow('add_workflow_edge', v_source.workflow_id);
  select n.* into v_target from lenses.workflow_nodes n where n.id = p_target_node_id;
  if not found then
    raise exception 'add_workflow_edge: no node % (p_target_node_id) that you can see', p_target_node_id using errcode = 'P0002';
  end if;
  if v_target.workflow_id <> v_source.workflow_id then
    raise exception 'add_workflow_edge: p_target_node_id % is in another workflow than p_source_node_id', p_target_node_id
      using errcode = '22023';
  end if;
  if p_source_node_id = p_target_node_id then
    raise exception 'add_workflow_edge: an edge cannot go from node "%" to itself', v_source.key using errcode = '22023';
  end if;
  v_condition := lenses.fn_check_edge_args('add_workflow_edge', p_merge_strategy, p_condition, p_source_output_path, p_target_input_path);
  if exists (
    select 1 from lenses.workflow_edges e
    where e.source_node_id = p_source_node_id and e.target_node_id = p_target_node_id
      and e.target_input_path is not distinct from p_target_input_path
  ) then
    raise exception 'add_workflow_edge: an edge from "%" to "%" into % exists already', v_source.key, v_target.key,
      coalesce('"' || p_target_input_path || '"', 'the whole input') using errcode = '23505';
  end if;
  insert into lenses.workflow_edges (workflow_id, source_node_id, target_node_id, merge_strategy, condition, source_output_path, target_input_path)
  values (v_source.workflow_id, p_source_node_id, p_target_node_id, p_merge_strategy, v_condition, p_source_output_path, p_target_input_path)
  returning * into v_edge;
  return v_edge;
end
$function$;

comment on function public.add_workflow_edge(p_source_node_id uuid, p_target_node_id uuid, p_merge_strategy lenses.merge_strategy, p_condition text, p_source_output_path text, p_target_input_path text) is 'Adds an edge between two nodes of a draft workflow, with an optional jsonpath condition, source path, target field and merge strategy.';

revoke all on function public.add_workflow_edge(p_source_node_id uuid, p_target_node_id uuid, p_merge_strategy lenses.merge_strategy, p_condition text, p_source_output_path text, p_target_input_path text) from public;
grant execute on function public.add_workflow_edge(p_source_node_id uuid, p_target_node_id uuid, p_merge_strategy lenses.merge_strategy, p_condition text, p_source_output_path text, p_target_input_path text) to authenticated;

-- ==== supabase/schemas/public/functions/add_workflow_node.sql
create or replace function public.add_workflow_node(p_workflow_id uuid, p_key text, p_kind lenses.workflow_node_kind default 'lens'::lenses.workflow_node_kind, p_lens_version_id uuid default NULL::uuid, p_inline_override jsonb default NULL::jsonb, p_config jsonb default '{}'::jsonb, p_title text default NULL::text)
 returns lenses.workflow_nodes
 language plpgsql
 set search_path to ''
as $function$
declare
  v_node lenses.workflow_nodes;
begin
  perform lenses.fn_draft_workflow('add_workflow_node', p_workflow_id);
  if p_key is null or p_key !~ '^[a-z][a-z0-9_-]{0,62}$' then
    raise exception 'add_workflow_node: p_key "%" must be a slug (a lower-case letter, then letters, digits, _ or -; at most 63)',
      coalesce(p_key, 'null') using errcode = '22023';
  end if;
  if exists (select 1 from lenses.workflow_nodes n where n.workflow_id = p_workflow_id and n.key = p_key) then
    raise exception 'add_workflow_node: p_key "%" is taken in workflow %', p_key, p_workflow_id using errcode = '23505';
  end if;
  if p_kind is null then
    raise exception 'add_workflow_node: p_kind must be lens or human_input' using errcode = '22023';
  end if;
  if p_title is not null and char_length(btrim(p_title)) not between 1 and 200 then
    raise exception 'add_workflow_node: p_title must be 1 to 200 characters' using errcode = '22023';
  end if;
  perform lenses.fn_check_node_args('add_workflow_node', p_kind, p_lens_version_id, nullif(p_inline_override, 'null'::jsonb),
    coalesce(p_config, '{}'::jsonb));
  insert into lenses.workflow_nodes (workflow_id, key, title, kind, lens_version_id, inline_override, config)
  values (p_workflow_id, p_key, nullif(btrim(p_title), ''), p_kind, p_lens_version_id, nullif(p_inline_override, 'null'::jsonb),
    coalesce(p_config, '{}'::jsonb))
  returning * into v_node;
  return v_node;
end
$function$;

comment on function public.add_workflow_node(p_workflow_id uuid, p_key text, p_kind lenses.workflow_node_kind, p_lens_version_id uuid, p_inline_override jsonb, p_config jsonb, p_title text) is 'Adds a node to a draft workflow: a lens node (a version, or an inline override) or a human_input node (config.prompt).';

revoke all on function public.add_workflow_node(p_workflow_id uuid, p_key text, p_kind lenses.workflow_node_kind, p_lens_version_id uuid, p_inline_override jsonb, p_config jsonb, p_title text) from public;
grant execute on function public.add_workflow_node(p_workflow_id uuid, p_key text, p_kind lenses.workflow_node_kind, p_lens_version_id uuid, p_inline_override jsonb, p_config jsonb, p_title text) to authenticated;

-- ==== supabase/schemas/public/functions/archive_lens.sql
create or replace function public.archive_lens(p_lens_id uuid)
 returns lenses.lenses
 language plpgsql
 set search_path to ''
as $function$
declare
  v_lens lenses.lenses := lenses.fn_editable_lens('archive_lens', p_lens_id);
begin
  if v_lens.status = 'archived' then
    raise exception 'archive_lens: lens % is already archived', p_lens_id using errcode = '22023';
  end if;
  update lenses.lenses l set archived_at = now() where l.id = p_lens_id returning * into v_lens;
  return v_lens;
end
$function$;

comment on function public.archive_lens(p_lens_id uuid) is 'Archives a lens: it takes no new versions and no changes; its published versions stay readable and usable.';

revoke all on function public.archive_lens(p_lens_id uuid) from public;
grant execute on function public.archive_lens(p_lens_id uuid) to authenticated;

-- ==== supabase/schemas/public/functions/archive_team.sql
create or replace function public.archive_team(p_team_id uuid)
 returns agents.teams
 language plpgsql
 set search_path to ''
as $function$
declare
  v_team agents.teams := agents.fn_rpc_editable_team('archive_team', p_team_id);
begin
  update agents.teams t set status = 'archived', archived_at = now() where t.id = v_team.id returning * into v_team;
  -- Nothing is dispatched to an archived team any more.
  update agents.workflow_assignments a set status = 'disabled', disabled_at = now()
  where a.assignee_team_id = v_team.id and a.status = 'active';
  return v_team;
end
$function$;

comment on function public.archive_team(p_team_id uuid) is 'Archives a team and disables its active workflow assignments: it stays readable, and never changes again.';

revoke all on function public.archive_team(p_team_id uuid) from public;
grant execute on function public.archive_team(p_team_id uuid) to authenticated;

-- ==== supabase/schemas/public/functions/archive_workflow.sql
create or replace function public.archive_workflow(p_workflow_id uuid)
 returns lenses.workflows
 language plpgsql
 set search_path to ''
as $function$
declare
  v_workflow lenses.workflows := lenses.fn_editable_workflow('archive_workflow', p_workflow_id);
begin
  if v_workflow.status = 'archived' then
    raise exception 'archive_workflow: workflow % is already archived', p_workflow_id using errcode = '22023';
  end if;
  update lenses.workflows w set status = 'archived' where w.id = p_workflow_id returning * into v_workflow;
  return v_workflow;
end
$function$;

comment on function public.archive_workflow(p_workflow_id uuid) is 'Archives a workflow: read-only from then on.';

revoke all on function public.archive_workflow(p_workflow_id uuid) from public;
grant execute on function public.archive_workflow(p_workflow_id uuid) to authenticated;

-- ==== supabase/schemas/public/functions/cancel_workflow_run.sql
create or replace function public.cancel_workflow_run(p_run_id uuid, p_reason text default NULL::text)
 returns lenses.workflow_runs
 language plpgsql
 security definer
 set search_path to ''
as $function$
declare
  v_run lenses.workflow_runs;
  v_reason text := coalesce(nullif(btrim(p_reason), ''), 'cancelled by request');
begin
  if p_run_id is null then
    raise exception 'cancel_workflow_run: p_run_id is required' using errcode = '22023';
  end if;
  if char_length(v_reason) > 1000 then
    raise exception 'cancel_workflow_run: p_reason must be at most 1000 characters' using errcode = '22023';
  end if;
  perform lenses.fn_lock_run(p_run_id);
  select r.* into v_run from lenses.workflow_runs r where r.id = p_run_id;
  if not found or not (auth.role() = 'service_role' or lenses.fn_caller_may_act_on_run(v_run)) then
    raise exception 'cancel_workflow_run: no run % that you can act on', p_run_id using errcode = 'P0002';
  end if;
  if v_run.status in ('completed', 'failed', 'cancelled', 'timed_out') then
    raise exception 'cancel_workflow_run: run % already ended (%)', p_run_id, v_run.status using errcode = '22023';
  end if;

  perform lenses.fn_end_open_results(p_run_id, 'cancelled', v_reason);
  update lenses.workflow_runs r
  set status = 'cancelled', finished_at = now(), active_node_id = null, error_message = v_reason
  where r.id = p_run_id
  returning * into v_run;
  perform lenses.fn_append_workflow_run_event(p_run_id, 'run_cancelled', jsonb_build_object('reason', v_reason), null,
    lensers.current_profile_id());
  select r.* into v_run from lenses.workflow_runs r where r.id = p_run_id;
  return v_run;
end
$function$;

comment on function public.cancel_workflow_run(p_run_id uuid, p_reason text) is 'Cancels a run: pending and running work is cancelled and later completions are refused. [security definer: writes run rows clients cannot write; checks the caller may act on the run]';

revoke all on function public.cancel_workflow_run(p_run_id uuid, p_reason text) from public;
grant execute on function public.cancel_workflow_run(p_run_id uuid, p_reason text) to authenticated, service_role;

-- ==== supabase/schemas/public/functions/create_ai_lenser.sql
-- Creating an agent writes three rows at once (the AI profile, its ai_lensers row and the caller's
-- owner grant). No RLS policy could allow the first two before the third exists, so this one RPC
-- is SECURITY DEFINER and checks its caller itself.
create or replace function public.create_ai_lenser(p_handle text, p_display_name text, p_runtime_pref agents.runtime_pref default 'cloud'::agents.runtime_pref, p_visibility lensers.profile_visibility default 'private'::lensers.profile_visibility, p_personality_note text default NULL::text, p_avatar_url text default NULL::text)
 returns agents.ai_lensers
 language plpgsql
 security definer
 set search_path to ''
as $function$
declare
  v_owner uuid := lensers.current_profile_id();
  v_profile_id uuid;
  v_agent agents.ai_lensers;
begin
  if v_owner is null then
    raise exception 'create_ai_lenser: sign in first (no human profile for this JWT)' using errcode = '42501';
  end if;
  if (select p.status from lensers.profiles p where p.id = v_owner) <> 'active' then
    raise exception 'create_ai_lenser: your profile is not active' using errcode = '42501';
  end if;
  if p_handle is null or p_handle !~ '^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38}[A-Za-z0-9])?$' then
    raise exception 'create_ai_lenser: p_handle "%" is not a slug (1 to 40 letters, digits or inner hyphens)',
      coalesce(p_handle, 'null') using errcode = '22023';
  end if;
  if exists (select 1 from lensers.profiles p where lower(p.handle) = lower(p_handle)) then
    raise exception 'create_ai_lenser: p_handle "%" is taken', p_handle using errcode = '23505';
  end if;
  if p_display_name is null or char_length(btrim(p_display_name)) not between 1 and 120 then
    raise exception 'create_ai_lenser: p_display_name must be 1 to 120 characters' using errcode = '22023';
  end if;
  if p_runtime_pref is null then
    raise exception 'create_ai_lenser: p_runtime_pref must be cloud, local or hybrid' using errcode = '22023';
  end if;
  if p_visibility is null then
    raise exception 'create_ai_lenser: p_visibility must be public, private or unlisted' using errcode = '22023';
  end if;
  if char_length(p_personality_note) > 4000 then
    raise exception 'create_ai_lenser: p_personality_note must be at most 4000 characters' using errcode = '22023';
  end if;
  if p_avatar_url is not null and p_avatar_url !~ '^https?://' then
    raise exception 'create_ai_lenser: p_avatar_url must be an http(s) URL' using errcode = '22023';
  end if;

  insert into lensers.profiles (handle, display_name, type, visibility, avatar_url)
  values (p_handle, btrim(p_display_name), 'ai', p_visibility, p_avatar_url)
  returning id into v_profile_id;
  insert into agents.ai_lensers (profile_id, runtime_pref, personality_note)
  values (v_profile_id, p_runtime_pref, p_personality_note)
  returning * into v_agent;
  insert into agents.ownerships (ai_lenser_id, owner_lenser_id, role, permission_scope, granted_by)
  values (v_agent.id, v_owner, 'owner', enum_range(null::agents.ownership_permission), v_owner);
  return v_agent;
end
$function$;

comment on function public.create_ai_lenser(p_handle text, p_display_name text, p_runtime_pref agents.runtime_pref, p_visibility lensers.profile_visibility, p_personality_note text, p_avatar_url text) is 'Creates an AI lenser owned by the caller. [security definer: writes the AI profile, its agent row and the first owner grant together; checks the caller itself]';

revoke all on function public.create_ai_lenser(p_handle text, p_display_name text, p_runtime_pref agents.runtime_pref, p_visibility lensers.profile_visibility, p_personality_note text, p_avatar_url text) from public;
grant execute on function public.create_ai_lenser(p_handle text, p_display_name text, p_runtime_pref agents.runtime_pref, p_visibility lensers.profile_visibility, p_personality_note text, p_avatar_url text) to authenticated;

-- ==== supabase/schemas/public/functions/create_lens.sql
create or replace function public.create_lens(p_title text, p_description text default NULL::text, p_content text default NULL::text, p_visibility lenses.visibility default 'private'::lenses.visibility, p_tags text[] default '{}'::text[], p_params jsonb default '{}'::jsonb, p_lenser_id uuid default NULL::uuid)
 returns lenses.lenses
 language plpgsql
 set search_path to ''
as $function$
declare
  v_lenser uuid := lenses.fn_acting_lenser('create_lens', p_lenser_id);
  v_tags text[] := lenses.fn_normalize_tags(coalesce(p_tags, '{}'));
  v_errors text[];
  v_lens lenses.lenses;
begin
  if p_title is null or char_length(btrim(p_title)) not between 1 and 200 then
    raise exception 'create_lens: p_title must be 1 to 200 characters' using errcode = '22023';
  end if;
  if char_length(p_description) > 10000 then
    raise exception 'create_lens: p_description must be at most 10000 characters' using errcode = '22023';
  end if;
  if char_length(p_content) > 100000 then
    raise exception 'create_lens: p_content must be at most 100000 characters' using errcode = '22023';
  end if;
  if p_visibility is null then
    raise exception 'create_lens: p_visibility must be public, private or unlisted' using errcode = '22023';
  end if;
  if not lenses.fn_tags_valid(v_tags) then
    raise exception 'create_lens: p_tags must be at most 20 distinct slugs of 1 to 40 letters, digits, _ or -, got %', p_tags
      using errcode = '22023';
  end if;
  v_errors := lenses.fn_lens_params_errors(coalesce(p_params, '{}'::jsonb));
  if cardinality(v_errors) > 0 then
    raise exception 'create_lens: p_params is not valid: %', array_to_string(v_errors, '; ') using errcode = '22023';
  end if;
  insert into lenses.lenses (lenser_id, title, description, content, visibility, tags, params, created_by)
  values (v_lenser, btrim(p_title), nullif(p_description, ''), nullif(p_content, ''), p_visibility, v_tags,
    coalesce(p_params, '{}'::jsonb), (select lensers.current_profile_id()))
  returning * into v_lens;
  return v_lens;
end
$function$;

comment on function public.create_lens(p_title text, p_description text, p_content text, p_visibility lenses.visibility, p_tags text[], p_params jsonb, p_lenser_id uuid) is 'Creates a draft lens for the caller (or an AI they own or co-own: p_lenser_id). Tags are trimmed and lower-cased.';

revoke all on function public.create_lens(p_title text, p_description text, p_content text, p_visibility lenses.visibility, p_tags text[], p_params jsonb, p_lenser_id uuid) from public;
grant execute on function public.create_lens(p_title text, p_description text, p_content text, p_visibility lenses.visibility, p_tags text[], p_params jsonb, p_lenser_id uuid) to authenticated;

-- ==== supabase/schemas/public/functions/create_memory_profile.sql
create or replace function public.create_memory_profile(p_ai_lenser_id uuid, p_name text, p_scope_type agents.memory_scope default 'agent'::agents.memory_scope, p_isolation_mode agents.memory_isolation_mode default 'isolated'::agents.memory_isolation_mode, p_retention_days integer default NULL::integer, p_visibility agents.memory_visibility default 'operators'::agents.memory_visibility, p_summary_strategy agents.memory_summary_strategy default 'none'::agents.memory_summary_strategy, p_reset_policy agents.memory_reset_policy default 'never'::agents.memory_reset_policy, p_is_default boolean default false)
 returns agents.memory_profiles
 language plpgsql
 set search_path to ''
as $function$
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
$function$;

comment on function public.create_memory_profile(p_ai_lenser_id uuid, p_name text, p_scope_type agents.memory_scope, p_isolation_mode agents.memory_isolation_mode, p_retention_days integer, p_visibility agents.memory_visibility, p_summary_strategy agents.memory_summary_strategy, p_reset_policy agents.memory_reset_policy, p_is_default boolean) is 'Creates a memory profile for an agent the caller owns or co-owns.';

revoke all on function public.create_memory_profile(p_ai_lenser_id uuid, p_name text, p_scope_type agents.memory_scope, p_isolation_mode agents.memory_isolation_mode, p_retention_days integer, p_visibility agents.memory_visibility, p_summary_strategy agents.memory_summary_strategy, p_reset_policy agents.memory_reset_policy, p_is_default boolean) from public;
grant execute on function public.create_memory_profile(p_ai_lenser_id uuid, p_name text, p_scope_type agents.memory_scope, p_isolation_mode agents.memory_isolation_mode, p_retention_days integer, p_visibility agents.memory_visibility, p_summary_strategy agents.memory_summary_strategy, p_reset_policy agents.memory_reset_policy, p_is_default boolean) to authenticated;

-- ==== supabase/schemas/public/functions/create_model_profile.sql
create or replace function public.create_model_profile(p_ai_lenser_id uuid, p_name text, p_model_id uuid, p_params jsonb default '{}'::jsonb, p_is_default boolean default false)
 returns agents.model_profiles
 language plpgsql
 set search_path to ''
as $function$
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
$function$;

comment on function public.create_model_profile(p_ai_lenser_id uuid, p_name text, p_model_id uuid, p_params jsonb, p_is_default boolean) is 'Creates a model profile (a callable chat model and its params) for an agent the caller owns or co-owns.';

revoke all on function public.create_model_profile(p_ai_lenser_id uuid, p_name text, p_model_id uuid, p_params jsonb, p_is_default boolean) from public;
grant execute on function public.create_model_profile(p_ai_lenser_id uuid, p_name text, p_model_id uuid, p_params jsonb, p_is_default boolean) to authenticated;

-- ==== supabase/schemas/public/functions/create_personality_profile.sql
create or replace function public.create_personality_profile(p_ai_lenser_id uuid, p_name text, p_tone agents.personality_tone default 'neutral'::agents.personality_tone, p_expertise_level agents.expertise_level default 'intermediate'::agents.expertise_level, p_risk_tolerance agents.risk_tolerance default 'low'::agents.risk_tolerance, p_autonomy_level agents.autonomy_level default 'supervised'::agents.autonomy_level, p_communication_style agents.communication_style default 'concise'::agents.communication_style, p_decision_style agents.decision_style default 'balanced'::agents.decision_style, p_escalation_behavior agents.escalation_behavior default 'on_uncertainty'::agents.escalation_behavior, p_system_prompt_patch text default NULL::text, p_is_default boolean default false)
 returns agents.personality_profiles
 language plpgsql
 set search_path to ''
as $function$
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
$function$;

comment on function public.create_personality_profile(p_ai_lenser_id uuid, p_name text, p_tone agents.personality_tone, p_expertise_level agents.expertise_level, p_risk_tolerance agents.risk_tolerance, p_autonomy_level agents.autonomy_level, p_communication_style agents.communication_style, p_decision_style agents.decision_style, p_escalation_behavior agents.escalation_behavior, p_system_prompt_patch text, p_is_default boolean) is 'Creates a personality profile for an agent the caller owns or co-owns.';

revoke all on function public.create_personality_profile(p_ai_lenser_id uuid, p_name text, p_tone agents.personality_tone, p_expertise_level agents.expertise_level, p_risk_tolerance agents.risk_tolerance, p_autonomy_level agents.autonomy_level, p_communication_style agents.communication_style, p_decision_style agents.decision_style, p_escalation_behavior agents.escalation_behavior, p_system_prompt_patch text, p_is_default boolean) from public;
grant execute on function public.create_personality_profile(p_ai_lenser_id uuid, p_name text, p_tone agents.personality_tone, p_expertise_level agents.expertise_level, p_risk_tolerance agents.risk_tolerance, p_autonomy_level agents.autonomy_level, p_communication_style agents.communication_style, p_decision_style agents.decision_style, p_escalation_behavior agents.escalation_behavior, p_system_prompt_patch text, p_is_default boolean) to authenticated;

-- ==== supabase/schemas/public/functions/create_team.sql
create or replace function public.create_team(p_name text, p_owner_lenser_id uuid default NULL::uuid, p_description text default NULL::text, p_scratchpad jsonb default '{}'::jsonb, p_status agents.team_status default 'active'::agents.team_status)
 returns agents.teams
 language plpgsql
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'create_team';
  v_owner uuid := coalesce(p_owner_lenser_id, (select lensers.current_profile_id()));
  v_team agents.teams;
begin
  if v_owner is null then
    raise exception '%: sign in first (no human profile for this JWT)', c_rpc using errcode = '42501';
  end if;
  if not exists (select 1 from lensers.editable_profile_ids() e where e = v_owner) then
    raise exception '%: you may not create teams for lenser %', c_rpc, v_owner using errcode = '42501';
  end if;
  perform agents.fn_rpc_text(c_rpc, 'p_name', p_name, 120);
  if p_description is not null then
    perform agents.fn_rpc_text(c_rpc, 'p_description', p_description, 4000);
  end if;
  perform agents.fn_rpc_scratchpad(c_rpc, p_scratchpad);
  perform agents.fn_rpc_not_null(c_rpc, 'p_status', p_status);
  if p_status = 'archived' then
    raise exception '%: p_status must be active or paused for a new team', c_rpc using errcode = '22023';
  end if;
  if exists (select 1 from agents.teams t where t.owner_lenser_id = v_owner and lower(t.name) = lower(btrim(p_name))
             and t.status <> 'archived') then
    raise exception '%: p_name "%" is taken by another team of this owner', c_rpc, btrim(p_name) using errcode = '23505';
  end if;
  insert into agents.teams (owner_lenser_id, name, description, scratchpad, status)
  values (v_owner, btrim(p_name), btrim(p_description), p_scratchpad, p_status)
  returning * into v_team;
  return v_team;
end
$function$;

comment on function public.create_team(p_name text, p_owner_lenser_id uuid, p_description text, p_scratchpad jsonb, p_status agents.team_status) is 'Creates a team owned by the caller, or by an AI lenser the caller owns or co-owns (p_owner_lenser_id).';

revoke all on function public.create_team(p_name text, p_owner_lenser_id uuid, p_description text, p_scratchpad jsonb, p_status agents.team_status) from public;
grant execute on function public.create_team(p_name text, p_owner_lenser_id uuid, p_description text, p_scratchpad jsonb, p_status agents.team_status) to authenticated;

-- ==== supabase/schemas/public/functions/create_tool_profile.sql
create or replace function public.create_tool_profile(p_ai_lenser_id uuid, p_name text, p_allow_tools text[] default '{}'::text[], p_deny_tools text[] default '{}'::text[], p_tool_groups text[] default '{}'::text[], p_provider_overrides jsonb default '{}'::jsonb, p_requires_approval boolean default false, p_is_default boolean default false)
 returns agents.tool_profiles
 language plpgsql
 set search_path to ''
as $function$
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
$function$;

comment on function public.create_tool_profile(p_ai_lenser_id uuid, p_name text, p_allow_tools text[], p_deny_tools text[], p_tool_groups text[], p_provider_overrides jsonb, p_requires_approval boolean, p_is_default boolean) is 'Creates a tool profile (allowed tools and groups, denied tools, overrides, approval) for an agent the caller manages.';

revoke all on function public.create_tool_profile(p_ai_lenser_id uuid, p_name text, p_allow_tools text[], p_deny_tools text[], p_tool_groups text[], p_provider_overrides jsonb, p_requires_approval boolean, p_is_default boolean) from public;
grant execute on function public.create_tool_profile(p_ai_lenser_id uuid, p_name text, p_allow_tools text[], p_deny_tools text[], p_tool_groups text[], p_provider_overrides jsonb, p_requires_approval boolean, p_is_default boolean) to authenticated;

-- ==== supabase/schemas/public/functions/create_workflow_assignment.sql
create or replace function public.create_workflow_assignment(p_workflow_id uuid, p_assignee_kind agents.assignee_kind, p_assignee_ai_lenser_id uuid default NULL::uuid, p_assignee_team_id uuid default NULL::uuid, p_approval_policy jsonb default NULL::jsonb, p_retry_policy jsonb default NULL::jsonb, p_failure_policy jsonb default NULL::jsonb, p_queue_policy jsonb default NULL::jsonb, p_output_destination jsonb default NULL::jsonb)
 returns agents.workflow_assignments
 language plpgsql
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'create_workflow_assignment';
  v_workflow_status lenses.workflow_status;
  v_row agents.workflow_assignments;
begin
  perform agents.fn_rpc_not_null(c_rpc, 'p_workflow_id', p_workflow_id);
  perform agents.fn_rpc_not_null(c_rpc, 'p_assignee_kind', p_assignee_kind);
  if p_assignee_kind = 'agent' and (p_assignee_ai_lenser_id is null or p_assignee_team_id is not null) then
    raise exception '%: an agent assignment needs p_assignee_ai_lenser_id and no p_assignee_team_id', c_rpc using errcode = '22023';
  end if;
  if p_assignee_kind = 'team' and (p_assignee_team_id is null or p_assignee_ai_lenser_id is not null) then
    raise exception '%: a team assignment needs p_assignee_team_id and no p_assignee_ai_lenser_id', c_rpc using errcode = '22023';
  end if;
  select w.status into v_workflow_status from lenses.workflows w where w.id = p_workflow_id;
  if not found then
    raise exception '%: no workflow % that you can see', c_rpc, p_workflow_id using errcode = 'P0002';
  end if;
  if v_workflow_status = 'archived' then
    raise exception '%: workflow % is archived', c_rpc, p_workflow_id using errcode = '22023';
  end if;
  if p_assignee_kind = 'agent' then
    perform agents.fn_rpc_require_manage(c_rpc, p_assignee_ai_lenser_id);
  else
    perform agents.fn_rpc_editable_team(c_rpc, p_assignee_team_id);
  end if;
  perform agents.fn_rpc_assignment_policies(c_rpc, p_assignee_ai_lenser_id, p_assignee_team_id, p_approval_policy,
    p_retry_policy, p_failure_policy, p_queue_policy, p_output_destination);
  if exists (select 1 from agents.workflow_assignments a
             where a.workflow_id = p_workflow_id and a.status = 'active' and a.assignee_kind = p_assignee_kind
               and coalesce(a.assignee_ai_lenser_id, a.assignee_team_id) = coalesce(p_assignee_ai_lenser_id, p_assignee_team_id)) then
    raise exception '%: workflow % already has an active assignment to this %', c_rpc, p_workflow_id, p_assignee_kind
      using errcode = '23505';
  end if;
  insert into agents.workflow_assignments (workflow_id, assignee_kind, assignee_ai_lenser_id, assignee_team_id,
    approval_policy, retry_policy, failure_policy, queue_policy, output_destination)
  values (p_workflow_id, p_assignee_kind, p_assignee_ai_lenser_id, p_assignee_team_id,
    coalesce(p_approval_policy, '{"requiresApproval":true}'), coalesce(p_retry_policy, '{"maxRetries":1}'),
    coalesce(p_failure_policy, '{"mode":"isolate"}'), coalesce(p_queue_policy, '{"mode":"parallel"}'),
    coalesce(p_output_destination, '{}'))
  returning * into v_row;
  return v_row;
end
$function$;

comment on function public.create_workflow_assignment(p_workflow_id uuid, p_assignee_kind agents.assignee_kind, p_assignee_ai_lenser_id uuid, p_assignee_team_id uuid, p_approval_policy jsonb, p_retry_policy jsonb, p_failure_policy jsonb, p_queue_policy jsonb, p_output_destination jsonb) is 'Assigns a workflow the caller can see to an agent they own or co-own, or to a team they may change; null policies take the defaults.';

revoke all on function public.create_workflow_assignment(p_workflow_id uuid, p_assignee_kind agents.assignee_kind, p_assignee_ai_lenser_id uuid, p_assignee_team_id uuid, p_approval_policy jsonb, p_retry_policy jsonb, p_failure_policy jsonb, p_queue_policy jsonb, p_output_destination jsonb) from public;
grant execute on function public.create_workflow_assignment(p_workflow_id uuid, p_assignee_kind agents.assignee_kind, p_assignee_ai_lenser_id uuid, p_assignee_team_id uuid, p_approval_policy jsonb, p_retry_policy jsonb, p_failure_policy jsonb, p_queue_policy jsonb, p_output_destination jsonb) to authenticated;

-- ==== supabase/schemas/public/functions/create_workflow.sql
create or replace function public.create_workflow(p_title text, p_description text default NULL::text, p_visibility lenses.visibility default 'private'::lenses.visibility, p_tags text[] default '{}'::text[], p_lenser_id uuid default NULL::uuid)
 returns lenses.workflows
 language plpgsql
 set search_path to ''
as $function$
declare
  v_lenser uuid := lenses.fn_acting_lenser('create_workflow', p_lenser_id);
  v_tags text[] := lenses.fn_normalize_tags(coalesce(p_tags, '{}'));
  v_workflow lenses.workflows;
begin
  if p_title is null or char_length(btrim(p_title)) not between 1 and 200 then
    raise exception 'create_workflow: p_title must be 1 to 200 characters' using errcode = '22023';
  end if;
  if char_length(p_description) > 10000 then
    raise exception 'create_workflow: p_description must be at most 10000 characters' using errcode = '22023';
  end if;
  if p_visibility is null then
    raise exception 'create_workflow: p_visibility must be public, private or unlisted' using errcode = '22023';
  end if;
  if not lenses.fn_tags_valid(v_tags) then
    raise exception 'create_workflow: p_tags must be at most 20 distinct slugs of 1 to 40 letters, digits, _ or -, got %', p_tags
      using errcode = '22023';
  end if;
  insert into lenses.workflows (lenser_id, title, description, visibility, tags, created_by)
  values (v_lenser, btrim(p_title), nullif(p_description, ''), p_visibility, v_tags, (select lensers.current_profile_id()))
  returning * into v_workflow;
  return v_workflow;
end
$function$;

comment on function public.create_workflow(p_title text, p_description text, p_visibility lenses.visibility, p_tags text[], p_lenser_id uuid) is 'Creates a draft workflow for the caller (or an AI they own or co-own: p_lenser_id).';

revoke all on function public.create_workflow(p_title text, p_description text, p_visibility lenses.visibility, p_tags text[], p_lenser_id uuid) from public;
grant execute on function public.create_workflow(p_title text, p_description text, p_visibility lenses.visibility, p_tags text[], p_lenser_id uuid) to authenticated;

-- ==== supabase/schemas/public/functions/delete_memory_profile.sql
create or replace function public.delete_memory_profile(p_profile_id uuid)
 returns agents.memory_profiles
 language plpgsql
 set search_path to ''
as $function$
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
$function$;

comment on function public.delete_memory_profile(p_profile_id uuid) is 'Deletes a memory profile that no team member uses, and its memory entries with it; returns the deleted row.';

revoke all on function public.delete_memory_profile(p_profile_id uuid) from public;
grant execute on function public.delete_memory_profile(p_profile_id uuid) to authenticated;

-- ==== supabase/schemas/public/functions/delete_model_profile.sql
create or replace function public.delete_model_profile(p_profile_id uuid)
 returns agents.model_profiles
 language plpgsql
 set search_path to ''
as $function$
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
$function$;

comment on function public.delete_model_profile(p_profile_id uuid) is 'Deletes a model profile that no team member uses; returns the deleted row.';

revoke all on function public.delete_model_profile(p_profile_id uuid) from public;
grant execute on function public.delete_model_profile(p_profile_id uuid) to authenticated;

-- ==== supabase/schemas/public/functions/delete_personality_profile.sql
create or replace function public.delete_personality_profile(p_profile_id uuid)
 returns agents.personality_profiles
 language plpgsql
 set search_path to ''
as $function$
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
$function$;

comment on function public.delete_personality_profile(p_profile_id uuid) is 'Deletes a personality profile that no team member uses; returns the deleted row.';

revoke all on function public.delete_personality_profile(p_profile_id uuid) from public;
grant execute on function public.delete_personality_profile(p_profile_id uuid) to authenticated;

-- ==== supabase/schemas/public/functions/delete_tool_profile.sql
create or replace function public.delete_tool_profile(p_profile_id uuid)
 returns agents.tool_profiles
 language plpgsql
 set search_path to ''
as $function$
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
$function$;

comment on function public.delete_tool_profile(p_profile_id uuid) is 'Deletes a tool profile that no team member uses (past invocations keep their record); returns the deleted row.';

revoke all on function public.delete_tool_profile(p_profile_id uuid) from public;
grant execute on function public.delete_tool_profile(p_profile_id uuid) to authenticated;

-- ==== supabase/schemas/public/functions/disable_workflow_assignment.sql
create or replace function public.disable_workflow_assignment(p_assignment_id uuid)
 returns agents.workflow_assignments
 language plpgsql
 set search_path to ''
as $function$
declare
  v_row agents.workflow_assignments := agents.fn_rpc_editable_assignment('disable_workflow_assignment', p_assignment_id);
begin
  if v_row.status = 'disabled' then
    raise exception 'disable_workflow_assignment: assignment % is already disabled (since %)', p_assignment_id, v_row.disabled_at
      using errcode = '22023';
  end if;
  update agents.workflow_assignments a set status = 'disabled', disabled_at = now() where a.id = v_row.id returning * into v_row;
  return v_row;
end
$function$;

comment on function public.disable_workflow_assignment(p_assignment_id uuid) is 'Disables an assignment: it is kept, and no longer dispatched.';

revoke all on function public.disable_workflow_assignment(p_assignment_id uuid) from public;
grant execute on function public.disable_workflow_assignment(p_assignment_id uuid) to authenticated;

-- ==== supabase/schemas/public/functions/fn_approve_tool_invocation.sql
create or replace function public.fn_approve_tool_invocation(p_invocation_id uuid)
 returns agents.tool_invocations
 language plpgsql
 set search_path to ''
as $function$
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
$function$;

comment on function public.fn_approve_tool_invocation(p_invocation_id uuid) is 'Approves a tool call awaiting approval, once; only an owner or co-owner of the agent.';

revoke all on function public.fn_approve_tool_invocation(p_invocation_id uuid) from public;
grant execute on function public.fn_approve_tool_invocation(p_invocation_id uuid) to authenticated;

-- ==== supabase/schemas/public/functions/fn_complete_tool_invocation.sql
create or replace function public.fn_complete_tool_invocation(p_invocation_id uuid, p_status agents.tool_invocation_status, p_output jsonb default NULL::jsonb, p_error text default NULL::text, p_cost_credits numeric default NULL::numeric)
 returns agents.tool_invocations
 language plpgsql
 set search_path to ''
as $function$
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
$function$;

comment on function public.fn_complete_tool_invocation(p_invocation_id uuid, p_status agents.tool_invocation_status, p_output jsonb, p_error text, p_cost_credits numeric) is 'Moves an invocation on: approved -> running, running -> succeeded (output, cost) or failed (error, cost). Operators and the engine.';

revoke all on function public.fn_complete_tool_invocation(p_invocation_id uuid, p_status agents.tool_invocation_status, p_output jsonb, p_error text, p_cost_credits numeric) from public;
grant execute on function public.fn_complete_tool_invocation(p_invocation_id uuid, p_status agents.tool_invocation_status, p_output jsonb, p_error text, p_cost_credits numeric) to authenticated, service_role;

-- ==== supabase/schemas/public/functions/fn_invoke_tool.sql
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
$function$;

comment on function public.fn_invoke_tool(p_ai_lenser_id uuid, p_tool_key text, p_input jsonb, p_tool_profile_id uuid, p_step_id uuid, p_workflow_node_result_id uuid) is 'Records a tool call by an agent the caller may operate, if its tool profile (given, or the default) allows the tool; it waits for approval when the tool or profile requires it, else it is running.';

revoke all on function public.fn_invoke_tool(p_ai_lenser_id uuid, p_tool_key text, p_input jsonb, p_tool_profile_id uuid, p_step_id uuid, p_workflow_node_result_id uuid) from public;
grant execute on function public.fn_invoke_tool(p_ai_lenser_id uuid, p_tool_key text, p_input jsonb, p_tool_profile_id uuid, p_step_id uuid, p_workflow_node_result_id uuid) to authenticated, service_role;

-- ==== supabase/schemas/public/functions/fn_redact_memory_entry.sql
create or replace function public.fn_redact_memory_entry(p_memory_id uuid)
 returns agents.memories
 language plpgsql
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'fn_redact_memory_entry';
  v_row agents.memories;
begin
  perform agents.fn_rpc_not_null(c_rpc, 'p_memory_id', p_memory_id);
  select m.* into v_row from agents.memories m where m.id = p_memory_id;
  if not found then
    raise exception '%: no memory entry % that you can see', c_rpc, p_memory_id using errcode = 'P0002';
  end if;
  perform agents.fn_rpc_require_manage(c_rpc, v_row.ai_lenser_id);
  if v_row.redacted_at is not null then
    raise exception '%: memory entry % was already redacted at %', c_rpc, p_memory_id, v_row.redacted_at using errcode = '22023';
  end if;
  update agents.memories m set content = '[redacted]', embedding = null, metadata = '{}', redacted_at = now()
  where m.id = p_memory_id
  returning * into v_row;
  return v_row;
end
$function$;

comment on function public.fn_redact_memory_entry(p_memory_id uuid) is 'Redacts an entry: the row stays, its content becomes ''[redacted]'', its embedding and metadata are cleared.';

revoke all on function public.fn_redact_memory_entry(p_memory_id uuid) from public;
grant execute on function public.fn_redact_memory_entry(p_memory_id uuid) to authenticated, service_role;

-- ==== supabase/schemas/public/functions/fn_reject_tool_invocation.sql
create or replace function public.fn_reject_tool_invocation(p_invocation_id uuid, p_reason text)
 returns agents.tool_invocations
 language plpgsql
 set search_path to ''
as $function$
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
$function$;

comment on function public.fn_reject_tool_invocation(p_invocation_id uuid, p_reason text) is 'Rejects a tool call awaiting approval, once, with a reason; only an owner or co-owner of the agent.';

revoke all on function public.fn_reject_tool_invocation(p_invocation_id uuid, p_reason text) from public;
grant execute on function public.fn_reject_tool_invocation(p_invocation_id uuid, p_reason text) to authenticated;

-- ==== supabase/schemas/public/functions/fn_write_memory_entry.sql
create or replace function public.fn_write_memory_entry(p_memory_profile_id uuid, p_content text, p_scope agents.memory_scope default NULL::agents.memory_scope, p_source agents.memory_source default 'manual'::agents.memory_source, p_confidence numeric default 1, p_expires_at timestamp with time zone default NULL::timestamp with time zone, p_embedding extensions.vector default NULL::extensions.vector, p_metadata jsonb default '{}'::jsonb)
 returns agents.memories
 language plpgsql
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'fn_write_memory_entry';
  v_profile agents.memory_profiles := agents.fn_rpc_memory_profile('fn_write_memory_entry', p_memory_profile_id, true);
  v_row agents.memories;
begin
  if p_content is null or btrim(p_content) = '' or char_length(p_content) > 20000 then
    raise exception '%: p_content must be 1 to 20000 characters', c_rpc using errcode = '22023';
  end if;
  perform agents.fn_rpc_not_null(c_rpc, 'p_source', p_source);
  if p_confidence is null or p_confidence not between 0 and 1 then
    raise exception '%: p_confidence must be between 0 and 1, got %', c_rpc, coalesce(p_confidence::text, 'null')
      using errcode = '22023';
  end if;
  if p_expires_at is not null and p_expires_at <= now() then
    raise exception '%: p_expires_at must be in the future, got %', c_rpc, p_expires_at using errcode = '22023';
  end if;
  if p_embedding is not null and extensions.vector_dims(p_embedding) <> 1536 then
    raise exception '%: p_embedding must have exactly 1536 dimensions, got %', c_rpc, extensions.vector_dims(p_embedding)
      using errcode = '22023';
  end if;
  if p_metadata is null or jsonb_typeof(p_metadata) <> 'object' then
    raise exception '%: p_metadata must be a JSON object', c_rpc using errcode = '22023';
  end if;
  insert into agents.memories (memory_profile_id, ai_lenser_id, scope, source, content, confidence, expires_at, embedding, metadata)
  values (v_profile.id, v_profile.ai_lenser_id, coalesce(p_scope, v_profile.scope_type), p_source, p_content,
    round(p_confidence, 3),
    coalesce(p_expires_at, now() + make_interval(days => v_profile.retention_days)),
    p_embedding, p_metadata)
  returning * into v_row;
  return v_row;
end
$function$;

comment on function public.fn_write_memory_entry(p_memory_profile_id uuid, p_content text, p_scope agents.memory_scope, p_source agents.memory_source, p_confidence numeric, p_expires_at timestamp with time zone, p_embedding extensions.vector, p_metadata jsonb) is 'Writes a memory entry (scope defaults to the profile''s scope_type, expiry to its retention_days); owners, co-owners, the engine.';

revoke all on function public.fn_write_memory_entry(p_memory_profile_id uuid, p_content text, p_scope agents.memory_scope, p_source agents.memory_source, p_confidence numeric, p_expires_at timestamp with time zone, p_embedding extensions.vector, p_metadata jsonb) from public;
grant execute on function public.fn_write_memory_entry(p_memory_profile_id uuid, p_content text, p_scope agents.memory_scope, p_source agents.memory_source, p_confidence numeric, p_expires_at timestamp with time zone, p_embedding extensions.vector, p_metadata jsonb) to authenticated, service_role;

-- ==== supabase/schemas/public/functions/get_my_profile.sql
create or replace function public.get_my_profile()
 returns lensers.profiles
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_profile lensers.profiles;
begin
  if (select auth.uid()) is null then
    raise exception 'get_my_profile: sign in first (no user in the JWT)' using errcode = '42501';
  end if;
  select p.* into v_profile from lensers.profiles p where p.user_id = (select auth.uid());
  return v_profile;
end
$function$;

comment on function public.get_my_profile() is 'The signed-in user''s own profile.';

revoke all on function public.get_my_profile() from public;
grant execute on function public.get_my_profile() to authenticated;

-- ==== supabase/schemas/public/functions/get_profile.sql
create or replace function public.get_profile(p_handle text)
 returns lensers.profiles
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_profile lensers.profiles;
begin
  if p_handle is null or btrim(p_handle) = '' then
    raise exception 'get_profile: p_handle is required' using errcode = '22023';
  end if;
  select p.* into v_profile from lensers.profiles p where lower(p.handle) = lower(btrim(p_handle));
  if not found then
    raise exception 'get_profile: no visible profile with handle "%"', p_handle using errcode = 'P0002';
  end if;
  return v_profile;
end
$function$;

comment on function public.get_profile(p_handle text) is 'A profile by handle (case-insensitive), if the caller may see it.';

revoke all on function public.get_profile(p_handle text) from public;
grant execute on function public.get_profile(p_handle text) to anon, authenticated, service_role;

-- ==== supabase/schemas/public/functions/grant_ai_lenser_ownership.sql
create or replace function public.grant_ai_lenser_ownership(p_ai_lenser_id uuid, p_owner_handle text, p_role agents.ownership_role, p_permission_scope agents.ownership_permission[] default NULL::agents.ownership_permission[])
 returns agents.ownerships
 language plpgsql
 set search_path to ''
as $function$
declare
  v_me uuid := (select lensers.current_profile_id());
  v_grantee uuid;
  v_row agents.ownerships;
begin
  if p_ai_lenser_id is null then
    raise exception 'grant_ai_lenser_ownership: p_ai_lenser_id is required' using errcode = '22023';
  end if;
  if p_role is null then
    raise exception 'grant_ai_lenser_ownership: p_role must be owner, co_owner or operator' using errcode = '22023';
  end if;
  if not (select agents.can_manage_ai_lenser(p_ai_lenser_id)) then
    raise exception 'grant_ai_lenser_ownership: you do not own or co-own agent %', p_ai_lenser_id using errcode = '42501';
  end if;
  if p_role = 'owner' and not exists (
    select 1 from agents.ownerships o
    where o.ai_lenser_id = p_ai_lenser_id and o.owner_lenser_id = v_me and o.role = 'owner' and o.revoked_at is null
  ) then
    raise exception 'grant_ai_lenser_ownership: only an owner can grant the owner role' using errcode = '42501';
  end if;
  select p.id into v_grantee from lensers.profiles p
  where lower(p.handle) = lower(btrim(p_owner_handle)) and p.type = 'human' and p.status = 'active';
  if v_grantee is null then
    raise exception 'grant_ai_lenser_ownership: p_owner_handle "%" is not an active human lenser you can see',
      coalesce(p_owner_handle, 'null') using errcode = '22023';
  end if;
  if exists (select 1 from agents.ownerships o
             where o.ai_lenser_id = p_ai_lenser_id and o.owner_lenser_id = v_grantee and o.revoked_at is null) then
    raise exception 'grant_ai_lenser_ownership: "%" already holds a live grant; revoke it first to change the role',
      p_owner_handle using errcode = '23505';
  end if;
  insert into agents.ownerships (ai_lenser_id, owner_lenser_id, role, permission_scope, granted_by)
  values (
    p_ai_lenser_id, v_grantee, p_role,
    coalesce(p_permission_scope, case when p_role = 'operator' then array['run', 'view_runs']::agents.ownership_permission[]
                                      else enum_range(null::agents.ownership_permission) end),
    v_me
  )
  returning * into v_row;
  return v_row;
end
$function$;

comment on function public.grant_ai_lenser_ownership(p_ai_lenser_id uuid, p_owner_handle text, p_role agents.ownership_role, p_permission_scope agents.ownership_permission[]) is 'Grants a human (by handle) a role on an agent; owners and co-owners may grant, only owners may grant owner.';

revoke all on function public.grant_ai_lenser_ownership(p_ai_lenser_id uuid, p_owner_handle text, p_role agents.ownership_role, p_permission_scope agents.ownership_permission[]) from public;
grant execute on function public.grant_ai_lenser_ownership(p_ai_lenser_id uuid, p_owner_handle text, p_role agents.ownership_role, p_permission_scope agents.ownership_permission[]) to authenticated;

-- ==== supabase/schemas/public/functions/list_lens_tools.sql
create or replace function public.list_lens_tools(p_category lenses.tool_category default NULL::lenses.tool_category)
 returns setof lenses.tools
 language sql
 stable
 set search_path to ''
as $function$
  select t.* from lenses.tools t
  where p_category is null or t.category = p_category
  order by t.category, t.key
$function$;

comment on function public.list_lens_tools(p_category lenses.tool_category) is 'The parameter type registry, optionally one category.';

revoke all on function public.list_lens_tools(p_category lenses.tool_category) from public;
grant execute on function public.list_lens_tools(p_category lenses.tool_category) to anon, authenticated, service_role;

-- ==== supabase/schemas/public/functions/list_lenses.sql
create or replace function public.list_lenses(p_scope text default 'public'::text, p_status lenses.lens_status default NULL::lenses.lens_status, p_tag text default NULL::text, p_search text default NULL::text, p_lenser_id uuid default NULL::uuid, p_limit integer default 50, p_offset integer default 0)
 returns setof lenses.lenses
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_search text := nullif(btrim(p_search), '');
  v_pattern text;
begin
  if p_scope is null or p_scope not in ('mine', 'public') then
    raise exception 'list_lenses: p_scope must be mine or public, got %', coalesce(p_scope, 'null') using errcode = '22023';
  end if;
  perform lensers.fn_rpc_page('list_lenses', p_limit, p_offset);
  if char_length(v_search) > 200 then
    raise exception 'list_lenses: p_search must be at most 200 characters' using errcode = '22023';
  end if;
  if p_scope = 'mine' and (select auth.uid()) is null then
    raise exception 'list_lenses: sign in first to list your own lenses (p_scope mine)' using errcode = '42501';
  end if;
  v_pattern := '%' || replace(replace(replace(v_search, '\', '\\'), '%', '\%'), '_', '\_') || '%';
  if p_scope = 'mine' then
    return query
      select l.* from lenses.lenses l
      where l.lenser_id in (select lensers.actable_profile_ids())
        and (p_status is null or l.status = p_status)
        and (p_tag is null or l.tags @> array[lower(btrim(p_tag))])
        and (v_search is null or l.title ilike v_pattern or l.description ilike v_pattern)
        and (p_lenser_id is null or l.lenser_id = p_lenser_id)
      order by l.updated_at desc, l.id
      limit p_limit offset p_offset;
  else
    return query
      select l.* from lenses.lenses l
      where l.visibility = 'public'
        and (p_status is null or l.status = p_status)
        and (p_tag is null or l.tags @> array[lower(btrim(p_tag))])
        and (v_search is null or l.title ilike v_pattern or l.description ilike v_pattern)
        and (p_lenser_id is null or l.lenser_id = p_lenser_id)
      order by l.updated_at desc, l.id
      limit p_limit offset p_offset;
  end if;
end
$function$;

comment on function public.list_lenses(p_scope text, p_status lenses.lens_status, p_tag text, p_search text, p_lenser_id uuid, p_limit integer, p_offset integer) is 'Lenses a page at a time, newest change first: p_scope mine (lensers the caller acts as) or public; filters by status, tag, text in title/description, lenser.';

revoke all on function public.list_lenses(p_scope text, p_status lenses.lens_status, p_tag text, p_search text, p_lenser_id uuid, p_limit integer, p_offset integer) from public;
grant execute on function public.list_lenses(p_scope text, p_status lenses.lens_status, p_tag text, p_search text, p_lenser_id uuid, p_limit integer, p_offset integer) to anon, authenticated, service_role;

-- ==== supabase/schemas/public/functions/list_memory_profiles.sql
create or replace function public.list_memory_profiles(p_ai_lenser_id uuid, p_limit integer default 50, p_offset integer default 0)
 returns setof agents.memory_profiles
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  perform agents.fn_rpc_require_operate('list_memory_profiles', p_ai_lenser_id);
  perform lensers.fn_rpc_page('list_memory_profiles', p_limit, p_offset);
  return query
    select p.* from agents.memory_profiles p
    where p.ai_lenser_id = p_ai_lenser_id
    order by p.is_default desc, lower(p.name), p.id
    limit p_limit offset p_offset;
end
$function$;

comment on function public.list_memory_profiles(p_ai_lenser_id uuid, p_limit integer, p_offset integer) is 'An agent''s memory profiles, the default first, then by name.';

revoke all on function public.list_memory_profiles(p_ai_lenser_id uuid, p_limit integer, p_offset integer) from public;
grant execute on function public.list_memory_profiles(p_ai_lenser_id uuid, p_limit integer, p_offset integer) to authenticated;

-- ==== supabase/schemas/public/functions/list_model_profiles.sql
create or replace function public.list_model_profiles(p_ai_lenser_id uuid, p_limit integer default 50, p_offset integer default 0)
 returns setof agents.model_profiles
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  perform agents.fn_rpc_require_operate('list_model_profiles', p_ai_lenser_id);
  perform lensers.fn_rpc_page('list_model_profiles', p_limit, p_offset);
  return query
    select p.* from agents.model_profiles p
    where p.ai_lenser_id = p_ai_lenser_id
    order by p.is_default desc, lower(p.name), p.id
    limit p_limit offset p_offset;
end
$function$;

comment on function public.list_model_profiles(p_ai_lenser_id uuid, p_limit integer, p_offset integer) is 'An agent''s model profiles, the default first, then by name.';

revoke all on function public.list_model_profiles(p_ai_lenser_id uuid, p_limit integer, p_offset integer) from public;
grant execute on function public.list_model_profiles(p_ai_lenser_id uuid, p_limit integer, p_offset integer) to authenticated;

-- ==== supabase/schemas/public/functions/list_personality_profiles.sql
create or replace function public.list_personality_profiles(p_ai_lenser_id uuid, p_limit integer default 50, p_offset integer default 0)
 returns setof agents.personality_profiles
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  perform agents.fn_rpc_require_operate('list_personality_profiles', p_ai_lenser_id);
  perform lensers.fn_rpc_page('list_personality_profiles', p_limit, p_offset);
  return query
    select p.* from agents.personality_profiles p
    where p.ai_lenser_id = p_ai_lenser_id
    order by p.is_default desc, lower(p.name), p.id
    limit p_limit offset p_offset;
end
$function$;

comment on function public.list_personality_profiles(p_ai_lenser_id uuid, p_limit integer, p_offset integer) is 'An agent''s personality profiles, the default first, then by name.';

revoke all on function public.list_personality_profiles(p_ai_lenser_id uuid, p_limit integer, p_offset integer) from public;
grant execute on function public.list_personality_profiles(p_ai_lenser_id uuid, p_limit integer, p_offset integer) to authenticated;

-- ==== supabase/schemas/public/functions/list_public_profiles.sql
create or replace function public.list_public_profiles(p_limit integer default 50, p_offset integer default 0)
 returns setof lensers.profiles
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  perform lensers.fn_rpc_page('list_public_profiles', p_limit, p_offset);
  return query
    select p.* from lensers.profiles p
    where p.visibility = 'public' and p.status = 'active'
    order by lower(p.handle)
    limit p_limit offset p_offset;
end
$function$;

comment on function public.list_public_profiles(p_limit integer, p_offset integer) is 'Active public profiles, by handle, a page at a time.';

revoke all on function public.list_public_profiles(p_limit integer, p_offset integer) from public;
grant execute on function public.list_public_profiles(p_limit integer, p_offset integer) to anon, authenticated, service_role;

-- ==== supabase/schemas/public/functions/list_team_edges.sql
create or replace function public.list_team_edges(p_team_id uuid)
 returns setof agents.team_edges
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  perform agents.fn_rpc_not_null('list_team_edges', 'p_team_id', p_team_id);
  if not exists (select 1 from agents.teams t where t.id = p_team_id) then
    raise exception 'list_team_edges: no team % that you can see', p_team_id using errcode = 'P0002';
  end if;
  return query select e.* from agents.team_edges e where e.team_id = p_team_id order by e.created_at, e.id;
end
$function$;

comment on function public.list_team_edges(p_team_id uuid) is 'A team''s edges in the order they were added.';

revoke all on function public.list_team_edges(p_team_id uuid) from public;
grant execute on function public.list_team_edges(p_team_id uuid) to authenticated;

-- ==== supabase/schemas/public/functions/list_tool_profiles.sql
create or replace function public.list_tool_profiles(p_ai_lenser_id uuid, p_limit integer default 50, p_offset integer default 0)
 returns setof agents.tool_profiles
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  perform agents.fn_rpc_require_operate('list_tool_profiles', p_ai_lenser_id);
  perform lensers.fn_rpc_page('list_tool_profiles', p_limit, p_offset);
  return query
    select p.* from agents.tool_profiles p
    where p.ai_lenser_id = p_ai_lenser_id
    order by p.is_default desc, lower(p.name), p.id
    limit p_limit offset p_offset;
end
$function$;

comment on function public.list_tool_profiles(p_ai_lenser_id uuid, p_limit integer, p_offset integer) is 'An agent''s tool profiles, the default first, then by name.';

revoke all on function public.list_tool_profiles(p_ai_lenser_id uuid, p_limit integer, p_offset integer) from public;
grant execute on function public.list_tool_profiles(p_ai_lenser_id uuid, p_limit integer, p_offset integer) to authenticated;

-- ==== supabase/schemas/public/functions/list_tools.sql
create or replace function public.list_tools(p_tool_group text default NULL::text, p_include_disabled boolean default false)
 returns setof agents.tools_registry
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
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

-- ==== supabase/schemas/public/functions/list_workflow_assignments.sql
create or replace function public.list_workflow_assignments(p_workflow_id uuid default NULL::uuid, p_ai_lenser_id uuid default NULL::uuid, p_team_id uuid default NULL::uuid, p_include_disabled boolean default false, p_limit integer default 50, p_offset integer default 0)
 returns setof agents.workflow_assignments
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  perform lensers.fn_rpc_page('list_workflow_assignments', p_limit, p_offset);
  perform agents.fn_rpc_not_null('list_workflow_assignments', 'p_include_disabled', p_include_disabled);
  return query
    select a.* from agents.workflow_assignments a
    where (p_workflow_id is null or a.workflow_id = p_workflow_id)
      and (p_ai_lenser_id is null or a.assignee_ai_lenser_id = p_ai_lenser_id)
      and (p_team_id is null or a.assignee_team_id = p_team_id)
      and (p_include_disabled or a.status = 'active')
    order by a.created_at desc, a.id
    limit p_limit offset p_offset;
end
$function$;

comment on function public.list_workflow_assignments(p_workflow_id uuid, p_ai_lenser_id uuid, p_team_id uuid, p_include_disabled boolean, p_limit integer, p_offset integer) is 'Assignments the caller may see, optionally of one workflow, agent or team, newest first.';

revoke all on function public.list_workflow_assignments(p_workflow_id uuid, p_ai_lenser_id uuid, p_team_id uuid, p_include_disabled boolean, p_limit integer, p_offset integer) from public;
grant execute on function public.list_workflow_assignments(p_workflow_id uuid, p_ai_lenser_id uuid, p_team_id uuid, p_include_disabled boolean, p_limit integer, p_offset integer) to authenticated;

-- ==== supabase/schemas/public/functions/list_workflow_run_events.sql
create or replace function public.list_workflow_run_events(p_run_id uuid, p_after_event_id bigint default 0, p_limit integer default 500)
 returns setof lenses.workflow_run_events
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  if p_run_id is null then
    raise exception 'list_workflow_run_events: p_run_id is required' using errcode = '22023';
  end if;
  if p_after_event_id is null or p_after_event_id < 0 then
    raise exception 'list_workflow_run_events: p_after_event_id must be 0 or more' using errcode = '22023';
  end if;
  if p_limit is null or p_limit not between 1 and 1000 then
    raise exception 'list_workflow_run_events: p_limit must be between 1 and 1000, got %', coalesce(p_limit::text, 'null')
      using errcode = '22023';
  end if;
  if not exists (select 1 from lenses.workflow_runs r where r.id = p_run_id) then
    raise exception 'list_workflow_run_events: no run % that you can see', p_run_id using errcode = 'P0002';
  end if;
  return query
    select e.* from lenses.workflow_run_events e
    where e.run_id = p_run_id and e.event_id > p_after_event_id
    order by e.event_id
    limit p_limit;
end
$function$;

comment on function public.list_workflow_run_events(p_run_id uuid, p_after_event_id bigint, p_limit integer) is 'A run''s events after a given event_id, in order (for catching up and for SSE resumption).';

revoke all on function public.list_workflow_run_events(p_run_id uuid, p_after_event_id bigint, p_limit integer) from public;
grant execute on function public.list_workflow_run_events(p_run_id uuid, p_after_event_id bigint, p_limit integer) to authenticated, service_role;

-- ==== supabase/schemas/public/functions/list_workflow_run_provenance.sql
create or replace function public.list_workflow_run_provenance(p_run_id uuid)
 returns setof lenses.workflow_run_provenance
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  if p_run_id is null then
    raise exception 'list_workflow_run_provenance: p_run_id is required' using errcode = '22023';
  end if;
  if not exists (select 1 from lenses.workflow_runs r where r.id = p_run_id) then
    raise exception 'list_workflow_run_provenance: no run % that you can see', p_run_id using errcode = 'P0002';
  end if;
  return query select p.* from lenses.workflow_run_provenance p where p.run_id = p_run_id order by p.id;
end
$function$;

comment on function public.list_workflow_run_provenance(p_run_id uuid) is 'Which source node output path fed which target input path.';

revoke all on function public.list_workflow_run_provenance(p_run_id uuid) from public;
grant execute on function public.list_workflow_run_provenance(p_run_id uuid) to authenticated, service_role;

-- ==== supabase/schemas/public/functions/list_workflow_runs.sql
create or replace function public.list_workflow_runs(p_workflow_id uuid default NULL::uuid, p_status lenses.workflow_run_status default NULL::lenses.workflow_run_status, p_limit integer default 50, p_offset integer default 0)
 returns setof lenses.workflow_runs
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  perform lensers.fn_rpc_page('list_workflow_runs', p_limit, p_offset);
  return query
    select r.* from lenses.workflow_runs r
    where (p_workflow_id is null or r.workflow_id = p_workflow_id) and (p_status is null or r.status = p_status)
    order by r.created_at desc, r.id
    limit p_limit offset p_offset;
end
$function$;

comment on function public.list_workflow_runs(p_workflow_id uuid, p_status lenses.workflow_run_status, p_limit integer, p_offset integer) is 'Runs the caller may see, newest first.';

revoke all on function public.list_workflow_runs(p_workflow_id uuid, p_status lenses.workflow_run_status, p_limit integer, p_offset integer) from public;
grant execute on function public.list_workflow_runs(p_workflow_id uuid, p_status lenses.workflow_run_status, p_limit integer, p_offset integer) to authenticated, service_role;

-- ==== supabase/schemas/public/functions/list_workflows.sql
create or replace function public.list_workflows(p_scope text default 'public'::text, p_status lenses.workflow_status default NULL::lenses.workflow_status, p_tag text default NULL::text, p_search text default NULL::text, p_lenser_id uuid default NULL::uuid, p_limit integer default 50, p_offset integer default 0)
 returns setof lenses.workflows
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_search text := nullif(btrim(p_search), '');
  v_pattern text;
begin
  if p_scope is null or p_scope not in ('mine', 'public') then
    raise exception 'list_workflows: p_scope must be mine or public, got %', coalesce(p_scope, 'null') using errcode = '22023';
  end if;
  perform lensers.fn_rpc_page('list_workflows', p_limit, p_offset);
  if char_length(v_search) > 200 then
    raise exception 'list_workflows: p_search must be at most 200 characters' using errcode = '22023';
  end if;
  if p_scope = 'mine' and (select auth.uid()) is null then
    raise exception 'list_workflows: sign in first to list your own workflows (p_scope mine)' using errcode = '42501';
  end if;
  v_pattern := '%' || replace(replace(replace(v_search, '\', '\\'), '%', '\%'), '_', '\_') || '%';
  if p_scope = 'mine' then
    return query
      select w.* from lenses.workflows w
      where w.lenser_id in (select lensers.actable_profile_ids())
        and (p_status is null or w.status = p_status)
        and (p_tag is null or w.tags @> array[lower(btrim(p_tag))])
        and (v_search is null or w.title ilike v_pattern or w.description ilike v_pattern)
        and (p_lenser_id is null or w.lenser_id = p_lenser_id)
      order by w.updated_at desc, w.id
      limit p_limit offset p_offset;
  else
    return query
      select w.* from lenses.workflows w
      where w.visibility = 'public'
        and (p_status is null or w.status = p_status)
        and (p_tag is null or w.tags @> array[lower(btrim(p_tag))])
        and (v_search is null or w.title ilike v_pattern or w.description ilike v_pattern)
        and (p_lenser_id is null or w.lenser_id = p_lenser_id)
      order by w.updated_at desc, w.id
      limit p_limit offset p_offset;
  end if;
end
$function$;

comment on function public.list_workflows(p_scope text, p_status lenses.workflow_status, p_tag text, p_search text, p_lenser_id uuid, p_limit integer, p_offset integer) is 'Workflows a page at a time, newest change first: p_scope mine (lensers the caller acts as) or public; filters by status, tag, text, lenser.';

revoke all on function public.list_workflows(p_scope text, p_status lenses.workflow_status, p_tag text, p_search text, p_lenser_id uuid, p_limit integer, p_offset integer) from public;
grant execute on function public.list_workflows(p_scope text, p_status lenses.workflow_status, p_tag text, p_search text, p_lenser_id uuid, p_limit integer, p_offset integer) to anon, authenticated, service_role;

-- ==== supabase/schemas/public/functions/publish_workflow.sql
create or replace function public.publish_workflow(p_workflow_id uuid)
 returns lenses.workflows
 language plpgsql
 set search_path to ''
as $function$
declare
  v_workflow lenses.workflows := lenses.fn_editable_workflow('publish_workflow', p_workflow_id);
  v_validation jsonb;
begin
  if v_workflow.status <> 'draft' then
    raise exception 'publish_workflow: p_workflow_id % is not a draft (it is %)', p_workflow_id, v_workflow.status
      using errcode = '22023';
  end if;
  v_validation := lenses.fn_validate_workflow(p_workflow_id);
  if not (v_validation ->> 'valid')::boolean then
    raise exception 'publish_workflow: workflow % is not valid: %', p_workflow_id,
      (select string_agg(e ->> 'message', '; ') from jsonb_array_elements(v_validation -> 'errors') e)
      using errcode = '23514', detail = (v_validation -> 'errors')::text;
  end if;
  update lenses.workflows w set status = 'published' where w.id = p_workflow_id returning * into v_workflow;
  return v_workflow;
end
$function$;

comment on function public.publish_workflow(p_workflow_id uuid) is 'Publishes a valid draft workflow (its graph is then frozen); refused with every validation error in the message and, as JSON, the detail.';

revoke all on function public.publish_workflow(p_workflow_id uuid) from public;
grant execute on function public.publish_workflow(p_workflow_id uuid) to authenticated;

-- ==== supabase/schemas/public/functions/remove_team_edge.sql
create or replace function public.remove_team_edge(p_edge_id uuid)
 returns agents.team_edges
 language plpgsql
 set search_path to ''
as $function$
declare
  v_edge agents.team_edges;
begin
  perform agents.fn_rpc_not_null('remove_team_edge', 'p_edge_id', p_edge_id);
  select e.* into v_edge from agents.team_edges e where e.id = p_edge_id;
  if not found then
    raise exception 'remove_team_edge: no team edge % that you can see', p_edge_id using errcode = 'P0002';
  end if;
  perform agents.fn_rpc_editable_team('remove_team_edge', v_edge.team_id);
  delete from agents.team_edges e where e.id = p_edge_id;
  return v_edge;
end
$function$;

comment on function public.remove_team_edge(p_edge_id uuid) is 'Removes an edge; returns the removed row.';

revoke all on function public.remove_team_edge(p_edge_id uuid) from public;
grant execute on function public.remove_team_edge(p_edge_id uuid) to authenticated;

-- ==== supabase/schemas/public/functions/remove_team_member.sql
create or replace function public.remove_team_member(p_member_id uuid)
 returns agents.team_members
 language plpgsql
 set search_path to ''
as $function$
declare
  v_member agents.team_members := agents.fn_rpc_editable_member('remove_team_member', p_member_id);
begin
  delete from agents.team_members m where m.id = v_member.id;
  return v_member;
end
$function$;

comment on function public.remove_team_member(p_member_id uuid) is 'Removes a member from its team, with the edges that touch it; returns the removed row.';

revoke all on function public.remove_team_member(p_member_id uuid) from public;
grant execute on function public.remove_team_member(p_member_id uuid) to authenticated;

-- ==== supabase/schemas/public/functions/remove_workflow_edge.sql
create or replace function public.remove_workflow_edge(p_edge_id uuid)
 returns lenses.workflow_edges
 language plpgsql
 set search_path to ''
as $function$
declare
  v_edge lenses.workflow_edges;
begin
  if p_edge_id is null then
    raise exception 'remove_workflow_edge: p_edge_id is required' using errcode = '22023';
  end if;
  select e.* into v_edge from lenses.workflow_edges e where e.id = p_edge_id;
  if not found then
    raise exception 'remove_workflow_edge: no edge % that you can see', p_edge_id using errcode = 'P0002';
  end if;
  perform lenses.fn_draft_workflow('remove_workflow_edge', v_edge.workflow_id);
  delete from lenses.workflow_edges e where e.id = p_edge_id;
  return v_edge;
end
$function$;

comment on function public.remove_workflow_edge(p_edge_id uuid) is 'Removes an edge from a draft workflow; returns the removed edge.';

revoke all on function public.remove_workflow_edge(p_edge_id uuid) from public;
grant execute on function public.remove_workflow_edge(p_edge_id uuid) to authenticated;

-- ==== supabase/schemas/public/functions/remove_workflow_node.sql
create or replace function public.remove_workflow_node(p_node_id uuid)
 returns lenses.workflow_nodes
 language plpgsql
 set search_path to ''
as $function$
declare
  v_node lenses.workflow_nodes;
begin
  if p_node_id is null then
    raise exception 'remove_workflow_node: p_node_id is required' using errcode = '22023';
  end if;
  select n.* into v_node from lenses.workflow_nodes n where n.id = p_node_id;
  if not found then
    raise exception 'remove_workflow_node: no node % that you can see', p_node_id using errcode = 'P0002';
  end if;
  perform lenses.fn_draft_workflow('remove_workflow_node', v_node.workflow_id);
  delete from lenses.workflow_nodes n where n.id = p_node_id;
  return v_node;
end
$function$;

comment on function public.remove_workflow_node(p_node_id uuid) is 'Removes a node, and its edges, from a draft workflow; returns the removed node.';

revoke all on function public.remove_workflow_node(p_node_id uuid) from public;
grant execute on function public.remove_workflow_node(p_node_id uuid) to authenticated;

-- ==== supabase/schemas/public/functions/rerun_workflow_run_from.sql
create or replace function public.rerun_workflow_run_from(p_run_id uuid, p_node_key text)
 returns lenses.workflow_runs
 language plpgsql
 security definer
 set search_path to ''
as $function$
declare
  v_old lenses.workflow_runs;
  v_new lenses.workflow_runs;
  v_node lenses.workflow_nodes;
  v_downstream uuid[];
  v_row record;
  v_me uuid := lensers.current_profile_id();
begin
  if p_run_id is null or p_node_key is null then
    raise exception 'rerun_workflow_run_from: p_run_id and p_node_key are required' using errcode = '22023';
  end if;
  perform lenses.fn_lock_run(p_run_id);
  select r.* into v_old from lenses.workflow_runs r where r.id = p_run_id;
  if not found or not lenses.fn_caller_may_act_on_run(v_old) then
    raise exception 'rerun_workflow_run_from: no run % that you can act on', p_run_id using errcode = 'P0002';
  end if;
  if v_old.status not in ('completed', 'failed', 'cancelled', 'timed_out') then
    raise exception 'rerun_workflow_run_from: run % is still %; rerun a finished run', p_run_id, v_old.status using errcode = '22023';
  end if;
  select n.* into v_node from lenses.workflow_nodes n where n.workflow_id = v_old.workflow_id and n.key = p_node_key;
  if not found then
    raise exception 'rerun_workflow_run_from: the workflow has no node "%"', p_node_key using errcode = 'P0002';
  end if;

  with recursive down(node_id) as (
    select v_node.id
    union
    select e.target_node_id from lenses.workflow_edges e join down d on e.source_node_id = d.node_id
  )
  select array_agg(node_id) into v_downstream from down;

  insert into lenses.workflow_runs (workflow_id, lenser_id, started_by, status, input, max_retries, failure_mode,
    recovered_from_run_id, recovered_from_node_id,
    deadline_at)
  values (v_old.workflow_id, v_old.lenser_id, coalesce(v_me, v_old.started_by), 'recovered', v_old.input, v_old.max_retries,
    v_old.failure_mode, v_old.id, v_node.id,
    case when v_old.deadline_at is not null then now() + (v_old.deadline_at - v_old.created_at) end)
  returning * into v_new;
  perform lenses.fn_lock_run(v_new.id);

  -- Upstream results are reused as they ended; the node and its descendants start over.
  insert into lenses.workflow_node_results (run_id, node_id, node_key, status, waiting_reason, max_retries, timeout_ms,
    input_data, output_data, error_kind, error_message, model_id, reused_from_result_id, queued_at, started_at, finished_at)
  select v_new.id, o.node_id, o.node_key,
    case when o.node_id = any (v_downstream) then 'awaiting_dependency'::lenses.node_result_status
         when o.status in ('completed', 'failed', 'skipped', 'timed_out') then o.status
         else 'cancelled' end,
    case when o.node_id = any (v_downstream) then 'dependency'::lenses.waiting_reason
         when o.status = 'skipped' then 'condition_false' end,
    o.max_retries, o.timeout_ms,
    case when o.node_id = any (v_downstream) then null else o.input_data end,
    case when o.node_id = any (v_downstream) then null else o.output_data end,
    case when o.node_id = any (v_downstream) then null else o.error_kind end,
    case when o.node_id = any (v_downstream) then null else o.error_message end,
    case when o.node_id = any (v_downstream) then null else o.model_id end,
    case when o.node_id = any (v_downstream) then null else o.id end,
    case when o.node_id = any (v_downstream) then null else o.queued_at end,
    case when o.node_id = any (v_downstream) then null else o.started_at end,
    case when o.node_id = any (v_downstream) then null else coalesce(o.finished_at, now()) end
  from lenses.workflow_node_results o
  where o.run_id = v_old.id;

  perform lenses.fn_append_workflow_run_event(v_new.id, 'run_recovered',
    jsonb_build_object('from_run_id', v_old.id, 'from_node_key', p_node_key), null, v_me);

  for v_row in
    update lenses.workflow_node_results o
    set status = 'invalidated', waiting_reason = null, lease_token = null, lease_owner = null, lease_expires_at = null,
        next_attempt_at = null, finished_at = coalesce(o.finished_at, now())
    where o.run_id = v_old.id and o.node_id = any (v_downstream) and o.status <> 'invalidated'
    returning o.node_id, o.node_key
  loop
    perform lenses.fn_append_workflow_run_event(v_old.id, 'node_invalidated',
      jsonb_build_object('node_key', v_row.node_key, 'rerun_id', v_new.id), v_row.node_id, v_me);
  end loop;

  -- The chosen node starts now: from the run input when it is an entry node, else from its
  -- upstream results, as the engine merges them.
  if not exists (select 1 from lenses.workflow_edges e where e.target_node_id = v_node.id) then
    perform lenses.fn_queue_node_result((select x.id from lenses.workflow_node_results x
                                         where x.run_id = v_new.id and x.node_id = v_node.id), v_new.input);
  else
    perform lenses.fn_settle_successors(v_new.id, (select e.source_node_id from lenses.workflow_edges e
                                                   where e.target_node_id = v_node.id order by e.source_node_id limit 1));
  end if;
  perform lenses.fn_finish_run_if_done(v_new.id);
  perform pg_notify('workflow_tasks', v_new.id::text);

  select r.* into v_new from lenses.workflow_runs r where r.id = v_new.id;
  return v_new;
end
$function$;

comment on function public.rerun_workflow_run_from(p_run_id uuid, p_node_key text) is 'Reruns a finished run from one node as a recovered run reusing upstream outputs; the old downstream results are invalidated. [security definer: writes run rows clients cannot write; checks the caller may act on the run]';

revoke all on function public.rerun_workflow_run_from(p_run_id uuid, p_node_key text) from public;
grant execute on function public.rerun_workflow_run_from(p_run_id uuid, p_node_key text) to authenticated;

-- ==== supabase/schemas/public/functions/revoke_ai_lenser_ownership.sql
create or replace function public.revoke_ai_lenser_ownership(p_ownership_id uuid)
 returns agents.ownerships
 language plpgsql
 set search_path to ''
as $function$
declare
  v_row agents.ownerships;
begin
  if p_ownership_id is null then
    raise exception 'revoke_ai_lenser_ownership: p_ownership_id is required' using errcode = '22023';
  end if;
  select o.* into v_row from agents.ownerships o where o.id = p_ownership_id;
  if not found then
    raise exception 'revoke_ai_lenser_ownership: no ownership % that you can see', p_ownership_id using errcode = 'P0002';
  end if;
  if v_row.revoked_at is not null then
    raise exception 'revoke_ai_lenser_ownership: ownership % was already revoked at %', p_ownership_id, v_row.revoked_at
      using errcode = '22023';
  end if;
  if not (select agents.can_manage_ai_lenser(v_row.ai_lenser_id)) then
    raise exception 'revoke_ai_lenser_ownership: you do not own or co-own agent %', v_row.ai_lenser_id using errcode = '42501';
  end if;
  if v_row.role = 'owner' and not exists (
    select 1 from agents.ownerships o
    where o.ai_lenser_id = v_row.ai_lenser_id and o.owner_lenser_id = (select lensers.current_profile_id())
      and o.role = 'owner' and o.revoked_at is null
  ) then
    raise exception 'revoke_ai_lenser_ownership: only an owner can revoke an owner' using errcode = '42501';
  end if;
  update agents.ownerships o set revoked_at = now() where o.id = p_ownership_id returning * into v_row;
  return v_row;
end
$function$;

comment on function public.revoke_ai_lenser_ownership(p_ownership_id uuid) is 'Revokes a grant (kept as history). The last owner cannot be revoked.';

revoke all on function public.revoke_ai_lenser_ownership(p_ownership_id uuid) from public;
grant execute on function public.revoke_ai_lenser_ownership(p_ownership_id uuid) to authenticated;

-- ==== supabase/schemas/public/functions/set_ai_lenser_active.sql
create or replace function public.set_ai_lenser_active(p_ai_lenser_id uuid, p_active boolean, p_reason text default NULL::text)
 returns agents.ai_lensers
 language plpgsql
 set search_path to ''
as $function$
declare
  v_agent agents.ai_lensers;
begin
  if p_ai_lenser_id is null or p_active is null then
    raise exception 'set_ai_lenser_active: p_ai_lenser_id and p_active are required' using errcode = '22023';
  end if;
  if not (select agents.can_manage_ai_lenser(p_ai_lenser_id)) then
    raise exception 'set_ai_lenser_active: you do not own or co-own agent %', p_ai_lenser_id using errcode = '42501';
  end if;
  if not p_active and (p_reason is null or btrim(p_reason) = '') then
    raise exception 'set_ai_lenser_active: p_reason is required to suspend an agent' using errcode = '22023';
  end if;
  update agents.ai_lensers a set
    is_active = p_active,
    suspended_at = case when p_active then null else now() end,
    suspended_reason = case when p_active then null else btrim(p_reason) end
  where a.id = p_ai_lenser_id
  returning * into v_agent;
  return v_agent;
end
$function$;

comment on function public.set_ai_lenser_active(p_ai_lenser_id uuid, p_active boolean, p_reason text) is 'Suspends (with a reason) or reactivates an agent the caller owns or co-owns.';

revoke all on function public.set_ai_lenser_active(p_ai_lenser_id uuid, p_active boolean, p_reason text) from public;
grant execute on function public.set_ai_lenser_active(p_ai_lenser_id uuid, p_active boolean, p_reason text) to authenticated;

-- ==== supabase/schemas/public/functions/set_default_memory_profile.sql
create or replace function public.set_default_memory_profile(p_profile_id uuid)
 returns agents.memory_profiles
 language plpgsql
 set search_path to ''
as $function$
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
$function$;

comment on function public.set_default_memory_profile(p_profile_id uuid) is 'Makes a memory profile its agent''s default (the previous default stops being one).';

revoke all on function public.set_default_memory_profile(p_profile_id uuid) from public;
grant execute on function public.set_default_memory_profile(p_profile_id uuid) to authenticated;

-- ==== supabase/schemas/public/functions/set_default_model_profile.sql
create or replace function public.set_default_model_profile(p_profile_id uuid)
 returns agents.model_profiles
 language plpgsql
 set search_path to ''
as $function$
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
$function$;

comment on function public.set_default_model_profile(p_profile_id uuid) is 'Makes a model profile its agent''s default (the previous default stops being one).';

revoke all on function public.set_default_model_profile(p_profile_id uuid) from public;
grant execute on function public.set_default_model_profile(p_profile_id uuid) to authenticated;

-- ==== supabase/schemas/public/functions/set_default_personality_profile.sql
create or replace function public.set_default_personality_profile(p_profile_id uuid)
 returns agents.personality_profiles
 language plpgsql
 set search_path to ''
as $function$
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
$function$;

comment on function public.set_default_personality_profile(p_profile_id uuid) is 'Makes a personality profile its agent''s default (the previous default stops being one).';

revoke all on function public.set_default_personality_profile(p_profile_id uuid) from public;
grant execute on function public.set_default_personality_profile(p_profile_id uuid) to authenticated;

-- ==== supabase/schemas/public/functions/set_default_tool_profile.sql
create or replace function public.set_default_tool_profile(p_profile_id uuid)
 returns agents.tool_profiles
 language plpgsql
 set search_path to ''
as $function$
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
$function$;

comment on function public.set_default_tool_profile(p_profile_id uuid) is 'Makes a tool profile its agent''s default (the previous default stops being one).';

revoke all on function public.set_default_tool_profile(p_profile_id uuid) from public;
grant execute on function public.set_default_tool_profile(p_profile_id uuid) to authenticated;

-- ==== supabase/schemas/public/functions/set_team_member_profiles.sql
create or replace function public.set_team_member_profiles(p_member_id uuid, p_personality_profile_id uuid default NULL::uuid, p_memory_profile_id uuid default NULL::uuid, p_tool_profile_id uuid default NULL::uuid, p_model_profile_id uuid default NULL::uuid)
 returns agents.team_members
 language plpgsql
 set search_path to ''
as $function$
declare
  v_member agents.team_members := agents.fn_rpc_editable_member('set_team_member_profiles', p_member_id);
begin
  perform agents.fn_rpc_member_profiles('set_team_member_profiles', v_member.agent_id, p_personality_profile_id,
    p_memory_profile_id, p_tool_profile_id, p_model_profile_id);
  update agents.team_members m set
    personality_profile_id = p_personality_profile_id,
    memory_profile_id = p_memory_profile_id,
    tool_profile_id = p_tool_profile_id,
    model_profile_id = p_model_profile_id
  where m.id = v_member.id
  returning * into v_member;
  return v_member;
end
$function$;

comment on function public.set_team_member_profiles(p_member_id uuid, p_personality_profile_id uuid, p_memory_profile_id uuid, p_tool_profile_id uuid, p_model_profile_id uuid) is 'Sets all four profiles of a member at once; a null profile means the agent''s default of that kind.';

revoke all on function public.set_team_member_profiles(p_member_id uuid, p_personality_profile_id uuid, p_memory_profile_id uuid, p_tool_profile_id uuid, p_model_profile_id uuid) from public;
grant execute on function public.set_team_member_profiles(p_member_id uuid, p_personality_profile_id uuid, p_memory_profile_id uuid, p_tool_profile_id uuid, p_model_profile_id uuid) to authenticated;

-- ==== supabase/schemas/public/functions/start_workflow_run.sql
create or replace function public.start_workflow_run(p_workflow_id uuid, p_input jsonb default '{}'::jsonb, p_deadline_seconds integer default NULL::integer, p_max_retries integer default NULL::integer, p_failure_mode lenses.failure_mode default NULL::lenses.failure_mode)
 returns lenses.workflow_runs
 language plpgsql
 security definer
 set search_path to ''
as $function$
declare
  v_me uuid := lensers.current_profile_id();
  v_workflow lenses.workflows;
  v_validation jsonb;
  v_node lenses.workflow_nodes;
  v_errors text[];
  v_run lenses.workflow_runs;
  v_result_id uuid;
begin
  if v_me is null then
    raise exception 'start_workflow_run: sign in first (no profile for this JWT)' using errcode = '42501';
  end if;
  if p_workflow_id is null then
    raise exception 'start_workflow_run: p_workflow_id is required' using errcode = '22023';
  end if;
  select w.* into v_workflow from lenses.workflows w where w.id = p_workflow_id;
  if not found or not (v_workflow.visibility = 'public' or v_workflow.lenser_id in (select lensers.actable_profile_ids())) then
    raise exception 'start_workflow_run: no workflow % that you can run', p_workflow_id using errcode = 'P0002';
  end if;
  if v_workflow.status <> 'published' then
    raise exception 'start_workflow_run: workflow % is %, only a published workflow runs', p_workflow_id, v_workflow.status
      using errcode = '22023';
  end if;
  if p_input is null or jsonb_typeof(p_input) <> 'object' then
    raise exception 'start_workflow_run: p_input must be a JSON object' using errcode = '22023';
  end if;
  if p_deadline_seconds is not null and p_deadline_seconds not between 1 and 604800 then
    raise exception 'start_workflow_run: p_deadline_seconds must be between 1 and 604800, got %', p_deadline_seconds
      using errcode = '22023';
  end if;
  if p_max_retries is not null and p_max_retries not between 0 and 10 then
    raise exception 'start_workflow_run: p_max_retries must be between 0 and 10, got %', p_max_retries using errcode = '22023';
  end if;

  v_validation := lenses.fn_validate_workflow(p_workflow_id);
  if not (v_validation ->> 'valid')::boolean then
    raise exception 'start_workflow_run: workflow % is not valid', p_workflow_id
      using errcode = '22023', detail = (v_validation -> 'errors')::text;
  end if;

  -- The input must satisfy every entry node's input contract.
  for v_node in
    select n.* from lenses.workflow_nodes n
    where n.workflow_id = p_workflow_id
      and not exists (select 1 from lenses.workflow_edges e where e.target_node_id = n.id)
    order by n.key
  loop
    v_errors := lenses.fn_contract_value_errors(
      (select nv.input_contract from lenses.workflow_nodes_v nv where nv.id = v_node.id), p_input);
    if cardinality(v_errors) > 0 then
      raise exception 'start_workflow_run: p_input does not satisfy entry node %''s input contract: %',
        v_node.key, array_to_string(v_errors, '; ') using errcode = '22023';
    end if;
  end loop;

  insert into lenses.workflow_runs (workflow_id, lenser_id, started_by, status, input, deadline_at, max_retries, failure_mode)
  values (
    p_workflow_id, v_workflow.lenser_id, v_me, 'queued', p_input,
    case when p_deadline_seconds is not null then now() + make_interval(secs => p_deadline_seconds) end,
    coalesce(p_max_retries, 1), coalesce(p_failure_mode, 'isolate')
  )
  returning * into v_run;
  perform lenses.fn_lock_run(v_run.id);

  insert into lenses.workflow_node_results (run_id, node_id, node_key, status, waiting_reason, max_retries, timeout_ms)
  select v_run.id, n.id, n.key, 'awaiting_dependency', 'dependency',
         coalesce((n.config -> 'retry' ->> 'max_retries')::integer, v_run.max_retries),
         (n.config ->> 'timeout_ms')::integer
  from lenses.workflow_nodes n where n.workflow_id = p_workflow_id;

  perform lenses.fn_append_workflow_run_event(v_run.id, 'run_queued',
    jsonb_build_object('workflow_id', p_workflow_id, 'input', p_input), null, v_me);

  for v_result_id in
    select r.id from lenses.workflow_node_results r
    where r.run_id = v_run.id
      and not exists (select 1 from lenses.workflow_edges e where e.target_node_id = r.node_id)
    order by r.node_key
  loop
    perform lenses.fn_queue_node_result(v_result_id, p_input);
  end loop;
  perform pg_notify('workflow_tasks', v_run.id::text);

  select r.* into v_run from lenses.workflow_runs r where r.id = v_run.id;
  return v_run;
end
$function$;

comment on function public.start_workflow_run(p_workflow_id uuid, p_input jsonb, p_deadline_seconds integer, p_max_retries integer, p_failure_mode lenses.failure_mode) is 'Starts a run of a published workflow: validates it and the input against the entry nodes'' input contracts, creates one result per node and queues the roots. [security definer: writes the run''s internal rows; checks that the caller may run the workflow]';

revoke all on function public.start_workflow_run(p_workflow_id uuid, p_input jsonb, p_deadline_seconds integer, p_max_retries integer, p_failure_mode lenses.failure_mode) from public;
grant execute on function public.start_workflow_run(p_workflow_id uuid, p_input jsonb, p_deadline_seconds integer, p_max_retries integer, p_failure_mode lenses.failure_mode) to authenticated;

-- ==== supabase/schemas/public/functions/submit_human_input.sql
create or replace function public.submit_human_input(p_run_id uuid, p_node_key text, p_value jsonb)
 returns lenses.workflow_node_results
 language plpgsql
 security definer
 set search_path to ''
as $function$
declare
  v_run lenses.workflow_runs;
  v_result lenses.workflow_node_results;
  v_node lenses.workflow_nodes;
  v_errors text[];
begin
  if p_run_id is null or p_node_key is null then
    raise exception 'submit_human_input: p_run_id and p_node_key are required' using errcode = '22023';
  end if;
  perform lenses.fn_lock_run(p_run_id);
  select r.* into v_run from lenses.workflow_runs r where r.id = p_run_id;
  if not found or not lenses.fn_caller_may_act_on_run(v_run) then
    raise exception 'submit_human_input: no run % that you can act on', p_run_id using errcode = 'P0002';
  end if;
  select r.* into v_result from lenses.workflow_node_results r where r.run_id = p_run_id and r.node_key = p_node_key for update;
  if not found then
    raise exception 'submit_human_input: run % has no node "%"', p_run_id, p_node_key using errcode = 'P0002';
  end if;
  select n.* into v_node from lenses.workflow_nodes n where n.id = v_result.node_id;
  if v_node.kind <> 'human_input' then
    raise exception 'submit_human_input: node "%" is a % node, not human_input', p_node_key, v_node.kind using errcode = '22023';
  end if;
  if v_result.status <> 'blocked' or v_result.waiting_reason <> 'human_input' then
    raise exception 'submit_human_input: node "%" is not waiting for input (it is %)', p_node_key, v_result.status
      using errcode = '22023';
  end if;
  v_errors := lenses.fn_contract_value_errors(null, p_value);
  if cardinality(v_errors) > 0 then
    raise exception 'submit_human_input: p_value must be a JSON object (%)', array_to_string(v_errors, '; ')
      using errcode = '22023';
  end if;

  update lenses.workflow_node_results r
  set status = 'completed', waiting_reason = null, output_data = p_value, finished_at = now(),
      started_at = coalesce(r.started_at, r.updated_at)
  where r.id = v_result.id
  returning * into v_result;
  perform lenses.fn_append_workflow_run_event(p_run_id, 'human_input_received',
    jsonb_build_object('node_key', p_node_key, 'value', p_value), v_node.id, lensers.current_profile_id());
  perform lenses.fn_append_workflow_run_event(p_run_id, 'node_completed',
    jsonb_build_object('node_key', p_node_key, 'output', p_value), v_node.id, lensers.current_profile_id());
  perform lenses.fn_settle_successors(p_run_id, v_node.id);
  perform lenses.fn_finish_run_if_done(p_run_id);
  perform pg_notify('workflow_tasks', p_run_id::text);
  return v_result;
end
$function$;

comment on function public.submit_human_input(p_run_id uuid, p_node_key text, p_value jsonb) is 'Answers a human_input node, once. [security definer: writes run rows clients cannot write; checks the caller may act on the run]';

revoke all on function public.submit_human_input(p_run_id uuid, p_node_key text, p_value jsonb) from public;
grant execute on function public.submit_human_input(p_run_id uuid, p_node_key text, p_value jsonb) to authenticated;

-- ==== supabase/schemas/public/functions/update_ai_lenser.sql
create or replace function public.update_ai_lenser(p_ai_lenser_id uuid, p_runtime_pref agents.runtime_pref default NULL::agents.runtime_pref, p_personality_note text default NULL::text, p_display_name text default NULL::text, p_visibility lensers.profile_visibility default NULL::lensers.profile_visibility)
 returns agents.ai_lensers
 language plpgsql
 set search_path to ''
as $function$
declare
  v_agent agents.ai_lensers;
begin
  if p_ai_lenser_id is null then
    raise exception 'update_ai_lenser: p_ai_lenser_id is required' using errcode = '22023';
  end if;
  if not (select agents.can_manage_ai_lenser(p_ai_lenser_id)) then
    raise exception 'update_ai_lenser: you do not own or co-own agent %', p_ai_lenser_id using errcode = '42501';
  end if;
  if char_length(p_personality_note) > 4000 then
    raise exception 'update_ai_lenser: p_personality_note must be at most 4000 characters' using errcode = '22023';
  end if;
  if p_display_name is not null and char_length(btrim(p_display_name)) not between 1 and 120 then
    raise exception 'update_ai_lenser: p_display_name must be 1 to 120 characters' using errcode = '22023';
  end if;
  update agents.ai_lensers a set
    runtime_pref = coalesce(p_runtime_pref, a.runtime_pref),
    personality_note = coalesce(p_personality_note, a.personality_note)
  where a.id = p_ai_lenser_id
  returning * into v_agent;
  update lensers.profiles p set
    display_name = coalesce(btrim(p_display_name), p.display_name),
    visibility = coalesce(p_visibility, p.visibility)
  where p.id = v_agent.profile_id;
  return v_agent;
end
$function$;

comment on function public.update_ai_lenser(p_ai_lenser_id uuid, p_runtime_pref agents.runtime_pref, p_personality_note text, p_display_name text, p_visibility lensers.profile_visibility) is 'Changes an agent the caller owns or co-owns; arguments left null keep their value.';

revoke all on function public.update_ai_lenser(p_ai_lenser_id uuid, p_runtime_pref agents.runtime_pref, p_personality_note text, p_display_name text, p_visibility lensers.profile_visibility) from public;
grant execute on function public.update_ai_lenser(p_ai_lenser_id uuid, p_runtime_pref agents.runtime_pref, p_personality_note text, p_display_name text, p_visibility lensers.profile_visibility) to authenticated;

-- ==== supabase/schemas/public/functions/update_lens.sql
create or replace function public.update_lens(p_lens_id uuid, p_title text default NULL::text, p_description text default NULL::text, p_content text default NULL::text, p_visibility lenses.visibility default NULL::lenses.visibility, p_tags text[] default NULL::text[], p_params jsonb default NULL::jsonb)
 returns lenses.lenses
 language plpgsql
 set search_path to ''
as $function$
declare
  v_lens lenses.lenses := lenses.fn_editable_lens('update_lens', p_lens_id);
  v_tags text[] := lenses.fn_normalize_tags(p_tags);
  v_errors text[];
begin
  if v_lens.status = 'archived' then
    raise exception 'update_lens: lens % is archived and cannot change', p_lens_id using errcode = '22023';
  end if;
  if p_title is not null and char_length(btrim(p_title)) not between 1 and 200 then
    raise exception 'update_lens: p_title must be 1 to 200 characters' using errcode = '22023';
  end if;
  if char_length(p_description) > 10000 then
    raise exception 'update_lens: p_description must be at most 10000 characters' using errcode = '22023';
  end if;
  if char_length(p_content) > 100000 then
    raise exception 'update_lens: p_content must be at most 100000 characters' using errcode = '22023';
  end if;
  if p_tags is not null and not lenses.fn_tags_valid(v_tags) then
    raise exception 'update_lens: p_tags must be at most 20 distinct slugs of 1 to 40 letters, digits, _ or -, got %', p_tags
      using errcode = '22023';
  end if;
  if p_params is not null then
    v_errors := lenses.fn_lens_params_errors(p_params);
    if cardinality(v_errors) > 0 then
      raise exception 'update_lens: p_params is not valid: %', array_to_string(v_errors, '; ') using errcode = '22023';
    end if;
  end if;
  update lenses.lenses l set
    title = coalesce(btrim(p_title), l.title),
    description = case when p_description is null then l.description else nullif(p_description, '') end,
    content = case when p_content is null then l.content else nullif(p_content, '') end,
    visibility = coalesce(p_visibility, l.visibility),
    tags = case when p_tags is null then l.tags else v_tags end,
    params = coalesce(p_params, l.params)
  where l.id = p_lens_id
  returning * into v_lens;
  return v_lens;
end
$function$;

comment on function public.update_lens(p_lens_id uuid, p_title text, p_description text, p_content text, p_visibility lenses.visibility, p_tags text[], p_params jsonb) is 'Changes a lens the caller may edit; null keeps a value, an empty p_description or p_content clears it.';

revoke all on function public.update_lens(p_lens_id uuid, p_title text, p_description text, p_content text, p_visibility lenses.visibility, p_tags text[], p_params jsonb) from public;
grant execute on function public.update_lens(p_lens_id uuid, p_title text, p_description text, p_content text, p_visibility lenses.visibility, p_tags text[], p_params jsonb) to authenticated;

-- ==== supabase/schemas/public/functions/update_memory_profile.sql
create or replace function public.update_memory_profile(p_profile_id uuid, p_name text default NULL::text, p_scope_type agents.memory_scope default NULL::agents.memory_scope, p_isolation_mode agents.memory_isolation_mode default NULL::agents.memory_isolation_mode, p_retention_days integer default NULL::integer, p_keep_forever boolean default false, p_visibility agents.memory_visibility default NULL::agents.memory_visibility, p_summary_strategy agents.memory_summary_strategy default NULL::agents.memory_summary_strategy, p_reset_policy agents.memory_reset_policy default NULL::agents.memory_reset_policy, p_is_default boolean default NULL::boolean)
 returns agents.memory_profiles
 language plpgsql
 set search_path to ''
as $function$
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
$function$;

comment on function public.update_memory_profile(p_profile_id uuid, p_name text, p_scope_type agents.memory_scope, p_isolation_mode agents.memory_isolation_mode, p_retention_days integer, p_keep_forever boolean, p_visibility agents.memory_visibility, p_summary_strategy agents.memory_summary_strategy, p_reset_policy agents.memory_reset_policy, p_is_default boolean) is 'Changes a memory profile; null arguments keep their value, p_keep_forever removes the retention limit.';

revoke all on function public.update_memory_profile(p_profile_id uuid, p_name text, p_scope_type agents.memory_scope, p_isolation_mode agents.memory_isolation_mode, p_retention_days integer, p_keep_forever boolean, p_visibility agents.memory_visibility, p_summary_strategy agents.memory_summary_strategy, p_reset_policy agents.memory_reset_policy, p_is_default boolean) from public;
grant execute on function public.update_memory_profile(p_profile_id uuid, p_name text, p_scope_type agents.memory_scope, p_isolation_mode agents.memory_isolation_mode, p_retention_days integer, p_keep_forever boolean, p_visibility agents.memory_visibility, p_summary_strategy agents.memory_summary_strategy, p_reset_policy agents.memory_reset_policy, p_is_default boolean) to authenticated;

-- ==== supabase/schemas/public/functions/update_model_profile.sql
create or replace function public.update_model_profile(p_profile_id uuid, p_name text default NULL::text, p_model_id uuid default NULL::uuid, p_params jsonb default NULL::jsonb, p_is_default boolean default NULL::boolean)
 returns agents.model_profiles
 language plpgsql
 set search_path to ''
as $function$
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
$function$;

comment on function public.update_model_profile(p_profile_id uuid, p_name text, p_model_id uuid, p_params jsonb, p_is_default boolean) is 'Changes a model profile; null arguments keep their value. A new model refreshes the provider and model copies.';

revoke all on function public.update_model_profile(p_profile_id uuid, p_name text, p_model_id uuid, p_params jsonb, p_is_default boolean) from public;
grant execute on function public.update_model_profile(p_profile_id uuid, p_name text, p_model_id uuid, p_params jsonb, p_is_default boolean) to authenticated;

-- ==== supabase/schemas/public/functions/update_my_profile.sql
create or replace function public.update_my_profile(p_display_name text default NULL::text, p_handle text default NULL::text, p_visibility lensers.profile_visibility default NULL::lensers.profile_visibility, p_avatar_url text default NULL::text, p_banner_url text default NULL::text)
 returns lensers.profiles
 language plpgsql
 set search_path to ''
as $function$
declare
  v_profile lensers.profiles;
begin
  if (select auth.uid()) is null then
    raise exception 'update_my_profile: sign in first (no user in the JWT)' using errcode = '42501';
  end if;
  if p_display_name is not null and char_length(btrim(p_display_name)) not between 1 and 120 then
    raise exception 'update_my_profile: p_display_name must be 1 to 120 characters' using errcode = '22023';
  end if;
  if p_handle is not null and p_handle !~ '^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38}[A-Za-z0-9])?$' then
    raise exception 'update_my_profile: p_handle "%" is not a slug (1 to 40 letters, digits or inner hyphens)', p_handle
      using errcode = '22023';
  end if;
  if p_handle is not null and exists (
    select 1 from lensers.profiles p where lower(p.handle) = lower(p_handle) and p.user_id is distinct from (select auth.uid())
  ) then
    raise exception 'update_my_profile: p_handle "%" is taken', p_handle using errcode = '23505';
  end if;
  if p_avatar_url is not null and p_avatar_url !~ '^https?://' then
    raise exception 'update_my_profile: p_avatar_url must be an http(s) URL' using errcode = '22023';
  end if;
  if p_banner_url is not null and p_banner_url !~ '^https?://' then
    raise exception 'update_my_profile: p_banner_url must be an http(s) URL' using errcode = '22023';
  end if;

  update lensers.profiles p set
    display_name = coalesce(btrim(p_display_name), p.display_name),
    handle = coalesce(p_handle, p.handle),
    visibility = coalesce(p_visibility, p.visibility),
    avatar_url = coalesce(p_avatar_url, p.avatar_url),
    banner_url = coalesce(p_banner_url, p.banner_url)
  where p.user_id = (select auth.uid())
  returning p.* into v_profile;
  return v_profile;
end
$function$;

comment on function public.update_my_profile(p_display_name text, p_handle text, p_visibility lensers.profile_visibility, p_avatar_url text, p_banner_url text) is 'Changes the signed-in user''s own profile; arguments left null keep their value.';

revoke all on function public.update_my_profile(p_display_name text, p_handle text, p_visibility lensers.profile_visibility, p_avatar_url text, p_banner_url text) from public;
grant execute on function public.update_my_profile(p_display_name text, p_handle text, p_visibility lensers.profile_visibility, p_avatar_url text, p_banner_url text) to authenticated;

-- ==== supabase/schemas/public/functions/update_personality_profile.sql
create or replace function public.update_personality_profile(p_profile_id uuid, p_name text default NULL::text, p_tone agents.personality_tone default NULL::agents.personality_tone, p_expertise_level agents.expertise_level default NULL::agents.expertise_level, p_risk_tolerance agents.risk_tolerance default NULL::agents.risk_tolerance, p_autonomy_level agents.autonomy_level default NULL::agents.autonomy_level, p_communication_style agents.communication_style default NULL::agents.communication_style, p_decision_style agents.decision_style default NULL::agents.decision_style, p_escalation_behavior agents.escalation_behavior default NULL::agents.escalation_behavior, p_system_prompt_patch text default NULL::text, p_clear_system_prompt_patch boolean default false, p_is_default boolean default NULL::boolean)
 returns agents.personality_profiles
 language plpgsql
 set search_path to ''
as $function$
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
$function$;

comment on function public.update_personality_profile(p_profile_id uuid, p_name text, p_tone agents.personality_tone, p_expertise_level agents.expertise_level, p_risk_tolerance agents.risk_tolerance, p_autonomy_level agents.autonomy_level, p_communication_style agents.communication_style, p_decision_style agents.decision_style, p_escalation_behavior agents.escalation_behavior, p_system_prompt_patch text, p_clear_system_prompt_patch boolean, p_is_default boolean) is 'Changes a personality profile; null arguments keep their value, p_clear_system_prompt_patch removes the patch.';

revoke all on function public.update_personality_profile(p_profile_id uuid, p_name text, p_tone agents.personality_tone, p_expertise_level agents.expertise_level, p_risk_tolerance agents.risk_tolerance, p_autonomy_level agents.autonomy_level, p_communication_style agents.communication_style, p_decision_style agents.decision_style, p_escalation_behavior agents.escalation_behavior, p_system_prompt_patch text, p_clear_system_prompt_patch boolean, p_is_default boolean) from public;
grant execute on function public.update_personality_profile(p_profile_id uuid, p_name text, p_tone agents.personality_tone, p_expertise_level agents.expertise_level, p_risk_tolerance agents.risk_tolerance, p_autonomy_level agents.autonomy_level, p_communication_style agents.communication_style, p_decision_style agents.decision_style, p_escalation_behavior agents.escalation_behavior, p_system_prompt_patch text, p_clear_system_prompt_patch boolean, p_is_default boolean) to authenticated;

-- ==== supabase/schemas/public/functions/update_team_member.sql
create or replace function public.update_team_member(p_member_id uuid, p_role agents.team_member_role default NULL::agents.team_member_role, p_responsibility text default NULL::text, p_clear_responsibility boolean default false, p_lane integer default NULL::integer)
 returns agents.team_members
 language plpgsql
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'update_team_member';
  v_member agents.team_members := agents.fn_rpc_editable_member('update_team_member', p_member_id);
begin
  perform agents.fn_rpc_not_null(c_rpc, 'p_clear_responsibility', p_clear_responsibility);
  if p_responsibility is not null then
    if p_clear_responsibility then
      raise exception '%: give p_responsibility or p_clear_responsibility, not both', c_rpc using errcode = '22023';
    end if;
    perform agents.fn_rpc_text(c_rpc, 'p_responsibility', p_responsibility, 2000);
  end if;
  if p_lane < 0 then
    raise exception '%: p_lane must be 0 or more, got %', c_rpc, p_lane using errcode = '22023';
  end if;
  update agents.team_members m set
    role = coalesce(p_role, m.role),
    responsibility = case when p_clear_responsibility then null else coalesce(btrim(p_responsibility), m.responsibility) end,
    lane = coalesce(p_lane, m.lane)
  where m.id = v_member.id
  returning * into v_member;
  return v_member;
end
$function$;

comment on function public.update_team_member(p_member_id uuid, p_role agents.team_member_role, p_responsibility text, p_clear_responsibility boolean, p_lane integer) is 'Changes a member''s role, responsibility or lane; null arguments keep their value.';

revoke all on function public.update_team_member(p_member_id uuid, p_role agents.team_member_role, p_responsibility text, p_clear_responsibility boolean, p_lane integer) from public;
grant execute on function public.update_team_member(p_member_id uuid, p_role agents.team_member_role, p_responsibility text, p_clear_responsibility boolean, p_lane integer) to authenticated;

-- ==== supabase/schemas/public/functions/update_team.sql
create or replace function public.update_team(p_team_id uuid, p_name text default NULL::text, p_description text default NULL::text, p_clear_description boolean default false, p_status agents.team_status default NULL::agents.team_status, p_scratchpad jsonb default NULL::jsonb)
 returns agents.teams
 language plpgsql
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'update_team';
  v_team agents.teams := agents.fn_rpc_editable_team('update_team', p_team_id);
begin
  if p_name is not null then
    perform agents.fn_rpc_text(c_rpc, 'p_name', p_name, 120);
    if exists (select 1 from agents.teams t where t.owner_lenser_id = v_team.owner_lenser_id and lower(t.name) = lower(btrim(p_name))
               and t.status <> 'archived' and t.id <> p_team_id) then
      raise exception '%: p_name "%" is taken by another team of this owner', c_rpc, btrim(p_name) using errcode = '23505';
    end if;
  end if;
  perform agents.fn_rpc_not_null(c_rpc, 'p_clear_description', p_clear_description);
  if p_description is not null then
    if p_clear_description then
      raise exception '%: give p_description or p_clear_description, not both', c_rpc using errcode = '22023';
    end if;
    perform agents.fn_rpc_text(c_rpc, 'p_description', p_description, 4000);
  end if;
  if p_status = 'archived' then
    raise exception '%: p_status must be active or paused (archive with archive_team)', c_rpc using errcode = '22023';
  end if;
  if p_scratchpad is not null then
    perform agents.fn_rpc_scratchpad(c_rpc, p_scratchpad);
  end if;
  update agents.teams t set
    name = coalesce(btrim(p_name), t.name),
    description = case when p_clear_description then null else coalesce(btrim(p_description), t.description) end,
    status = coalesce(p_status, t.status),
    scratchpad = coalesce(p_scratchpad, t.scratchpad)
  where t.id = p_team_id
  returning * into v_team;
  return v_team;
end
$function$;

comment on function public.update_team(p_team_id uuid, p_name text, p_description text, p_clear_description boolean, p_status agents.team_status, p_scratchpad jsonb) is 'Changes a team (name, description, active/paused, scratchpad); null arguments keep their value.';

revoke all on function public.update_team(p_team_id uuid, p_name text, p_description text, p_clear_description boolean, p_status agents.team_status, p_scratchpad jsonb) from public;
grant execute on function public.update_team(p_team_id uuid, p_name text, p_description text, p_clear_description boolean, p_status agents.team_status, p_scratchpad jsonb) to authenticated;

-- ==== supabase/schemas/public/functions/update_tool_profile.sql
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

-- ==== supabase/schemas/public/functions/update_workflow_assignment.sql
create or replace function public.update_workflow_assignment(p_assignment_id uuid, p_approval_policy jsonb default NULL::jsonb, p_retry_policy jsonb default NULL::jsonb, p_failure_policy jsonb default NULL::jsonb, p_queue_policy jsonb default NULL::jsonb, p_output_destination jsonb default NULL::jsonb, p_status agents.assignment_status default NULL::agents.assignment_status)
 returns agents.workflow_assignments
 language plpgsql
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'update_workflow_assignment';
  v_row agents.workflow_assignments := agents.fn_rpc_editable_assignment('update_workflow_assignment', p_assignment_id);
begin
  perform agents.fn_rpc_assignment_policies(c_rpc, v_row.assignee_ai_lenser_id, v_row.assignee_team_id, p_approval_policy,
    p_retry_policy, p_failure_policy, p_queue_policy, p_output_destination);
  if p_status = 'active' and v_row.status = 'disabled' then
    if exists (select 1 from agents.workflow_assignments a
               where a.workflow_id = v_row.workflow_id and a.status = 'active' and a.assignee_kind = v_row.assignee_kind
                 and coalesce(a.assignee_ai_lenser_id, a.assignee_team_id) = coalesce(v_row.assignee_ai_lenser_id, v_row.assignee_team_id)) then
      raise exception '%: workflow % already has another active assignment to this %', c_rpc, v_row.workflow_id,
        v_row.assignee_kind using errcode = '23505';
    end if;
    if v_row.assignee_kind = 'team' and exists (select 1 from agents.teams t where t.id = v_row.assignee_team_id and t.status = 'archived') then
      raise exception '%: team % is archived; its assignments cannot be enabled', c_rpc, v_row.assignee_team_id using errcode = '22023';
    end if;
  end if;
  update agents.workflow_assignments a set
    approval_policy = coalesce(p_approval_policy, a.approval_policy),
    retry_policy = coalesce(p_retry_policy, a.retry_policy),
    failure_policy = coalesce(p_failure_policy, a.failure_policy),
    queue_policy = coalesce(p_queue_policy, a.queue_policy),
    output_destination = coalesce(p_output_destination, a.output_destination),
    status = coalesce(p_status, a.status),
    disabled_at = case
      when coalesce(p_status, a.status) = 'active' then null
      when a.status = 'disabled' then a.disabled_at
      else now() end
  where a.id = v_row.id
  returning * into v_row;
  return v_row;
end
$function$;

comment on function public.update_workflow_assignment(p_assignment_id uuid, p_approval_policy jsonb, p_retry_policy jsonb, p_failure_policy jsonb, p_queue_policy jsonb, p_output_destination jsonb, p_status agents.assignment_status) is 'Changes an assignment''s policies or status (active again, or disabled); null arguments keep their value.';

revoke all on function public.update_workflow_assignment(p_assignment_id uuid, p_approval_policy jsonb, p_retry_policy jsonb, p_failure_policy jsonb, p_queue_policy jsonb, p_output_destination jsonb, p_status agents.assignment_status) from public;
grant execute on function public.update_workflow_assignment(p_assignment_id uuid, p_approval_policy jsonb, p_retry_policy jsonb, p_failure_policy jsonb, p_queue_policy jsonb, p_output_destination jsonb, p_status agents.assignment_status) to authenticated;

-- ==== supabase/schemas/public/functions/update_workflow_edge.sql
create or replace function public.update_workflow_edge(p_edge_id uuid, p_merge_strategy lenses.merge_strategy default NULL::lenses.merge_strategy, p_condition text default NULL::text, p_source_output_path text default NULL::text, p_target_input_path text default NULL::text)
 returns lenses.workflow_edges
 language plpgsql
 set search_path to ''
as $function$
declare
  v_edge lenses.workflow_edges;
  v_merge lenses.merge_strategy;
  v_condition_text text;
  v_source_path text;
  v_target_path text;
  v_condition jsonpath;
begin
  if p_edge_id is null then
    raise exception 'update_workflow_edge: p_edge_id is required' using errcode = '22023';
  end if;
  select e.* into v_edge from lenses.workflow_edges e where e.id = p_edge_id;
  if not found then
    raise exception 'update_workflow_edge: no edge % that you can see', p_edge_id using errcode = 'P0002';
  end if;
  perform lenses.fn_draft_workflow('update_workflow_edge', v_edge.workflow_id);
  v_merge := coalesce(p_merge_strategy, v_edge.merge_strategy);
  v_condition_text := case when p_condition is null then v_edge.condition::text else nullif(p_condition, '') end;
  v_source_path := case when p_source_output_path is null then v_edge.source_output_path else nullif(p_source_output_path, '') end;
  v_target_path := case when p_target_input_path is null then v_edge.target_input_path else nullif(p_target_input_path, '') end;
  v_condition := lenses.fn_check_edge_args('update_workflow_edge', v_merge, v_condition_text, v_source_path, v_target_path);
  if exists (
    select 1 from lenses.workflow_edges e
    where e.source_node_id = v_edge.source_node_id and e.target_node_id = v_edge.target_node_id
      and e.target_input_path is not distinct from v_target_path and e.id <> p_edge_id
  ) then
    raise exception 'update_workflow_edge: another edge between the same nodes writes into % already',
      coalesce('"' || v_target_path || '"', 'the whole input') using errcode = '23505';
  end if;
  update lenses.workflow_edges e set
    merge_strategy = v_merge, condition = v_condition, source_output_path = v_source_path, target_input_path = v_target_path
  where e.id = p_edge_id
  returning * into v_edge;
  return v_edge;
end
$function$;

comment on function public.update_workflow_edge(p_edge_id uuid, p_merge_strategy lenses.merge_strategy, p_condition text, p_source_output_path text, p_target_input_path text) is 'Changes an edge of a draft workflow; null keeps a value, an empty string clears the condition or a path.';

revoke all on function public.update_workflow_edge(p_edge_id uuid, p_merge_strategy lenses.merge_strategy, p_condition text, p_source_output_path text, p_target_input_path text) from public;
grant execute on function public.update_workflow_edge(p_edge_id uuid, p_merge_strategy lenses.merge_strategy, p_condition text, p_source_output_path text, p_target_input_path text) to authenticated;

-- ==== supabase/schemas/public/functions/update_workflow_node.sql
create or replace function public.update_workflow_node(p_node_id uuid, p_key text default NULL::text, p_title text default NULL::text, p_lens_version_id uuid default NULL::uuid, p_inline_override jsonb default NULL::jsonb, p_config jsonb default NULL::jsonb)
 returns lenses.workflow_nodes
 language plpgsql
 set search_path to ''
as $function$
declare
  v_node lenses.workflow_nodes;
  v_version_id uuid;
  v_override jsonb;
  v_override_arg jsonb := nullif(p_inline_override, 'null'::jsonb);
begin
  if p_node_id is null then
    raise exception 'update_workflow_node: p_node_id is required' using errcode = '22023';
  end if;
  select n.* into v_node from lenses.workflow_nodes n where n.id = p_node_id;
  if not found then
    raise exception 'update_workflow_node: no node % that you can see', p_node_id using errcode = 'P0002';
  end if;
  perform lenses.fn_draft_workflow('update_workflow_node', v_node.workflow_id);
  if p_key is not null and p_key !~ '^[a-z][a-z0-9_-]{0,62}$' then
    raise exception 'update_workflow_node: p_key "%" must be a slug (a lower-case letter, then letters, digits, _ or -; at most 63)', p_key
      using errcode = '22023';
  end if;
  if p_key is not null and exists (
    select 1 from lenses.workflow_nodes n where n.workflow_id = v_node.workflow_id and n.key = p_key and n.id <> p_node_id
  ) then
    raise exception 'update_workflow_node: p_key "%" is taken in workflow %', p_key, v_node.workflow_id using errcode = '23505';
  end if;
  if p_title is not null and p_title <> '' and char_length(btrim(p_title)) not between 1 and 200 then
    raise exception 'update_workflow_node: p_title must be 1 to 200 characters (or empty to clear it)' using errcode = '22023';
  end if;
  if p_lens_version_id is not null and v_override_arg is not null then
    raise exception 'update_workflow_node: give p_lens_version_id or p_inline_override, not both' using errcode = '22023';
  end if;
  if v_node.kind = 'human_input' and (p_lens_version_id is not null or v_override_arg is not null) then
    raise exception 'update_workflow_node: node "%" is a human_input node; it takes no lens version or inline override', v_node.key
      using errcode = '22023';
  end if;
  -- A new version replaces an inline override and the other way round.
  v_version_id := case when p_lens_version_id is not null then p_lens_version_id
                       when v_override_arg is not null then null else v_node.lens_version_id end;
  v_override := case when v_override_arg is not null then v_override_arg
                     when p_lens_version_id is not null then null else v_node.inline_override end;
  perform lenses.fn_check_node_args('update_workflow_node', v_node.kind, v_version_id, v_override, coalesce(p_config, v_node.config));
  update lenses.workflow_nodes n set
    key = coalesce(p_key, n.key),
    title = case when p_title is null then n.title else nullif(btrim(p_title), '') end,
    lens_version_id = v_version_id,
    inline_override = v_override,
    config = coalesce(p_config, n.config)
  where n.id = p_node_id
  returning * into v_node;
  return v_node;
end
$function$;

comment on function public.update_workflow_node(p_node_id uuid, p_key text, p_title text, p_lens_version_id uuid, p_inline_override jsonb, p_config jsonb) is 'Changes a node of a draft workflow; a new lens version replaces an inline override and vice versa; p_config replaces the config.';

revoke all on function public.update_workflow_node(p_node_id uuid, p_key text, p_title text, p_lens_version_id uuid, p_inline_override jsonb, p_config jsonb) from public;
grant execute on function public.update_workflow_node(p_node_id uuid, p_key text, p_title text, p_lens_version_id uuid, p_inline_override jsonb, p_config jsonb) to authenticated;

-- ==== supabase/schemas/public/functions/update_workflow.sql
create or replace function public.update_workflow(p_workflow_id uuid, p_title text default NULL::text, p_description text default NULL::text, p_visibility lenses.visibility default NULL::lenses.visibility, p_tags text[] default NULL::text[])
 returns lenses.workflows
 language plpgsql
 set search_path to ''
as $function$
declare
  v_workflow lenses.workflows := lenses.fn_editable_workflow('update_workflow', p_workflow_id);
  v_tags text[] := lenses.fn_normalize_tags(p_tags);
begin
  if v_workflow.status = 'archived' then
    raise exception 'update_workflow: workflow % is archived and cannot change', p_workflow_id using errcode = '22023';
  end if;
  if p_title is not null and char_length(btrim(p_title)) not between 1 and 200 then
    raise exception 'update_workflow: p_title must be 1 to 200 characters' using errcode = '22023';
  end if;
  if char_length(p_description) > 10000 then
    raise exception 'update_workflow: p_description must be at most 10000 characters' using errcode = '22023';
  end if;
  if p_tags is not null and not lenses.fn_tags_valid(v_tags) then
    raise exception 'update_workflow: p_tags must be at most 20 distinct slugs of 1 to 40 letters, digits, _ or -, got %', p_tags
      using errcode = '22023';
  end if;
  update lenses.workflows w set
    title = coalesce(btrim(p_title), w.title),
    description = case when p_description is null then w.description else nullif(p_description, '') end,
    visibility = coalesce(p_visibility, w.visibility),
    tags = case when p_tags is null then w.tags else v_tags end
  where w.id = p_workflow_id
  returning * into v_workflow;
  return v_workflow;
end
$function$;

comment on function public.update_workflow(p_workflow_id uuid, p_title text, p_description text, p_visibility lenses.visibility, p_tags text[]) is 'Changes a workflow''s title, description, visibility or tags (also once published; not once archived).';

revoke all on function public.update_workflow(p_workflow_id uuid, p_title text, p_description text, p_visibility lenses.visibility, p_tags text[]) from public;
grant execute on function public.update_workflow(p_workflow_id uuid, p_title text, p_description text, p_visibility lenses.visibility, p_tags text[]) to authenticated;

-- ==== supabase/schemas/agents/views/memories_v.sql
-- The entries and their profile's name, for inspection (RLS of both tables applies).
create or replace view agents.memories_v with (security_invoker=true) as
 SELECT m.id,
    m.memory_profile_id,
    p.name AS memory_profile_name,
    m.ai_lenser_id,
    m.scope,
    m.source,
    m.content,
    m.confidence,
    m.expires_at,
    m.redacted_at,
    m.redacted_by,
    m.embedding IS NOT NULL AS has_embedding,
    m.metadata,
    m.created_by,
    m.created_at,
    m.redacted_at IS NULL AND (m.expires_at IS NULL OR m.expires_at > now()) AS is_live
   FROM agents.memories m
     JOIN agents.memory_profiles p ON p.id = m.memory_profile_id;

comment on view agents.memories_v is 'Memory entries with their profile''s name; is_live: neither redacted nor expired.';

grant select on table agents.memories_v to authenticated;
grant all on table agents.memories_v to service_role;

-- ==== supabase/schemas/agents/views/tool_invocations_v.sql
-- Invocations with their tool's key, name, egress class and group, and the profile's name.
create or replace view agents.tool_invocations_v with (security_invoker=true) as
 SELECT i.id,
    i.ai_lenser_id,
    i.tool_id,
    r.key AS tool_key,
    r.name AS tool_name,
    r.egress_class,
    r.tool_group,
    i.tool_profile_id,
    tp.name AS tool_profile_name,
    i.status,
    i.requires_approval,
    i.input,
    i.output,
    i.error,
    i.approved_by,
    i.approved_at,
    i.rejected_by,
    i.rejected_at,
    i.rejected_reason,
    i.cost_credits,
    i.step_id,
    i.workflow_node_result_id,
    i.requested_by,
    i.created_at,
    i.started_at,
    i.completed_at,
    i.updated_at
   FROM agents.tool_invocations i
     JOIN agents.tools_registry r ON r.id = i.tool_id
     LEFT JOIN agents.tool_profiles tp ON tp.id = i.tool_profile_id;

comment on view agents.tool_invocations_v is 'Tool invocations with the tool''s key, name, egress class and group.';

grant select on table agents.tool_invocations_v to authenticated;
grant all on table agents.tool_invocations_v to service_role;

-- ==== supabase/schemas/lenses/views/workflow_nodes_v.sql
-- Each node with what the engine needs, resolved: template, contracts and parameters from its
-- version or inline override, and the config fields typed.
create or replace view lenses.workflow_nodes_v with (security_invoker=true) as
 SELECT n.id,
    n.workflow_id,
    n.key,
    n.title,
    n.kind,
    n.lens_version_id,
    v.lens_id,
    v.version_number,
    v.status AS version_status,
        CASE
            WHEN n.lens_version_id IS NOT NULL THEN v.template_body
            ELSE n.inline_override ->> 'template_body'::text
        END AS template_body,
        CASE
            WHEN n.lens_version_id IS NOT NULL THEN v.input_contract
            ELSE NULLIF(n.inline_override -> 'input_contract'::text, 'null'::jsonb)
        END AS input_contract,
        CASE
            WHEN n.lens_version_id IS NOT NULL THEN v.output_contract
            ELSE NULLIF(n.inline_override -> 'output_contract'::text, 'null'::jsonb)
        END AS output_contract,
        CASE
            WHEN n.lens_version_id IS NOT NULL THEN v.instruction_category
            ELSE (n.inline_override ->> 'instruction_category'::text)::lenses.instruction_category
        END AS instruction_category,
        CASE
            WHEN n.lens_version_id IS NOT NULL THEN lenses.fn_version_parameter_defs(n.lens_version_id)
            WHEN n.inline_override IS NOT NULL THEN lenses.fn_inline_parameter_defs(n.inline_override)
            ELSE NULL::jsonb
        END AS parameter_defs,
    (n.config ->> 'model_id'::text)::uuid AS model_id,
    (n.config ->> 'timeout_ms'::text)::bigint AS timeout_ms,
    n.config -> 'retry'::text AS retry,
    COALESCE(n.config -> 'params'::text, '{}'::jsonb) AS params,
    n.config ->> 'prompt'::text AS prompt,
    n.config -> 'position'::text AS "position",
    n.config
   FROM lenses.workflow_nodes n
     LEFT JOIN lenses.versions v ON v.id = n.lens_version_id;

comment on view lenses.workflow_nodes_v is 'Workflow nodes resolved for the engine: template, contracts and parameters of the version or inline override; typed config.';

grant select on table lenses.workflow_nodes_v to anon, authenticated;
grant all on table lenses.workflow_nodes_v to service_role;

-- ==== supabase/schemas/public/functions/list_tool_invocations.sql
create or replace function public.list_tool_invocations(p_ai_lenser_id uuid, p_status agents.tool_invocation_status default NULL::agents.tool_invocation_status, p_limit integer default 50, p_offset integer default 0)
 returns setof agents.tool_invocations_v
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  perform agents.fn_rpc_require_operate('list_tool_invocations', p_ai_lenser_id);
  perform lensers.fn_rpc_page('list_tool_invocations', p_limit, p_offset);
  return query
    select v.* from agents.tool_invocations_v v
    where v.ai_lenser_id = p_ai_lenser_id and (p_status is null or v.status = p_status)
    order by v.created_at desc, v.id
    limit p_limit offset p_offset;
end
$function$;

comment on function public.list_tool_invocations(p_ai_lenser_id uuid, p_status agents.tool_invocation_status, p_limit integer, p_offset integer) is 'An agent''s tool calls with the tool''s key, name and egress class, newest first; optionally of one status.';

revoke all on function public.list_tool_invocations(p_ai_lenser_id uuid, p_status agents.tool_invocation_status, p_limit integer, p_offset integer) from public;
grant execute on function public.list_tool_invocations(p_ai_lenser_id uuid, p_status agents.tool_invocation_status, p_limit integer, p_offset integer) to authenticated, service_role;

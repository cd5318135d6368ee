-- The policy bundles a workflow assignment carries, as JSON, checked here exactly as types/policies.ts
-- checks them with zod (tests/functions/policies_test.ts runs the same cases through both). Each
-- function returns the problems it finds, an empty array for a valid value; the assignment table's
-- CHECKs call them, and the RPCs report the problems by argument.
--
--   approval_policy     { requiresApproval: boolean, approverRoles?: non-empty unique list of
--                         'owner' | 'co_owner' | 'operator' (only when requiresApproval is true) }
--                       default {"requiresApproval":true}
--   retry_policy        { maxRetries: integer 0..10, backoffMs?: integer 0..3600000,
--                         backoffMultiplier?: number 1..10, maxBackoffMs?: integer 0..86400000
--                         and >= backoffMs when both are given }            default {"maxRetries":1}
--   failure_policy      { mode: 'isolate' (siblings go on) | 'stop_run' (the run stops) }
--                                                                           default {"mode":"isolate"}
--   queue_policy        { mode: 'parallel' | 'serial' (one run at a time, the others wait)
--                         | 'skip_if_running' (a start while one runs is dropped),
--                         maxConcurrent?: integer 1..100, only with mode 'parallel' }
--                                                                           default {"mode":"parallel"}
--   output_destination  {} (nothing beyond the run's own record), or one of
--                         { kind: 'none' }
--                         { kind: 'memory', memoryProfileId: uuid, scope?: memory scope }
--                         { kind: 'webhook', url: http(s) URL of at most 2048 characters }
--                         { kind: 'channel', channelBindingId: uuid }       default {}
-- No other keys are accepted anywhere.

create function agents.fn_json_unknown_keys(p_value jsonb, p_allowed text[]) returns text[]
language sql
immutable
set search_path = ''
as $$
  select coalesce(array_agg(format('unknown key "%s"', k) order by k), '{}')
  from jsonb_object_keys(p_value) k
  where not k = any (p_allowed)
$$;

create function agents.fn_json_is_guid(p_value jsonb) returns boolean
language sql
immutable
set search_path = ''
as $$
  select coalesce(jsonb_typeof(p_value) = 'string'
    and (p_value #>> '{}') ~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$', false)
$$;

create function agents.fn_approval_policy_errors(p_policy jsonb) returns text[]
language plpgsql
immutable
set search_path = ''
as $$
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
$$;

create function agents.fn_retry_policy_errors(p_policy jsonb) returns text[]
language plpgsql
immutable
set search_path = ''
as $$
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
$$;

create function agents.fn_failure_policy_errors(p_policy jsonb) returns text[]
language plpgsql
immutable
set search_path = ''
as $$
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
$$;

create function agents.fn_queue_policy_errors(p_policy jsonb) returns text[]
language plpgsql
immutable
set search_path = ''
as $$
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
$$;

create function agents.fn_output_destination_errors(p_destination jsonb) returns text[]
language plpgsql
immutable
set search_path = ''
as $$
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
$$;

comment on function agents.fn_approval_policy_errors(jsonb) is 'Problems with an approval_policy (empty when valid); SQL twin of ApprovalPolicy.';
comment on function agents.fn_retry_policy_errors(jsonb) is 'Problems with a retry_policy (empty when valid); SQL twin of RetryPolicy.';
comment on function agents.fn_failure_policy_errors(jsonb) is 'Problems with a failure_policy (empty when valid); SQL twin of FailurePolicy.';
comment on function agents.fn_queue_policy_errors(jsonb) is 'Problems with a queue_policy (empty when valid); SQL twin of QueuePolicy.';
comment on function agents.fn_output_destination_errors(jsonb) is
  'Problems with an output_destination (empty when valid); SQL twin of OutputDestination.';

revoke execute on function agents.fn_json_unknown_keys(jsonb, text[]), agents.fn_json_is_guid(jsonb),
  agents.fn_approval_policy_errors(jsonb), agents.fn_retry_policy_errors(jsonb), agents.fn_failure_policy_errors(jsonb),
  agents.fn_queue_policy_errors(jsonb), agents.fn_output_destination_errors(jsonb) from public;
grant execute on function agents.fn_json_unknown_keys(jsonb, text[]), agents.fn_json_is_guid(jsonb),
  agents.fn_approval_policy_errors(jsonb), agents.fn_retry_policy_errors(jsonb), agents.fn_failure_policy_errors(jsonb),
  agents.fn_queue_policy_errors(jsonb), agents.fn_output_destination_errors(jsonb) to authenticated, service_role;

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
    v_errors := v_errors || agents.fn_json_unknown_keys(p_destination, array['kind', 'url', 'secretEnv']);
    if coalesce(jsonb_typeof(p_destination -> 'url'), '') <> 'string'
       or (p_destination ->> 'url') !~ '^https?://\S+$' or char_length(p_destination ->> 'url') > 2048 then
      v_errors := v_errors || 'url must be an http(s) URL of at most 2048 characters'::text;
    end if;
    if p_destination ? 'secretEnv' and (coalesce(jsonb_typeof(p_destination -> 'secretEnv'), '') <> 'string'
        or (p_destination ->> 'secretEnv') !~ '^[A-Z][A-Z0-9_]{0,127}$') then
      v_errors := v_errors || 'secretEnv must name an environment variable (upper-case letters, digits and _, at most 128)'::text;
    end if;
  else
    v_errors := v_errors || agents.fn_json_unknown_keys(p_destination, array['kind', 'channelBindingId', 'contactId']);
    if not agents.fn_json_is_guid(p_destination -> 'channelBindingId') then
      v_errors := v_errors || 'channelBindingId must be a uuid'::text;
    end if;
    if p_destination ? 'contactId' and not agents.fn_json_is_guid(p_destination -> 'contactId') then
      v_errors := v_errors || 'contactId must be a uuid'::text;
    end if;
  end if;
  return v_errors;
end
$function$;

comment on function agents.fn_output_destination_errors(p_destination jsonb) is 'Problems with an output_destination (empty when valid); SQL twin of OutputDestination.';

revoke all on function agents.fn_output_destination_errors(p_destination jsonb) from public;
grant execute on function agents.fn_output_destination_errors(p_destination jsonb) to authenticated, service_role;

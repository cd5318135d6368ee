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

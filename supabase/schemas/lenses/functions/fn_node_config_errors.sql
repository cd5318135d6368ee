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

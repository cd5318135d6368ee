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

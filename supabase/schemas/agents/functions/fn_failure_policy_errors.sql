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

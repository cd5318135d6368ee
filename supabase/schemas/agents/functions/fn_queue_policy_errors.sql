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

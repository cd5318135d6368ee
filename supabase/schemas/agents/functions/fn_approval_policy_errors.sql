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
  v_errors := v_errors || agents.fn_json_unknown_keys(p_policy, array['requiresApproval', 'approverRoles', 'expiresAfterSeconds']);
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
  if p_policy ? 'expiresAfterSeconds' then
    if jsonb_typeof(p_policy -> 'expiresAfterSeconds') <> 'number'
       or (p_policy ->> 'expiresAfterSeconds')::numeric <> trunc((p_policy ->> 'expiresAfterSeconds')::numeric)
       or (p_policy ->> 'expiresAfterSeconds')::numeric not between 60 and 2592000 then
      v_errors := v_errors || 'expiresAfterSeconds must be a whole number of seconds from 60 to 2592000 (30 days)'::text;
    end if;
    if p_policy -> 'requiresApproval' = 'false'::jsonb then
      v_errors := v_errors || 'expiresAfterSeconds is only allowed when requiresApproval is true'::text;
    end if;
  end if;
  return v_errors;
end
$function$;

comment on function agents.fn_approval_policy_errors(p_policy jsonb) is 'Problems with an approval_policy (empty when valid); SQL twin of ApprovalPolicy.';

revoke all on function agents.fn_approval_policy_errors(p_policy jsonb) from public;
grant execute on function agents.fn_approval_policy_errors(p_policy jsonb) to authenticated, service_role;

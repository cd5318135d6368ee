-- No other profile of the kind of p_kind of the agent has the name p_name (case and outer spaces
-- ignored); p_profile_id is the profile being renamed, null for a new one.
create or replace function agents.fn_rpc_profile_name_free(p_rpc text, p_kind anyelement, p_ai_lenser_id uuid, p_name text, p_profile_id uuid)
 returns void
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_kind text := agents.fn_profile_kind(pg_catalog.pg_typeof(p_kind));
  v_taken boolean;
begin
  execute format('select exists (select 1 from agents.%I p where p.ai_lenser_id = $1 and lower(p.name) = lower(btrim($2))'
    ' and p.id is distinct from $3)', v_kind || '_profiles')
    into v_taken using p_ai_lenser_id, p_name, p_profile_id;
  if v_taken then
    raise exception '%: p_name "%" is taken by another % profile of this agent', p_rpc, btrim(p_name), v_kind using errcode = '23505';
  end if;
end
$function$;

comment on function agents.fn_rpc_profile_name_free(p_rpc text, p_kind anyelement, p_ai_lenser_id uuid, p_name text, p_profile_id uuid) is 'Raises 23505 when another profile of the kind of p_kind (null::agents.<kind>_profiles) of the agent has the name p_name; p_profile_id is the profile itself, null when creating one.';

revoke all on function agents.fn_rpc_profile_name_free(p_rpc text, p_kind anyelement, p_ai_lenser_id uuid, p_name text, p_profile_id uuid) from public;
grant execute on function agents.fn_rpc_profile_name_free(p_rpc text, p_kind anyelement, p_ai_lenser_id uuid, p_name text, p_profile_id uuid) to authenticated;

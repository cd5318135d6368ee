-- A binding's profile override (p_arg, of the kind of p_kind: null::agents.<kind>_profiles) is a
-- profile of the binding's agent, or null (the agent's default): 22023 naming the argument otherwise.
create or replace function agents.fn_check_binding_profile(p_rpc text, p_arg text, p_kind anyelement, p_ai_lenser_id uuid, p_profile_id uuid)
 returns void
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_kind text := agents.fn_profile_kind(pg_catalog.pg_typeof(p_kind));
  v_found boolean;
begin
  if p_profile_id is null then
    return;
  end if;
  execute format('select exists (select 1 from agents.%I p where p.id = $1 and p.ai_lenser_id = $2)', v_kind || '_profiles')
    into v_found using p_profile_id, p_ai_lenser_id;
  if not v_found then
    raise exception '%: % % is not a % profile of agent %', p_rpc, p_arg, p_profile_id, v_kind, p_ai_lenser_id
      using errcode = '22023';
  end if;
end
$function$;

revoke all on function agents.fn_check_binding_profile(p_rpc text, p_arg text, p_kind anyelement, p_ai_lenser_id uuid, p_profile_id uuid) from public;
grant execute on function agents.fn_check_binding_profile(p_rpc text, p_arg text, p_kind anyelement, p_ai_lenser_id uuid, p_profile_id uuid) to authenticated, service_role;

-- The caller owns or co-owns the agent (the service role acts for the platform and passes).
create or replace function agents.fn_rpc_require_manage(p_rpc text, p_ai_lenser_id uuid)
 returns void
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  if p_ai_lenser_id is null then
    raise exception '%: p_ai_lenser_id is required', p_rpc using errcode = '22023';
  end if;
  if current_user <> 'service_role' and not (select agents.can_manage_ai_lenser(p_ai_lenser_id)) then
    raise exception '%: you do not own or co-own agent %', p_rpc, p_ai_lenser_id using errcode = '42501';
  end if;
end
$function$;

revoke all on function agents.fn_rpc_require_manage(p_rpc text, p_ai_lenser_id uuid) from public;
grant execute on function agents.fn_rpc_require_manage(p_rpc text, p_ai_lenser_id uuid) to authenticated, service_role;

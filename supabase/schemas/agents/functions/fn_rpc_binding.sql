-- The channel binding p_binding_id as the caller sees it (RLS): PT404 when there is none or the caller
-- may not see it; with p_manage, 42501 unless the caller owns or co-owns its agent.
create or replace function agents.fn_rpc_binding(p_rpc text, p_binding_id uuid, p_manage boolean)
 returns agents.channel_bindings
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_row agents.channel_bindings;
begin
  perform agents.fn_rpc_not_null(p_rpc, 'p_binding_id', p_binding_id);
  select b.* into v_row from agents.channel_bindings b where b.id = p_binding_id;
  if not found then
    raise exception '%: no channel binding % that you can see', p_rpc, p_binding_id using errcode = 'PT404';
  end if;
  if p_manage then
    perform agents.fn_rpc_require_manage(p_rpc, v_row.ai_lenser_id);
  end if;
  return v_row;
end
$function$;

revoke all on function agents.fn_rpc_binding(p_rpc text, p_binding_id uuid, p_manage boolean) from public;
grant execute on function agents.fn_rpc_binding(p_rpc text, p_binding_id uuid, p_manage boolean) to authenticated, service_role;

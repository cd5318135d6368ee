-- The contact p_contact_id (argument p_arg) for an RPC: PT404 when there is none
-- or the caller may not see it (checked here: SECURITY DEFINER callers bypass RLS), 42501 unless the
-- caller owns or co-owns its agent.
create or replace function agents.fn_rpc_contact(p_rpc text, p_arg text, p_contact_id uuid)
 returns agents.contacts
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_row agents.contacts;
begin
  perform agents.fn_rpc_not_null(p_rpc, p_arg, p_contact_id);
  select c.* into v_row from agents.contacts c where c.id = p_contact_id;
  if not found or (current_user <> 'service_role' and not (select agents.can_operate_ai_lenser(v_row.ai_lenser_id))) then
    raise exception '%: no contact % that you can see (%)', p_rpc, p_contact_id, p_arg using errcode = 'PT404';
  end if;
  perform agents.fn_rpc_require_manage(p_rpc, v_row.ai_lenser_id);
  return v_row;
end
$function$;

revoke all on function agents.fn_rpc_contact(p_rpc text, p_arg text, p_contact_id uuid) from public;
grant execute on function agents.fn_rpc_contact(p_rpc text, p_arg text, p_contact_id uuid) to authenticated, service_role;

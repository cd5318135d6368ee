-- The member row, its team editable by the caller, or a clear error.
create or replace function agents.fn_rpc_editable_member(p_rpc text, p_member_id uuid)
 returns agents.team_members
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_member agents.team_members;
begin
  if p_member_id is null then
    raise exception '%: p_member_id is required', p_rpc using errcode = '22023';
  end if;
  select m.* into v_member from agents.team_members m where m.id = p_member_id;
  if not found then
    raise exception '%: no team member % that you can see', p_rpc, p_member_id using errcode = 'PT404';
  end if;
  perform agents.fn_rpc_editable_team(p_rpc, v_member.team_id);
  return v_member;
end
$function$;

revoke all on function agents.fn_rpc_editable_member(p_rpc text, p_member_id uuid) from public;
grant execute on function agents.fn_rpc_editable_member(p_rpc text, p_member_id uuid) to authenticated, service_role;

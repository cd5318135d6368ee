-- The assignment row the caller may change, or a clear error.
create or replace function agents.fn_rpc_editable_assignment(p_rpc text, p_assignment_id uuid)
 returns agents.workflow_assignments
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_row agents.workflow_assignments;
begin
  perform agents.fn_rpc_not_null(p_rpc, 'p_assignment_id', p_assignment_id);
  select a.* into v_row from agents.workflow_assignments a where a.id = p_assignment_id;
  if not found then
    raise exception '%: no workflow assignment % that you can see', p_rpc, p_assignment_id using errcode = 'PT404';
  end if;
  if v_row.assignee_kind = 'agent' then
    perform agents.fn_rpc_require_manage(p_rpc, v_row.assignee_ai_lenser_id);
  elsif not exists (select 1 from agents.editable_team_ids() e where e = v_row.assignee_team_id) then
    raise exception '%: you may not change team %''s assignments', p_rpc, v_row.assignee_team_id using errcode = '42501';
  end if;
  return v_row;
end
$function$;

revoke all on function agents.fn_rpc_editable_assignment(p_rpc text, p_assignment_id uuid) from public;
grant execute on function agents.fn_rpc_editable_assignment(p_rpc text, p_assignment_id uuid) to authenticated, service_role;

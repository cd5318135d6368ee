create or replace function public.disable_workflow_assignment(p_assignment_id uuid)
 returns agents.workflow_assignments
 language plpgsql
 set search_path to ''
as $function$
declare
  v_row agents.workflow_assignments := agents.fn_rpc_editable_assignment('disable_workflow_assignment', p_assignment_id);
begin
  if v_row.status = 'disabled' then
    raise exception 'disable_workflow_assignment: assignment % is already disabled (since %)', p_assignment_id, v_row.disabled_at
      using errcode = 'PT409';
  end if;
  update agents.workflow_assignments a set status = 'disabled', disabled_at = now() where a.id = v_row.id returning * into v_row;
  return v_row;
end
$function$;

comment on function public.disable_workflow_assignment(p_assignment_id uuid) is 'Disables an assignment: it is kept, and no longer dispatched.';

revoke all on function public.disable_workflow_assignment(p_assignment_id uuid) from public;
grant execute on function public.disable_workflow_assignment(p_assignment_id uuid) to authenticated;

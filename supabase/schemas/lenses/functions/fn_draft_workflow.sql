-- The same, and a draft (its graph may change).
create or replace function lenses.fn_draft_workflow(p_rpc text, p_workflow_id uuid)
 returns lenses.workflows
 language plpgsql
 set search_path to ''
as $function$
declare
  v_workflow lenses.workflows := lenses.fn_editable_workflow(p_rpc, p_workflow_id);
begin
  if v_workflow.status <> 'draft' then
    raise exception '%: workflow % is % (not a draft); its nodes and edges cannot change', p_rpc, p_workflow_id, v_workflow.status
      using errcode = '22023';
  end if;
  return v_workflow;
end
$function$;

revoke all on function lenses.fn_draft_workflow(p_rpc text, p_workflow_id uuid) from public;
grant execute on function lenses.fn_draft_workflow(p_rpc text, p_workflow_id uuid) to authenticated, service_role;

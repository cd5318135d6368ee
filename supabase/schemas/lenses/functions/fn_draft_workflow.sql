-- The same, and a draft (its graph may change). p_via names the RPC's argument that led to the
-- workflow (e.g. 'p_node_id <id>'), so that a refusal names what the caller passed.
create or replace function lenses.fn_draft_workflow(p_rpc text, p_workflow_id uuid, p_via text default null)
 returns lenses.workflows
 language plpgsql
 set search_path to ''
as $function$
declare
  v_workflow lenses.workflows := lenses.fn_editable_workflow(p_rpc, p_workflow_id);
begin
  if v_workflow.status <> 'draft' then
    if p_via is not null then
      raise exception '%: % is in workflow %, which is % (not a draft); its nodes and edges cannot change', p_rpc, p_via,
        p_workflow_id, v_workflow.status using errcode = 'PT409';
    end if;
    raise exception '%: p_workflow_id % is % (not a draft); its nodes and edges cannot change', p_rpc, p_workflow_id, v_workflow.status
      using errcode = 'PT409';
  end if;
  return v_workflow;
end
$function$;

revoke all on function lenses.fn_draft_workflow(p_rpc text, p_workflow_id uuid, p_via text) from public;
grant execute on function lenses.fn_draft_workflow(p_rpc text, p_workflow_id uuid, p_via text) to authenticated, service_role;

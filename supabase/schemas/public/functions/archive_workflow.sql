create or replace function public.archive_workflow(p_workflow_id uuid)
 returns lenses.workflows
 language plpgsql
 set search_path to ''
as $function$
declare
  v_workflow lenses.workflows := lenses.fn_editable_workflow('archive_workflow', p_workflow_id);
begin
  if v_workflow.status = 'archived' then
    raise exception 'archive_workflow: workflow % is already archived', p_workflow_id using errcode = 'PT409';
  end if;
  update lenses.workflows w set status = 'archived' where w.id = p_workflow_id returning * into v_workflow;
  return v_workflow;
end
$function$;

comment on function public.archive_workflow(p_workflow_id uuid) is 'Archives a workflow: read-only from then on.';

revoke all on function public.archive_workflow(p_workflow_id uuid) from public;
grant execute on function public.archive_workflow(p_workflow_id uuid) to authenticated;

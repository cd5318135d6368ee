create or replace function public.publish_workflow(p_workflow_id uuid)
 returns lenses.workflows
 language plpgsql
 set search_path to ''
as $function$
declare
  v_workflow lenses.workflows := lenses.fn_editable_workflow('publish_workflow', p_workflow_id);
  v_validation jsonb;
begin
  if v_workflow.status <> 'draft' then
    raise exception 'publish_workflow: p_workflow_id % is not a draft (it is %)', p_workflow_id, v_workflow.status
      using errcode = 'PT409';
  end if;
  v_validation := lenses.fn_validate_workflow(p_workflow_id);
  if not (v_validation ->> 'valid')::boolean then
    raise exception 'publish_workflow: workflow % is not valid: %', p_workflow_id,
      (select string_agg(e ->> 'message', '; ') from jsonb_array_elements(v_validation -> 'errors') e)
      using errcode = '23514', detail = (v_validation -> 'errors')::text;
  end if;
  update lenses.workflows w set status = 'published' where w.id = p_workflow_id returning * into v_workflow;
  return v_workflow;
end
$function$;

comment on function public.publish_workflow(p_workflow_id uuid) is 'Publishes a valid draft workflow (its graph is then frozen); refused with every validation error in the message and, as JSON, the detail.';

revoke all on function public.publish_workflow(p_workflow_id uuid) from public;
grant execute on function public.publish_workflow(p_workflow_id uuid) to authenticated;

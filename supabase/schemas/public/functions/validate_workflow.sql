create or replace function public.validate_workflow(p_workflow_id uuid)
 returns jsonb
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  if p_workflow_id is null then
    raise exception 'validate_workflow: p_workflow_id is required' using errcode = '22023';
  end if;
  if not exists (select 1 from lenses.workflows w where w.id = p_workflow_id) then
    raise exception 'validate_workflow: no workflow % that you can see', p_workflow_id using errcode = 'PT404';
  end if;
  return lenses.fn_validate_workflow(p_workflow_id);
end
$function$;

comment on function public.validate_workflow(p_workflow_id uuid) is 'Checks a workflow: {valid, errors: [{code, message, node_key?, edge_id?}]} (acyclic, edges inside, versions published, contracts compatible...).';

revoke all on function public.validate_workflow(p_workflow_id uuid) from public;
grant execute on function public.validate_workflow(p_workflow_id uuid) to anon, authenticated, service_role;

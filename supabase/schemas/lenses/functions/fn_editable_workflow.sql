-- A workflow the caller may edit, locked; PT404 (404) when not visible, 42501 when not editable.
create or replace function lenses.fn_editable_workflow(p_rpc text, p_workflow_id uuid, p_arg text default 'p_workflow_id'::text)
 returns lenses.workflows
 language plpgsql
 set search_path to ''
as $function$
declare
  v_workflow lenses.workflows;
begin
  if p_workflow_id is null then
    raise exception '%: % is required', p_rpc, p_arg using errcode = '22023';
  end if;
  if (select auth.uid()) is null then
    raise exception '%: sign in first (no user in the JWT)', p_rpc using errcode = '42501';
  end if;
  select w.* into v_workflow from lenses.workflows w where w.id = p_workflow_id;
  if not found then
    raise exception '%: no workflow % that you can see', p_rpc, p_workflow_id using errcode = 'PT404';
  end if;
  if v_workflow.lenser_id not in (select lensers.editable_profile_ids()) then
    raise exception '%: you cannot edit workflow % (it belongs to a lenser you do not own)', p_rpc, p_workflow_id
      using errcode = '42501';
  end if;
  select w.* into v_workflow from lenses.workflows w where w.id = p_workflow_id for update;
  return v_workflow;
end
$function$;

revoke all on function lenses.fn_editable_workflow(p_rpc text, p_workflow_id uuid, p_arg text) from public;
grant execute on function lenses.fn_editable_workflow(p_rpc text, p_workflow_id uuid, p_arg text) to authenticated, service_role;

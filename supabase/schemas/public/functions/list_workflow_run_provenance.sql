create or replace function public.list_workflow_run_provenance(p_run_id uuid)
 returns setof lenses.workflow_run_provenance
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  if p_run_id is null then
    raise exception 'list_workflow_run_provenance: p_run_id is required' using errcode = '22023';
  end if;
  if not exists (select 1 from lenses.workflow_runs r where r.id = p_run_id) then
    raise exception 'list_workflow_run_provenance: no run % that you can see', p_run_id using errcode = 'PT404';
  end if;
  return query select p.* from lenses.workflow_run_provenance p where p.run_id = p_run_id order by p.id;
end
$function$;

comment on function public.list_workflow_run_provenance(p_run_id uuid) is 'Which source node output path fed which target input path.';

revoke all on function public.list_workflow_run_provenance(p_run_id uuid) from public;
grant execute on function public.list_workflow_run_provenance(p_run_id uuid) to authenticated, service_role;

create or replace function public.list_workflow_runs(p_workflow_id uuid default NULL::uuid, p_status lenses.workflow_run_status default NULL::lenses.workflow_run_status, p_limit integer default 50, p_offset integer default 0)
 returns setof lenses.workflow_runs
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  perform lensers.fn_rpc_page('list_workflow_runs', p_limit, p_offset);
  return query
    select r.* from lenses.workflow_runs r
    where (p_workflow_id is null or r.workflow_id = p_workflow_id) and (p_status is null or r.status = p_status)
    order by r.created_at desc, r.id
    limit p_limit offset p_offset;
end
$function$;

comment on function public.list_workflow_runs(p_workflow_id uuid, p_status lenses.workflow_run_status, p_limit integer, p_offset integer) is 'Runs the caller may see, newest first.';

revoke all on function public.list_workflow_runs(p_workflow_id uuid, p_status lenses.workflow_run_status, p_limit integer, p_offset integer) from public;
grant execute on function public.list_workflow_runs(p_workflow_id uuid, p_status lenses.workflow_run_status, p_limit integer, p_offset integer) to authenticated, service_role;

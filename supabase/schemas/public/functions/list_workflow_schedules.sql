create or replace function public.list_workflow_schedules(p_workflow_id uuid default NULL::uuid, p_limit integer default 50, p_offset integer default 0)
 returns setof lenses.workflow_schedules
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  perform lensers.fn_rpc_page('list_workflow_schedules', p_limit, p_offset);
  return query
    select s.* from lenses.workflow_schedules s
    where p_workflow_id is null or s.workflow_id = p_workflow_id
    order by s.created_at desc, s.id
    limit p_limit offset p_offset;
end
$function$;

comment on function public.list_workflow_schedules(p_workflow_id uuid, p_limit integer, p_offset integer) is 'Schedules the caller may see, newest first, optionally of one workflow.';

revoke all on function public.list_workflow_schedules(p_workflow_id uuid, p_limit integer, p_offset integer) from public;
grant execute on function public.list_workflow_schedules(p_workflow_id uuid, p_limit integer, p_offset integer) to authenticated, service_role;

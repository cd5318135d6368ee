create or replace function public.list_workflow_schedule_fires(p_schedule_id uuid, p_limit integer default 50, p_offset integer default 0)
 returns setof lenses.workflow_schedule_fires
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  if p_schedule_id is null then
    raise exception 'list_workflow_schedule_fires: p_schedule_id is required' using errcode = '22023';
  end if;
  perform lensers.fn_rpc_page('list_workflow_schedule_fires', p_limit, p_offset);
  if not exists (select 1 from lenses.workflow_schedules s where s.id = p_schedule_id) then
    raise exception 'list_workflow_schedule_fires: no schedule % that you can see', p_schedule_id using errcode = 'PT404';
  end if;
  return query
    select f.* from lenses.workflow_schedule_fires f where f.schedule_id = p_schedule_id
    order by f.fire_at desc
    limit p_limit offset p_offset;
end
$function$;

comment on function public.list_workflow_schedule_fires(p_schedule_id uuid, p_limit integer, p_offset integer) is 'A schedule''s fires, newest first: what each started, or why it was skipped.';

revoke all on function public.list_workflow_schedule_fires(p_schedule_id uuid, p_limit integer, p_offset integer) from public;
grant execute on function public.list_workflow_schedule_fires(p_schedule_id uuid, p_limit integer, p_offset integer) to authenticated, service_role;

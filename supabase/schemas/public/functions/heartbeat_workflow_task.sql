create or replace function public.heartbeat_workflow_task(p_result_id uuid, p_lease_token uuid, p_lease_seconds integer default 60)
 returns timestamp with time zone
 language plpgsql
 set search_path to ''
as $function$
declare
  v_expires timestamptz;
begin
  if p_lease_seconds is null or p_lease_seconds not between 1 and 3600 then
    raise exception 'heartbeat_workflow_task: p_lease_seconds must be between 1 and 3600' using errcode = '22023';
  end if;
  perform lenses.fn_leased_result('heartbeat_workflow_task', p_result_id, p_lease_token);
  update lenses.workflow_node_results x set lease_expires_at = now() + make_interval(secs => p_lease_seconds)
  where x.id = p_result_id returning x.lease_expires_at into v_expires;
  return v_expires;
end
$function$;

comment on function public.heartbeat_workflow_task(p_result_id uuid, p_lease_token uuid, p_lease_seconds integer) is 'Worker: extends a held lease.';

revoke all on function public.heartbeat_workflow_task(p_result_id uuid, p_lease_token uuid, p_lease_seconds integer) from public;
grant execute on function public.heartbeat_workflow_task(p_result_id uuid, p_lease_token uuid, p_lease_seconds integer) to service_role;

create or replace function public.claim_workflow_tasks(p_worker_id text, p_limit integer default 10, p_lease_seconds integer default 60)
 returns setof lenses.claimed_task
 language plpgsql
 set search_path to ''
as $function$
begin
  perform lenses.fn_check_lease_args('claim_workflow_tasks', p_worker_id, p_limit, p_lease_seconds);
  return query select * from lenses.fn_lease_tasks(p_worker_id, p_limit, p_lease_seconds, '{}');
end
$function$;

comment on function public.claim_workflow_tasks(p_worker_id text, p_limit integer, p_lease_seconds integer) is 'Worker: takes up to p_limit due tasks (SKIP LOCKED), leases them, counts the attempt, returns what each call needs.';

revoke all on function public.claim_workflow_tasks(p_worker_id text, p_limit integer, p_lease_seconds integer) from public;
grant execute on function public.claim_workflow_tasks(p_worker_id text, p_limit integer, p_lease_seconds integer) to service_role;

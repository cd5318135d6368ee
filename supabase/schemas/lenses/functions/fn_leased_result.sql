-- Whether the caller holds a task's lease; the result row comes back locked.
create or replace function lenses.fn_leased_result(p_fn text, p_result_id uuid, p_lease_token uuid)
 returns lenses.workflow_node_results
 language plpgsql
 set search_path to ''
as $function$
declare
  v_result lenses.workflow_node_results;
  v_run_id uuid;
begin
  if p_result_id is null or p_lease_token is null then
    raise exception '%: p_result_id and p_lease_token are required', p_fn using errcode = '22023';
  end if;
  select r.run_id into v_run_id from lenses.workflow_node_results r where r.id = p_result_id;
  if v_run_id is null then
    raise exception '%: no task %', p_fn, p_result_id using errcode = 'PT404';
  end if;
  perform lenses.fn_lock_run(v_run_id);
  select r.* into v_result from lenses.workflow_node_results r where r.id = p_result_id for update;
  if v_result.status not in ('running', 'streaming') or v_result.lease_token is distinct from p_lease_token then
    raise exception '%: the lease on task % is not held (it was reclaimed, cancelled or finished; status %)',
      p_fn, p_result_id, v_result.status using errcode = 'PT409';
  end if;
  return v_result;
end
$function$;

revoke all on function lenses.fn_leased_result(p_fn text, p_result_id uuid, p_lease_token uuid) from public;
grant execute on function lenses.fn_leased_result(p_fn text, p_result_id uuid, p_lease_token uuid) to service_role;

-- An agent's task waits without a lease for something outside the worker (an approval, a sub-run):
-- blocked, waiting for an external callback; whatever ends the wait queues it again.
create or replace function agents.fn_park_task(p_result_id uuid)
 returns lenses.workflow_node_results
 language plpgsql
 set search_path to ''
as $function$
declare
  v_result lenses.workflow_node_results;
begin
  update lenses.workflow_node_results x
  set status = 'blocked', waiting_reason = 'external_callback', lease_token = null, lease_owner = null,
      lease_expires_at = null, timeout_at = null
  where x.id = p_result_id returning * into v_result;
  return v_result;
end
$function$;

revoke all on function agents.fn_park_task(p_result_id uuid) from public;
grant execute on function agents.fn_park_task(p_result_id uuid) to service_role;

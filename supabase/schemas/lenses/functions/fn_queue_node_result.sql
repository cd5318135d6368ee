-- Queues one result with its input (or blocks it on a person for human_input nodes, which the run's
-- active_node_id then names), for start
-- and rerun (settling queues set-wise, fn_settle_many). It does not NOTIFY: those callers do, once.
create or replace function lenses.fn_queue_node_result(p_result_id uuid, p_input jsonb)
 returns void
 language plpgsql
 set search_path to ''
as $function$
declare
  v_target record;
begin
  select r.run_id, r.node_id, p.node_key, p.kind, p.human_prompt into v_target
  from lenses.workflow_node_results r join lenses.workflow_node_plans p on p.node_id = r.node_id
  where r.id = p_result_id;
  if v_target.kind = 'human_input' then
    update lenses.workflow_node_results r
    set status = 'blocked', waiting_reason = 'human_input', input_data = p_input
    where r.id = p_result_id;
    -- The inspector names the node that waits for a person.
    update lenses.workflow_runs r set active_node_id = v_target.node_id where r.id = v_target.run_id;
    perform lenses.fn_append_workflow_run_event(v_target.run_id, 'human_input_requested',
      jsonb_build_object('node_key', v_target.node_key, 'prompt', v_target.human_prompt, 'input', p_input), v_target.node_id);
  else
    update lenses.workflow_node_results r
    set status = 'queued', waiting_reason = 'queued', input_data = p_input, queued_at = now(), next_attempt_at = now()
    where r.id = p_result_id;
    perform lenses.fn_append_workflow_run_event(v_target.run_id, 'node_queued',
      jsonb_build_object('node_key', v_target.node_key), v_target.node_id);
  end if;
end
$function$;

revoke all on function lenses.fn_queue_node_result(p_result_id uuid, p_input jsonb) from public;
grant execute on function lenses.fn_queue_node_result(p_result_id uuid, p_input jsonb) to service_role;

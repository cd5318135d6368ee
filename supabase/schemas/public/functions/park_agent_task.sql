-- Worker: an agent turn waits for approvals of its tool calls: the task is blocked (waiting for an
-- external callback) and its lease ends, with an approval_requested event. Deciding the last pending
-- call queues it again (agents.tg_tool_invocations_decided).
create or replace function public.park_agent_task(p_result_id uuid, p_lease_token uuid)
 returns lenses.workflow_node_results
 language plpgsql
 set search_path to ''
as $function$
declare
  c_fn constant text := 'park_agent_task';
  v_result lenses.workflow_node_results;
  v_pending uuid[];
begin
  v_result := lenses.fn_leased_result(c_fn, p_result_id, p_lease_token);
  perform agents.fn_leased_turn(c_fn, v_result);
  select array_agg(i.id order by i.call_index) into v_pending
  from agents.tool_invocations i where i.workflow_node_result_id = p_result_id and i.status = 'awaiting_approval';
  if v_pending is null then
    raise exception '%: task % has no tool call awaiting approval', c_fn, p_result_id using errcode = 'PT409';
  end if;
  v_result := agents.fn_park_task(p_result_id);
  perform lenses.fn_append_workflow_run_event(v_result.run_id, 'approval_requested',
    jsonb_build_object('node_key', v_result.node_key, 'kind', 'tool_invocation', 'invocation_ids', to_jsonb(v_pending)),
    v_result.node_id);
  return v_result;
end
$function$;

comment on function public.park_agent_task(p_result_id uuid, p_lease_token uuid) is 'Worker: an agent turn waits (blocked, external_callback, lease released) for the approval of its tool calls.';

revoke all on function public.park_agent_task(p_result_id uuid, p_lease_token uuid) from public;
grant execute on function public.park_agent_task(p_result_id uuid, p_lease_token uuid) to service_role;

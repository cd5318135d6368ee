-- Worker: the run_workflow tool of an agent turn (the lease held): starts a run of the workflow the
-- call names, with its input, for the parent run's lenser (who pays), linked to the call; the parent
-- task then waits without a lease (blocked, external_callback) until the sub-run ends
-- (agents.tg_workflow_runs_end_sub_run records the result and queues it again). The agent may run
-- a published workflow it owns, that one of its owners or co-owners owns, or a public one; sub-runs
-- nest at most 3 deep. A call that cannot start ends failed with the reason, which the model reads.
-- Returns {started: true, run_id} or {started: false, error}.
create or replace function public.start_agent_sub_run(p_result_id uuid, p_lease_token uuid, p_invocation_id uuid)
 returns jsonb
 language plpgsql
 set search_path to ''
as $function$
declare
  c_fn constant text := 'start_agent_sub_run';
  c_max_depth constant integer := 3;
  v_result lenses.workflow_node_results;
  v_turn agents.agent_turns;
  v_call agents.tool_invocations;
  v_workflow lenses.workflows;
  v_parent lenses.workflow_runs;
  v_depth integer;
  v_error text;
  v_run lenses.workflow_runs;
begin
  v_result := lenses.fn_leased_result(c_fn, p_result_id, p_lease_token);
  v_turn := agents.fn_leased_turn(c_fn, v_result);
  select i.* into v_call from agents.tool_invocations i
  where i.id = p_invocation_id and i.workflow_node_result_id = p_result_id for update;
  if v_call.id is null or (select r.key from agents.tools_registry r where r.id = v_call.tool_id) <> 'run_workflow' then
    raise exception '%: no run_workflow call % in task %', c_fn, p_invocation_id, p_result_id using errcode = 'PT404';
  end if;
  if v_call.status <> 'running' then
    raise exception '%: tool call % is % (only a running call starts its run)', c_fn, p_invocation_id, v_call.status using errcode = 'PT409';
  end if;
  select r.* into v_parent from lenses.workflow_runs r where r.id = v_result.run_id;
  -- A resumed task whose call started its run already (and it has not ended): wait for that one.
  select r.* into v_run from lenses.workflow_runs r where r.parent_invocation_id = v_call.id;
  if v_run.id is not null then
    perform agents.fn_park_task(p_result_id);
    return jsonb_build_object('started', true, 'run_id', v_run.id);
  end if;

  -- How deep this run already is among sub-runs.
  with recursive chain(run_id, depth) as (
    select v_parent.id, 0
    union all
    select x.run_id, c.depth + 1
    from chain c
    join lenses.workflow_runs r on r.id = c.run_id
    join agents.tool_invocations i on i.id = r.parent_invocation_id
    join lenses.workflow_node_results x on x.id = i.workflow_node_result_id
    where c.depth < 10)
  select max(depth) into v_depth from chain;

  if v_call.input ->> 'workflow_id' !~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' then
    v_error := 'workflow_id must be a uuid';
  else
    select w.* into v_workflow from lenses.workflows w where w.id = (v_call.input ->> 'workflow_id')::uuid;
    if v_workflow.id is null or not (
      v_workflow.visibility = 'public'
      or v_workflow.lenser_id = (select a.profile_id from agents.ai_lensers a where a.id = v_turn.ai_lenser_id)
      or exists (select 1 from agents.ownerships o where o.ai_lenser_id = v_turn.ai_lenser_id and o.owner_lenser_id = v_workflow.lenser_id
                 and o.revoked_at is null and o.role in ('owner', 'co_owner'))) then
      v_error := format('there is no workflow %s that this agent may run', v_call.input ->> 'workflow_id');
    elsif v_workflow.status <> 'published' then
      v_error := format('workflow %s is not published', v_workflow.id);
    elsif v_depth >= c_max_depth then
      v_error := format('runs started by tools nest at most %s deep', c_max_depth);
    end if;
  end if;
  if v_error is null then
    begin
      v_run := lenses.fn_start_workflow_run('run_workflow', v_workflow, coalesce(v_call.input -> 'input', '{}'),
        v_parent.lenser_id, (select a.profile_id from agents.ai_lensers a where a.id = v_turn.ai_lenser_id), null, null, null);
    exception when sqlstate '22023' or sqlstate 'PT409' then
      v_error := sqlerrm;
    end;
  end if;
  if v_error is not null then
    perform agents.fn_end_tool_call(v_result, v_turn.turn_no, v_call, 'failed', null, v_error, 0, 0);
    return jsonb_build_object('started', false, 'error', v_error);
  end if;

  update lenses.workflow_runs r set parent_invocation_id = v_call.id where r.id = v_run.id;
  perform agents.fn_park_task(p_result_id);
  perform lenses.fn_append_workflow_run_event(v_result.run_id, 'tool_invoked',
    jsonb_build_object('node_key', v_result.node_key, 'tool', 'run_workflow', 'invocation_id', v_call.id,
      'status', 'waiting', 'sub_run_id', v_run.id), v_result.node_id);
  return jsonb_build_object('started', true, 'run_id', v_run.id);
end
$function$;

comment on function public.start_agent_sub_run(p_result_id uuid, p_lease_token uuid, p_invocation_id uuid) is 'Worker: the run_workflow tool: starts the sub-run and parks the agent''s task (no lease) until it ends; or ends the call failed with the reason.';

revoke all on function public.start_agent_sub_run(p_result_id uuid, p_lease_token uuid, p_invocation_id uuid) from public;
grant execute on function public.start_agent_sub_run(p_result_id uuid, p_lease_token uuid, p_invocation_id uuid) to service_role;

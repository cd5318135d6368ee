-- [security definer: writes run rows clients cannot write; checks the caller may act on the run]
create or replace function public.submit_human_input(p_run_id uuid, p_node_key text, p_value jsonb)
 returns lenses.workflow_node_results
 language plpgsql
 security definer
 set search_path to ''
as $function$
declare
  v_run lenses.workflow_runs;
  v_result lenses.workflow_node_results;
  v_node lenses.workflow_nodes;
  v_errors text[];
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_text('submit_human_input', 'p_node_key', p_node_key, 200);
  perform lensers.fn_limit_json('submit_human_input', 'p_value', p_value, 262144, 32);
  if p_run_id is null or p_node_key is null then
    raise exception 'submit_human_input: p_run_id and p_node_key are required' using errcode = '22023';
  end if;
  perform lenses.fn_lock_run(p_run_id);
  select r.* into v_run from lenses.workflow_runs r where r.id = p_run_id;
  if not found or not lenses.fn_caller_may_act_on_run(v_run) then
    raise exception 'submit_human_input: no run % that you can act on', p_run_id using errcode = 'PT404';
  end if;
  select r.* into v_result from lenses.workflow_node_results r where r.run_id = p_run_id and r.node_key = p_node_key for update;
  if not found then
    raise exception 'submit_human_input: run % has no node "%"', p_run_id, lensers.fn_one_line(p_node_key) using errcode = 'PT404';
  end if;
  select n.* into v_node from lenses.workflow_nodes n where n.id = v_result.node_id;
  if v_node.kind <> 'human_input' then
    raise exception 'submit_human_input: node "%" is a % node, not human_input', p_node_key, v_node.kind using errcode = '22023';
  end if;
  if v_result.status <> 'blocked' or v_result.waiting_reason <> 'human_input' then
    raise exception 'submit_human_input: node "%" is not waiting for input (it is %)', lensers.fn_one_line(p_node_key), v_result.status
      using errcode = 'PT409';
  end if;
  v_errors := lenses.fn_contract_value_errors(null, p_value);
  if cardinality(v_errors) > 0 then
    raise exception 'submit_human_input: p_value must be a JSON object (%)', array_to_string(v_errors, '; ')
      using errcode = '22023';
  end if;

  update lenses.workflow_node_results r
  set status = 'completed', waiting_reason = null, output_data = p_value, finished_at = now(),
      started_at = coalesce(r.started_at, r.updated_at)
  where r.id = v_result.id
  returning * into v_result;
  perform lenses.fn_append_workflow_run_event(p_run_id, 'human_input_received',
    jsonb_build_object('node_key', p_node_key, 'value', p_value), v_node.id, lensers.current_profile_id());
  perform lenses.fn_append_workflow_run_event(p_run_id, 'node_completed',
    jsonb_build_object('node_key', p_node_key, 'output', p_value), v_node.id, lensers.current_profile_id());
  -- The inspector leaves the answered node: to a running node, else another node waiting for a
  -- person, else none until a successor starts.
  update lenses.workflow_runs r
  set active_node_id = (select x.node_id from lenses.workflow_node_results x
                        where x.run_id = r.id
                          and (x.status in ('running', 'streaming') or (x.status = 'blocked' and x.waiting_reason = 'human_input'))
                        order by x.status in ('running', 'streaming') desc, x.started_at desc nulls last, x.updated_at desc, x.node_key
                        limit 1)
  where r.id = p_run_id and r.active_node_id = v_node.id;
  perform lenses.fn_settle_successors(p_run_id, v_node.id);
  perform lenses.fn_finish_run_if_done(p_run_id);
  perform pg_notify('workflow_tasks', p_run_id::text);
  return v_result;
end
$function$;

comment on function public.submit_human_input(p_run_id uuid, p_node_key text, p_value jsonb) is 'Answers a human_input node, once.';

revoke all on function public.submit_human_input(p_run_id uuid, p_node_key text, p_value jsonb) from public;
grant execute on function public.submit_human_input(p_run_id uuid, p_node_key text, p_value jsonb) to authenticated;

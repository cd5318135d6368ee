-- The agent turn of a task whose lease the caller holds (checked with lenses.fn_leased_result, which
-- locks the result), locked; 22023 for a task that is not an agent turn.
create or replace function agents.fn_leased_turn(p_fn text, p_result lenses.workflow_node_results)
 returns agents.agent_turns
 language plpgsql
 set search_path to ''
as $function$
declare
  v_turn agents.agent_turns;
begin
  select t.* into v_turn from agents.agent_turns t where t.node_result_id = p_result.id for update;
  if v_turn.node_result_id is null or p_result.ai_lenser_id is null then
    raise exception '%: task % is not an agent turn', p_fn, p_result.id using errcode = '22023';
  end if;
  return v_turn;
end
$function$;

revoke all on function agents.fn_leased_turn(p_fn text, p_result lenses.workflow_node_results) from public;
grant execute on function agents.fn_leased_turn(p_fn text, p_result lenses.workflow_node_results) to service_role;

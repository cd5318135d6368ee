-- agents.fn_retrieve_memories for a task's agent turn: the turn's agent and memory profile, the
-- task's workflow and run, and (in a team run) its team and member.
create or replace function agents.fn_turn_memories(p_turn agents.agent_turns, p_result lenses.workflow_node_results, p_embedding_model_id uuid, p_query extensions.vector, p_limit integer)
 returns TABLE(memory_id uuid, ai_lenser_id uuid, scope agents.memory_scope, source agents.memory_source, content text, similarity double precision)
 language sql
 stable
 set search_path to ''
as $function$
  select m.*
  from agents.fn_retrieve_memories((p_turn).ai_lenser_id, (p_turn).memory_profile_id, p_embedding_model_id, p_query, p_limit,
    (select r.workflow_id from lenses.workflow_runs r where r.id = (p_result).run_id), (p_result).run_id,
    (select tr.assignee_team_id from agents.agent_run_steps s join agents.team_runs tr on tr.id = s.team_run_id
     where s.node_result_id = (p_result).id limit 1),
    (select s.member_id from agents.agent_run_steps s
     where s.node_result_id = (p_result).id and s.ai_lenser_id = (p_turn).ai_lenser_id limit 1)) m
$function$;

revoke all on function agents.fn_turn_memories(p_turn agents.agent_turns, p_result lenses.workflow_node_results, p_embedding_model_id uuid, p_query extensions.vector, p_limit integer) from public;
grant execute on function agents.fn_turn_memories(p_turn agents.agent_turns, p_result lenses.workflow_node_results, p_embedding_model_id uuid, p_query extensions.vector, p_limit integer) to service_role;

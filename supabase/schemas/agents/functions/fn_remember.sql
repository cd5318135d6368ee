-- Writes one memory entry for an agent turn of a node result under the turn's memory profile: scope
-- from the profile, the run's workflow / run / team in metadata (so scoped retrieval finds it), the
-- embedding the one given (a remote model's) or the local embedder's (agents.tg_memories_guard), expiry
-- from retention_days.
-- Null when the turn has no memory profile.
create or replace function agents.fn_remember(p_result_id uuid, p_content text, p_source agents.memory_source, p_confidence numeric default 1, p_embedding extensions.vector default null)
 returns agents.memories
 language plpgsql
 set search_path to ''
as $function$
declare
  v_turn agents.agent_turns;
  v_profile agents.memory_profiles;
  v_result record;
  v_row agents.memories;
begin
  select t.* into v_turn from agents.agent_turns t where t.node_result_id = p_result_id;
  select p.* into v_profile from agents.memory_profiles p where p.id = v_turn.memory_profile_id;
  if v_profile.id is null then
    return null;
  end if;
  select x.run_id, x.node_key, r.workflow_id,
    (select tr.assignee_team_id from agents.agent_run_steps s join agents.team_runs tr on tr.id = s.team_run_id
     where s.node_result_id = x.id limit 1) as team_id
  into v_result
  from lenses.workflow_node_results x join lenses.workflow_runs r on r.id = x.run_id where x.id = p_result_id;
  insert into agents.memories (memory_profile_id, ai_lenser_id, scope, source, content, confidence, expires_at, embedding,
    embedding_model_id, metadata)
  values (v_profile.id, v_profile.ai_lenser_id, v_profile.scope_type, p_source, left(p_content, 20000), round(coalesce(p_confidence, 1), 3),
    now() + make_interval(days => v_profile.retention_days), p_embedding, null,
    jsonb_strip_nulls(jsonb_build_object('workflow_id', v_result.workflow_id, 'run_id', v_result.run_id, 'node_key', v_result.node_key,
      'team_id', v_result.team_id, 'node_result_id', p_result_id)))
  returning * into v_row;
  return v_row;
end
$function$;

revoke all on function agents.fn_remember(p_result_id uuid, p_content text, p_source agents.memory_source, p_confidence numeric, p_embedding extensions.vector) from public;
grant execute on function agents.fn_remember(p_result_id uuid, p_content text, p_source agents.memory_source, p_confidence numeric, p_embedding extensions.vector) to service_role;

-- Worker: the memories of an agent turn whose memory profile embeds with a remote model: the worker
-- embedded the prompt with that model (p_embedding_model_id says which) and the turn keeps the top-k
-- entries of the same model. Returns them, most similar first.
create or replace function public.retrieve_agent_memories(p_result_id uuid, p_lease_token uuid, p_embedding_model_id uuid, p_embedding extensions.vector)
 returns jsonb
 language plpgsql
 set search_path to ''
as $function$
declare
  c_fn constant text := 'retrieve_agent_memories';
  v_result lenses.workflow_node_results;
  v_turn agents.agent_turns;
  v_profile agents.memory_profiles;
  v_ids uuid[];
begin
  v_result := lenses.fn_leased_result(c_fn, p_result_id, p_lease_token);
  v_turn := agents.fn_leased_turn(c_fn, v_result);
  select p.* into v_profile from agents.memory_profiles p where p.id = v_turn.memory_profile_id;
  if v_profile.id is null then
    raise exception '%: the turn of task % has no memory profile', c_fn, p_result_id using errcode = '22023';
  end if;
  if p_embedding_model_id is distinct from coalesce(v_profile.embedding_model_id, ai.fn_local_embedding_model_id()) then
    raise exception '%: p_embedding_model_id must be the memory profile''s embedding model %', c_fn,
      coalesce(v_profile.embedding_model_id, ai.fn_local_embedding_model_id()) using errcode = '22023';
  end if;
  if p_embedding is null or extensions.vector_dims(p_embedding) <> 1536 then
    raise exception '%: p_embedding must have 1536 dimensions', c_fn using errcode = '22023';
  end if;
  select coalesce(array_agg(m.memory_id order by m.similarity desc, m.memory_id), '{}') into v_ids
  from agents.fn_turn_memories(v_turn, v_result, p_embedding_model_id, p_embedding, v_profile.retrieval_top_k) m
  where m.similarity > 0;
  update agents.agent_turns t set memory_ids = v_ids where t.node_result_id = p_result_id;
  return (select coalesce(jsonb_agg(jsonb_build_object('id', m.id, 'content', m.content, 'scope', m.scope) order by u.ord), '[]')
          from unnest(v_ids) with ordinality u(id, ord) join agents.memories m on m.id = u.id);
end
$function$;

comment on function public.retrieve_agent_memories(p_result_id uuid, p_lease_token uuid, p_embedding_model_id uuid, p_embedding extensions.vector) is 'Worker: the top-k memories of an agent turn whose memory profile embeds with a remote model, from the prompt''s embedding.';

revoke all on function public.retrieve_agent_memories(p_result_id uuid, p_lease_token uuid, p_embedding_model_id uuid, p_embedding extensions.vector) from public;
grant execute on function public.retrieve_agent_memories(p_result_id uuid, p_lease_token uuid, p_embedding_model_id uuid, p_embedding extensions.vector) to service_role;

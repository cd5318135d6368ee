-- The live memory entries an agent turn may read, most similar to a query embedding first: entries of
-- the turn's memory profile embedded with the same model, in a scope that fits the turn (agent; this
-- workflow; this run; this team), plus the team-shared entries of members whose shares_context edge
-- points at the turn's member. Never another agent's private entries; vectors of another model are
-- never compared.
create or replace function agents.fn_retrieve_memories(p_ai_lenser_id uuid, p_memory_profile_id uuid, p_embedding_model_id uuid, p_query extensions.vector, p_limit integer, p_workflow_id uuid, p_run_id uuid, p_team_id uuid, p_member_id uuid)
 returns TABLE(memory_id uuid, ai_lenser_id uuid, scope agents.memory_scope, source agents.memory_source, content text, similarity double precision)
 language sql
 stable
 set search_path to ''
 SET "hnsw.iterative_scan" TO 'strict_order'
as $function$
  select m.id, m.ai_lenser_id, m.scope, m.source, m.content, 1 - (m.embedding operator(extensions.<=>) p_query)
  from agents.memories m
  where m.embedding_model_id = p_embedding_model_id
    and m.embedding is not null and m.redacted_at is null and (m.expires_at is null or m.expires_at > now())
    and (
      (m.ai_lenser_id = p_ai_lenser_id and m.memory_profile_id = p_memory_profile_id and (
        m.scope = 'agent'
        or (m.scope = 'workflow' and m.metadata ->> 'workflow_id' = p_workflow_id::text)
        or (m.scope = 'run' and m.metadata ->> 'run_id' = p_run_id::text)
        or (m.scope = 'team' and p_team_id is not null and m.metadata ->> 'team_id' = p_team_id::text)))
      or (p_member_id is not null and m.scope = 'team' and m.metadata ->> 'team_id' = p_team_id::text
        and (m.ai_lenser_id, m.memory_profile_id) in (
          select src.agent_id, mp.id
          from agents.team_edges e
          join agents.team_members src on src.id = e.source_member_id
          join agents.memory_profiles mp on mp.ai_lenser_id = src.agent_id
            and mp.id = coalesce(src.memory_profile_id, (select d.id from agents.memory_profiles d where d.ai_lenser_id = src.agent_id and d.is_default))
          where e.target_member_id = p_member_id and e.edge_type = 'shares_context' and mp.isolation_mode = 'team_shared')))
  order by m.embedding operator(extensions.<=>) p_query, m.id
  limit p_limit
$function$;

comment on function agents.fn_retrieve_memories(p_ai_lenser_id uuid, p_memory_profile_id uuid, p_embedding_model_id uuid, p_query extensions.vector, p_limit integer, p_workflow_id uuid, p_run_id uuid, p_team_id uuid, p_member_id uuid) is 'Top-k live memory entries an agent turn may read (its profile''s entries in fitting scopes, and team-shared entries of members sharing context with it), same embedding model only.';

revoke all on function agents.fn_retrieve_memories(p_ai_lenser_id uuid, p_memory_profile_id uuid, p_embedding_model_id uuid, p_query extensions.vector, p_limit integer, p_workflow_id uuid, p_run_id uuid, p_team_id uuid, p_member_id uuid) from public;
grant execute on function agents.fn_retrieve_memories(p_ai_lenser_id uuid, p_memory_profile_id uuid, p_embedding_model_id uuid, p_query extensions.vector, p_limit integer, p_workflow_id uuid, p_run_id uuid, p_team_id uuid, p_member_id uuid) to service_role;

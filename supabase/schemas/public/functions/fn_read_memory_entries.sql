create or replace function public.fn_read_memory_entries(p_memory_profile_id uuid, p_scope agents.memory_scope default NULL::agents.memory_scope, p_source agents.memory_source default NULL::agents.memory_source, p_min_confidence numeric default NULL::numeric, p_query_embedding extensions.vector default NULL::extensions.vector, p_limit integer default 20, p_offset integer default 0)
 returns TABLE(memory_id uuid, memory_profile_id uuid, ai_lenser_id uuid, scope agents.memory_scope, source agents.memory_source, content text, confidence numeric, expires_at timestamp with time zone, metadata jsonb, created_at timestamp with time zone, similarity double precision)
 language plpgsql
 stable
 set search_path to ''
 SET "hnsw.iterative_scan" TO 'strict_order'
as $function$
declare
  c_rpc constant text := 'fn_read_memory_entries';
  v_profile agents.memory_profiles := agents.fn_rpc_memory_profile('fn_read_memory_entries', p_memory_profile_id, false);
begin
  perform lensers.fn_rpc_page(c_rpc, p_limit, p_offset);
  if p_min_confidence is not null and p_min_confidence not between 0 and 1 then
    raise exception '%: p_min_confidence must be between 0 and 1, got %', c_rpc, p_min_confidence using errcode = '22023';
  end if;
  if p_query_embedding is not null and extensions.vector_dims(p_query_embedding) <> 1536 then
    raise exception '%: p_query_embedding must have exactly 1536 dimensions, got %', c_rpc, extensions.vector_dims(p_query_embedding)
      using errcode = '22023';
  end if;
  if p_query_embedding is null then
    return query
      select m.id, m.memory_profile_id, m.ai_lenser_id, m.scope, m.source, m.content, m.confidence, m.expires_at,
        m.metadata, m.created_at, null::double precision
      from agents.memories m
      where m.memory_profile_id = v_profile.id and m.ai_lenser_id = v_profile.ai_lenser_id
        and m.redacted_at is null and (m.expires_at is null or m.expires_at > now())
        and (p_scope is null or m.scope = p_scope)
        and (p_source is null or m.source = p_source)
        and (p_min_confidence is null or m.confidence >= p_min_confidence)
      order by m.created_at desc, m.id
      limit p_limit offset p_offset;
  else
    return query
      select m.id, m.memory_profile_id, m.ai_lenser_id, m.scope, m.source, m.content, m.confidence, m.expires_at,
        m.metadata, m.created_at, 1 - (m.embedding operator(extensions.<=>) p_query_embedding)
      from agents.memories m
      where m.memory_profile_id = v_profile.id and m.ai_lenser_id = v_profile.ai_lenser_id
        and m.redacted_at is null and (m.expires_at is null or m.expires_at > now())
        and m.embedding is not null
        and m.embedding_model_id = coalesce(v_profile.embedding_model_id, ai.fn_local_embedding_model_id())
        and (p_scope is null or m.scope = p_scope)
        and (p_source is null or m.source = p_source)
        and (p_min_confidence is null or m.confidence >= p_min_confidence)
      order by m.embedding operator(extensions.<=>) p_query_embedding, m.id
      limit p_limit offset p_offset;
  end if;
end
$function$;

comment on function public.fn_read_memory_entries(p_memory_profile_id uuid, p_scope agents.memory_scope, p_source agents.memory_source, p_min_confidence numeric, p_query_embedding extensions.vector, p_limit integer, p_offset integer) is 'Live entries of a memory profile (never expired or redacted ones), filtered; with p_query_embedding (of the profile''s embedding model) the top-k by cosine similarity among entries of that model.';

revoke all on function public.fn_read_memory_entries(p_memory_profile_id uuid, p_scope agents.memory_scope, p_source agents.memory_source, p_min_confidence numeric, p_query_embedding extensions.vector, p_limit integer, p_offset integer) from public;
grant execute on function public.fn_read_memory_entries(p_memory_profile_id uuid, p_scope agents.memory_scope, p_source agents.memory_source, p_min_confidence numeric, p_query_embedding extensions.vector, p_limit integer, p_offset integer) to authenticated, service_role;

create or replace function public.fn_write_memory_entry(p_memory_profile_id uuid, p_content text, p_scope agents.memory_scope default NULL::agents.memory_scope, p_source agents.memory_source default 'manual'::agents.memory_source, p_confidence numeric default 1, p_expires_at timestamp with time zone default NULL::timestamp with time zone, p_embedding extensions.vector default NULL::extensions.vector, p_metadata jsonb default '{}'::jsonb, p_embedding_model_id uuid default NULL::uuid)
 returns agents.memories
 language plpgsql
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'fn_write_memory_entry';
  v_profile agents.memory_profiles := agents.fn_rpc_memory_profile('fn_write_memory_entry', p_memory_profile_id, true);
  v_row agents.memories;
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_text('fn_write_memory_entry', 'p_content', p_content, 20000);
  perform lensers.fn_limit_json('fn_write_memory_entry', 'p_metadata', p_metadata, 16384, 16);
  if p_content is null or btrim(p_content) = '' or char_length(p_content) > 20000 then
    raise exception '%: p_content must be 1 to 20000 characters', c_rpc using errcode = '22023';
  end if;
  perform agents.fn_rpc_not_null(c_rpc, 'p_source', p_source);
  if p_confidence is null or p_confidence not between 0 and 1 then
    raise exception '%: p_confidence must be between 0 and 1, got %', c_rpc, coalesce(p_confidence::text, 'null')
      using errcode = '22023';
  end if;
  if p_expires_at is not null and p_expires_at <= now() then
    raise exception '%: p_expires_at must be in the future, got %', c_rpc, p_expires_at using errcode = '22023';
  end if;
  if p_embedding is not null and extensions.vector_dims(p_embedding) <> 1536 then
    raise exception '%: p_embedding must have exactly 1536 dimensions, got %', c_rpc, extensions.vector_dims(p_embedding)
      using errcode = '22023';
  end if;
  if p_metadata is null or jsonb_typeof(p_metadata) <> 'object' then
    raise exception '%: p_metadata must be a JSON object', c_rpc using errcode = '22023';
  end if;
  if p_embedding_model_id is not null and p_embedding is null then
    raise exception '%: p_embedding_model_id names the model of p_embedding; give both or neither', c_rpc using errcode = '22023';
  end if;
  if p_embedding_model_id is not null and not exists (
    select 1 from ai.models m where m.id = p_embedding_model_id and 'embedding' = any (m.capability_tags)) then
    raise exception '%: p_embedding_model_id % is not a model with the embedding capability', c_rpc, p_embedding_model_id
      using errcode = '22023';
  end if;
  insert into agents.memories (memory_profile_id, ai_lenser_id, scope, source, content, confidence, expires_at, embedding,
    embedding_model_id, metadata)
  values (v_profile.id, v_profile.ai_lenser_id, coalesce(p_scope, v_profile.scope_type), p_source, p_content,
    round(p_confidence, 3),
    coalesce(p_expires_at, now() + make_interval(days => v_profile.retention_days)),
    p_embedding, p_embedding_model_id, p_metadata)
  returning * into v_row;
  return v_row;
end
$function$;

comment on function public.fn_write_memory_entry(p_memory_profile_id uuid, p_content text, p_scope agents.memory_scope, p_source agents.memory_source, p_confidence numeric, p_expires_at timestamp with time zone, p_embedding extensions.vector, p_metadata jsonb, p_embedding_model_id uuid) is 'Writes a memory entry (scope defaults to the profile''s scope_type, expiry to its retention_days; embedded by the local embedder when the profile uses it and no embedding is given; p_embedding_model_id names a given embedding''s model, default the profile''s); owners, co-owners, the engine.';

revoke all on function public.fn_write_memory_entry(p_memory_profile_id uuid, p_content text, p_scope agents.memory_scope, p_source agents.memory_source, p_confidence numeric, p_expires_at timestamp with time zone, p_embedding extensions.vector, p_metadata jsonb, p_embedding_model_id uuid) from public;
grant execute on function public.fn_write_memory_entry(p_memory_profile_id uuid, p_content text, p_scope agents.memory_scope, p_source agents.memory_source, p_confidence numeric, p_expires_at timestamp with time zone, p_embedding extensions.vector, p_metadata jsonb, p_embedding_model_id uuid) to authenticated, service_role;

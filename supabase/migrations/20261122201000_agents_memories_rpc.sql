-- Memory RPCs (the seed's names): write, read (filters, or top-k by cosine similarity), redact,
-- summarize. SECURITY INVOKER: RLS on agents.memories decides; each RPC checks first for clear errors.
-- Owners and co-owners write, read and redact; operators read where the profile's visibility is
-- 'operators'; the service role (the engine) does all of it.

-- pgvector's library must be loaded in this session for the hnsw.* setting of fn_read_memory_entries.
do $$ begin perform '[1]'::extensions.vector; end $$;

-- The memory profile whose entries the caller may read (p_write: also write), or a clear error.
create function agents.fn_rpc_memory_profile(p_rpc text, p_memory_profile_id uuid, p_write boolean)
returns agents.memory_profiles
language plpgsql
stable
set search_path = ''
as $$
declare
  v_profile agents.memory_profiles;
begin
  if p_memory_profile_id is null then
    raise exception '%: p_memory_profile_id is required', p_rpc using errcode = '22023';
  end if;
  select p.* into v_profile from agents.memory_profiles p where p.id = p_memory_profile_id;
  if not found then
    raise exception '%: no memory profile % that you can see', p_rpc, p_memory_profile_id using errcode = 'P0002';
  end if;
  if current_user = 'service_role' or (select agents.can_manage_ai_lenser(v_profile.ai_lenser_id)) then
    return v_profile;
  end if;
  if p_write then
    raise exception '%: you do not own or co-own agent %', p_rpc, v_profile.ai_lenser_id using errcode = '42501';
  end if;
  if v_profile.visibility <> 'operators' then
    raise exception '%: the entries of memory profile % are visible to its owners only', p_rpc, p_memory_profile_id
      using errcode = '42501';
  end if;
  return v_profile;
end
$$;
revoke execute on function agents.fn_rpc_memory_profile(text, uuid, boolean) from public;
grant execute on function agents.fn_rpc_memory_profile(text, uuid, boolean) to authenticated, service_role;

create function public.fn_write_memory_entry(
  p_memory_profile_id uuid,
  p_content text,
  p_scope agents.memory_scope default null,
  p_source agents.memory_source default 'manual',
  p_confidence numeric default 1,
  p_expires_at timestamptz default null,
  p_embedding extensions.vector default null,
  p_metadata jsonb default '{}'
) returns agents.memories
language plpgsql
volatile
set search_path = ''
as $$
declare
  c_rpc constant text := 'fn_write_memory_entry';
  v_profile agents.memory_profiles := agents.fn_rpc_memory_profile('fn_write_memory_entry', p_memory_profile_id, true);
  v_row agents.memories;
begin
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
  insert into agents.memories (memory_profile_id, ai_lenser_id, scope, source, content, confidence, expires_at, embedding, metadata)
  values (v_profile.id, v_profile.ai_lenser_id, coalesce(p_scope, v_profile.scope_type), p_source, p_content,
    round(p_confidence, 3),
    coalesce(p_expires_at, now() + make_interval(days => v_profile.retention_days)),
    p_embedding, p_metadata)
  returning * into v_row;
  return v_row;
end
$$;
comment on function public.fn_write_memory_entry(uuid, text, agents.memory_scope, agents.memory_source, numeric, timestamptz,
  extensions.vector, jsonb) is
  'Writes a memory entry (scope defaults to the profile''s scope_type, expiry to its retention_days); owners, co-owners, the engine.';

create function public.fn_read_memory_entries(
  p_memory_profile_id uuid,
  p_scope agents.memory_scope default null,
  p_source agents.memory_source default null,
  p_min_confidence numeric default null,
  p_query_embedding extensions.vector default null,
  p_limit integer default 20,
  p_offset integer default 0
) returns table (
  memory_id uuid,
  memory_profile_id uuid,
  ai_lenser_id uuid,
  scope agents.memory_scope,
  source agents.memory_source,
  content text,
  confidence numeric,
  expires_at timestamptz,
  metadata jsonb,
  created_at timestamptz,
  similarity double precision
)
language plpgsql
stable
set search_path = ''
-- Filtered HNSW scans keep going until enough rows pass the filters, in exact distance order.
set hnsw.iterative_scan = 'strict_order'
as $$
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
        and (p_scope is null or m.scope = p_scope)
        and (p_source is null or m.source = p_source)
        and (p_min_confidence is null or m.confidence >= p_min_confidence)
      order by m.embedding operator(extensions.<=>) p_query_embedding, m.id
      limit p_limit offset p_offset;
  end if;
end
$$;
comment on function public.fn_read_memory_entries(uuid, agents.memory_scope, agents.memory_source, numeric, extensions.vector,
  integer, integer) is
  'Live entries of a memory profile (never expired or redacted ones), filtered; with p_query_embedding the top-k by cosine similarity.';

create function public.fn_redact_memory_entry(p_memory_id uuid) returns agents.memories
language plpgsql
volatile
set search_path = ''
as $$
declare
  c_rpc constant text := 'fn_redact_memory_entry';
  v_row agents.memories;
begin
  perform agents.fn_rpc_not_null(c_rpc, 'p_memory_id', p_memory_id);
  select m.* into v_row from agents.memories m where m.id = p_memory_id;
  if not found then
    raise exception '%: no memory entry % that you can see', c_rpc, p_memory_id using errcode = 'P0002';
  end if;
  perform agents.fn_rpc_require_manage(c_rpc, v_row.ai_lenser_id);
  if v_row.redacted_at is not null then
    raise exception '%: memory entry % was already redacted at %', c_rpc, p_memory_id, v_row.redacted_at using errcode = '22023';
  end if;
  update agents.memories m set content = '[redacted]', embedding = null, metadata = '{}', redacted_at = now()
  where m.id = p_memory_id
  returning * into v_row;
  return v_row;
end
$$;
comment on function public.fn_redact_memory_entry(uuid) is
  'Redacts an entry: the row stays, its content becomes ''[redacted]'', its embedding and metadata are cleared.';

create function public.fn_summarize_memory_profile(p_memory_profile_id uuid) returns jsonb
language plpgsql
stable
set search_path = ''
as $$
declare
  v_profile agents.memory_profiles := agents.fn_rpc_memory_profile('fn_summarize_memory_profile', p_memory_profile_id, false);
  v_summary jsonb;
begin
  with entries as (
    select m.*, (m.redacted_at is null and (m.expires_at is null or m.expires_at > now())) as live
    from agents.memories m
    where m.memory_profile_id = v_profile.id and m.ai_lenser_id = v_profile.ai_lenser_id
  )
  select jsonb_build_object(
    'memoryProfileId', v_profile.id,
    'name', v_profile.name,
    'aiLenserId', v_profile.ai_lenser_id,
    'total', count(*),
    'live', count(*) filter (where e.live),
    'expired', count(*) filter (where e.redacted_at is null and e.expires_at <= now()),
    'redacted', count(*) filter (where e.redacted_at is not null),
    'withEmbedding', count(*) filter (where e.live and e.embedding is not null),
    'byScope', coalesce((select jsonb_object_agg(s.scope, s.n) from (
        select x.scope, count(*) as n from entries x where x.live group by x.scope) s), '{}'::jsonb),
    'bySource', coalesce((select jsonb_object_agg(s.source, s.n) from (
        select x.source, count(*) as n from entries x where x.live group by x.source) s), '{}'::jsonb),
    'averageConfidence', round(avg(e.confidence) filter (where e.live), 3),
    'oldestAt', min(e.created_at) filter (where e.live),
    'latestAt', max(e.created_at) filter (where e.live),
    'nextExpiryAt', min(e.expires_at) filter (where e.live)
  ) into v_summary
  from entries e;
  return v_summary;
end
$$;
comment on function public.fn_summarize_memory_profile(uuid) is
  'Counts of a memory profile''s entries (total, live, expired, redacted, with embedding, live by scope and source), '
  'average confidence, oldest, latest and next expiry of the live ones.';

revoke execute on function
  public.fn_write_memory_entry(uuid, text, agents.memory_scope, agents.memory_source, numeric, timestamptz, extensions.vector, jsonb),
  public.fn_read_memory_entries(uuid, agents.memory_scope, agents.memory_source, numeric, extensions.vector, integer, integer),
  public.fn_redact_memory_entry(uuid),
  public.fn_summarize_memory_profile(uuid)
from public;
grant execute on function
  public.fn_write_memory_entry(uuid, text, agents.memory_scope, agents.memory_source, numeric, timestamptz, extensions.vector, jsonb),
  public.fn_read_memory_entries(uuid, agents.memory_scope, agents.memory_source, numeric, extensions.vector, integer, integer),
  public.fn_redact_memory_entry(uuid),
  public.fn_summarize_memory_profile(uuid)
to authenticated, service_role;

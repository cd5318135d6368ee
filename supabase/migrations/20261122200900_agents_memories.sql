-- agents.memories: an agent's memory entries, each under one of its memory profiles, with an
-- optional 1536-dimension embedding searched by cosine distance through an HNSW index.
--
-- scope (agents.memory_scope): what the entry is about. source: where it came from:
--   manual (a person wrote it) | conversation (said in a channel conversation) | tool (a tool's result)
--   | workflow (a run's output) | reflection (the agent's own summary) | import (loaded in bulk)
-- ai_lenser_id repeats the profile's agent so that RLS reads it from the row; a composite foreign
-- key keeps the two in agreement. Entries never change except by redaction, which keeps the row
-- but replaces the content with '[redacted]' and clears the embedding and metadata.
--
-- Access: owners and co-owners read every entry and write and redact; operators read the entries of
-- profiles whose visibility is 'operators'. The engine writes as the service role.

create type agents.memory_source as enum ('manual', 'conversation', 'tool', 'workflow', 'reflection', 'import');

create table agents.memories (
  id uuid primary key default gen_random_uuid(),
  memory_profile_id uuid not null,
  ai_lenser_id uuid not null,
  scope agents.memory_scope not null,
  source agents.memory_source not null,
  content text not null,
  confidence numeric(4, 3) not null default 1,
  expires_at timestamptz,
  redacted_at timestamptz,
  redacted_by uuid references lensers.profiles (id) on delete set null,
  embedding extensions.vector(1536),
  metadata jsonb not null default '{}',
  created_by uuid references lensers.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  constraint memories_profile_fk foreign key (memory_profile_id, ai_lenser_id)
    references agents.memory_profiles (id, ai_lenser_id) on delete cascade,
  constraint memories_content_length check (char_length(content) between 1 and 20000),
  constraint memories_confidence_range check (confidence between 0 and 1),
  constraint memories_expires_after_created check (expires_at is null or expires_at > created_at),
  constraint memories_metadata_object check (jsonb_typeof(metadata) = 'object'),
  constraint memories_redaction_complete check (
    redacted_at is null or (content = '[redacted]' and embedding is null and metadata = '{}'::jsonb)
  )
);
comment on table agents.memories is 'Memory entries of an agent, under one of its memory profiles. Redacted rows are kept.';
comment on column agents.memories.ai_lenser_id is 'The profile''s agent, repeated for RLS (a composite foreign key keeps it true).';
comment on column agents.memories.embedding is '1536-dimension embedding (cosine distance; HNSW index).';

create index memories_profile_idx on agents.memories (memory_profile_id, ai_lenser_id, created_at desc);
create index memories_agent_idx on agents.memories (ai_lenser_id);
create index memories_redacted_by_idx on agents.memories (redacted_by);
create index memories_created_by_idx on agents.memories (created_by);
create index memories_embedding_hnsw on agents.memories using hnsw (embedding extensions.vector_cosine_ops);

-- Entries are written once; the only later change is a redaction, once, done completely.
create function agents.tg_memories_guard() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    if new.redacted_at is not null or new.redacted_by is not null then
      raise exception 'memories: an entry is written unredacted' using errcode = '23514';
    end if;
    new.created_by := coalesce((select lensers.current_profile_id()), new.created_by);
    return new;
  end if;
  if old.redacted_at is not null then
    raise exception 'memories: entry % was redacted at % and never changes again', old.id, old.redacted_at using errcode = '23514';
  end if;
  if new.redacted_at is null then
    raise exception 'memories: an entry never changes except by redaction' using errcode = '23514';
  end if;
  if (new.memory_profile_id, new.ai_lenser_id, new.scope, new.source, new.confidence, new.expires_at, new.created_by, new.created_at)
     is distinct from (old.memory_profile_id, old.ai_lenser_id, old.scope, old.source, old.confidence, old.expires_at, old.created_by, old.created_at) then
    raise exception 'memories: a redaction only replaces the content, embedding and metadata' using errcode = '23514';
  end if;
  new.content := '[redacted]';
  new.embedding := null;
  new.metadata := '{}';
  new.redacted_by := coalesce((select lensers.current_profile_id()), new.redacted_by);
  return new;
end
$$;

create trigger memories_guard before insert or update on agents.memories
  for each row execute function agents.tg_memories_guard();

-- The entries and their profile's name, for inspection (RLS of both tables applies).
create view agents.memories_v with (security_invoker = true) as
  select m.id, m.memory_profile_id, p.name as memory_profile_name, m.ai_lenser_id, m.scope, m.source, m.content,
    m.confidence, m.expires_at, m.redacted_at, m.redacted_by, m.embedding is not null as has_embedding, m.metadata,
    m.created_by, m.created_at,
    (m.redacted_at is null and (m.expires_at is null or m.expires_at > now())) as is_live
  from agents.memories m
  join agents.memory_profiles p on p.id = m.memory_profile_id;
comment on view agents.memories_v is 'Memory entries with their profile''s name; is_live: neither redacted nor expired.';

alter table agents.memories enable row level security;

create policy memories_select on agents.memories for select to authenticated
  using (
    (select agents.can_manage_ai_lenser(ai_lenser_id))
    or ((select agents.can_operate_ai_lenser(ai_lenser_id))
        and memory_profile_id in (select p.id from agents.memory_profiles p where p.visibility = 'operators'))
  );
create policy memories_insert on agents.memories for insert to authenticated
  with check ((select agents.can_manage_ai_lenser(ai_lenser_id)));
create policy memories_update on agents.memories for update to authenticated
  using ((select agents.can_manage_ai_lenser(ai_lenser_id)))
  with check ((select agents.can_manage_ai_lenser(ai_lenser_id)));

grant select on agents.memories, agents.memories_v to authenticated;
grant insert (memory_profile_id, ai_lenser_id, scope, source, content, confidence, expires_at, embedding, metadata)
  on agents.memories to authenticated;
grant update (content, embedding, metadata, redacted_at) on agents.memories to authenticated;
grant all on agents.memories, agents.memories_v to service_role;

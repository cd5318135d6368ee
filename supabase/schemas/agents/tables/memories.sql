create table agents.memories (
  id uuid default gen_random_uuid() not null,
  memory_profile_id uuid not null,
  ai_lenser_id uuid not null,
  scope agents.memory_scope not null,
  source agents.memory_source not null,
  content text not null,
  confidence numeric(4,3) default 1 not null,
  expires_at timestamp with time zone,
  redacted_at timestamp with time zone,
  redacted_by uuid,
  embedding extensions.vector(1536),
  embedding_model_id uuid,
  metadata jsonb default '{}'::jsonb not null,
  created_by uuid,
  created_at timestamp with time zone default now() not null,
  constraint memories_pkey PRIMARY KEY (id),
  constraint memories_confidence_range CHECK (((confidence >= (0)::numeric) AND (confidence <= (1)::numeric))),
  constraint memories_content_length CHECK (((char_length(content) >= 1) AND (char_length(content) <= 20000))),
  constraint memories_expires_after_created CHECK (((expires_at IS NULL) OR (expires_at > created_at))),
  constraint memories_metadata_object CHECK ((jsonb_typeof(metadata) = 'object'::text)),
  constraint memories_redaction_complete CHECK (((redacted_at IS NULL) OR ((content = '[redacted]'::text) AND (embedding IS NULL) AND (metadata = '{}'::jsonb)))),
  constraint memories_embedding_model_with_embedding CHECK (((embedding_model_id IS NULL) OR (embedding IS NOT NULL) OR (redacted_at IS NOT NULL))),
  constraint memories_embedding_model_id_fkey FOREIGN KEY (embedding_model_id) REFERENCES ai.models(id) ON DELETE RESTRICT,
  constraint memories_created_by_fkey FOREIGN KEY (created_by) REFERENCES lensers.profiles(id) ON DELETE SET NULL,
  constraint memories_profile_fk FOREIGN KEY (memory_profile_id, ai_lenser_id) REFERENCES agents.memory_profiles(id, ai_lenser_id) ON DELETE CASCADE,
  constraint memories_redacted_by_fkey FOREIGN KEY (redacted_by) REFERENCES lensers.profiles(id) ON DELETE SET NULL
);

alter table agents.memories enable row level security;
comment on table agents.memories is 'Memory entries of an agent, under one of its memory profiles. Redacted rows are kept.';
comment on column agents.memories.ai_lenser_id is 'The profile''s agent, repeated for RLS (a composite foreign key keeps it true).';
comment on column agents.memories.embedding is '1536-dimension embedding (cosine distance; HNSW index).';
comment on column agents.memories.embedding_model_id is 'The model that made the embedding; retrieval only compares vectors of the same model (null: unknown, never compared).';

create index memories_agent_idx on agents.memories using btree (ai_lenser_id);

create index memories_embedding_model_idx on agents.memories using btree (embedding_model_id);

create index memories_created_by_idx on agents.memories using btree (created_by);

create index memories_embedding_hnsw on agents.memories using hnsw (embedding extensions.vector_cosine_ops);

create index memories_profile_idx on agents.memories using btree (memory_profile_id, ai_lenser_id, created_at DESC);

create index memories_redacted_by_idx on agents.memories using btree (redacted_by);

create policy memories_insert on agents.memories
  as permissive for insert to authenticated
  with check (( SELECT agents.can_manage_ai_lenser(memories.ai_lenser_id) AS can_manage_ai_lenser));

create policy memories_select on agents.memories
  as permissive for select to authenticated
  using ((( SELECT agents.can_manage_ai_lenser(memories.ai_lenser_id) AS can_manage_ai_lenser) OR (( SELECT agents.can_operate_ai_lenser(memories.ai_lenser_id) AS can_operate_ai_lenser) AND (memory_profile_id IN ( SELECT p.id
   FROM agents.memory_profiles p
  WHERE (p.visibility = 'operators'::agents.memory_visibility))))));

create policy memories_update on agents.memories
  as permissive for update to authenticated
  using (( SELECT agents.can_manage_ai_lenser(memories.ai_lenser_id) AS can_manage_ai_lenser))
  with check (( SELECT agents.can_manage_ai_lenser(memories.ai_lenser_id) AS can_manage_ai_lenser));

create trigger memories_guard before insert or update on agents.memories for each row execute procedure agents.tg_memories_guard();

grant select on table agents.memories to authenticated;
grant all on table agents.memories to service_role;
grant insert (memory_profile_id) on table agents.memories to authenticated;
grant insert (ai_lenser_id) on table agents.memories to authenticated;
grant insert (scope) on table agents.memories to authenticated;
grant insert (source) on table agents.memories to authenticated;
grant insert (content), update (content) on table agents.memories to authenticated;
grant insert (confidence) on table agents.memories to authenticated;
grant insert (expires_at) on table agents.memories to authenticated;
grant update (redacted_at) on table agents.memories to authenticated;
grant insert (embedding), update (embedding) on table agents.memories to authenticated;
grant insert (metadata), update (metadata) on table agents.memories to authenticated;
grant insert (embedding_model_id) on table agents.memories to authenticated;

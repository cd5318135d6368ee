create table agents.memory_profiles (
  id uuid default gen_random_uuid() not null,
  ai_lenser_id uuid not null,
  name text not null,
  scope_type agents.memory_scope default 'agent'::agents.memory_scope not null,
  isolation_mode agents.memory_isolation_mode default 'isolated'::agents.memory_isolation_mode not null,
  retention_days integer,
  visibility agents.memory_visibility default 'operators'::agents.memory_visibility not null,
  summary_strategy agents.memory_summary_strategy default 'none'::agents.memory_summary_strategy not null,
  reset_policy agents.memory_reset_policy default 'never'::agents.memory_reset_policy not null,
  embedding_model_id uuid,
  retrieval_top_k integer default 5 not null,
  is_default boolean default false not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint memory_profiles_pkey PRIMARY KEY (id),
  constraint memory_profiles_id_agent_key UNIQUE (id, ai_lenser_id),
  constraint memory_profiles_name_length CHECK (((char_length(btrim(name)) >= 1) AND (char_length(btrim(name)) <= 80))),
  constraint memory_profiles_retrieval_top_k_range CHECK (((retrieval_top_k >= 0) AND (retrieval_top_k <= 50))),
  constraint memory_profiles_embedding_model_id_fkey FOREIGN KEY (embedding_model_id) REFERENCES ai.models(id) ON DELETE RESTRICT,
  constraint memory_profiles_retention_days_range CHECK (((retention_days >= 1) AND (retention_days <= 3650))),
  constraint memory_profiles_ai_lenser_id_fkey FOREIGN KEY (ai_lenser_id) REFERENCES agents.ai_lensers(id) ON DELETE CASCADE
);

alter table agents.memory_profiles enable row level security;
comment on table agents.memory_profiles is 'Memory policy: default scope, isolation, retention, who reads entries, summaries, resets.';
comment on column agents.memory_profiles.scope_type is 'The scope of entries written without one.';
comment on column agents.memory_profiles.retention_days is 'Entries written without an expiry expire this many days later; null keeps them.';
comment on column agents.memory_profiles.embedding_model_id is 'The embedding model entries and queries are embedded with (an ai.models row with the embedding capability); null: the local embedder (local/local-embed).';
comment on column agents.memory_profiles.retrieval_top_k is 'How many entries an agent turn retrieves into its system prompt (0: none).';
comment on column agents.memory_profiles.visibility is 'owners: only owners and co-owners read the entries; operators: operators too.';

create index memory_profiles_agent_idx on agents.memory_profiles using btree (ai_lenser_id);

create unique index memory_profiles_name_key on agents.memory_profiles using btree (ai_lenser_id, lower(name));

create unique index memory_profiles_one_default on agents.memory_profiles using btree (ai_lenser_id) where is_default;

create index memory_profiles_embedding_model_idx on agents.memory_profiles using btree (embedding_model_id);

create index memory_profiles_visibility_idx on agents.memory_profiles using btree (visibility, id);

create policy memory_profiles_delete on agents.memory_profiles
  as permissive for delete to authenticated
  using (( SELECT agents.can_manage_ai_lenser(memory_profiles.ai_lenser_id) AS can_manage_ai_lenser));

create policy memory_profiles_insert on agents.memory_profiles
  as permissive for insert to authenticated
  with check (( SELECT agents.can_manage_ai_lenser(memory_profiles.ai_lenser_id) AS can_manage_ai_lenser));

create policy memory_profiles_select on agents.memory_profiles
  as permissive for select to authenticated
  using (( SELECT agents.can_operate_ai_lenser(memory_profiles.ai_lenser_id) AS can_operate_ai_lenser));

create policy memory_profiles_update on agents.memory_profiles
  as permissive for update to authenticated
  using (( SELECT agents.can_manage_ai_lenser(memory_profiles.ai_lenser_id) AS can_manage_ai_lenser))
  with check (( SELECT agents.can_manage_ai_lenser(memory_profiles.ai_lenser_id) AS can_manage_ai_lenser));

create trigger memory_profiles_agent_fixed before update on agents.memory_profiles for each row execute procedure agents.tg_profiles_agent_fixed();

create trigger memory_profiles_embedding_model before insert or update of embedding_model_id on agents.memory_profiles for each row execute procedure agents.tg_memory_profiles_embedding_model();

create trigger memory_profiles_set_updated_at before update on agents.memory_profiles for each row execute procedure lensers.tg_set_updated_at();

create trigger memory_profiles_config_version after insert or update on agents.memory_profiles for each row execute procedure agents.tg_tier_config_version('memory_profile');

grant select, delete on table agents.memory_profiles to authenticated;
grant all on table agents.memory_profiles to service_role;
grant insert (ai_lenser_id) on table agents.memory_profiles to authenticated;
grant insert (name), update (name) on table agents.memory_profiles to authenticated;
grant insert (scope_type), update (scope_type) on table agents.memory_profiles to authenticated;
grant insert (isolation_mode), update (isolation_mode) on table agents.memory_profiles to authenticated;
grant insert (retention_days), update (retention_days) on table agents.memory_profiles to authenticated;
grant insert (visibility), update (visibility) on table agents.memory_profiles to authenticated;
grant insert (summary_strategy), update (summary_strategy) on table agents.memory_profiles to authenticated;
grant insert (reset_policy), update (reset_policy) on table agents.memory_profiles to authenticated;
grant insert (is_default), update (is_default) on table agents.memory_profiles to authenticated;
grant insert (embedding_model_id), update (embedding_model_id) on table agents.memory_profiles to authenticated;
grant insert (retrieval_top_k), update (retrieval_top_k) on table agents.memory_profiles to authenticated;

create table agents.tier_config_versions (
  id uuid default gen_random_uuid() not null,
  tier agents.config_tier not null,
  subject_id uuid not null,
  ai_lenser_id uuid,
  version integer not null,
  config jsonb not null,
  created_at timestamp with time zone default now() not null,
  constraint tier_config_versions_pkey PRIMARY KEY (id),
  constraint tier_config_versions_subject_version_key UNIQUE (tier, subject_id, version),
  constraint tier_config_versions_version_positive CHECK ((version >= 1)),
  constraint tier_config_versions_config_object CHECK ((jsonb_typeof(config) = 'object'::text)),
  constraint tier_config_versions_ai_lenser_id_fkey FOREIGN KEY (ai_lenser_id) REFERENCES agents.ai_lensers(id) ON DELETE SET NULL
);

alter table agents.tier_config_versions enable row level security;
comment on table agents.tier_config_versions is 'Append-only history of the configuration of channel bindings and agent profiles (seed 002): one row per version, written by triggers; a reply records the versions it ran with (agents.fn_binding_config_versions).';
comment on column agents.tier_config_versions.subject_id is 'The binding''s or profile''s id (by tier). Its history outlives it.';
comment on column agents.tier_config_versions.ai_lenser_id is 'The subject''s agent (who may read the history); null once the agent is deleted.';
comment on column agents.tier_config_versions.config is 'The subject''s configuration at this version (agents.fn_tier_config).';

create index tier_config_versions_agent_idx on agents.tier_config_versions using btree (ai_lenser_id);

create policy tier_config_versions_select on agents.tier_config_versions
  as permissive for select to authenticated
  using (( SELECT agents.can_operate_ai_lenser(tier_config_versions.ai_lenser_id) AS can_operate_ai_lenser));

create trigger tier_config_versions_append_only before delete or update on agents.tier_config_versions for each row execute procedure lenses.tg_append_only();

create trigger tier_config_versions_no_truncate before truncate on agents.tier_config_versions for each statement execute procedure lenses.tg_append_only();

grant select on table agents.tier_config_versions to authenticated;
-- Append-only: written by agents.tg_tier_config_version; service_role reads and appends.
grant select, insert on table agents.tier_config_versions to service_role;

create table agents.personality_profiles (
  id uuid default gen_random_uuid() not null,
  ai_lenser_id uuid not null,
  name text not null,
  tone agents.personality_tone default 'neutral'::agents.personality_tone not null,
  expertise_level agents.expertise_level default 'intermediate'::agents.expertise_level not null,
  risk_tolerance agents.risk_tolerance default 'low'::agents.risk_tolerance not null,
  autonomy_level agents.autonomy_level default 'supervised'::agents.autonomy_level not null,
  communication_style agents.communication_style default 'concise'::agents.communication_style not null,
  decision_style agents.decision_style default 'balanced'::agents.decision_style not null,
  escalation_behavior agents.escalation_behavior default 'on_uncertainty'::agents.escalation_behavior not null,
  system_prompt_patch text,
  is_default boolean default false not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint personality_profiles_pkey PRIMARY KEY (id),
  constraint personality_profiles_id_agent_key UNIQUE (id, ai_lenser_id),
  constraint personality_profiles_name_length CHECK (((char_length(btrim(name)) >= 1) AND (char_length(btrim(name)) <= 80))),
  constraint personality_profiles_patch_length CHECK (((char_length(system_prompt_patch) >= 1) AND (char_length(system_prompt_patch) <= 8000))),
  constraint personality_profiles_ai_lenser_id_fkey FOREIGN KEY (ai_lenser_id) REFERENCES agents.ai_lensers(id) ON DELETE CASCADE
);

alter table agents.personality_profiles enable row level security;
comment on table agents.personality_profiles is 'How an agent behaves: tone, expertise, risk, autonomy, style, escalation, a prompt patch.';
comment on column agents.personality_profiles.system_prompt_patch is 'Text appended to the system prompt of every call made with this profile.';

create index personality_profiles_agent_idx on agents.personality_profiles using btree (ai_lenser_id);

create unique index personality_profiles_name_key on agents.personality_profiles using btree (ai_lenser_id, lower(name));

create unique index personality_profiles_one_default on agents.personality_profiles using btree (ai_lenser_id) where is_default;

create policy personality_profiles_delete on agents.personality_profiles
  as permissive for delete to authenticated
  using (( SELECT agents.can_manage_ai_lenser(personality_profiles.ai_lenser_id) AS can_manage_ai_lenser));

create policy personality_profiles_insert on agents.personality_profiles
  as permissive for insert to authenticated
  with check (( SELECT agents.can_manage_ai_lenser(personality_profiles.ai_lenser_id) AS can_manage_ai_lenser));

create policy personality_profiles_select on agents.personality_profiles
  as permissive for select to authenticated
  using (( SELECT agents.can_operate_ai_lenser(personality_profiles.ai_lenser_id) AS can_operate_ai_lenser));

create policy personality_profiles_update on agents.personality_profiles
  as permissive for update to authenticated
  using (( SELECT agents.can_manage_ai_lenser(personality_profiles.ai_lenser_id) AS can_manage_ai_lenser))
  with check (( SELECT agents.can_manage_ai_lenser(personality_profiles.ai_lenser_id) AS can_manage_ai_lenser));

create trigger personality_profiles_agent_fixed before update on agents.personality_profiles for each row execute procedure agents.tg_profiles_agent_fixed();

create trigger personality_profiles_set_updated_at before update on agents.personality_profiles for each row execute procedure lensers.tg_set_updated_at();

create trigger personality_profiles_config_version after insert or update on agents.personality_profiles for each row execute procedure agents.tg_tier_config_version('personality_profile');

grant select, delete on table agents.personality_profiles to authenticated;
grant all on table agents.personality_profiles to service_role;
grant insert (ai_lenser_id) on table agents.personality_profiles to authenticated;
grant insert (name), update (name) on table agents.personality_profiles to authenticated;
grant insert (tone), update (tone) on table agents.personality_profiles to authenticated;
grant insert (expertise_level), update (expertise_level) on table agents.personality_profiles to authenticated;
grant insert (risk_tolerance), update (risk_tolerance) on table agents.personality_profiles to authenticated;
grant insert (autonomy_level), update (autonomy_level) on table agents.personality_profiles to authenticated;
grant insert (communication_style), update (communication_style) on table agents.personality_profiles to authenticated;
grant insert (decision_style), update (decision_style) on table agents.personality_profiles to authenticated;
grant insert (escalation_behavior), update (escalation_behavior) on table agents.personality_profiles to authenticated;
grant insert (system_prompt_patch), update (system_prompt_patch) on table agents.personality_profiles to authenticated;
grant insert (is_default), update (is_default) on table agents.personality_profiles to authenticated;

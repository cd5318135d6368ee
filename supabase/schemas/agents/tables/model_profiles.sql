create table agents.model_profiles (
  id uuid default gen_random_uuid() not null,
  ai_lenser_id uuid not null,
  name text not null,
  model_id uuid not null,
  provider_key text not null,
  model_key text not null,
  support_level ai.support_level not null,
  params jsonb default '{}'::jsonb not null,
  is_default boolean default false not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint model_profiles_pkey PRIMARY KEY (id),
  constraint model_profiles_id_agent_key UNIQUE (id, ai_lenser_id),
  constraint model_profiles_name_length CHECK (((char_length(btrim(name)) >= 1) AND (char_length(btrim(name)) <= 80))),
  constraint model_profiles_params_shape CHECK ((agents.fn_model_params_errors(params) = ARRAY[]::text[])),
  constraint model_profiles_ai_lenser_id_fkey FOREIGN KEY (ai_lenser_id) REFERENCES agents.ai_lensers(id) ON DELETE CASCADE,
  constraint model_profiles_model_id_fkey FOREIGN KEY (model_id) REFERENCES ai.models(id) ON DELETE RESTRICT
);

alter table agents.model_profiles enable row level security;
comment on table agents.model_profiles is 'The model an agent calls and its parameters. provider_key, model_key and support_level mirror the ai.models row.';
comment on column agents.model_profiles.params is 'Sampling and output settings (types/profiles.ts ModelParams).';

create index model_profiles_agent_idx on agents.model_profiles using btree (ai_lenser_id);

create index model_profiles_model_idx on agents.model_profiles using btree (model_id);

create unique index model_profiles_name_key on agents.model_profiles using btree (ai_lenser_id, lower(name));

create unique index model_profiles_one_default on agents.model_profiles using btree (ai_lenser_id) where is_default;

create policy model_profiles_delete on agents.model_profiles
  as permissive for delete to authenticated
  using (( SELECT agents.can_manage_ai_lenser(model_profiles.ai_lenser_id) AS can_manage_ai_lenser));

create policy model_profiles_insert on agents.model_profiles
  as permissive for insert to authenticated
  with check (( SELECT agents.can_manage_ai_lenser(model_profiles.ai_lenser_id) AS can_manage_ai_lenser));

create policy model_profiles_select on agents.model_profiles
  as permissive for select to authenticated
  using (( SELECT agents.can_operate_ai_lenser(model_profiles.ai_lenser_id) AS can_operate_ai_lenser));

create policy model_profiles_update on agents.model_profiles
  as permissive for update to authenticated
  using (( SELECT agents.can_manage_ai_lenser(model_profiles.ai_lenser_id) AS can_manage_ai_lenser))
  with check (( SELECT agents.can_manage_ai_lenser(model_profiles.ai_lenser_id) AS can_manage_ai_lenser));

create trigger model_profiles_agent_fixed before update on agents.model_profiles for each row execute procedure agents.tg_profiles_agent_fixed();

create trigger model_profiles_agree before insert or update on agents.model_profiles for each row execute procedure agents.tg_model_profiles_agree();

create trigger model_profiles_set_updated_at before update on agents.model_profiles for each row execute procedure lensers.tg_set_updated_at();

create trigger model_profiles_config_version after insert or update on agents.model_profiles for each row execute procedure agents.tg_tier_config_version('model_profile');

grant select, delete on table agents.model_profiles to authenticated;
grant all on table agents.model_profiles to service_role;
grant insert (ai_lenser_id) on table agents.model_profiles to authenticated;
grant insert (name), update (name) on table agents.model_profiles to authenticated;
grant insert (model_id), update (model_id) on table agents.model_profiles to authenticated;
grant insert (provider_key), update (provider_key) on table agents.model_profiles to authenticated;
grant insert (model_key), update (model_key) on table agents.model_profiles to authenticated;
grant insert (support_level), update (support_level) on table agents.model_profiles to authenticated;
grant insert (params), update (params) on table agents.model_profiles to authenticated;
grant insert (is_default), update (is_default) on table agents.model_profiles to authenticated;

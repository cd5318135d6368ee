create table ai.models (
  id uuid default gen_random_uuid() not null,
  provider_id uuid not null,
  model_key text not null,
  display_name text not null,
  capability_tags ai.model_capability[] default '{}'::ai.model_capability[] not null,
  input_modalities ai.modality[] default '{text}'::ai.modality[] not null,
  output_modalities ai.modality[] default '{text}'::ai.modality[] not null,
  context_window integer not null,
  max_output_tokens integer,
  support_level ai.support_level not null,
  status ai.model_status default 'active'::ai.model_status not null,
  use_cases text[] default '{}'::text[] not null,
  summary text not null,
  description text,
  input_price_per_mtok numeric(12,6),
  output_price_per_mtok numeric(12,6),
  cached_input_price_per_mtok numeric(12,6),
  is_default boolean default false not null,
  metadata jsonb default '{}'::jsonb not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint models_pkey PRIMARY KEY (id),
  constraint models_provider_key_unique UNIQUE (provider_id, model_key),
  constraint models_context_window_positive CHECK ((context_window > 0)),
  constraint models_default_is_usable CHECK (((NOT is_default) OR ((status = ANY (ARRAY['active'::ai.model_status, 'preview'::ai.model_status])) AND (support_level = 'runnable'::ai.support_level)))),
  constraint models_max_output_positive CHECK (((max_output_tokens IS NULL) OR (max_output_tokens > 0))),
  constraint models_metadata_object CHECK ((jsonb_typeof(metadata) = 'object'::text)),
  constraint models_prices_all_or_none CHECK ((((input_price_per_mtok IS NULL) = (output_price_per_mtok IS NULL)) AND ((input_price_per_mtok IS NULL) = (cached_input_price_per_mtok IS NULL)))),
  constraint models_prices_not_negative CHECK (((input_price_per_mtok >= (0)::numeric) AND (output_price_per_mtok >= (0)::numeric) AND (cached_input_price_per_mtok >= (0)::numeric))),
  constraint models_summary_length CHECK (((char_length(summary) >= 1) AND (char_length(summary) <= 280))),
  constraint models_provider_id_fkey FOREIGN KEY (provider_id) REFERENCES ai.providers(id) ON DELETE RESTRICT
);

alter table ai.models enable row level security;
comment on table ai.models is 'Models with capabilities, modalities, context window and prices per million tokens.';
comment on column ai.models.input_price_per_mtok is 'Catalog display only: a mirror of the price row (ai.model_prices) effective when prices were last written, null when the model has none. Writing the three price columns records a new price row effective now (ai.tg_models_record_price). Costs never read these columns.';
comment on column ai.models.is_default is 'The model used when neither the node nor the agent names one; at most one.';

create index models_capability_tags_idx on ai.models using gin (capability_tags);

create unique index models_one_default on ai.models using btree ((true)) where is_default;

create index models_support_level_idx on ai.models using btree (support_level, status);

create policy models_read on ai.models
  as permissive for select to anon, authenticated
  using (true);

create trigger models_record_price after insert or update of input_price_per_mtok, output_price_per_mtok, cached_input_price_per_mtok on ai.models for each row execute procedure ai.tg_models_record_price();

create trigger models_set_updated_at before update on ai.models for each row execute procedure lensers.tg_set_updated_at();

create trigger models_sync_model_profiles after update of model_key, support_level, provider_id on ai.models for each row execute procedure agents.tg_models_sync_model_profiles();

grant select on table ai.models to anon, authenticated;
grant all on table ai.models to service_role;

create table ai.providers (
  id uuid default gen_random_uuid() not null,
  key text not null,
  display_name text not null,
  adapter ai.provider_adapter not null,
  support_level ai.support_level not null,
  base_url text,
  api_key_env text,
  website_url text,
  metadata jsonb default '{}'::jsonb not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint providers_pkey PRIMARY KEY (id),
  constraint providers_key_key UNIQUE (key),
  constraint providers_api_key_env_name CHECK (((api_key_env ~ '^[A-Z][A-Z0-9_]{1,63}$'::text) AND (api_key_env !~ '^SUPABASE_'::text))),
  constraint providers_base_url_http CHECK ((base_url ~ '^https?://'::text)),
  constraint providers_key_slug CHECK ((key ~ '^[a-z0-9][a-z0-9_-]{1,39}$'::text)),
  constraint providers_local_needs_no_key CHECK (((adapter <> 'local'::ai.provider_adapter) OR (api_key_env IS NULL))),
  constraint providers_metadata_object CHECK ((jsonb_typeof(metadata) = 'object'::text))
);

alter table ai.providers enable row level security;
comment on table ai.providers is 'Model providers. api_key_env names the function secret holding the key; keys are never stored.';

create policy providers_read on ai.providers
  as permissive for select to anon, authenticated
  using (true);

create trigger providers_set_updated_at before update on ai.providers for each row execute procedure lensers.tg_set_updated_at();

create trigger providers_sync_model_profiles after update of key on ai.providers for each row execute procedure agents.tg_models_sync_model_profiles();

grant select on table ai.providers to anon, authenticated;
grant all on table ai.providers to service_role;

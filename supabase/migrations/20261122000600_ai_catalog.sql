-- The AI catalog: providers and models with capabilities, modalities and prices. Readable by
-- everyone; written only by migrations and the service role. Provider keys are never stored here:
-- api_key_env names the function secret that holds the key.

create type ai.support_level as enum ('runnable', 'byok_only', 'catalog_only', 'deprecated');
create type ai.provider_adapter as enum ('local', 'openai_compatible', 'anthropic', 'google');
create type ai.model_status as enum ('active', 'preview', 'deprecated', 'retired');
create type ai.model_capability as enum (
  'chat', 'reasoning', 'tool_use', 'json_output', 'vision', 'embedding', 'long_context', 'code', 'streaming', 'prompt_caching'
);
create type ai.modality as enum ('text', 'image', 'audio', 'video', 'pdf', 'embedding');

create table ai.providers (
  id uuid primary key default gen_random_uuid(),
  key text not null unique,
  display_name text not null,
  adapter ai.provider_adapter not null,
  support_level ai.support_level not null,
  base_url text,
  api_key_env text,
  website_url text,
  metadata jsonb not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint providers_key_slug check (key ~ '^[a-z0-9][a-z0-9_-]{1,39}$'),
  constraint providers_base_url_http check (base_url ~ '^https?://'),
  constraint providers_api_key_env_name check (api_key_env ~ '^[A-Z][A-Z0-9_]{1,63}$' and api_key_env !~ '^SUPABASE_'),
  constraint providers_local_needs_no_key check (adapter <> 'local' or api_key_env is null),
  constraint providers_metadata_object check (jsonb_typeof(metadata) = 'object')
);
comment on table ai.providers is 'Model providers. api_key_env names the function secret holding the key; keys are never stored.';

create table ai.models (
  id uuid primary key default gen_random_uuid(),
  provider_id uuid not null references ai.providers (id) on delete restrict,
  model_key text not null,
  display_name text not null,
  capability_tags ai.model_capability[] not null default '{}',
  input_modalities ai.modality[] not null default '{text}',
  output_modalities ai.modality[] not null default '{text}',
  context_window integer not null,
  max_output_tokens integer,
  support_level ai.support_level not null,
  status ai.model_status not null default 'active',
  use_cases text[] not null default '{}',
  summary text not null,
  description text,
  input_price_per_mtok numeric(12, 6) not null default 0,
  output_price_per_mtok numeric(12, 6) not null default 0,
  cached_input_price_per_mtok numeric(12, 6) not null default 0,
  is_default boolean not null default false,
  metadata jsonb not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint models_provider_key_unique unique (provider_id, model_key),
  constraint models_context_window_positive check (context_window > 0),
  constraint models_max_output_positive check (max_output_tokens is null or max_output_tokens > 0),
  constraint models_prices_not_negative check (
    input_price_per_mtok >= 0 and output_price_per_mtok >= 0 and cached_input_price_per_mtok >= 0
  ),
  constraint models_summary_length check (char_length(summary) between 1 and 280),
  constraint models_default_is_usable check (not is_default or (status in ('active', 'preview') and support_level = 'runnable')),
  constraint models_metadata_object check (jsonb_typeof(metadata) = 'object')
);
comment on table ai.models is 'Models with capabilities, modalities, context window and prices per million tokens.';
comment on column ai.models.is_default is 'The model used when neither the node nor the agent names one; at most one.';

create unique index models_one_default on ai.models ((true)) where is_default;
create index models_capability_tags_idx on ai.models using gin (capability_tags);
create index models_support_level_idx on ai.models (support_level, status);

create trigger providers_set_updated_at before update on ai.providers
  for each row execute function lensers.tg_set_updated_at();
create trigger models_set_updated_at before update on ai.models
  for each row execute function lensers.tg_set_updated_at();

alter table ai.providers enable row level security;
alter table ai.models enable row level security;
create policy providers_read on ai.providers for select to anon, authenticated using (true);
create policy models_read on ai.models for select to anon, authenticated using (true);
grant select on ai.providers, ai.models to anon, authenticated;
grant all on ai.providers, ai.models to service_role;

-- The catalog. Prices are USD per million tokens as the providers list them.
insert into ai.providers (key, display_name, adapter, support_level, base_url, api_key_env, website_url) values
  ('local', 'Local (deterministic)', 'local', 'runnable', null, null, null),
  ('openai', 'OpenAI', 'openai_compatible', 'runnable', 'https://api.openai.com/v1', 'OPENAI_API_KEY', 'https://platform.openai.com'),
  ('anthropic', 'Anthropic', 'anthropic', 'runnable', 'https://api.anthropic.com', 'ANTHROPIC_API_KEY', 'https://www.anthropic.com'),
  ('google', 'Google Gemini', 'google', 'runnable', 'https://generativelanguage.googleapis.com', 'GEMINI_API_KEY', 'https://ai.google.dev'),
  ('ollama', 'Ollama (self-hosted)', 'openai_compatible', 'byok_only', 'http://127.0.0.1:11434/v1', null, 'https://ollama.com'),
  ('mistral', 'Mistral AI', 'openai_compatible', 'catalog_only', 'https://api.mistral.ai/v1', 'MISTRAL_API_KEY', 'https://mistral.ai');

insert into ai.models (provider_id, model_key, display_name, capability_tags, input_modalities, output_modalities,
  context_window, max_output_tokens, support_level, status, use_cases, summary,
  input_price_per_mtok, output_price_per_mtok, cached_input_price_per_mtok, is_default)
select p.id, m.model_key, m.display_name, m.capability_tags::ai.model_capability[], m.input_modalities::ai.modality[],
  m.output_modalities::ai.modality[], m.context_window, m.max_output_tokens, m.support_level::ai.support_level,
  m.status::ai.model_status, m.use_cases::text[], m.summary, m.input_price, m.output_price, m.cached_price, m.is_default
from (values
  ('local', 'local-echo', 'Local echo', '{chat,json_output,streaming}', '{text}', '{text}', 128000, 32000, 'runnable', 'active',
   '{development,testing}', 'Deterministic model for development and tests: echoes, returns contract JSON, fails or waits on request.',
   0, 0, 0, true),
  ('local', 'local-embed', 'Local embeddings', '{embedding}', '{text}', '{embedding}', 8192, null, 'runnable', 'active',
   '{development,testing}', 'Deterministic 1536-dimension embeddings for development and tests.', 0, 0, 0, false),
  ('openai', 'gpt-4.1', 'GPT-4.1', '{chat,tool_use,json_output,vision,long_context,code,streaming,prompt_caching}', '{text,image}', '{text}',
   1047576, 32768, 'runnable', 'active', '{coding,analysis,long_documents}', 'Flagship GPT model for complex tasks with a 1M-token context.',
   2.00, 8.00, 0.50, false),
  ('openai', 'gpt-4.1-mini', 'GPT-4.1 mini', '{chat,tool_use,json_output,vision,long_context,streaming,prompt_caching}', '{text,image}', '{text}',
   1047576, 32768, 'runnable', 'active', '{extraction,classification,chat}', 'Fast, affordable GPT-4.1 tier for everyday tasks.',
   0.40, 1.60, 0.10, false),
  ('openai', 'gpt-4o-mini', 'GPT-4o mini', '{chat,tool_use,json_output,vision,streaming,prompt_caching}', '{text,image}', '{text}',
   128000, 16384, 'runnable', 'active', '{chat,classification}', 'Small multimodal model for high-volume work.', 0.15, 0.60, 0.075, false),
  ('openai', 'o4-mini', 'o4-mini', '{chat,reasoning,tool_use,json_output,vision,code,streaming,prompt_caching}', '{text,image}', '{text}',
   200000, 100000, 'runnable', 'active', '{reasoning,math,coding}', 'Cost-efficient reasoning model.', 1.10, 4.40, 0.275, false),
  ('openai', 'text-embedding-3-small', 'text-embedding-3-small', '{embedding}', '{text}', '{embedding}', 8191, null, 'runnable', 'active',
   '{memory,search}', '1536-dimension embeddings for memory and search.', 0.02, 0, 0, false),
  ('openai', 'gpt-3.5-turbo', 'GPT-3.5 Turbo', '{chat,streaming}', '{text}', '{text}', 16385, 4096, 'deprecated', 'deprecated',
   '{legacy}', 'Legacy chat model kept for old workflows.', 0.50, 1.50, 0, false),
  ('anthropic', 'claude-opus-4-1', 'Claude Opus 4.1', '{chat,reasoning,tool_use,json_output,vision,code,streaming,prompt_caching}', '{text,image,pdf}', '{text}',
   200000, 32000, 'runnable', 'active', '{agents,coding,research}', 'Most capable Claude model for complex agentic work.', 15.00, 75.00, 1.50, false),
  ('anthropic', 'claude-sonnet-4-5', 'Claude Sonnet 4.5', '{chat,reasoning,tool_use,json_output,vision,long_context,code,streaming,prompt_caching}', '{text,image,pdf}', '{text}',
   200000, 64000, 'runnable', 'active', '{agents,coding,writing}', 'Balanced Claude model for agents and coding.', 3.00, 15.00, 0.30, false),
  ('anthropic', 'claude-haiku-4-5', 'Claude Haiku 4.5', '{chat,tool_use,json_output,vision,code,streaming,prompt_caching}', '{text,image}', '{text}',
   200000, 64000, 'runnable', 'active', '{routing,extraction,chat}', 'Fastest Claude model for high-volume tasks.', 1.00, 5.00, 0.10, false),
  ('google', 'gemini-2.5-pro', 'Gemini 2.5 Pro', '{chat,reasoning,tool_use,json_output,vision,long_context,code,streaming,prompt_caching}', '{text,image,audio,video,pdf}', '{text}',
   1048576, 65536, 'runnable', 'active', '{research,long_documents,coding}', 'Gemini''s most capable thinking model, 1M-token context.', 1.25, 10.00, 0.31, false),
  ('google', 'gemini-2.5-flash', 'Gemini 2.5 Flash', '{chat,reasoning,tool_use,json_output,vision,long_context,streaming,prompt_caching}', '{text,image,audio,video,pdf}', '{text}',
   1048576, 65536, 'runnable', 'active', '{summarization,chat,extraction}', 'Fast hybrid-reasoning Gemini model with a 1M-token context.', 0.30, 2.50, 0.075, false),
  ('google', 'gemini-2.5-flash-lite', 'Gemini 2.5 Flash-Lite', '{chat,json_output,vision,long_context,streaming}', '{text,image,audio,video,pdf}', '{text}',
   1048576, 65536, 'runnable', 'preview', '{classification,routing}', 'Lowest-cost Gemini model for high-volume tasks.', 0.10, 0.40, 0.025, false),
  ('ollama', 'llama3.1:8b', 'Llama 3.1 8B (Ollama)', '{chat,tool_use,json_output,streaming}', '{text}', '{text}',
   131072, 8192, 'byok_only', 'active', '{private,offline}', 'Open-weights Llama served by your own Ollama.', 0, 0, 0, false),
  ('ollama', 'qwen2.5:7b', 'Qwen 2.5 7B (Ollama)', '{chat,tool_use,json_output,code,streaming}', '{text}', '{text}',
   131072, 8192, 'byok_only', 'active', '{private,coding}', 'Open-weights Qwen served by your own Ollama.', 0, 0, 0, false),
  ('mistral', 'mistral-large-latest', 'Mistral Large', '{chat,tool_use,json_output,code,streaming}', '{text}', '{text}',
   131072, 8192, 'catalog_only', 'active', '{multilingual,coding}', 'Mistral''s flagship model (listed, not wired).', 2.00, 6.00, 0, false)
) as m(provider_key, model_key, display_name, capability_tags, input_modalities, output_modalities, context_window,
       max_output_tokens, support_level, status, use_cases, summary, input_price, output_price, cached_price, is_default)
join ai.providers p on p.key = m.provider_key;

-- Data the product needs: the AI catalog (providers and models with their prices). Not schema:
-- it stays in hand-written migrations, as supabase/schemas/ holds definitions only.

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

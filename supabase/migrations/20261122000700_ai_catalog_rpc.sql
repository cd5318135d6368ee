-- Read-only catalog RPCs, for anon and signed-in callers alike.

create function public.list_ai_providers(p_support_level ai.support_level default null)
returns table (
  provider_id uuid,
  key text,
  display_name text,
  adapter ai.provider_adapter,
  support_level ai.support_level,
  base_url text,
  requires_api_key boolean,
  model_count integer
)
language sql
stable
set search_path = ''
as $$
  select p.id, p.key, p.display_name, p.adapter, p.support_level, p.base_url, p.api_key_env is not null,
    (select count(*)::integer from ai.models m where m.provider_id = p.id)
  from ai.providers p
  where p_support_level is null or p.support_level = p_support_level
  order by p.key
$$;
comment on function public.list_ai_providers(ai.support_level) is 'Providers, optionally of one support level.';

create function public.list_ai_models(
  p_capability ai.model_capability default null,
  p_modality ai.modality default null,
  p_support_level ai.support_level default null,
  p_provider_key text default null,
  p_include_retired boolean default false,
  p_limit integer default 100,
  p_offset integer default 0
) returns table (
  model_id uuid,
  provider_key text,
  model_key text,
  display_name text,
  capability_tags ai.model_capability[],
  input_modalities ai.modality[],
  output_modalities ai.modality[],
  context_window integer,
  max_output_tokens integer,
  support_level ai.support_level,
  status ai.model_status,
  use_cases text[],
  summary text,
  input_price_per_mtok numeric,
  output_price_per_mtok numeric,
  cached_input_price_per_mtok numeric,
  is_default boolean
)
language plpgsql
stable
set search_path = ''
as $$
begin
  perform lensers.fn_rpc_page('list_ai_models', p_limit, p_offset, 500);
  if p_provider_key is not null and not exists (select 1 from ai.providers p where p.key = p_provider_key) then
    raise exception 'list_ai_models: p_provider_key "%" is not a known provider', p_provider_key using errcode = '22023';
  end if;
  return query
    select m.id, p.key, m.model_key, m.display_name, m.capability_tags, m.input_modalities, m.output_modalities,
      m.context_window, m.max_output_tokens, m.support_level, m.status, m.use_cases, m.summary,
      m.input_price_per_mtok, m.output_price_per_mtok, m.cached_input_price_per_mtok, m.is_default
    from ai.models m
    join ai.providers p on p.id = m.provider_id
    where (p_capability is null or p_capability = any (m.capability_tags))
      and (p_modality is null or p_modality = any (m.input_modalities) or p_modality = any (m.output_modalities))
      and (p_support_level is null or m.support_level = p_support_level)
      and (p_provider_key is null or p.key = p_provider_key)
      and (coalesce(p_include_retired, false) or m.status <> 'retired')
    order by p.key, m.model_key
    limit p_limit offset p_offset;
end
$$;
comment on function public.list_ai_models(ai.model_capability, ai.modality, ai.support_level, text, boolean, integer, integer)
  is 'Models filtered by capability, modality (input or output), support level and provider.';

create function public.get_ai_model(p_model_id uuid)
returns table (
  model_id uuid,
  provider_key text,
  model_key text,
  display_name text,
  capability_tags ai.model_capability[],
  input_modalities ai.modality[],
  output_modalities ai.modality[],
  context_window integer,
  max_output_tokens integer,
  support_level ai.support_level,
  status ai.model_status,
  use_cases text[],
  summary text,
  description text,
  input_price_per_mtok numeric,
  output_price_per_mtok numeric,
  cached_input_price_per_mtok numeric,
  is_default boolean,
  metadata jsonb
)
language plpgsql
stable
set search_path = ''
as $$
begin
  if p_model_id is null then
    raise exception 'get_ai_model: p_model_id is required' using errcode = '22023';
  end if;
  return query
    select m.id, p.key, m.model_key, m.display_name, m.capability_tags, m.input_modalities, m.output_modalities,
      m.context_window, m.max_output_tokens, m.support_level, m.status, m.use_cases, m.summary, m.description,
      m.input_price_per_mtok, m.output_price_per_mtok, m.cached_input_price_per_mtok, m.is_default, m.metadata
    from ai.models m join ai.providers p on p.id = m.provider_id
    where m.id = p_model_id;
  if not found then
    raise exception 'get_ai_model: no model %', p_model_id using errcode = 'P0002';
  end if;
end
$$;
comment on function public.get_ai_model(uuid) is 'One model with its description and metadata.';

revoke execute on function public.list_ai_providers(ai.support_level),
  public.list_ai_models(ai.model_capability, ai.modality, ai.support_level, text, boolean, integer, integer),
  public.get_ai_model(uuid) from public;
grant execute on function public.list_ai_providers(ai.support_level),
  public.list_ai_models(ai.model_capability, ai.modality, ai.support_level, text, boolean, integer, integer),
  public.get_ai_model(uuid) to anon, authenticated, service_role;

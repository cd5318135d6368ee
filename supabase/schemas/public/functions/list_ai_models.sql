create or replace function public.list_ai_models(p_capability ai.model_capability default NULL::ai.model_capability, p_modality ai.modality default NULL::ai.modality, p_support_level ai.support_level default NULL::ai.support_level, p_provider_key text default NULL::text, p_include_retired boolean default false, p_limit integer default 100, p_offset integer default 0)
 returns TABLE(model_id uuid, provider_key text, model_key text, display_name text, capability_tags ai.model_capability[], input_modalities ai.modality[], output_modalities ai.modality[], context_window integer, max_output_tokens integer, support_level ai.support_level, status ai.model_status, use_cases text[], summary text, input_price_per_mtok numeric, output_price_per_mtok numeric, cached_input_price_per_mtok numeric, is_default boolean)
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_text('list_ai_models', 'p_provider_key', p_provider_key, 200);
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
$function$;

comment on function public.list_ai_models(p_capability ai.model_capability, p_modality ai.modality, p_support_level ai.support_level, p_provider_key text, p_include_retired boolean, p_limit integer, p_offset integer) is 'Models filtered by capability, modality (input or output), support level and provider.';

revoke all on function public.list_ai_models(p_capability ai.model_capability, p_modality ai.modality, p_support_level ai.support_level, p_provider_key text, p_include_retired boolean, p_limit integer, p_offset integer) from public;
grant execute on function public.list_ai_models(p_capability ai.model_capability, p_modality ai.modality, p_support_level ai.support_level, p_provider_key text, p_include_retired boolean, p_limit integer, p_offset integer) to anon, authenticated, service_role;

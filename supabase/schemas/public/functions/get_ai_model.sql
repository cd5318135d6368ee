create or replace function public.get_ai_model(p_model_id uuid)
 returns TABLE(model_id uuid, provider_key text, model_key text, display_name text, capability_tags ai.model_capability[], input_modalities ai.modality[], output_modalities ai.modality[], context_window integer, max_output_tokens integer, support_level ai.support_level, status ai.model_status, use_cases text[], summary text, description text, input_price_per_mtok numeric, output_price_per_mtok numeric, cached_input_price_per_mtok numeric, is_default boolean, metadata jsonb)
 language plpgsql
 stable
 set search_path to ''
as $function$
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
    raise exception 'get_ai_model: no model %', p_model_id using errcode = 'PT404';
  end if;
end
$function$;

comment on function public.get_ai_model(p_model_id uuid) is 'One model with its description and metadata.';

revoke all on function public.get_ai_model(p_model_id uuid) from public;
grant execute on function public.get_ai_model(p_model_id uuid) to anon, authenticated, service_role;

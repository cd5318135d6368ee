create or replace function public.list_ai_providers(p_support_level ai.support_level default NULL::ai.support_level)
 returns TABLE(provider_id uuid, key text, display_name text, adapter ai.provider_adapter, support_level ai.support_level, base_url text, requires_api_key boolean, model_count integer)
 language sql
 stable
 set search_path to ''
as $function$
  select p.id, p.key, p.display_name, p.adapter, p.support_level, p.base_url, p.api_key_env is not null,
    (select count(*)::integer from ai.models m where m.provider_id = p.id)
  from ai.providers p
  where p_support_level is null or p.support_level = p_support_level
  order by p.key
$function$;

comment on function public.list_ai_providers(p_support_level ai.support_level) is 'Providers, optionally of one support level.';

revoke all on function public.list_ai_providers(p_support_level ai.support_level) from public;
grant execute on function public.list_ai_providers(p_support_level ai.support_level) to anon, authenticated, service_role;

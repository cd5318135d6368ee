-- The model a model_judge rule asks, as the worker needs it: the rule's config.modelId, else the
-- agent's default model profile's model (with its params), else the catalog's default model.
create or replace function agents.fn_guardrail_judge_model(p_ai_lenser_id uuid, p_config jsonb)
 returns jsonb
 language sql
 stable
 set search_path to ''
as $function$
  select jsonb_build_object('id', m.id, 'modelKey', m.model_key, 'providerKey', p.key, 'adapter', p.adapter,
           'baseUrl', p.base_url, 'apiKeyEnv', p.api_key_env, 'params', coalesce(c.params, '{}'::jsonb))
  from (
    select (p_config ->> 'modelId')::uuid as model_id, null::jsonb as params, 1 as choice
    where p_config ? 'modelId'
    union all
    select mp.model_id, mp.params, 2 from agents.model_profiles mp
    where mp.ai_lenser_id = p_ai_lenser_id and mp.is_default and mp.model_id is not null
    union all
    select m.id, null, 3 from ai.models m where m.is_default
  ) c
  join ai.models m on m.id = c.model_id
  join ai.providers p on p.id = m.provider_id
  order by c.choice
  limit 1
$function$;

revoke all on function agents.fn_guardrail_judge_model(p_ai_lenser_id uuid, p_config jsonb) from public;
grant execute on function agents.fn_guardrail_judge_model(p_ai_lenser_id uuid, p_config jsonb) to service_role;

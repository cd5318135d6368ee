-- Model profile arguments: a callable chat model, params of the right shape that fit the model.
create or replace function agents.fn_check_model_profile_args(p_rpc text, p_model_id uuid, p_params jsonb)
 returns void
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_model record;
  v_errors text[];
begin
  select m.model_key, m.status, m.support_level, m.capability_tags, m.max_output_tokens into v_model
  from ai.models m where m.id = p_model_id;
  if not found then
    raise exception '%: p_model_id % is not a model of the catalog', p_rpc, p_model_id using errcode = '22023';
  end if;
  if v_model.status = 'retired' or v_model.support_level = 'catalog_only' then
    raise exception '%: p_model_id names % which cannot be called (status %, support level %)', p_rpc, v_model.model_key,
      v_model.status, v_model.support_level using errcode = '22023';
  end if;
  if not ('chat' = any (v_model.capability_tags)) then
    raise exception '%: p_model_id names % which is not a chat model', p_rpc, v_model.model_key using errcode = '22023';
  end if;
  v_errors := agents.fn_model_params_errors(p_params);
  if cardinality(v_errors) > 0 then
    raise exception '%: p_params is invalid: %', p_rpc, array_to_string(v_errors, '; ') using errcode = '22023';
  end if;
  if p_params ? 'maxOutputTokens' and v_model.max_output_tokens is not null
     and agents.fn_json_number(p_params -> 'maxOutputTokens') > v_model.max_output_tokens then
    raise exception '%: p_params.maxOutputTokens % exceeds the limit of % (%)', p_rpc, p_params ->> 'maxOutputTokens',
      v_model.model_key, v_model.max_output_tokens using errcode = '22023';
  end if;
end
$function$;

revoke all on function agents.fn_check_model_profile_args(p_rpc text, p_model_id uuid, p_params jsonb) from public;
grant execute on function agents.fn_check_model_profile_args(p_rpc text, p_model_id uuid, p_params jsonb) to authenticated, service_role;

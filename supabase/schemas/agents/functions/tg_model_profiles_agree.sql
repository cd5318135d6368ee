-- A model profile mirrors its ai.models row: the copies are filled in when left null and must agree
-- otherwise. A newly chosen model must be callable (not retired, not catalog_only, a chat model), and
-- maxOutputTokens must fit the model.
create or replace function agents.tg_model_profiles_agree()
 returns trigger
 language plpgsql
 security definer
 set search_path to ''
as $function$
declare
  v_model record;
begin
  select m.model_key, m.support_level, m.status, m.capability_tags, m.max_output_tokens, p.key as provider_key
  into v_model
  from ai.models m join ai.providers p on p.id = m.provider_id
  where m.id = new.model_id;
  if not found then
    raise exception 'model_profiles.model_id % is not a model', new.model_id using errcode = '23503';
  end if;
  -- Choosing another model refreshes the copies that were not changed along with it.
  if tg_op = 'UPDATE' and new.model_id is distinct from old.model_id then
    if new.provider_key is not distinct from old.provider_key then new.provider_key := null; end if;
    if new.model_key is not distinct from old.model_key then new.model_key := null; end if;
    if new.support_level is not distinct from old.support_level then new.support_level := null; end if;
  end if;
  new.provider_key := coalesce(new.provider_key, v_model.provider_key);
  new.model_key := coalesce(new.model_key, v_model.model_key);
  new.support_level := coalesce(new.support_level, v_model.support_level);
  if new.provider_key <> v_model.provider_key then
    raise exception 'model_profiles.provider_key "%" does not match the model''s provider "%"', new.provider_key, v_model.provider_key
      using errcode = '23514';
  end if;
  if new.model_key <> v_model.model_key then
    raise exception 'model_profiles.model_key "%" does not match the model''s key "%"', new.model_key, v_model.model_key
      using errcode = '23514';
  end if;
  if new.support_level <> v_model.support_level then
    raise exception 'model_profiles.support_level "%" does not match the model''s "%"', new.support_level, v_model.support_level
      using errcode = '23514';
  end if;
  if tg_op = 'INSERT' or new.model_id is distinct from old.model_id then
    if v_model.status = 'retired' or v_model.support_level = 'catalog_only' then
      raise exception 'model_profiles: model % cannot be called (status %, support level %)', v_model.model_key,
        v_model.status, v_model.support_level using errcode = '23514';
    end if;
    if not ('chat' = any (v_model.capability_tags)) then
      raise exception 'model_profiles: model % is not a chat model', v_model.model_key using errcode = '23514';
    end if;
  end if;
  if (new.params ? 'maxOutputTokens') and v_model.max_output_tokens is not null
     and agents.fn_json_number(new.params -> 'maxOutputTokens') > v_model.max_output_tokens then
    raise exception 'model_profiles: params.maxOutputTokens % exceeds the model''s limit of %',
      new.params ->> 'maxOutputTokens', v_model.max_output_tokens using errcode = '23514';
  end if;
  return new;
end
$function$;

revoke all on function agents.tg_model_profiles_agree() from public;

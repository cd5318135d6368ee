-- model_profiles.params: sampling and output settings passed to the provider.
--   temperature 0..2, topP (0, 1], maxOutputTokens integer 1..1000000, presencePenalty and
--   frequencyPenalty -2..2, stop up to 4 strings of 1..100 characters, seed integer 0..2147483647,
--   reasoningEffort low|medium|high, responseFormat text|json. No other keys.
create or replace function agents.fn_model_params_errors(p_params jsonb)
 returns text[]
 language plpgsql
 immutable
 set search_path to ''
as $function$
declare
  v_errors text[] := array[]::text[];
  v_key text;
  v_num numeric;
  v_item jsonb;
begin
  if p_params is null or jsonb_typeof(p_params) <> 'object' then
    return array['params must be a JSON object'];
  end if;
  for v_key in select jsonb_object_keys(p_params) loop
    if v_key not in ('temperature', 'topP', 'maxOutputTokens', 'presencePenalty', 'frequencyPenalty', 'stop', 'seed',
                     'reasoningEffort', 'responseFormat') then
      v_errors := v_errors || format('params has an unknown key "%s"', v_key);
    end if;
  end loop;
  if p_params ? 'temperature' then
    v_num := agents.fn_json_number(p_params -> 'temperature');
    if v_num is null or v_num < 0 or v_num > 2 then
      v_errors := v_errors || 'temperature must be a number from 0 to 2'::text;
    end if;
  end if;
  if p_params ? 'topP' then
    v_num := agents.fn_json_number(p_params -> 'topP');
    if v_num is null or v_num <= 0 or v_num > 1 then
      v_errors := v_errors || 'topP must be a number above 0 and at most 1'::text;
    end if;
  end if;
  if p_params ? 'maxOutputTokens' then
    v_num := agents.fn_json_number(p_params -> 'maxOutputTokens');
    if v_num is null or v_num <> trunc(v_num) or v_num < 1 or v_num > 1000000 then
      v_errors := v_errors || 'maxOutputTokens must be an integer from 1 to 1000000'::text;
    end if;
  end if;
  if p_params ? 'presencePenalty' then
    v_num := agents.fn_json_number(p_params -> 'presencePenalty');
    if v_num is null or v_num < -2 or v_num > 2 then
      v_errors := v_errors || 'presencePenalty must be a number from -2 to 2'::text;
    end if;
  end if;
  if p_params ? 'frequencyPenalty' then
    v_num := agents.fn_json_number(p_params -> 'frequencyPenalty');
    if v_num is null or v_num < -2 or v_num > 2 then
      v_errors := v_errors || 'frequencyPenalty must be a number from -2 to 2'::text;
    end if;
  end if;
  if p_params ? 'stop' then
    if jsonb_typeof(p_params -> 'stop') <> 'array' or jsonb_array_length(p_params -> 'stop') > 4 then
      v_errors := v_errors || 'stop must be an array of at most 4 strings'::text;
    else
      for v_item in select jsonb_array_elements(p_params -> 'stop') loop
        if jsonb_typeof(v_item) <> 'string' or char_length(v_item #>> '{}') not between 1 and 100 then
          v_errors := v_errors || 'each stop sequence must be a string of 1 to 100 characters'::text;
          exit;
        end if;
      end loop;
    end if;
  end if;
  if p_params ? 'seed' then
    v_num := agents.fn_json_number(p_params -> 'seed');
    if v_num is null or v_num <> trunc(v_num) or v_num < 0 or v_num > 2147483647 then
      v_errors := v_errors || 'seed must be an integer from 0 to 2147483647'::text;
    end if;
  end if;
  if p_params ? 'reasoningEffort' and (jsonb_typeof(p_params -> 'reasoningEffort') <> 'string'
                                        or (p_params ->> 'reasoningEffort') not in ('low', 'medium', 'high')) then
    v_errors := v_errors || 'reasoningEffort must be low, medium or high'::text;
  end if;
  if p_params ? 'responseFormat' and (jsonb_typeof(p_params -> 'responseFormat') <> 'string'
                                       or (p_params ->> 'responseFormat') not in ('text', 'json')) then
    v_errors := v_errors || 'responseFormat must be text or json'::text;
  end if;
  return v_errors;
end
$function$;

comment on function agents.fn_model_params_errors(p_params jsonb) is 'Problems with a model_profiles.params value (empty when valid); the SQL twin of ModelParams in types/profiles.ts.';

revoke all on function agents.fn_model_params_errors(p_params jsonb) from public;
grant execute on function agents.fn_model_params_errors(p_params jsonb) to authenticated, service_role;

-- p_complete: a parameter's own config (select needs its options); false for a tool's default config.
create or replace function lenses.fn_param_config_errors(p_type lenses.param_type, p_config jsonb, p_complete boolean default true)
 returns text[]
 language plpgsql
 immutable
 set search_path to ''
as $function$
declare
  v_errors text[] := '{}'::text[];
  v_allowed text[] := array['placeholder', 'help'];
  v_key text;
  v_bound text;
  v_num numeric;
begin
  if p_type is null then
    return array['config needs a parameter type'];
  end if;
  if p_config is null or jsonb_typeof(p_config) <> 'object' then
    return array[format('%s config must be a JSON object', p_type)];
  end if;
  v_allowed := v_allowed || case
    when p_type in ('text', 'textarea') then array['min_length', 'max_length']
    when p_type in ('number', 'integer', 'float', 'decimal') then array['min', 'max']
    when p_type = 'select' then array['options']
    else '{}'::text[]
  end;
  for v_key in select k from jsonb_object_keys(p_config) k order by k loop
    if not v_key = any (v_allowed) then
      v_errors := v_errors || format('%s config has an unknown key "%s" (allowed: %s)', p_type, v_key, array_to_string(v_allowed, ', '));
    end if;
  end loop;
  if p_config ? 'placeholder' and (jsonb_typeof(p_config -> 'placeholder') <> 'string' or char_length(p_config ->> 'placeholder') > 200) then
    v_errors := v_errors || format('%s config placeholder must be a string of at most 200 characters', p_type);
  end if;
  if p_config ? 'help' and (jsonb_typeof(p_config -> 'help') <> 'string' or char_length(p_config ->> 'help') > 1000) then
    v_errors := v_errors || format('%s config help must be a string of at most 1000 characters', p_type);
  end if;

  if p_type in ('text', 'textarea') then
    foreach v_bound in array array['min_length', 'max_length'] loop
      if p_config ? v_bound then
        v_num := lenses.fn_jsonb_numeric(p_config -> v_bound);
        if v_num is null or v_num <> trunc(v_num)
           or v_num < (case v_bound when 'min_length' then 0 else 1 end) or v_num > 1000000 then
          v_errors := v_errors || format('%s config %s must be a whole number from %s to 1000000', p_type, v_bound,
            case v_bound when 'min_length' then 0 else 1 end);
        end if;
      end if;
    end loop;
    if lenses.fn_jsonb_numeric(p_config -> 'min_length') > lenses.fn_jsonb_numeric(p_config -> 'max_length') then
      v_errors := v_errors || format('%s config min_length must not exceed max_length', p_type);
    end if;
  elsif p_type in ('number', 'integer', 'float', 'decimal') then
    foreach v_bound in array array['min', 'max'] loop
      if p_config ? v_bound then
        v_num := lenses.fn_jsonb_numeric(p_config -> v_bound);
        if v_num is null or (p_type = 'integer' and v_num <> trunc(v_num)) then
          v_errors := v_errors || format('%s config %s must be a %s', p_type, v_bound,
            case when p_type = 'integer' then 'whole number' else 'number' end);
        end if;
      end if;
    end loop;
    if lenses.fn_jsonb_numeric(p_config -> 'min') > lenses.fn_jsonb_numeric(p_config -> 'max') then
      v_errors := v_errors || format('%s config min must not exceed max', p_type);
    end if;
  elsif p_type = 'select' then
    if not p_config ? 'options' then
      if p_complete then
        v_errors := v_errors || 'select config needs options (a list of 1 to 200 strings)'::text;
      end if;
    elsif jsonb_typeof(p_config -> 'options') <> 'array' then
      v_errors := v_errors || 'select config options must be a list of 1 to 200 non-empty strings (at most 200 characters each)'::text;
    elsif jsonb_array_length(p_config -> 'options') not between 1 and 200
          or exists (select 1 from jsonb_array_elements(p_config -> 'options') o
                     where jsonb_typeof(o) <> 'string' or char_length(o #>> '{}') not between 1 and 200) then
      v_errors := v_errors || 'select config options must be a list of 1 to 200 non-empty strings (at most 200 characters each)'::text;
    elsif (select count(distinct o) from jsonb_array_elements(p_config -> 'options') o) <> jsonb_array_length(p_config -> 'options') then
      v_errors := v_errors || 'select config options must be distinct'::text;
    end if;
  end if;
  return v_errors;
end
$function$;

comment on function lenses.fn_param_config_errors(p_type lenses.param_type, p_config jsonb, p_complete boolean) is 'Errors in a parameter config for a type (empty when valid); the SQL twin of types/param-config.ts.';

revoke all on function lenses.fn_param_config_errors(p_type lenses.param_type, p_config jsonb, p_complete boolean) from public;
grant execute on function lenses.fn_param_config_errors(p_type lenses.param_type, p_config jsonb, p_complete boolean) to anon, authenticated, service_role;

-- The rendered text of one value of a parameter. Raises 22023 naming the parameter when the value
-- does not fit its type or config. p_config is the effective config (tool default || parameter).
create or replace function lenses.fn_render_param_value(p_label text, p_type lenses.param_type, p_config jsonb, p_value jsonb)
 returns text
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_what text := format('parameter "%s" (%s)', p_label, p_type);
  v_got text := left(lenses.fn_compact_json(p_value), 100);
  v_text text;
  v_num numeric;
  v_float double precision;
  v_ts timestamptz;
  v_date date;
  v_min numeric := lenses.fn_jsonb_numeric(p_config -> 'min');
  v_max numeric := lenses.fn_jsonb_numeric(p_config -> 'max');
begin
  if p_value is null or p_value = 'null'::jsonb then
    raise exception '% has no value', v_what using errcode = '22023';
  end if;

  case p_type
  when 'text', 'textarea' then
    if jsonb_typeof(p_value) <> 'string' then
      raise exception '% must be a string, got %', v_what, v_got using errcode = '22023';
    end if;
    v_text := p_value #>> '{}';
    if char_length(v_text) < coalesce(lenses.fn_jsonb_numeric(p_config -> 'min_length'), 0) then
      raise exception '% must be at least % characters, got %', v_what, p_config -> 'min_length', char_length(v_text)
        using errcode = '22023';
    end if;
    if char_length(v_text) > lenses.fn_jsonb_numeric(p_config -> 'max_length') then
      raise exception '% must be at most % characters, got %', v_what, p_config -> 'max_length', char_length(v_text)
        using errcode = '22023';
    end if;
    return v_text;

  when 'json' then
    return lenses.fn_compact_json(p_value);

  when 'number', 'decimal', 'float', 'integer' then
    v_num := lenses.fn_param_numeric(p_value);
    if v_num is null or v_num = 'NaN'::numeric or v_num in ('Infinity'::numeric, '-Infinity'::numeric) then
      raise exception '% must be a number, got %', v_what, v_got using errcode = '22023';
    end if;
    if p_type = 'integer' and v_num <> trunc(v_num) then
      raise exception '% must be a whole number, got %', v_what, v_got using errcode = '22023';
    end if;
    if v_num < v_min then
      raise exception '% must be at least %, got %', v_what, v_min, v_got using errcode = '22023';
    end if;
    if v_num > v_max then
      raise exception '% must be at most %, got %', v_what, v_max, v_got using errcode = '22023';
    end if;
    if p_type = 'integer' then
      if v_num not between -9223372036854775808 and 9223372036854775807 then
        raise exception '% is out of the 64-bit integer range, got %', v_what, v_got using errcode = '22023';
      end if;
      return trunc(v_num)::bigint::text;
    elsif p_type = 'float' then
      begin
        v_float := v_num::double precision;
      exception when others then
        raise exception '% is out of the double-precision range, got %', v_what, v_got using errcode = '22023';
      end;
      if v_float = 0 and v_num <> 0 then
        raise exception '% is out of the double-precision range, got %', v_what, v_got using errcode = '22023';
      end if;
      return v_float::text;
    elsif p_type = 'number' then
      return trim_scale(v_num)::text;
    else
      return v_num::text;
    end if;

  when 'boolean' then
    if jsonb_typeof(p_value) = 'boolean' then
      return p_value::text;
    end if;
    if jsonb_typeof(p_value) = 'string' and lower(btrim(p_value #>> '{}')) in ('true', 'false') then
      return lower(btrim(p_value #>> '{}'));
    end if;
    raise exception '% must be true or false, got %', v_what, v_got using errcode = '22023';

  when 'select' then
    if jsonb_typeof(p_value) <> 'string' then
      raise exception '% must be one of its options (a string), got %', v_what, v_got using errcode = '22023';
    end if;
    if jsonb_typeof(p_config -> 'options') is distinct from 'array' or not (p_config -> 'options') @> jsonb_build_array(p_value) then
      raise exception '% must be one of %, got %', v_what, coalesce(lenses.fn_compact_json(p_config -> 'options'), '(no options)'), v_got
        using errcode = '22023';
    end if;
    return p_value #>> '{}';

  when 'url' then
    if jsonb_typeof(p_value) <> 'string' or (p_value #>> '{}') !~* '^https?://[^\s/?#@]+([/?#][^\s]*)?$'
       or char_length(p_value #>> '{}') > 2048 then
      raise exception '% must be an http(s) URL, got %', v_what, v_got using errcode = '22023';
    end if;
    return p_value #>> '{}';

  when 'date' then
    if jsonb_typeof(p_value) = 'string' and (p_value #>> '{}') ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' then
      begin
        v_date := to_date(p_value #>> '{}', 'YYYY-MM-DD');
        if to_char(v_date, 'YYYY-MM-DD') = p_value #>> '{}' then
          return to_char(v_date, 'YYYY-MM-DD');
        end if;
      exception when others then
        null;
      end;
    end if;
    raise exception '% must be an ISO date YYYY-MM-DD, got %', v_what, v_got using errcode = '22023';

  when 'datetime' then
    if jsonb_typeof(p_value) = 'string'
       and (p_value #>> '{}') ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,9})?)?([Zz]|[+-][0-9]{2}(:?[0-9]{2})?)$' then
      begin
        v_ts := (p_value #>> '{}')::timestamptz;
      exception when others then
        v_ts := null;
      end;
      if v_ts is not null then
        v_text := to_char(v_ts at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS');
        if extract(microseconds from v_ts)::bigint % 1000000 <> 0 then
          v_text := v_text || '.' || rtrim(to_char(v_ts at time zone 'UTC', 'US'), '0');
        end if;
        return v_text || 'Z';
      end if;
    end if;
    raise exception '% must be an ISO 8601 timestamp with a time zone (e.g. 2026-01-31T09:30:00Z), got %', v_what, v_got
      using errcode = '22023';

  when 'file' then
    if jsonb_typeof(p_value) = 'string' and char_length(p_value #>> '{}') <= 1024 and (
         (p_value #>> '{}') ~* '^https?://[^\s/?#@]+([/?#][^\s]*)?$'
         or ((p_value #>> '{}') ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,62}/[^\s]+$'
             and (p_value #>> '{}') !~ '(^|/)\.\.(/|$)' and (p_value #>> '{}') !~ '//')) then
      return p_value #>> '{}';
    end if;
    raise exception '% must be an http(s) URL or a storage path bucket/path, got %', v_what, v_got using errcode = '22023';
  end case;
  raise exception '% has an unknown type', v_what using errcode = '22023';
end
$function$;

comment on function lenses.fn_render_param_value(p_label text, p_type lenses.param_type, p_config jsonb, p_value jsonb) is 'The normalised text of a parameter value; raises 22023 naming the parameter when it does not fit its type or config.';

revoke all on function lenses.fn_render_param_value(p_label text, p_type lenses.param_type, p_config jsonb, p_value jsonb) from public;
grant execute on function lenses.fn_render_param_value(p_label text, p_type lenses.param_type, p_config jsonb, p_value jsonb) to anon, authenticated, service_role;

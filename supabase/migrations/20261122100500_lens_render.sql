-- Rendering: lenses.fn_render_version_body(version, params) fills every [[label]] of a version's
-- template with the type-checked, normalised value of its parameter.
--
-- Values (p_params is a JSON object keyed by label; a key set to JSON null counts as absent):
--   text, textarea  a JSON string, within the config's min_length / max_length; rendered as is.
--   json            any JSON value; rendered as compact JSON (no spaces; object keys in jsonb order).
--   number          a JSON number, or a string holding a decimal number ("2.50", "-1e3"); rendered
--                   as a numeric without trailing fractional zeros (2.50 -> 2.5, 2.0 -> 2).
--   decimal         the same inputs; rendered exactly as written, digits kept (2.50 -> 2.50).
--   float           the same inputs, as a double-precision number (0.1 -> 0.1, 1e21 -> 1e+21);
--                   out of double range is refused.
--   integer         a whole number: a JSON number or a string of one ("3", "-12", 3.0 are 3);
--                   1.5 and "1.5" are refused; within the bigint range.
--   boolean         JSON true/false, or the strings "true"/"false" (any case); rendered true/false.
--   select          a string that is one of config.options.
--   url             an http(s) URL (no spaces, at most 2048 characters).
--   date            an ISO date string YYYY-MM-DD that exists; rendered YYYY-MM-DD.
--   datetime        an ISO 8601 timestamp WITH an offset or Z (a zone-less time is ambiguous and
--                   refused); rendered in UTC as YYYY-MM-DDTHH:MM:SS[.ffffff]Z (fraction only when
--                   non-zero, trailing zeros dropped).
--   file            an http(s) URL or a storage path "bucket/path/to/object" (no leading slash, no
--                   .. segment, no spaces, at most 1024 characters).
-- Numbers are checked against config min / max. Strings for the number types are trimmed first;
-- NaN and Infinity are refused.
-- Missing values take the parameter's default_value; a missing required value without default is
-- refused; a missing optional one renders as the empty string. A key in p_params that names no
-- parameter is refused. Every refusal is SQLSTATE 22023 and names the parameter. Placeholders are
-- replaced in one pass: a value that contains [[x]] is not expanded again.

-- Compact JSON text: what JSON.stringify prints, with object keys in jsonb's stored order.
create function lenses.fn_compact_json(p_value jsonb) returns text
language plpgsql
immutable
set search_path = ''
as $$
begin
  case jsonb_typeof(p_value)
    when 'object' then
      return '{' || coalesce((
        select string_agg(to_json(e.key)::text || ':' || lenses.fn_compact_json(e.value), ',' order by e.ord)
        from jsonb_each(p_value) with ordinality as e(key, value, ord)), '') || '}';
    when 'array' then
      return '[' || coalesce((
        select string_agg(lenses.fn_compact_json(e.value), ',' order by e.ord)
        from jsonb_array_elements(p_value) with ordinality as e(value, ord)), '') || ']';
    else
      return p_value::text;
  end case;
end
$$;
comment on function lenses.fn_compact_json(jsonb) is 'Compact JSON text of a value (no whitespace), keys in jsonb order.';

-- A value for the numeric types: a JSON number, or a string holding a decimal number; null otherwise.
create function lenses.fn_param_numeric(p_value jsonb) returns numeric
language plpgsql
immutable
set search_path = ''
as $$
declare
  v_text text;
begin
  if jsonb_typeof(p_value) = 'number' then
    return p_value::numeric;
  end if;
  if jsonb_typeof(p_value) = 'string' then
    v_text := btrim(p_value #>> '{}');
    if v_text ~ '^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]{1,4})?$' then
      begin
        return v_text::numeric;
      exception when others then
        return null;
      end;
    end if;
  end if;
  return null;
end
$$;

-- The rendered text of one value of a parameter. Raises 22023 naming the parameter when the value
-- does not fit its type or config. p_config is the effective config (tool default || parameter).
create function lenses.fn_render_param_value(p_label text, p_type lenses.param_type, p_config jsonb, p_value jsonb)
returns text
language plpgsql
stable
set search_path = ''
as $$
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
$$;
comment on function lenses.fn_render_param_value(text, lenses.param_type, jsonb, jsonb) is
  'The normalised text of a parameter value; raises 22023 naming the parameter when it does not fit its type or config.';

-- The same check without raising: the error message, or null when the value renders.
create function lenses.fn_param_value_error(p_label text, p_type lenses.param_type, p_config jsonb, p_value jsonb)
returns text
language plpgsql
stable
set search_path = ''
as $$
begin
  perform lenses.fn_render_param_value(p_label, p_type, p_config, p_value);
  return null;
exception when sqlstate '22023' then
  return sqlerrm;
end
$$;

-- Renders a template from parameter definitions and values.
--   p_parameters: [{label, type, required, default_value, config}] (config effective)
--   p_params: {label: value}
-- Raises 22023 for a bad, missing or unknown value and P0001 for a placeholder with no parameter;
-- messages carry no function prefix, so that callers can add their own.
create function lenses.fn_render_template(p_template text, p_parameters jsonb, p_params jsonb) returns text
language plpgsql
stable
set search_path = ''
as $$
declare
  v_params jsonb := coalesce(p_params, '{}'::jsonb);
  v_unknown text;
  v_pieces text[];
  v_labels text[];
  v_values jsonb := '{}'::jsonb;
  v_param jsonb;
  v_value jsonb;
  v_result text;
begin
  if jsonb_typeof(v_params) <> 'object' then
    raise exception 'params must be a JSON object keyed by parameter label, got %', jsonb_typeof(v_params)
      using errcode = '22023';
  end if;
  select string_agg(format('"%s"', k), ', ' order by k) into v_unknown
  from jsonb_object_keys(v_params) k
  where not exists (select 1 from jsonb_array_elements(coalesce(p_parameters, '[]')) p where p ->> 'label' = k);
  if v_unknown is not null then
    raise exception 'unknown parameter % (known: %)', v_unknown,
      coalesce((select string_agg(p ->> 'label', ', ' order by p ->> 'label') from jsonb_array_elements(coalesce(p_parameters, '[]')) p), 'none')
      using errcode = '22023';
  end if;

  -- Every parameter's value is checked, used in the template or not.
  for v_param in select p from jsonb_array_elements(coalesce(p_parameters, '[]')) p loop
    v_value := v_params -> (v_param ->> 'label');
    if v_value is null or v_value = 'null'::jsonb then
      v_value := nullif(v_param -> 'default_value', 'null'::jsonb);
    end if;
    if v_value is null then
      if coalesce((v_param ->> 'required')::boolean, false) then
        raise exception 'parameter "%" is required and has no value (and no default)', v_param ->> 'label' using errcode = '22023';
      end if;
      v_values := v_values || jsonb_build_object(v_param ->> 'label', '');
    else
      v_values := v_values || jsonb_build_object(v_param ->> 'label',
        lenses.fn_render_param_value(v_param ->> 'label', (v_param ->> 'type')::lenses.param_type,
          coalesce(v_param -> 'config', '{}'::jsonb), v_value));
    end if;
  end loop;

  v_pieces := regexp_split_to_array(p_template, '\[\[[A-Za-z_][A-Za-z0-9_]{0,62}\]\]');
  select coalesce(array_agg(m[1] order by pos), '{}') into v_labels
  from regexp_matches(p_template, '\[\[([A-Za-z_][A-Za-z0-9_]{0,62})\]\]', 'g') with ordinality as r(m, pos);
  v_result := v_pieces[1];
  for i in 1 .. coalesce(array_length(v_labels, 1), 0) loop
    if not v_values ? v_labels[i] then
      raise exception 'template placeholder [[%]] has no parameter', v_labels[i] using errcode = 'P0001';
    end if;
    v_result := v_result || (v_values ->> v_labels[i]) || v_pieces[i + 1];
  end loop;
  return v_result;
end
$$;
comment on function lenses.fn_render_template(text, jsonb, jsonb) is
  'Fills [[label]] placeholders from typed parameter definitions and values (see the migration header for the rules).';

-- A version's parameters as fn_render_template takes them, effective config included.
-- (plpgsql: the engine calls this for every task it claims, and plpgsql keeps the plan.)
create function lenses.fn_version_parameter_defs(p_version_id uuid) returns jsonb
language plpgsql
stable
set search_path = ''
as $$
begin
  return (
    select coalesce(jsonb_agg(jsonb_build_object(
        'label', vp.label, 'type', vp.param_type, 'required', vp.required,
        'default_value', vp.default_value, 'config', t.default_config || vp.config)
      order by vp.sort_order, vp.label), '[]'::jsonb)
    from lenses.version_parameters vp
    join lenses.tools t on t.id = vp.tool_id
    where vp.version_id = p_version_id
  );
end
$$;
comment on function lenses.fn_version_parameter_defs(uuid) is
  'A version''s parameters [{label, type, required, default_value, config (tool default || own)}], in sort order.';

create function lenses.fn_render_version_body(p_version_id uuid, p_params jsonb default '{}') returns text
language plpgsql
stable
set search_path = ''
as $$
declare
  v_template text;
  v_state text;
  v_message text;
begin
  if p_version_id is null then
    raise exception 'fn_render_version_body: p_version_id is required' using errcode = '22023';
  end if;
  select v.template_body into v_template from lenses.versions v where v.id = p_version_id;
  if not found then
    raise exception 'fn_render_version_body: no version % that you can read', p_version_id using errcode = 'P0002';
  end if;
  begin
    return lenses.fn_render_template(v_template, lenses.fn_version_parameter_defs(p_version_id), p_params);
  exception when sqlstate '22023' or sqlstate 'P0001' then
    get stacked diagnostics v_state = returned_sqlstate, v_message = message_text;
    raise exception 'fn_render_version_body: %', v_message using errcode = v_state;
  end;
end
$$;
comment on function lenses.fn_render_version_body(uuid, jsonb) is
  'The version''s template with every [[label]] filled by its type-checked, normalised value (22023 names a bad or missing one).';

-- What is wrong with how a template binds its parameters (empty when nothing): placeholders
-- without a parameter, parameters the template does not use, defaults that do not render.
-- p_parameters as fn_render_template takes them. Shared by versions and inline node overrides.
create function lenses.fn_template_binding_errors(p_template text, p_parameters jsonb) returns text[]
language plpgsql
stable
set search_path = ''
as $$
declare
  v_errors text[] := '{}'::text[];
  v_labels text[] := lenses.fn_template_labels(p_template);
  v_param jsonb;
  v_error text;
begin
  select v_errors || coalesce(array_agg(format('template placeholder [[%s]] has no parameter', l) order by l), '{}')
  into v_errors
  from unnest(v_labels) l
  where not exists (select 1 from jsonb_array_elements(coalesce(p_parameters, '[]')) p where p ->> 'label' = l);

  for v_param in select p from jsonb_array_elements(coalesce(p_parameters, '[]')) p order by p ->> 'label' loop
    if not (v_param ->> 'label') = any (v_labels) then
      v_errors := v_errors || format('parameter "%s" does not appear in the template', v_param ->> 'label');
    end if;
    if nullif(v_param -> 'default_value', 'null'::jsonb) is not null then
      v_error := lenses.fn_param_value_error(v_param ->> 'label', (v_param ->> 'type')::lenses.param_type,
        coalesce(v_param -> 'config', '{}'::jsonb), v_param -> 'default_value');
      if v_error is not null then
        v_errors := v_errors || format('default_value of %s', v_error);
      end if;
    end if;
  end loop;
  return v_errors;
end
$$;
comment on function lenses.fn_template_binding_errors(text, jsonb) is
  'Unbound [[label]] placeholders, unused parameters and bad defaults of a template and its parameters (empty when none).';

-- Why a draft cannot be published yet (empty when it can).
create function lenses.fn_version_publish_errors(
  p_version_id uuid, p_template text, p_input_contract jsonb, p_output_contract jsonb
) returns text[]
language sql
stable
set search_path = ''
as $$
  select lenses.fn_template_binding_errors(p_template, lenses.fn_version_parameter_defs(p_version_id))
    || case when p_input_contract is null then '{}'::text[] else lenses.fn_contract_errors(p_input_contract, 'input') end
    || case when p_output_contract is null then '{}'::text[] else lenses.fn_contract_errors(p_output_contract, 'output') end
$$;
comment on function lenses.fn_version_publish_errors(uuid, text, jsonb, jsonb) is
  'Why a version cannot be published (empty when it can): unbound placeholders, unused parameters, bad contracts or defaults.';

revoke execute on function lenses.fn_compact_json(jsonb), lenses.fn_param_numeric(jsonb),
  lenses.fn_render_param_value(text, lenses.param_type, jsonb, jsonb),
  lenses.fn_param_value_error(text, lenses.param_type, jsonb, jsonb),
  lenses.fn_render_template(text, jsonb, jsonb), lenses.fn_version_parameter_defs(uuid),
  lenses.fn_render_version_body(uuid, jsonb), lenses.fn_template_binding_errors(text, jsonb),
  lenses.fn_version_publish_errors(uuid, text, jsonb, jsonb) from public;
grant execute on function lenses.fn_compact_json(jsonb), lenses.fn_param_numeric(jsonb),
  lenses.fn_render_param_value(text, lenses.param_type, jsonb, jsonb),
  lenses.fn_param_value_error(text, lenses.param_type, jsonb, jsonb),
  lenses.fn_render_template(text, jsonb, jsonb), lenses.fn_version_parameter_defs(uuid),
  lenses.fn_render_version_body(uuid, jsonb), lenses.fn_template_binding_errors(text, jsonb),
  lenses.fn_version_publish_errors(uuid, text, jsonb, jsonb)
  to anon, authenticated, service_role;

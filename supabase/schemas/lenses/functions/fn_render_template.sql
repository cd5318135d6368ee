-- Renders a template from parameter definitions and values.
--   p_parameters: [{label, type, required, default_value, config}] (config effective)
--   p_params: {label: value}
-- Raises 22023 for a bad, missing or unknown value and P0001 for a placeholder with no parameter;
-- messages carry no function prefix, so that callers can add their own.
create or replace function lenses.fn_render_template(p_template text, p_parameters jsonb, p_params jsonb)
 returns text
 language plpgsql
 stable
 set search_path to ''
as $function$
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
    -- A rendered prompt's ceiling (README "Limits"), checked as it grows: a short template that
    -- repeats a long value stops here, not at the memory limit. octet_length is free; char_length
    -- is counted only past a million bytes.
    if octet_length(v_result) > 1000000 and char_length(v_result) > 1000000 then
      raise exception 'the rendered prompt is over the limit of 1000000 characters (at placeholder % of %)', i,
        cardinality(v_labels) using errcode = 'PT413';
    end if;
  end loop;
  return v_result;
end
$function$;

comment on function lenses.fn_render_template(p_template text, p_parameters jsonb, p_params jsonb) is 'Fills [[label]] placeholders from typed parameter definitions and values (see the migration header for the rules).';

revoke all on function lenses.fn_render_template(p_template text, p_parameters jsonb, p_params jsonb) from public;
grant execute on function lenses.fn_render_template(p_template text, p_parameters jsonb, p_params jsonb) to anon, authenticated, service_role;

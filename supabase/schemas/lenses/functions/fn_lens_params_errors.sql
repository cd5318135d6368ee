-- The shape of lenses.lenses.params (types/lens-params.ts):
--   { defaults?: { <identifier>: <any JSON> },          prefill values for the lens form
--     ui?: { icon?: string(1..64), color?: "#rrggbb",
--            order?: [identifier...] (distinct),        form field order
--            hidden?: [identifier...] (distinct) } }    fields the form hides
create or replace function lenses.fn_lens_params_errors(p_params jsonb)
 returns text[]
 language plpgsql
 immutable
 set search_path to ''
as $function$
declare
  v_errors text[] := '{}'::text[];
  v_key text;
  v_ui jsonb;
  v_list text;
begin
  if p_params is null or jsonb_typeof(p_params) <> 'object' then
    return array['params must be a JSON object'];
  end if;
  for v_key in select k from jsonb_object_keys(p_params) k loop
    if v_key not in ('defaults', 'ui') then
      v_errors := v_errors || format('params has an unknown key "%s" (allowed: defaults, ui)', v_key);
    end if;
  end loop;
  if p_params ? 'defaults' then
    if jsonb_typeof(p_params -> 'defaults') <> 'object' then
      v_errors := v_errors || 'params.defaults must be an object'::text;
    else
      for v_key in select k from jsonb_object_keys(p_params -> 'defaults') k loop
        if v_key !~ '^[A-Za-z_][A-Za-z0-9_]{0,62}$' then
          v_errors := v_errors || format('params.defaults key "%s" must be an identifier', v_key);
        end if;
      end loop;
    end if;
  end if;
  if p_params ? 'ui' then
    v_ui := p_params -> 'ui';
    if jsonb_typeof(v_ui) <> 'object' then
      v_errors := v_errors || 'params.ui must be an object'::text;
    else
      for v_key in select k from jsonb_object_keys(v_ui) k loop
        if v_key not in ('icon', 'color', 'order', 'hidden') then
          v_errors := v_errors || format('params.ui has an unknown key "%s" (allowed: icon, color, order, hidden)', v_key);
        end if;
      end loop;
      if v_ui ? 'icon' and (jsonb_typeof(v_ui -> 'icon') <> 'string' or char_length(v_ui ->> 'icon') not between 1 and 64) then
        v_errors := v_errors || 'params.ui.icon must be a string of 1 to 64 characters'::text;
      end if;
      if v_ui ? 'color' and (jsonb_typeof(v_ui -> 'color') <> 'string' or (v_ui ->> 'color') !~ '^#[0-9A-Fa-f]{6}$') then
        v_errors := v_errors || 'params.ui.color must be a #rrggbb colour'::text;
      end if;
      foreach v_list in array array['order', 'hidden'] loop
        if v_ui ? v_list then
          if jsonb_typeof(v_ui -> v_list) <> 'array' then
            v_errors := v_errors || format('params.ui.%s must be an array of identifiers', v_list);
          elsif exists (
            select 1 from jsonb_array_elements(v_ui -> v_list) e
            where jsonb_typeof(e) <> 'string' or (e #>> '{}') !~ '^[A-Za-z_][A-Za-z0-9_]{0,62}$'
          ) then
            v_errors := v_errors || format('params.ui.%s must be an array of identifiers', v_list);
          elsif (select count(distinct e) from jsonb_array_elements(v_ui -> v_list) e) <> jsonb_array_length(v_ui -> v_list) then
            v_errors := v_errors || format('params.ui.%s must not repeat a name', v_list);
          end if;
        end if;
      end loop;
    end if;
  end if;
  return v_errors;
end
$function$;

comment on function lenses.fn_lens_params_errors(p_params jsonb) is 'Errors in a lenses.lenses.params value (empty when valid); the SQL twin of types/lens-params.ts.';

revoke all on function lenses.fn_lens_params_errors(p_params jsonb) from public;
grant execute on function lenses.fn_lens_params_errors(p_params jsonb) to anon, authenticated, service_role;

-- An inline override's parameters as fn_render_template takes them (config as given: no tool default).
create or replace function lenses.fn_inline_parameter_defs(p_override jsonb)
 returns jsonb
 language sql
 immutable
 set search_path to ''
as $function$
  select coalesce(jsonb_agg(jsonb_build_object(
      'label', p ->> 'label', 'type', p ->> 'type', 'required', coalesce((p ->> 'required')::boolean, false),
      'default_value', nullif(p -> 'default_value', 'null'::jsonb), 'config', coalesce(p -> 'config', '{}'::jsonb))
    order by ord), '[]'::jsonb)
  from jsonb_array_elements(case when jsonb_typeof(p_override -> 'parameters') = 'array' then p_override -> 'parameters' else '[]' end)
    with ordinality as e(p, ord)
$function$;

revoke all on function lenses.fn_inline_parameter_defs(p_override jsonb) from public;
grant execute on function lenses.fn_inline_parameter_defs(p_override jsonb) to anon, authenticated, service_role;

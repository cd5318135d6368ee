-- A version's parameters as fn_render_template takes them, effective config included.
-- (plpgsql: the engine calls this for every task it claims, and plpgsql keeps the plan.)
create or replace function lenses.fn_version_parameter_defs(p_version_id uuid)
 returns jsonb
 language plpgsql
 stable
 set search_path to ''
as $function$
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
$function$;

comment on function lenses.fn_version_parameter_defs(p_version_id uuid) is 'A version''s parameters [{label, type, required, default_value, config (tool default || own)}], in sort order.';

revoke all on function lenses.fn_version_parameter_defs(p_version_id uuid) from public;
grant execute on function lenses.fn_version_parameter_defs(p_version_id uuid) to anon, authenticated, service_role;

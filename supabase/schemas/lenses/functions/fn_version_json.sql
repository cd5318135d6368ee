-- A version as the RPCs return it: its columns and its parameters (with their tool's key).
create or replace function lenses.fn_version_json(p_version_id uuid)
 returns jsonb
 language sql
 stable
 set search_path to ''
as $function$
  select to_jsonb(v) || jsonb_build_object('parameters', coalesce((
    select jsonb_agg(to_jsonb(vp) || jsonb_build_object('tool_key', t.key) order by vp.sort_order, vp.label)
    from lenses.version_parameters vp join lenses.tools t on t.id = vp.tool_id
    where vp.version_id = v.id), '[]'::jsonb))
  from lenses.versions v
  where v.id = p_version_id
$function$;

revoke all on function lenses.fn_version_json(p_version_id uuid) from public;
grant execute on function lenses.fn_version_json(p_version_id uuid) to anon, authenticated, service_role;

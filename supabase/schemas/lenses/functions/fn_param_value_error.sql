-- The same check without raising: the error message, or null when the value renders.
create or replace function lenses.fn_param_value_error(p_label text, p_type lenses.param_type, p_config jsonb, p_value jsonb)
 returns text
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  perform lenses.fn_render_param_value(p_label, p_type, p_config, p_value);
  return null;
exception when sqlstate '22023' then
  return sqlerrm;
end
$function$;

revoke all on function lenses.fn_param_value_error(p_label text, p_type lenses.param_type, p_config jsonb, p_value jsonb) from public;
grant execute on function lenses.fn_param_value_error(p_label text, p_type lenses.param_type, p_config jsonb, p_value jsonb) to anon, authenticated, service_role;

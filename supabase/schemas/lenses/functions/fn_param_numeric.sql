-- A value for the numeric types: a JSON number, or a string holding a decimal number; null otherwise.
create or replace function lenses.fn_param_numeric(p_value jsonb)
 returns numeric
 language plpgsql
 immutable
 set search_path to ''
as $function$
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
$function$;

revoke all on function lenses.fn_param_numeric(p_value jsonb) from public;
grant execute on function lenses.fn_param_numeric(p_value jsonb) to anon, authenticated, service_role;

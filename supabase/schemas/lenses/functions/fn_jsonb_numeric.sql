-- A JSON number as numeric, or null for anything else (never raises).
create or replace function lenses.fn_jsonb_numeric(p_value jsonb)
 returns numeric
 language plpgsql
 immutable
 set search_path to ''
as $function$
begin
  if jsonb_typeof(p_value) = 'number' then
    return p_value::numeric;
  end if;
  return null;
end
$function$;

revoke all on function lenses.fn_jsonb_numeric(p_value jsonb) from public;
grant execute on function lenses.fn_jsonb_numeric(p_value jsonb) to anon, authenticated, service_role;

-- Compact JSON text: what JSON.stringify prints, with object keys in jsonb's stored order.
create or replace function lenses.fn_compact_json(p_value jsonb)
 returns text
 language plpgsql
 immutable
 set search_path to ''
as $function$
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
$function$;

comment on function lenses.fn_compact_json(p_value jsonb) is 'Compact JSON text of a value (no whitespace), keys in jsonb order.';

revoke all on function lenses.fn_compact_json(p_value jsonb) from public;
grant execute on function lenses.fn_compact_json(p_value jsonb) to anon, authenticated, service_role;

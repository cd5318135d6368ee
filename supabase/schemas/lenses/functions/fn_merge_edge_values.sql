-- Merges the values arriving at one target input path, in arrival order.
--   last_write_wins  the last value
--   concat           arrays concatenated; otherwise texts (JSON for non-strings) joined by a blank line
--   array            all values in an array
--   json_object      { <source node key>: value, ... }
create or replace function lenses.fn_merge_edge_values(p_strategy lenses.merge_strategy, p_values jsonb, p_source_keys text[])
 returns jsonb
 language plpgsql
 immutable
 set search_path to ''
as $function$
declare
  v_result jsonb;
begin
  case p_strategy
    when 'last_write_wins' then
      return p_values -> (jsonb_array_length(p_values) - 1);
    when 'array' then
      return p_values;
    when 'json_object' then
      v_result := '{}';
      for v_i in 0 .. jsonb_array_length(p_values) - 1 loop
        v_result := v_result || jsonb_build_object(p_source_keys[v_i + 1], p_values -> v_i);
      end loop;
      return v_result;
    when 'concat' then
      if (select bool_and(jsonb_typeof(v) = 'array') from jsonb_array_elements(p_values) v) then
        return (select coalesce(jsonb_agg(e order by ord, sub), '[]')
                from jsonb_array_elements(p_values) with ordinality a(v, ord),
                     jsonb_array_elements(a.v) with ordinality b(e, sub));
      end if;
      return to_jsonb((select string_agg(case when jsonb_typeof(v) = 'string' then v #>> '{}' else v::text end, E'\n\n' order by ord)
                       from jsonb_array_elements(p_values) with ordinality a(v, ord)));
  end case;
end
$function$;

revoke all on function lenses.fn_merge_edge_values(p_strategy lenses.merge_strategy, p_values jsonb, p_source_keys text[]) from public;
grant execute on function lenses.fn_merge_edge_values(p_strategy lenses.merge_strategy, p_values jsonb, p_source_keys text[]) to authenticated, service_role;

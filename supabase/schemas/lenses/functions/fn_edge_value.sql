create or replace function lenses.fn_edge_value(p_output jsonb, p_source_output_path text)
 returns jsonb
 language plpgsql
 immutable
 set search_path to ''
as $function$
begin
  return case when p_source_output_path is null then p_output
              else p_output #> string_to_array(p_source_output_path, '.') end;
end
$function$;

comment on function lenses.fn_edge_value(p_output jsonb, p_source_output_path text) is 'The part of a source output an edge carries (null path: all of it).';

revoke all on function lenses.fn_edge_value(p_output jsonb, p_source_output_path text) from public;
grant execute on function lenses.fn_edge_value(p_output jsonb, p_source_output_path text) to anon, authenticated, service_role;

-- Values reaching a target without a target input path (only last_write_wins edges may omit it)
-- land in the input's top level: objects merge key by key, later wins; any other value goes under
-- its source node's key.
create or replace function lenses.fn_merge_into_input_root(p_input jsonb, p_values jsonb, p_source_keys text[])
 returns jsonb
 language plpgsql
 immutable
 set search_path to ''
as $function$
declare
  v_input jsonb := p_input;
begin
  for v_i in 0 .. jsonb_array_length(p_values) - 1 loop
    v_input := v_input || case when jsonb_typeof(p_values -> v_i) = 'object' then p_values -> v_i
                               else jsonb_build_object(p_source_keys[v_i + 1], p_values -> v_i) end;
  end loop;
  return v_input;
end
$function$;

revoke all on function lenses.fn_merge_into_input_root(p_input jsonb, p_values jsonb, p_source_keys text[]) from public;
grant execute on function lenses.fn_merge_into_input_root(p_input jsonb, p_values jsonb, p_source_keys text[]) to authenticated, service_role;

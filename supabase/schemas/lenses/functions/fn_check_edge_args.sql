-- Checks edge arguments; returns the condition as jsonpath.
create or replace function lenses.fn_check_edge_args(p_rpc text, p_merge_strategy lenses.merge_strategy, p_condition text, p_source_output_path text, p_target_input_path text)
 returns jsonpath
 language plpgsql
 immutable
 set search_path to ''
as $function$
declare
  v_condition jsonpath;
begin
  if p_merge_strategy is null then
    raise exception '%: p_merge_strategy must be last_write_wins, concat, array or json_object', p_rpc using errcode = '22023';
  end if;
  if p_condition is not null then
    begin
      v_condition := p_condition::jsonpath;
    exception when others then
      raise exception '%: p_condition is not a valid jsonpath: %', p_rpc, sqlerrm using errcode = '22023';
    end;
  end if;
  if p_source_output_path !~ '^[A-Za-z_][A-Za-z0-9_]{0,62}(\.[A-Za-z_][A-Za-z0-9_]{0,62}){0,15}$' then
    raise exception '%: p_source_output_path "%" must be a dotted path of field names (e.g. summary or meta.score)', p_rpc,
      p_source_output_path using errcode = '22023';
  end if;
  if p_target_input_path !~ '^[A-Za-z_][A-Za-z0-9_]{0,62}$' then
    raise exception '%: p_target_input_path "%" must be an input field name (an identifier)', p_rpc, p_target_input_path
      using errcode = '22023';
  end if;
  if p_merge_strategy <> 'last_write_wins' and p_target_input_path is null then
    raise exception '%: p_merge_strategy % needs a p_target_input_path (the field values are merged into)', p_rpc, p_merge_strategy
      using errcode = '22023';
  end if;
  return v_condition;
end
$function$;

revoke all on function lenses.fn_check_edge_args(p_rpc text, p_merge_strategy lenses.merge_strategy, p_condition text, p_source_output_path text, p_target_input_path text) from public;
grant execute on function lenses.fn_check_edge_args(p_rpc text, p_merge_strategy lenses.merge_strategy, p_condition text, p_source_output_path text, p_target_input_path text) to authenticated, service_role;

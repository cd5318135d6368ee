-- The compatibility errors of one edge (rules 1 and 2 above).
create or replace function lenses.fn_edge_contract_errors(p_source_output jsonb, p_target_input jsonb, p_source_output_path text, p_target_input_path text, p_merge_strategy lenses.merge_strategy)
 returns TABLE(code text, message text)
 language plpgsql
 immutable
 set search_path to ''
as $function$
declare
  v_source_open boolean;
  v_target_open boolean;
  v_first text;
  v_value_type text;
  v_slot_type text;
  v_whole boolean := p_source_output_path is null;
  v_field record;
begin
  if p_source_output is null or p_target_input is null then
    return;
  end if;
  v_source_open := p_source_output ->> 'kind' = 'json' and coalesce(jsonb_array_length(p_source_output -> 'fields'), 0) = 0;
  v_target_open := p_target_input ->> 'kind' = 'json' and coalesce(jsonb_array_length(p_target_input -> 'fields'), 0) = 0;

  -- 1. The value.
  if v_whole then
    v_value_type := 'object';
  elsif v_source_open then
    v_value_type := 'any';
  else
    v_first := split_part(p_source_output_path, '.', 1);
    select f.type::text into v_value_type from lenses.fn_contract_fields(p_source_output) f where f.name = v_first;
    if v_value_type is null then
      code := 'edge_source_path_unknown';
      message := format('source_output_path "%s" names no field of the source output (fields: %s)', p_source_output_path,
        (select string_agg(f.name, ', ' order by f.name) from lenses.fn_contract_fields(p_source_output) f));
      return next;
      return;
    end if;
    if position('.' in p_source_output_path) > 0 then
      if v_value_type <> 'object' then
        code := 'edge_source_path_unknown';
        message := format('source_output_path "%s" goes into field "%s", which is %s, not an object', p_source_output_path, v_first, v_value_type);
        return next;
        return;
      end if;
      v_value_type := 'any';
    end if;
  end if;

  -- 2. Where it goes.
  if p_target_input_path is null then
    if not lenses.fn_contract_type_accepts('object', v_value_type) then
      code := 'edge_type_mismatch';
      message := format('the edge carries a %s with no target_input_path; only an object can be merged into the input', v_value_type);
      return next;
      return;
    end if;
    if v_whole and not v_source_open and not v_target_open then
      for v_field in
        select t.name, t.type::text as type, s.type::text as source_type
        from lenses.fn_contract_fields(p_target_input) t
        join lenses.fn_contract_fields(p_source_output) s on s.name = t.name
        where not lenses.fn_contract_type_accepts(t.type::text, s.type::text)
        order by t.name
      loop
        code := 'edge_type_mismatch';
        message := format('input field "%s" is %s but the source output field "%s" is %s', v_field.name, v_field.type, v_field.name, v_field.source_type);
        return next;
      end loop;
    end if;
    return;
  end if;

  if v_target_open then
    v_slot_type := 'any';
  else
    select f.type::text into v_slot_type from lenses.fn_contract_fields(p_target_input) f where f.name = p_target_input_path;
    if v_slot_type is null then
      code := 'edge_target_path_unknown';
      message := format('target_input_path "%s" names no field of the target input (fields: %s)', p_target_input_path,
        (select string_agg(f.name, ', ' order by f.name) from lenses.fn_contract_fields(p_target_input) f));
      return next;
      return;
    end if;
  end if;

  case p_merge_strategy
  when 'last_write_wins' then
    if not lenses.fn_contract_type_accepts(v_slot_type, v_value_type) then
      code := 'edge_type_mismatch';
      message := format('input field "%s" is %s but the edge carries a %s', p_target_input_path, v_slot_type, v_value_type);
      return next;
    end if;
  when 'concat' then
    if v_slot_type not in ('string', 'array', 'any') then
      code := 'edge_merge_mismatch';
      message := format('concat needs a string or array input field; "%s" is %s', p_target_input_path, v_slot_type);
      return next;
    elsif v_value_type <> 'any' and (v_value_type not in ('string', 'array')
                                     or (v_slot_type <> 'any' and v_value_type <> v_slot_type)) then
      code := 'edge_type_mismatch';
      message := format('concat into "%s" (%s) needs a %s, but the edge carries a %s', p_target_input_path, v_slot_type,
        case when v_slot_type = 'any' then 'string or array' else v_slot_type end, v_value_type);
      return next;
    end if;
  when 'array' then
    if v_slot_type not in ('array', 'any') then
      code := 'edge_merge_mismatch';
      message := format('array merge collects values in a list; input field "%s" is %s, not an array', p_target_input_path, v_slot_type);
      return next;
    end if;
  when 'json_object' then
    if v_slot_type not in ('object', 'any') then
      code := 'edge_merge_mismatch';
      message := format('json_object merge keys values by source node; input field "%s" is %s, not an object', p_target_input_path, v_slot_type);
      return next;
    end if;
  end case;
  return;
end
$function$;

comment on function lenses.fn_edge_contract_errors(p_source_output jsonb, p_target_input jsonb, p_source_output_path text, p_target_input_path text, p_merge_strategy lenses.merge_strategy) is 'Contract compatibility errors of one edge (see the migration header for the rule); nothing when either contract is absent.';

revoke all on function lenses.fn_edge_contract_errors(p_source_output jsonb, p_target_input jsonb, p_source_output_path text, p_target_input_path text, p_merge_strategy lenses.merge_strategy) from public;
grant execute on function lenses.fn_edge_contract_errors(p_source_output jsonb, p_target_input jsonb, p_source_output_path text, p_target_input_path text, p_merge_strategy lenses.merge_strategy) to anon, authenticated, service_role;

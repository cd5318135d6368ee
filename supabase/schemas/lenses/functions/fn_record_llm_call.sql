-- Records one model call in the ledger and returns its usage (all zero when there was no call).
create or replace function lenses.fn_record_llm_call(p_result lenses.workflow_node_results, p_call jsonb, p_status ai.llm_call_status, p_error_kind lenses.task_error_kind, OUT input_tokens bigint, OUT output_tokens bigint, OUT cached_tokens bigint, OUT cost numeric)
 returns record
 language plpgsql
 set search_path to ''
as $function$
declare
  v_row ai.llm_calls := lenses.fn_llm_call_row(p_result, p_call, p_status, p_error_kind);
begin
  input_tokens := 0; output_tokens := 0; cached_tokens := 0; cost := 0;
  if v_row.id is null then
    return;
  end if;
  insert into ai.llm_calls select v_row.*;
  input_tokens := v_row.input_tokens;
  output_tokens := v_row.output_tokens;
  cached_tokens := v_row.cached_tokens;
  cost := coalesce(v_row.cost_credits, 0); -- run and node totals count priced calls; the ledger row keeps null
end
$function$;

revoke all on function lenses.fn_record_llm_call(p_result lenses.workflow_node_results, p_call jsonb, p_status ai.llm_call_status, p_error_kind lenses.task_error_kind, OUT input_tokens bigint, OUT output_tokens bigint, OUT cached_tokens bigint, OUT cost numeric) from public;
grant execute on function lenses.fn_record_llm_call(p_result lenses.workflow_node_results, p_call jsonb, p_status ai.llm_call_status, p_error_kind lenses.task_error_kind, OUT input_tokens bigint, OUT output_tokens bigint, OUT cached_tokens bigint, OUT cost numeric) to service_role;

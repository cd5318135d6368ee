-- Adds a model call's usage to a result that the caller will not update again itself.
create or replace function lenses.fn_add_usage_to_result(p_result_id uuid, p_in bigint, p_out bigint, p_cached bigint, p_cost numeric)
 returns void
 language plpgsql
 set search_path to ''
as $function$
begin
  if p_in = 0 and p_out = 0 and p_cached = 0 and p_cost = 0 then
    return;
  end if;
  update lenses.workflow_node_results x
  set input_tokens = x.input_tokens + p_in, output_tokens = x.output_tokens + p_out,
      cached_tokens = x.cached_tokens + p_cached, cost_credits = x.cost_credits + p_cost
  where x.id = p_result_id;
end
$function$;

revoke all on function lenses.fn_add_usage_to_result(p_result_id uuid, p_in bigint, p_out bigint, p_cached bigint, p_cost numeric) from public;
grant execute on function lenses.fn_add_usage_to_result(p_result_id uuid, p_in bigint, p_out bigint, p_cached bigint, p_cost numeric) to service_role;

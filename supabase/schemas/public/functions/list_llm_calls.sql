-- The ledger rows of one run of the caller's (its lenser is the caller, or an agent they may act as:
-- RLS on workflow_runs; a run belongs to whoever started it, never to the workflow's owner) or of one agent the
-- caller owns, co-owns or operates, newest first: tokens by bucket, cost (null when unpriced, with the
-- flag), the price row used, latency. Exactly one of p_run_id and p_ai_lenser_id.
create or replace function public.list_llm_calls(p_run_id uuid default NULL::uuid, p_ai_lenser_id uuid default NULL::uuid, p_limit integer default 50, p_offset integer default 0)
 returns TABLE(id uuid, run_id uuid, node_result_id uuid, attempt integer, ai_lenser_id uuid, workflow_id uuid, provider_key text, model_key text, status ai.llm_call_status, error_kind lenses.task_error_kind, input_tokens integer, cached_tokens integer, cache_write_tokens integer, output_tokens integer, reasoning_tokens integer, cost_credits numeric, unpriced boolean, price_effective_from timestamp with time zone, latency_ms integer, ttft_ms integer, created_at timestamp with time zone)
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'list_llm_calls';
begin
  if (p_run_id is null) = (p_ai_lenser_id is null) then
    raise exception '%: give exactly one of p_run_id and p_ai_lenser_id', c_rpc using errcode = '22023';
  end if;
  if p_limit is null or p_limit not between 1 and 500 then
    raise exception '%: p_limit must be between 1 and 500, got %', c_rpc, coalesce(p_limit::text, 'null') using errcode = '22023';
  end if;
  if p_offset is null or p_offset < 0 then
    raise exception '%: p_offset must be 0 or more, got %', c_rpc, coalesce(p_offset::text, 'null') using errcode = '22023';
  end if;
  if p_run_id is not null and not exists (
      select 1 from lenses.workflow_runs r where r.id = p_run_id and r.lenser_id in (select lensers.actable_profile_ids())) then
    raise exception '%: no run % of yours', c_rpc, p_run_id using errcode = 'PT404';
  end if;
  if p_ai_lenser_id is not null and not agents.can_operate_ai_lenser(p_ai_lenser_id) then
    raise exception '%: no agent % that you operate', c_rpc, p_ai_lenser_id using errcode = 'PT404';
  end if;
  return query
    select c.id, c.run_id, c.node_result_id, c.attempt, c.ai_lenser_id, c.workflow_id, c.provider_key, c.model_key,
           c.status, c.error_kind, c.input_tokens, c.cached_tokens, c.cache_write_tokens, c.output_tokens, c.reasoning_tokens,
           c.cost_credits, c.unpriced, c.price_effective_from, c.latency_ms, c.ttft_ms, c.created_at
    from ai.llm_calls c
    where (p_run_id is null or c.run_id = p_run_id)
      and (p_ai_lenser_id is null or c.ai_lenser_id = p_ai_lenser_id)
    order by c.created_at desc, c.id
    limit p_limit offset p_offset;
end
$function$;

comment on function public.list_llm_calls(p_run_id uuid, p_ai_lenser_id uuid, p_limit integer, p_offset integer) is 'The model calls of a run of yours or of an agent you operate, newest first, with tokens by bucket and cost (null when unpriced).';

revoke all on function public.list_llm_calls(p_run_id uuid, p_ai_lenser_id uuid, p_limit integer, p_offset integer) from public;
grant execute on function public.list_llm_calls(p_run_id uuid, p_ai_lenser_id uuid, p_limit integer, p_offset integer) to authenticated, service_role;

-- The caller's spend in [p_from, p_to) (at most 366 days), grouped by p_group_by: day (UTC date),
-- agent (ai_lenser_id), workflow, model (provider_key/model_key) or provider: model calls, unpriced
-- calls, tokens per bucket (uncached input, cached read, cache write, output without reasoning,
-- reasoning), cost of the priced calls, and tool invocations with their cost (agents.tool_invocations,
-- by the run of their node result; under model and provider they have no model and group under a
-- null key). The caller's spend: calls and tool invocations of runs whose lenser is the caller, and of
-- agents the caller owns, co-owns or operates.
create or replace function public.get_llm_cost_rollup(p_from timestamp with time zone, p_to timestamp with time zone, p_group_by text default 'day'::text)
 returns TABLE(group_key text, calls bigint, unpriced_calls bigint, input_tokens bigint, uncached_input_tokens bigint, cached_tokens bigint, cache_write_tokens bigint, output_tokens bigint, reasoning_tokens bigint, cost_credits numeric, tool_invocations bigint, tool_cost_credits numeric)
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'get_llm_cost_rollup';
  v_me uuid := lensers.current_profile_id();
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_text('get_llm_cost_rollup', 'p_group_by', p_group_by, 4000);
  if p_from is null or p_to is null then
    raise exception '%: p_from and p_to are required', c_rpc using errcode = '22023';
  end if;
  if p_from >= p_to then
    raise exception '%: p_from (%) must be before p_to (%)', c_rpc, p_from, p_to using errcode = '22023';
  end if;
  if p_to - p_from > interval '366 days' or p_from = '-infinity' or p_to = 'infinity' then
    raise exception '%: the range from p_from to p_to must be at most 366 days', c_rpc using errcode = '22023';
  end if;
  if p_group_by is null or p_group_by not in ('day', 'agent', 'workflow', 'model', 'provider') then
    raise exception '%: p_group_by must be one of day, agent, workflow, model, provider, got %', c_rpc,
      coalesce(p_group_by, 'null') using errcode = '22023';
  end if;
  return query
    with mine_calls as (
      select case p_group_by
               when 'day' then to_char(c.created_at at time zone 'UTC', 'YYYY-MM-DD')
               when 'agent' then c.ai_lenser_id::text
               when 'workflow' then c.workflow_id::text
               when 'model' then c.provider_key || '/' || c.model_key
               else c.provider_key end as k,
             c.*
      from ai.llm_calls c
      where c.created_at >= p_from and c.created_at < p_to
        and (c.run_id in (select r.id from lenses.workflow_runs r where r.lenser_id = v_me)
             or c.ai_lenser_id in (select a.id from agents.ai_lensers a))
    ), mine_tools as (
      select case p_group_by
               when 'day' then to_char(t.created_at at time zone 'UTC', 'YYYY-MM-DD')
               when 'agent' then t.ai_lenser_id::text
               when 'workflow' then r.workflow_id::text
               else null end as k,
             t.cost_credits
      from agents.tool_invocations t
      left join lenses.workflow_node_results x on x.id = t.workflow_node_result_id
      left join lenses.workflow_runs r on r.id = x.run_id
      where t.created_at >= p_from and t.created_at < p_to
        and (r.lenser_id = v_me or t.ai_lenser_id in (select a.id from agents.ai_lensers a))
    ), parts as (
      select m.k, count(*) as calls, count(*) filter (where m.unpriced) as unpriced_calls,
             sum(m.input_tokens) as input_tokens,
             sum(greatest(m.input_tokens - m.cached_tokens - m.cache_write_tokens, 0)) as uncached_input_tokens,
             sum(m.cached_tokens) as cached_tokens, sum(m.cache_write_tokens) as cache_write_tokens,
             sum(m.output_tokens - m.reasoning_tokens) as output_tokens, sum(m.reasoning_tokens) as reasoning_tokens,
             coalesce(sum(m.cost_credits), 0) as cost_credits, 0::bigint as tool_invocations, 0::numeric as tool_cost_credits
      from mine_calls m group by m.k
      union all
      select t.k, 0, 0, 0, 0, 0, 0, 0, 0, 0, count(*), sum(t.cost_credits)
      from mine_tools t group by t.k
    )
    select p.k, sum(p.calls)::bigint, sum(p.unpriced_calls)::bigint, sum(p.input_tokens)::bigint,
           sum(p.uncached_input_tokens)::bigint, sum(p.cached_tokens)::bigint, sum(p.cache_write_tokens)::bigint,
           sum(p.output_tokens)::bigint, sum(p.reasoning_tokens)::bigint, sum(p.cost_credits),
           sum(p.tool_invocations)::bigint, sum(p.tool_cost_credits)
    from parts p
    group by p.k
    order by p.k nulls last;
end
$function$;

comment on function public.get_llm_cost_rollup(p_from timestamp with time zone, p_to timestamp with time zone, p_group_by text) is 'Your model and tool spend over a range (at most 366 days) by day, agent, workflow, model or provider: calls, unpriced calls, tokens per bucket, cost, tool invocations and their cost.';

revoke all on function public.get_llm_cost_rollup(p_from timestamp with time zone, p_to timestamp with time zone, p_group_by text) from public;
grant execute on function public.get_llm_cost_rollup(p_from timestamp with time zone, p_to timestamp with time zone, p_group_by text) to authenticated, service_role;

create or replace function public.list_guardrail_rules(p_ai_lenser_id uuid default null, p_team_id uuid default null, p_include_disabled boolean default false, p_limit integer default 50, p_offset integer default 0)
 returns setof agents.guardrail_rules
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'list_guardrail_rules';
begin
  if (p_ai_lenser_id is null) = (p_team_id is null) then
    raise exception '%: give exactly one of p_ai_lenser_id (the agent''s and its bindings'' rules) and p_team_id',
      c_rpc using errcode = '22023';
  end if;
  perform lensers.fn_rpc_page(c_rpc, p_limit, p_offset);
  if p_ai_lenser_id is not null then
    perform agents.fn_rpc_require_operate(c_rpc, p_ai_lenser_id);
  elsif not exists (select 1 from agents.teams t where t.id = p_team_id) then
    raise exception '%: no team % that you can see', c_rpc, p_team_id using errcode = 'PT404';
  end if;
  return query
    select r.* from agents.guardrail_rules r
    where (r.ai_lenser_id = p_ai_lenser_id or r.team_id = p_team_id)
      and (r.enabled or coalesce(p_include_disabled, false))
    order by r.tier, r.seq
    limit p_limit offset p_offset;
end
$function$;

comment on function public.list_guardrail_rules(p_ai_lenser_id uuid, p_team_id uuid, p_include_disabled boolean, p_limit integer, p_offset integer) is 'A page of the guardrail rules of an agent (its own and its bindings'') or of a team, in the order they are checked (tier, then creation order); disabled ones with p_include_disabled.';

revoke all on function public.list_guardrail_rules(p_ai_lenser_id uuid, p_team_id uuid, p_include_disabled boolean, p_limit integer, p_offset integer) from public;
grant execute on function public.list_guardrail_rules(p_ai_lenser_id uuid, p_team_id uuid, p_include_disabled boolean, p_limit integer, p_offset integer) to authenticated;

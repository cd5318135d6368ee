create or replace function public.list_guardrail_violations(p_ai_lenser_id uuid, p_conversation_id uuid default null, p_limit integer default 50, p_offset integer default 0)
 returns setof agents.guardrail_violations
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'list_guardrail_violations';
begin
  perform agents.fn_rpc_require_operate(c_rpc, p_ai_lenser_id);
  perform lensers.fn_rpc_page(c_rpc, p_limit, p_offset);
  return query
    select v.* from agents.guardrail_violations v
    where v.ai_lenser_id = p_ai_lenser_id
      and (p_conversation_id is null or v.conversation_id = p_conversation_id)
    order by v.created_at desc, v.seq desc
    limit p_limit offset p_offset;
end
$function$;

comment on function public.list_guardrail_violations(p_ai_lenser_id uuid, p_conversation_id uuid, p_limit integer, p_offset integer) is 'A page of an agent''s guardrail violations (optionally of one conversation), newest first, for its owners, co-owners and operators: the rule and version, what was blocked or rewritten, the original and rewritten text.';

revoke all on function public.list_guardrail_violations(p_ai_lenser_id uuid, p_conversation_id uuid, p_limit integer, p_offset integer) from public;
grant execute on function public.list_guardrail_violations(p_ai_lenser_id uuid, p_conversation_id uuid, p_limit integer, p_offset integer) to authenticated;

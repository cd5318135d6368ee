create or replace function public.list_tool_invocations(p_ai_lenser_id uuid, p_status agents.tool_invocation_status default NULL::agents.tool_invocation_status, p_limit integer default 50, p_offset integer default 0)
 returns setof agents.tool_invocations_v
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  perform agents.fn_rpc_require_operate('list_tool_invocations', p_ai_lenser_id);
  perform lensers.fn_rpc_page('list_tool_invocations', p_limit, p_offset);
  return query
    select v.* from agents.tool_invocations_v v
    where v.ai_lenser_id = p_ai_lenser_id and (p_status is null or v.status = p_status)
    order by v.created_at desc, v.id
    limit p_limit offset p_offset;
end
$function$;

comment on function public.list_tool_invocations(p_ai_lenser_id uuid, p_status agents.tool_invocation_status, p_limit integer, p_offset integer) is 'An agent''s tool calls with the tool''s key, name and egress class, newest first; optionally of one status.';

revoke all on function public.list_tool_invocations(p_ai_lenser_id uuid, p_status agents.tool_invocation_status, p_limit integer, p_offset integer) from public;
grant execute on function public.list_tool_invocations(p_ai_lenser_id uuid, p_status agents.tool_invocation_status, p_limit integer, p_offset integer) to authenticated, service_role;

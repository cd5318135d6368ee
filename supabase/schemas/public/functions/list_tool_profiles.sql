create or replace function public.list_tool_profiles(p_ai_lenser_id uuid, p_limit integer default 50, p_offset integer default 0)
 returns setof agents.tool_profiles
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  return query
    select * from agents.fn_rpc_list_profiles('list_tool_profiles', null::agents.tool_profiles, p_ai_lenser_id, p_limit, p_offset);
end
$function$;

comment on function public.list_tool_profiles(p_ai_lenser_id uuid, p_limit integer, p_offset integer) is 'An agent''s tool profiles, the default first, then by name.';

revoke all on function public.list_tool_profiles(p_ai_lenser_id uuid, p_limit integer, p_offset integer) from public;
grant execute on function public.list_tool_profiles(p_ai_lenser_id uuid, p_limit integer, p_offset integer) to authenticated;

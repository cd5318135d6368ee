create or replace function public.delete_tool_profile(p_profile_id uuid)
 returns agents.tool_profiles
 language plpgsql
 set search_path to ''
as $function$
begin
  return agents.fn_rpc_delete_profile('delete_tool_profile', null::agents.tool_profiles, p_profile_id);
end
$function$;

comment on function public.delete_tool_profile(p_profile_id uuid) is 'Deletes a tool profile that no team member uses (past invocations keep their record); returns the deleted row.';

revoke all on function public.delete_tool_profile(p_profile_id uuid) from public;
grant execute on function public.delete_tool_profile(p_profile_id uuid) to authenticated;

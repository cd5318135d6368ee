create or replace function public.set_default_tool_profile(p_profile_id uuid)
 returns agents.tool_profiles
 language plpgsql
 set search_path to ''
as $function$
begin
  return agents.fn_rpc_set_default_profile('set_default_tool_profile', null::agents.tool_profiles, p_profile_id);
end
$function$;

comment on function public.set_default_tool_profile(p_profile_id uuid) is 'Makes a tool profile its agent''s default (the previous default stops being one).';

revoke all on function public.set_default_tool_profile(p_profile_id uuid) from public;
grant execute on function public.set_default_tool_profile(p_profile_id uuid) to authenticated;

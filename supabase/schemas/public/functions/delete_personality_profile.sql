create or replace function public.delete_personality_profile(p_profile_id uuid)
 returns agents.personality_profiles
 language plpgsql
 set search_path to ''
as $function$
begin
  return agents.fn_rpc_delete_profile('delete_personality_profile', null::agents.personality_profiles, p_profile_id);
end
$function$;

comment on function public.delete_personality_profile(p_profile_id uuid) is 'Deletes a personality profile that no team member uses; returns the deleted row.';

revoke all on function public.delete_personality_profile(p_profile_id uuid) from public;
grant execute on function public.delete_personality_profile(p_profile_id uuid) to authenticated;

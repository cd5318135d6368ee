create or replace function public.delete_memory_profile(p_profile_id uuid)
 returns agents.memory_profiles
 language plpgsql
 set search_path to ''
as $function$
begin
  return agents.fn_rpc_delete_profile('delete_memory_profile', null::agents.memory_profiles, p_profile_id);
end
$function$;

comment on function public.delete_memory_profile(p_profile_id uuid) is 'Deletes a memory profile that no team member uses, and its memory entries with it; returns the deleted row.';

revoke all on function public.delete_memory_profile(p_profile_id uuid) from public;
grant execute on function public.delete_memory_profile(p_profile_id uuid) to authenticated;

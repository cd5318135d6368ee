create or replace function public.delete_personality_profile(p_profile_id uuid)
 returns agents.personality_profiles
 language plpgsql
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'delete_personality_profile';
  v_row agents.personality_profiles;
begin
  perform agents.fn_rpc_not_null(c_rpc, 'p_profile_id', p_profile_id);
  select p.* into v_row from agents.personality_profiles p where p.id = p_profile_id;
  if not found then
    raise exception '%: no personality profile % that you can see', c_rpc, p_profile_id using errcode = 'P0002';
  end if;
  perform agents.fn_rpc_require_manage(c_rpc, v_row.ai_lenser_id);
  begin
    delete from agents.personality_profiles p where p.id = p_profile_id;
  exception when foreign_key_violation then
    raise exception '%: personality profile % is used by team members; change them first', c_rpc, p_profile_id
      using errcode = 'P0001';
  end;
  return v_row;
end
$function$;

comment on function public.delete_personality_profile(p_profile_id uuid) is 'Deletes a personality profile that no team member uses; returns the deleted row.';

revoke all on function public.delete_personality_profile(p_profile_id uuid) from public;
grant execute on function public.delete_personality_profile(p_profile_id uuid) to authenticated;

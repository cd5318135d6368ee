create or replace function public.delete_memory_profile(p_profile_id uuid)
 returns agents.memory_profiles
 language plpgsql
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'delete_memory_profile';
  v_row agents.memory_profiles;
begin
  perform agents.fn_rpc_not_null(c_rpc, 'p_profile_id', p_profile_id);
  select p.* into v_row from agents.memory_profiles p where p.id = p_profile_id;
  if not found then
    raise exception '%: no memory profile % that you can see', c_rpc, p_profile_id using errcode = 'P0002';
  end if;
  perform agents.fn_rpc_require_manage(c_rpc, v_row.ai_lenser_id);
  begin
    delete from agents.memory_profiles p where p.id = p_profile_id;
  exception when foreign_key_violation then
    raise exception '%: memory profile % is used by team members; change them first', c_rpc, p_profile_id
      using errcode = 'P0001';
  end;
  return v_row;
end
$function$;

comment on function public.delete_memory_profile(p_profile_id uuid) is 'Deletes a memory profile that no team member uses, and its memory entries with it; returns the deleted row.';

revoke all on function public.delete_memory_profile(p_profile_id uuid) from public;
grant execute on function public.delete_memory_profile(p_profile_id uuid) to authenticated;

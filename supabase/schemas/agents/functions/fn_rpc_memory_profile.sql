-- The memory profile whose entries the caller may read (p_write: also write), or a clear error.
create or replace function agents.fn_rpc_memory_profile(p_rpc text, p_memory_profile_id uuid, p_write boolean)
 returns agents.memory_profiles
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_profile agents.memory_profiles;
begin
  if p_memory_profile_id is null then
    raise exception '%: p_memory_profile_id is required', p_rpc using errcode = '22023';
  end if;
  select p.* into v_profile from agents.memory_profiles p where p.id = p_memory_profile_id;
  if not found then
    raise exception '%: no memory profile % that you can see', p_rpc, p_memory_profile_id using errcode = 'PT404';
  end if;
  if current_user = 'service_role' or (select agents.can_manage_ai_lenser(v_profile.ai_lenser_id)) then
    return v_profile;
  end if;
  if p_write then
    raise exception '%: you do not own or co-own agent %', p_rpc, v_profile.ai_lenser_id using errcode = '42501';
  end if;
  if v_profile.visibility <> 'operators' then
    raise exception '%: the entries of memory profile % are visible to its owners only', p_rpc, p_memory_profile_id
      using errcode = '42501';
  end if;
  return v_profile;
end
$function$;

revoke all on function agents.fn_rpc_memory_profile(p_rpc text, p_memory_profile_id uuid, p_write boolean) from public;
grant execute on function agents.fn_rpc_memory_profile(p_rpc text, p_memory_profile_id uuid, p_write boolean) to authenticated, service_role;

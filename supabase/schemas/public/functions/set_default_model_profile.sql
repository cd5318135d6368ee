create or replace function public.set_default_model_profile(p_profile_id uuid)
 returns agents.model_profiles
 language plpgsql
 set search_path to ''
as $function$
declare
  v_agent uuid;
begin
  perform agents.fn_rpc_not_null('set_default_model_profile', 'p_profile_id', p_profile_id);
  select p.ai_lenser_id into v_agent from agents.model_profiles p where p.id = p_profile_id;
  if not found then
    raise exception 'set_default_model_profile: no model profile % that you can see', p_profile_id using errcode = 'P0002';
  end if;
  perform agents.fn_rpc_require_manage('set_default_model_profile', v_agent);
  return public.update_model_profile(p_profile_id => p_profile_id, p_is_default => true);
end
$function$;

comment on function public.set_default_model_profile(p_profile_id uuid) is 'Makes a model profile its agent''s default (the previous default stops being one).';

revoke all on function public.set_default_model_profile(p_profile_id uuid) from public;
grant execute on function public.set_default_model_profile(p_profile_id uuid) to authenticated;

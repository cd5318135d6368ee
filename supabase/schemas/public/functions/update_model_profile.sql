create or replace function public.update_model_profile(p_profile_id uuid, p_name text default NULL::text, p_model_id uuid default NULL::uuid, p_params jsonb default NULL::jsonb, p_is_default boolean default NULL::boolean)
 returns agents.model_profiles
 language plpgsql
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'update_model_profile';
  v_row agents.model_profiles;
begin
  perform agents.fn_rpc_not_null(c_rpc, 'p_profile_id', p_profile_id);
  select p.* into v_row from agents.model_profiles p where p.id = p_profile_id;
  if not found then
    raise exception '%: no model profile % that you can see', c_rpc, p_profile_id using errcode = 'P0002';
  end if;
  perform agents.fn_rpc_require_manage(c_rpc, v_row.ai_lenser_id);
  if p_name is not null then
    perform agents.fn_rpc_text(c_rpc, 'p_name', p_name, 80);
    if exists (select 1 from agents.model_profiles p where p.ai_lenser_id = v_row.ai_lenser_id
               and lower(p.name) = lower(btrim(p_name)) and p.id <> p_profile_id) then
      raise exception '%: p_name "%" is taken by another model profile of this agent', c_rpc, btrim(p_name) using errcode = '23505';
    end if;
  end if;
  if p_model_id is not null and p_model_id <> v_row.model_id then
    perform agents.fn_check_model_profile_args(c_rpc, p_model_id, coalesce(p_params, v_row.params));
  elsif p_params is not null then
    perform agents.fn_check_model_profile_args(c_rpc, v_row.model_id, p_params);
  end if;
  if p_is_default then
    update agents.model_profiles p set is_default = false
    where p.ai_lenser_id = v_row.ai_lenser_id and p.is_default and p.id <> p_profile_id;
  end if;
  update agents.model_profiles p set
    name = coalesce(btrim(p_name), p.name),
    model_id = coalesce(p_model_id, p.model_id),
    params = coalesce(p_params, p.params),
    is_default = coalesce(p_is_default, p.is_default)
  where p.id = p_profile_id
  returning * into v_row;
  return v_row;
end
$function$;

comment on function public.update_model_profile(p_profile_id uuid, p_name text, p_model_id uuid, p_params jsonb, p_is_default boolean) is 'Changes a model profile; null arguments keep their value. A new model refreshes the provider and model copies.';

revoke all on function public.update_model_profile(p_profile_id uuid, p_name text, p_model_id uuid, p_params jsonb, p_is_default boolean) from public;
grant execute on function public.update_model_profile(p_profile_id uuid, p_name text, p_model_id uuid, p_params jsonb, p_is_default boolean) to authenticated;

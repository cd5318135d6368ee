create or replace function public.update_model_profile(p_profile_id uuid, p_name text default NULL::text, p_model_id uuid default NULL::uuid, p_params jsonb default NULL::jsonb, p_is_default boolean default NULL::boolean)
 returns agents.model_profiles
 language plpgsql
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'update_model_profile';
  v_row agents.model_profiles;
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_text('update_model_profile', 'p_name', p_name, 200);
  perform lensers.fn_limit_json('update_model_profile', 'p_params', p_params, 65536, 32);
  v_row := agents.fn_rpc_profile(c_rpc, null::agents.model_profiles, p_profile_id);
  if p_name is not null then
    perform agents.fn_rpc_text(c_rpc, 'p_name', p_name, 80);
    perform agents.fn_rpc_profile_name_free(c_rpc, null::agents.model_profiles, v_row.ai_lenser_id, p_name, p_profile_id);
  end if;
  if p_model_id is not null and p_model_id <> v_row.model_id then
    perform agents.fn_check_model_profile_args(c_rpc, p_model_id, coalesce(p_params, v_row.params));
  elsif p_params is not null then
    perform agents.fn_check_model_profile_args(c_rpc, v_row.model_id, p_params);
  end if;
  if p_is_default then
    perform agents.fn_profile_clear_default(null::agents.model_profiles, v_row.ai_lenser_id, p_profile_id);
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

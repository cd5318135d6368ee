create or replace function public.create_model_profile(p_ai_lenser_id uuid, p_name text, p_model_id uuid, p_params jsonb default '{}'::jsonb, p_is_default boolean default false)
 returns agents.model_profiles
 language plpgsql
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'create_model_profile';
  v_row agents.model_profiles;
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_text('create_model_profile', 'p_name', p_name, 200);
  perform lensers.fn_limit_json('create_model_profile', 'p_params', p_params, 65536, 32);
  perform agents.fn_rpc_require_manage(c_rpc, p_ai_lenser_id);
  perform agents.fn_rpc_text(c_rpc, 'p_name', p_name, 80);
  perform agents.fn_rpc_not_null(c_rpc, 'p_model_id', p_model_id);
  perform agents.fn_rpc_not_null(c_rpc, 'p_params', p_params);
  perform agents.fn_rpc_not_null(c_rpc, 'p_is_default', p_is_default);
  perform agents.fn_check_model_profile_args(c_rpc, p_model_id, p_params);
  perform agents.fn_rpc_profile_name_free(c_rpc, null::agents.model_profiles, p_ai_lenser_id, p_name, null);
  if p_is_default then
    perform agents.fn_profile_clear_default(null::agents.model_profiles, p_ai_lenser_id, null);
  end if;
  -- provider_key, model_key and support_level are copied from the model by a trigger.
  insert into agents.model_profiles (ai_lenser_id, name, model_id, params, is_default)
  values (p_ai_lenser_id, btrim(p_name), p_model_id, p_params, p_is_default)
  returning * into v_row;
  return v_row;
end
$function$;

comment on function public.create_model_profile(p_ai_lenser_id uuid, p_name text, p_model_id uuid, p_params jsonb, p_is_default boolean) is 'Creates a model profile (a callable chat model and its params) for an agent the caller owns or co-owns.';

revoke all on function public.create_model_profile(p_ai_lenser_id uuid, p_name text, p_model_id uuid, p_params jsonb, p_is_default boolean) from public;
grant execute on function public.create_model_profile(p_ai_lenser_id uuid, p_name text, p_model_id uuid, p_params jsonb, p_is_default boolean) to authenticated;

create or replace function public.create_memory_profile(p_ai_lenser_id uuid, p_name text, p_scope_type agents.memory_scope default 'agent'::agents.memory_scope, p_isolation_mode agents.memory_isolation_mode default 'isolated'::agents.memory_isolation_mode, p_retention_days integer default NULL::integer, p_visibility agents.memory_visibility default 'operators'::agents.memory_visibility, p_summary_strategy agents.memory_summary_strategy default 'none'::agents.memory_summary_strategy, p_reset_policy agents.memory_reset_policy default 'never'::agents.memory_reset_policy, p_is_default boolean default false, p_embedding_model_id uuid default NULL::uuid, p_retrieval_top_k integer default 5)
 returns agents.memory_profiles
 language plpgsql
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'create_memory_profile';
  v_row agents.memory_profiles;
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_text('create_memory_profile', 'p_name', p_name, 200);
  perform agents.fn_rpc_require_manage(c_rpc, p_ai_lenser_id);
  perform agents.fn_rpc_text(c_rpc, 'p_name', p_name, 80);
  perform agents.fn_rpc_not_null(c_rpc, 'p_scope_type', p_scope_type);
  perform agents.fn_rpc_not_null(c_rpc, 'p_isolation_mode', p_isolation_mode);
  perform agents.fn_rpc_not_null(c_rpc, 'p_visibility', p_visibility);
  perform agents.fn_rpc_not_null(c_rpc, 'p_summary_strategy', p_summary_strategy);
  perform agents.fn_rpc_not_null(c_rpc, 'p_reset_policy', p_reset_policy);
  perform agents.fn_rpc_not_null(c_rpc, 'p_is_default', p_is_default);
  if p_retention_days is not null and p_retention_days not between 1 and 3650 then
    raise exception '%: p_retention_days must be between 1 and 3650 (or null to keep entries), got %', c_rpc, p_retention_days
      using errcode = '22023';
  end if;
  perform agents.fn_check_memory_retrieval_args(c_rpc, p_embedding_model_id, p_retrieval_top_k);
  perform agents.fn_rpc_profile_name_free(c_rpc, null::agents.memory_profiles, p_ai_lenser_id, p_name, null);
  if p_is_default then
    perform agents.fn_profile_clear_default(null::agents.memory_profiles, p_ai_lenser_id, null);
  end if;
  insert into agents.memory_profiles (ai_lenser_id, name, scope_type, isolation_mode, retention_days, visibility,
    summary_strategy, reset_policy, is_default, embedding_model_id, retrieval_top_k)
  values (p_ai_lenser_id, btrim(p_name), p_scope_type, p_isolation_mode, p_retention_days, p_visibility,
    p_summary_strategy, p_reset_policy, p_is_default, p_embedding_model_id, p_retrieval_top_k)
  returning * into v_row;
  return v_row;
end
$function$;

comment on function public.create_memory_profile(p_ai_lenser_id uuid, p_name text, p_scope_type agents.memory_scope, p_isolation_mode agents.memory_isolation_mode, p_retention_days integer, p_visibility agents.memory_visibility, p_summary_strategy agents.memory_summary_strategy, p_reset_policy agents.memory_reset_policy, p_is_default boolean, p_embedding_model_id uuid, p_retrieval_top_k integer) is 'Creates a memory profile for an agent the caller owns or co-owns.';

revoke all on function public.create_memory_profile(p_ai_lenser_id uuid, p_name text, p_scope_type agents.memory_scope, p_isolation_mode agents.memory_isolation_mode, p_retention_days integer, p_visibility agents.memory_visibility, p_summary_strategy agents.memory_summary_strategy, p_reset_policy agents.memory_reset_policy, p_is_default boolean, p_embedding_model_id uuid, p_retrieval_top_k integer) from public;
grant execute on function public.create_memory_profile(p_ai_lenser_id uuid, p_name text, p_scope_type agents.memory_scope, p_isolation_mode agents.memory_isolation_mode, p_retention_days integer, p_visibility agents.memory_visibility, p_summary_strategy agents.memory_summary_strategy, p_reset_policy agents.memory_reset_policy, p_is_default boolean, p_embedding_model_id uuid, p_retrieval_top_k integer) to authenticated;

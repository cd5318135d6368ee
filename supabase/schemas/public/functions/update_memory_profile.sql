create or replace function public.update_memory_profile(p_profile_id uuid, p_name text default NULL::text, p_scope_type agents.memory_scope default NULL::agents.memory_scope, p_isolation_mode agents.memory_isolation_mode default NULL::agents.memory_isolation_mode, p_retention_days integer default NULL::integer, p_keep_forever boolean default false, p_visibility agents.memory_visibility default NULL::agents.memory_visibility, p_summary_strategy agents.memory_summary_strategy default NULL::agents.memory_summary_strategy, p_reset_policy agents.memory_reset_policy default NULL::agents.memory_reset_policy, p_is_default boolean default NULL::boolean, p_embedding_model_id uuid default NULL::uuid, p_retrieval_top_k integer default NULL::integer)
 returns agents.memory_profiles
 language plpgsql
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'update_memory_profile';
  v_row agents.memory_profiles;
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_text('update_memory_profile', 'p_name', p_name, 200);
  v_row := agents.fn_rpc_profile(c_rpc, null::agents.memory_profiles, p_profile_id);
  if p_name is not null then
    perform agents.fn_rpc_text(c_rpc, 'p_name', p_name, 80);
    perform agents.fn_rpc_profile_name_free(c_rpc, null::agents.memory_profiles, v_row.ai_lenser_id, p_name, p_profile_id);
  end if;
  perform agents.fn_rpc_not_null(c_rpc, 'p_keep_forever', p_keep_forever);
  if p_retention_days is not null then
    if p_keep_forever then
      raise exception '%: give p_retention_days or p_keep_forever, not both', c_rpc using errcode = '22023';
    end if;
    if p_retention_days not between 1 and 3650 then
      raise exception '%: p_retention_days must be between 1 and 3650, got %', c_rpc, p_retention_days using errcode = '22023';
    end if;
  end if;
  perform agents.fn_check_memory_retrieval_args(c_rpc, p_embedding_model_id, coalesce(p_retrieval_top_k, v_row.retrieval_top_k));
  if p_is_default then
    perform agents.fn_profile_clear_default(null::agents.memory_profiles, v_row.ai_lenser_id, p_profile_id);
  end if;
  update agents.memory_profiles p set
    name = coalesce(btrim(p_name), p.name),
    scope_type = coalesce(p_scope_type, p.scope_type),
    isolation_mode = coalesce(p_isolation_mode, p.isolation_mode),
    retention_days = case when p_keep_forever then null else coalesce(p_retention_days, p.retention_days) end,
    visibility = coalesce(p_visibility, p.visibility),
    summary_strategy = coalesce(p_summary_strategy, p.summary_strategy),
    reset_policy = coalesce(p_reset_policy, p.reset_policy),
    is_default = coalesce(p_is_default, p.is_default),
    embedding_model_id = coalesce(p_embedding_model_id, p.embedding_model_id),
    retrieval_top_k = coalesce(p_retrieval_top_k, p.retrieval_top_k)
  where p.id = p_profile_id
  returning * into v_row;
  return v_row;
end
$function$;

comment on function public.update_memory_profile(p_profile_id uuid, p_name text, p_scope_type agents.memory_scope, p_isolation_mode agents.memory_isolation_mode, p_retention_days integer, p_keep_forever boolean, p_visibility agents.memory_visibility, p_summary_strategy agents.memory_summary_strategy, p_reset_policy agents.memory_reset_policy, p_is_default boolean, p_embedding_model_id uuid, p_retrieval_top_k integer) is 'Changes a memory profile; null arguments keep their value, p_keep_forever removes the retention limit.';

revoke all on function public.update_memory_profile(p_profile_id uuid, p_name text, p_scope_type agents.memory_scope, p_isolation_mode agents.memory_isolation_mode, p_retention_days integer, p_keep_forever boolean, p_visibility agents.memory_visibility, p_summary_strategy agents.memory_summary_strategy, p_reset_policy agents.memory_reset_policy, p_is_default boolean, p_embedding_model_id uuid, p_retrieval_top_k integer) from public;
grant execute on function public.update_memory_profile(p_profile_id uuid, p_name text, p_scope_type agents.memory_scope, p_isolation_mode agents.memory_isolation_mode, p_retention_days integer, p_keep_forever boolean, p_visibility agents.memory_visibility, p_summary_strategy agents.memory_summary_strategy, p_reset_policy agents.memory_reset_policy, p_is_default boolean, p_embedding_model_id uuid, p_retrieval_top_k integer) to authenticated;

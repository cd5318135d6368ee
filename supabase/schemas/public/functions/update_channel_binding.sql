-- Changes a binding of an agent the caller owns or co-owns: a null argument keeps the value;
-- p_clear lists settings to set back to none (personality_profile_id, memory_profile_id,
-- tool_profile_id, model_profile_id: the agent's default again; whatsapp_template). The agent,
-- channel and routing key never change. A change of configuration counts a new version
-- (agents.tier_config_versions). Archived: PT409.
create or replace function public.update_channel_binding(p_binding_id uuid, p_name text default NULL::text, p_app_secret_env text default NULL::text, p_verify_token_env text default NULL::text, p_access_token_env text default NULL::text, p_signing_secret_env text default NULL::text, p_bot_token_env text default NULL::text, p_allowed_origins text[] default NULL::text[], p_whatsapp_template jsonb default NULL::jsonb, p_fallback_text text default NULL::text, p_debounce_ms integer default NULL::integer, p_loop_guard_max_turns integer default NULL::integer, p_loop_guard_window_seconds integer default NULL::integer, p_personality_profile_id uuid default NULL::uuid, p_memory_profile_id uuid default NULL::uuid, p_tool_profile_id uuid default NULL::uuid, p_model_profile_id uuid default NULL::uuid, p_clear text[] default NULL::text[])
 returns agents.channel_bindings
 language plpgsql
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'update_channel_binding';
  v_row agents.channel_bindings;
  v_clear text;
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_text('update_channel_binding', 'p_name', p_name, 200);
  perform lensers.fn_limit_text('update_channel_binding', 'p_app_secret_env', p_app_secret_env, 200);
  perform lensers.fn_limit_text('update_channel_binding', 'p_verify_token_env', p_verify_token_env, 200);
  perform lensers.fn_limit_text('update_channel_binding', 'p_access_token_env', p_access_token_env, 200);
  perform lensers.fn_limit_text('update_channel_binding', 'p_signing_secret_env', p_signing_secret_env, 200);
  perform lensers.fn_limit_text('update_channel_binding', 'p_bot_token_env', p_bot_token_env, 200);
  perform lensers.fn_limit_texts('update_channel_binding', 'p_allowed_origins', p_allowed_origins, 100, 2048);
  perform lensers.fn_limit_json('update_channel_binding', 'p_whatsapp_template', p_whatsapp_template, 65536, 32);
  perform lensers.fn_limit_text('update_channel_binding', 'p_fallback_text', p_fallback_text, 4000);
  perform lensers.fn_limit_texts('update_channel_binding', 'p_clear', p_clear, 10, 200);
  v_row := agents.fn_rpc_binding(c_rpc, p_binding_id, true);
  if v_row.status = 'archived' then
    raise exception '%: binding % is archived and read-only', c_rpc, p_binding_id using errcode = 'PT409';
  end if;
  foreach v_clear in array coalesce(p_clear, '{}') loop
    if v_clear is null or v_clear not in ('personality_profile_id', 'memory_profile_id', 'tool_profile_id', 'model_profile_id', 'whatsapp_template') then
      raise exception '%: p_clear: % is not a setting that can be cleared (personality_profile_id, memory_profile_id, tool_profile_id, model_profile_id, whatsapp_template)',
        c_rpc, coalesce(lensers.fn_one_line(v_clear), 'null') using errcode = '22023';
    end if;
  end loop;
  v_row.name := coalesce(btrim(p_name), v_row.name);
  v_row.app_secret_env := coalesce(p_app_secret_env, v_row.app_secret_env);
  v_row.verify_token_env := coalesce(p_verify_token_env, v_row.verify_token_env);
  v_row.access_token_env := coalesce(p_access_token_env, v_row.access_token_env);
  v_row.signing_secret_env := coalesce(p_signing_secret_env, v_row.signing_secret_env);
  v_row.bot_token_env := coalesce(p_bot_token_env, v_row.bot_token_env);
  v_row.allowed_origins := coalesce(p_allowed_origins, v_row.allowed_origins);
  v_row.whatsapp_template := case when 'whatsapp_template' = any (p_clear) then null else coalesce(p_whatsapp_template, v_row.whatsapp_template) end;
  v_row.fallback_text := coalesce(p_fallback_text, v_row.fallback_text);
  v_row.debounce_ms := coalesce(p_debounce_ms, v_row.debounce_ms);
  v_row.loop_guard_max_turns := coalesce(p_loop_guard_max_turns, v_row.loop_guard_max_turns);
  v_row.loop_guard_window_seconds := coalesce(p_loop_guard_window_seconds, v_row.loop_guard_window_seconds);
  v_row.personality_profile_id := case when 'personality_profile_id' = any (p_clear) then null else coalesce(p_personality_profile_id, v_row.personality_profile_id) end;
  v_row.memory_profile_id := case when 'memory_profile_id' = any (p_clear) then null else coalesce(p_memory_profile_id, v_row.memory_profile_id) end;
  v_row.tool_profile_id := case when 'tool_profile_id' = any (p_clear) then null else coalesce(p_tool_profile_id, v_row.tool_profile_id) end;
  v_row.model_profile_id := case when 'model_profile_id' = any (p_clear) then null else coalesce(p_model_profile_id, v_row.model_profile_id) end;
  perform agents.fn_check_binding_args(c_rpc, v_row.channel, v_row.name, v_row.app_secret_env, v_row.verify_token_env,
    v_row.access_token_env, v_row.signing_secret_env, v_row.bot_token_env, v_row.allowed_origins, v_row.whatsapp_template,
    v_row.fallback_text, v_row.debounce_ms, v_row.loop_guard_max_turns, v_row.loop_guard_window_seconds);
  perform agents.fn_check_binding_profile(c_rpc, 'p_personality_profile_id', null::agents.personality_profiles, v_row.ai_lenser_id, v_row.personality_profile_id);
  perform agents.fn_check_binding_profile(c_rpc, 'p_memory_profile_id', null::agents.memory_profiles, v_row.ai_lenser_id, v_row.memory_profile_id);
  perform agents.fn_check_binding_profile(c_rpc, 'p_tool_profile_id', null::agents.tool_profiles, v_row.ai_lenser_id, v_row.tool_profile_id);
  perform agents.fn_check_binding_profile(c_rpc, 'p_model_profile_id', null::agents.model_profiles, v_row.ai_lenser_id, v_row.model_profile_id);
  update agents.channel_bindings b set
    name = v_row.name, app_secret_env = v_row.app_secret_env, verify_token_env = v_row.verify_token_env,
    access_token_env = v_row.access_token_env, signing_secret_env = v_row.signing_secret_env, bot_token_env = v_row.bot_token_env,
    allowed_origins = v_row.allowed_origins, whatsapp_template = v_row.whatsapp_template, fallback_text = v_row.fallback_text,
    debounce_ms = v_row.debounce_ms, loop_guard_max_turns = v_row.loop_guard_max_turns,
    loop_guard_window_seconds = v_row.loop_guard_window_seconds, personality_profile_id = v_row.personality_profile_id,
    memory_profile_id = v_row.memory_profile_id, tool_profile_id = v_row.tool_profile_id, model_profile_id = v_row.model_profile_id
  where b.id = p_binding_id
  returning * into v_row;
  return v_row;
end
$function$;

comment on function public.update_channel_binding(p_binding_id uuid, p_name text, p_app_secret_env text, p_verify_token_env text, p_access_token_env text, p_signing_secret_env text, p_bot_token_env text, p_allowed_origins text[], p_whatsapp_template jsonb, p_fallback_text text, p_debounce_ms integer, p_loop_guard_max_turns integer, p_loop_guard_window_seconds integer, p_personality_profile_id uuid, p_memory_profile_id uuid, p_tool_profile_id uuid, p_model_profile_id uuid, p_clear text[]) is 'Changes a channel binding of an agent the caller owns or co-owns (null keeps a value; p_clear sets settings back to none).';

revoke all on function public.update_channel_binding(p_binding_id uuid, p_name text, p_app_secret_env text, p_verify_token_env text, p_access_token_env text, p_signing_secret_env text, p_bot_token_env text, p_allowed_origins text[], p_whatsapp_template jsonb, p_fallback_text text, p_debounce_ms integer, p_loop_guard_max_turns integer, p_loop_guard_window_seconds integer, p_personality_profile_id uuid, p_memory_profile_id uuid, p_tool_profile_id uuid, p_model_profile_id uuid, p_clear text[]) from public;
grant execute on function public.update_channel_binding(p_binding_id uuid, p_name text, p_app_secret_env text, p_verify_token_env text, p_access_token_env text, p_signing_secret_env text, p_bot_token_env text, p_allowed_origins text[], p_whatsapp_template jsonb, p_fallback_text text, p_debounce_ms integer, p_loop_guard_max_turns integer, p_loop_guard_window_seconds integer, p_personality_profile_id uuid, p_memory_profile_id uuid, p_tool_profile_id uuid, p_model_profile_id uuid, p_clear text[]) to authenticated;

-- Binds an agent the caller owns or co-owns to a channel. p_routing_key: whatsapp, the phone number
-- id (digits); slack, '<team_id>:<api_app_id>'; web, none (a public key pk_<32 hex> is generated).
-- Secrets are named, never given: the p_*_env arguments are the names of the environment variables
-- that hold them (whatsapp: app secret, verify token, access token; slack: signing secret, bot token).
-- web needs p_allowed_origins. Profile overrides must be the agent's own (null: its defaults).
-- A routing key already bound: 23505 (409).
create or replace function public.create_channel_binding(p_ai_lenser_id uuid, p_channel agents.channel, p_name text, p_routing_key text default NULL::text, p_app_secret_env text default NULL::text, p_verify_token_env text default NULL::text, p_access_token_env text default NULL::text, p_signing_secret_env text default NULL::text, p_bot_token_env text default NULL::text, p_allowed_origins text[] default NULL::text[], p_whatsapp_template jsonb default NULL::jsonb, p_fallback_text text default NULL::text, p_debounce_ms integer default NULL::integer, p_loop_guard_max_turns integer default NULL::integer, p_loop_guard_window_seconds integer default NULL::integer, p_personality_profile_id uuid default NULL::uuid, p_memory_profile_id uuid default NULL::uuid, p_tool_profile_id uuid default NULL::uuid, p_model_profile_id uuid default NULL::uuid)
 returns agents.channel_bindings
 language plpgsql
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'create_channel_binding';
  v_routing_key text := p_routing_key;
  v_row agents.channel_bindings;
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_text('create_channel_binding', 'p_name', p_name, 200);
  perform lensers.fn_limit_text('create_channel_binding', 'p_routing_key', p_routing_key, 200);
  perform lensers.fn_limit_text('create_channel_binding', 'p_app_secret_env', p_app_secret_env, 200);
  perform lensers.fn_limit_text('create_channel_binding', 'p_verify_token_env', p_verify_token_env, 200);
  perform lensers.fn_limit_text('create_channel_binding', 'p_access_token_env', p_access_token_env, 200);
  perform lensers.fn_limit_text('create_channel_binding', 'p_signing_secret_env', p_signing_secret_env, 200);
  perform lensers.fn_limit_text('create_channel_binding', 'p_bot_token_env', p_bot_token_env, 200);
  perform lensers.fn_limit_texts('create_channel_binding', 'p_allowed_origins', p_allowed_origins, 100, 2048);
  perform lensers.fn_limit_json('create_channel_binding', 'p_whatsapp_template', p_whatsapp_template, 65536, 32);
  perform lensers.fn_limit_text('create_channel_binding', 'p_fallback_text', p_fallback_text, 4000);
  perform agents.fn_rpc_require_manage(c_rpc, p_ai_lenser_id);
  perform agents.fn_rpc_not_null(c_rpc, 'p_channel', p_channel);
  perform agents.fn_check_binding_args(c_rpc, p_channel, p_name, p_app_secret_env, p_verify_token_env, p_access_token_env,
    p_signing_secret_env, p_bot_token_env, coalesce(p_allowed_origins, '{}'), p_whatsapp_template,
    coalesce(p_fallback_text, 'Sorry, I can''t help with that here.'), coalesce(p_debounce_ms, 1500),
    coalesce(p_loop_guard_max_turns, 20), coalesce(p_loop_guard_window_seconds, 300));
  case p_channel
    when 'whatsapp' then
      if v_routing_key is null or v_routing_key !~ '^[0-9]{1,32}$' then
        raise exception '%: p_routing_key must be the WhatsApp phone number id (digits)', c_rpc using errcode = '22023';
      end if;
    when 'slack' then
      if v_routing_key is null or v_routing_key !~ '^[A-Z0-9]{1,32}:[A-Z0-9]{1,32}$' then
        raise exception '%: p_routing_key must be <team_id>:<api_app_id> (e.g. T0123:A0456)', c_rpc using errcode = '22023';
      end if;
    else
      if v_routing_key is not null then
        raise exception '%: p_routing_key is generated for a web binding: pass none', c_rpc using errcode = '22023';
      end if;
      v_routing_key := 'pk_' || replace(pg_catalog.gen_random_uuid()::text, '-', '');
  end case;
  perform agents.fn_check_binding_profile(c_rpc, 'p_personality_profile_id', null::agents.personality_profiles, p_ai_lenser_id, p_personality_profile_id);
  perform agents.fn_check_binding_profile(c_rpc, 'p_memory_profile_id', null::agents.memory_profiles, p_ai_lenser_id, p_memory_profile_id);
  perform agents.fn_check_binding_profile(c_rpc, 'p_tool_profile_id', null::agents.tool_profiles, p_ai_lenser_id, p_tool_profile_id);
  perform agents.fn_check_binding_profile(c_rpc, 'p_model_profile_id', null::agents.model_profiles, p_ai_lenser_id, p_model_profile_id);
  begin
    insert into agents.channel_bindings (ai_lenser_id, channel, routing_key, name, personality_profile_id, memory_profile_id,
      tool_profile_id, model_profile_id, app_secret_env, verify_token_env, access_token_env, signing_secret_env, bot_token_env,
      allowed_origins, whatsapp_template, fallback_text, debounce_ms, loop_guard_max_turns, loop_guard_window_seconds, created_by,
      reply_workflow_id)
    values (p_ai_lenser_id, p_channel, v_routing_key, btrim(p_name), p_personality_profile_id, p_memory_profile_id,
      p_tool_profile_id, p_model_profile_id, p_app_secret_env, p_verify_token_env, p_access_token_env, p_signing_secret_env,
      p_bot_token_env, coalesce(p_allowed_origins, '{}'), p_whatsapp_template,
      coalesce(p_fallback_text, 'Sorry, I can''t help with that here.'), coalesce(p_debounce_ms, 1500),
      coalesce(p_loop_guard_max_turns, 20), coalesce(p_loop_guard_window_seconds, 300),
      (select p.id from lensers.profiles p where p.user_id = (select auth.uid())),
      agents.fn_create_reply_workflow(p_ai_lenser_id, p_channel))
    returning * into v_row;
  exception when unique_violation then
    raise exception '%: p_routing_key % is already bound on %', c_rpc, v_routing_key, p_channel using errcode = '23505';
  end;
  return v_row;
end
$function$;

comment on function public.create_channel_binding(p_ai_lenser_id uuid, p_channel agents.channel, p_name text, p_routing_key text, p_app_secret_env text, p_verify_token_env text, p_access_token_env text, p_signing_secret_env text, p_bot_token_env text, p_allowed_origins text[], p_whatsapp_template jsonb, p_fallback_text text, p_debounce_ms integer, p_loop_guard_max_turns integer, p_loop_guard_window_seconds integer, p_personality_profile_id uuid, p_memory_profile_id uuid, p_tool_profile_id uuid, p_model_profile_id uuid) is 'Binds an agent the caller owns or co-owns to WhatsApp, Slack or a web chat, naming the environment variables that hold its secrets.';

revoke all on function public.create_channel_binding(p_ai_lenser_id uuid, p_channel agents.channel, p_name text, p_routing_key text, p_app_secret_env text, p_verify_token_env text, p_access_token_env text, p_signing_secret_env text, p_bot_token_env text, p_allowed_origins text[], p_whatsapp_template jsonb, p_fallback_text text, p_debounce_ms integer, p_loop_guard_max_turns integer, p_loop_guard_window_seconds integer, p_personality_profile_id uuid, p_memory_profile_id uuid, p_tool_profile_id uuid, p_model_profile_id uuid) from public;
grant execute on function public.create_channel_binding(p_ai_lenser_id uuid, p_channel agents.channel, p_name text, p_routing_key text, p_app_secret_env text, p_verify_token_env text, p_access_token_env text, p_signing_secret_env text, p_bot_token_env text, p_allowed_origins text[], p_whatsapp_template jsonb, p_fallback_text text, p_debounce_ms integer, p_loop_guard_max_turns integer, p_loop_guard_window_seconds integer, p_personality_profile_id uuid, p_memory_profile_id uuid, p_tool_profile_id uuid, p_model_profile_id uuid) to authenticated;

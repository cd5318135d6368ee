-- The settings of a channel binding as create_channel_binding / update_channel_binding receive them
-- (after merging an update with the stored row): 22023 naming the first argument that breaks a rule
-- of agents.channel_bindings, before the row's CHECKs would.
create or replace function agents.fn_check_binding_args(p_rpc text, p_channel agents.channel, p_name text,
  p_app_secret_env text, p_verify_token_env text, p_access_token_env text, p_signing_secret_env text, p_bot_token_env text,
  p_allowed_origins text[], p_whatsapp_template jsonb, p_fallback_text text, p_debounce_ms integer,
  p_loop_guard_max_turns integer, p_loop_guard_window_seconds integer)
 returns void
 language plpgsql
 immutable
 set search_path to ''
as $function$
declare
  v_env record;
  v_origin text;
begin
  perform agents.fn_rpc_text(p_rpc, 'p_name', p_name, 120);
  for v_env in
    select * from (values
      ('p_app_secret_env', p_app_secret_env, p_channel = 'whatsapp'),
      ('p_verify_token_env', p_verify_token_env, p_channel = 'whatsapp'),
      ('p_access_token_env', p_access_token_env, p_channel = 'whatsapp'),
      ('p_signing_secret_env', p_signing_secret_env, p_channel = 'slack'),
      ('p_bot_token_env', p_bot_token_env, p_channel = 'slack')) e(arg, value, needed)
  loop
    if v_env.needed and v_env.value is null then
      raise exception '%: % is required for a % binding (the name of the environment variable holding the secret)',
        p_rpc, v_env.arg, p_channel using errcode = '22023';
    end if;
    if not v_env.needed and v_env.value is not null then
      raise exception '%: % does not apply to a % binding', p_rpc, v_env.arg, p_channel using errcode = '22023';
    end if;
    if v_env.value is not null and v_env.value !~ '^[A-Z][A-Z0-9_]{0,127}$' then
      raise exception '%: % must be an environment variable name (^[A-Z][A-Z0-9_]{0,127}$), never a secret',
        p_rpc, v_env.arg using errcode = '22023';
    end if;
  end loop;
  if p_channel = 'web' then
    if coalesce(cardinality(p_allowed_origins), 0) = 0 then
      raise exception '%: p_allowed_origins is required for a web binding (at least one origin)', p_rpc using errcode = '22023';
    end if;
    if cardinality(p_allowed_origins) > 20 then
      raise exception '%: p_allowed_origins has % origins, at most 20', p_rpc, cardinality(p_allowed_origins) using errcode = '22023';
    end if;
    foreach v_origin in array p_allowed_origins loop
      if v_origin is null or v_origin !~ '^https?://[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?(:[0-9]{1,5})?$' then
        raise exception '%: p_allowed_origins: % is not an origin (scheme://host[:port], lower case, no path)',
          p_rpc, coalesce(lensers.fn_one_line(v_origin), 'null') using errcode = '22023';
      end if;
    end loop;
  elsif coalesce(cardinality(p_allowed_origins), 0) <> 0 then
    raise exception '%: p_allowed_origins applies to web bindings only', p_rpc using errcode = '22023';
  end if;
  if p_whatsapp_template is not null then
    if p_channel <> 'whatsapp' then
      raise exception '%: p_whatsapp_template applies to whatsapp bindings only', p_rpc using errcode = '22023';
    end if;
    if jsonb_typeof(p_whatsapp_template) <> 'object' or not p_whatsapp_template ?& array['name', 'language']
       or p_whatsapp_template - array['name', 'language'] <> '{}'::jsonb
       or jsonb_typeof(p_whatsapp_template -> 'name') <> 'string' or (p_whatsapp_template ->> 'name') !~ '^[a-z0-9_]+$'
       or char_length(p_whatsapp_template ->> 'name') > 512
       or jsonb_typeof(p_whatsapp_template -> 'language') <> 'string' or (p_whatsapp_template ->> 'language') !~ '^[a-z]{2,3}(_[A-Z]{2})?$' then
      raise exception '%: p_whatsapp_template must be {"name": <approved template name, a-z0-9_>, "language": <code such as en or en_US>}',
        p_rpc using errcode = '22023';
    end if;
  end if;
  if p_fallback_text is null or char_length(btrim(p_fallback_text)) = 0 or char_length(p_fallback_text) > 4000 then
    raise exception '%: p_fallback_text must be 1 to 4000 characters', p_rpc using errcode = '22023';
  end if;
  if p_debounce_ms is null or p_debounce_ms not between 0 and 60000 then
    raise exception '%: p_debounce_ms must be between 0 and 60000', p_rpc using errcode = '22023';
  end if;
  if p_loop_guard_max_turns is null or p_loop_guard_max_turns not between 1 and 1000 then
    raise exception '%: p_loop_guard_max_turns must be between 1 and 1000', p_rpc using errcode = '22023';
  end if;
  if p_loop_guard_window_seconds is null or p_loop_guard_window_seconds not between 1 and 86400 then
    raise exception '%: p_loop_guard_window_seconds must be between 1 and 86400', p_rpc using errcode = '22023';
  end if;
end
$function$;

revoke all on function agents.fn_check_binding_args(p_rpc text, p_channel agents.channel, p_name text, p_app_secret_env text, p_verify_token_env text, p_access_token_env text, p_signing_secret_env text, p_bot_token_env text, p_allowed_origins text[], p_whatsapp_template jsonb, p_fallback_text text, p_debounce_ms integer, p_loop_guard_max_turns integer, p_loop_guard_window_seconds integer) from public;
grant execute on function agents.fn_check_binding_args(p_rpc text, p_channel agents.channel, p_name text, p_app_secret_env text, p_verify_token_env text, p_access_token_env text, p_signing_secret_env text, p_bot_token_env text, p_allowed_origins text[], p_whatsapp_template jsonb, p_fallback_text text, p_debounce_ms integer, p_loop_guard_max_turns integer, p_loop_guard_window_seconds integer) to authenticated, service_role;

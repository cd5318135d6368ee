create table agents.channel_bindings (
  id uuid default gen_random_uuid() not null,
  ai_lenser_id uuid not null,
  channel agents.channel not null,
  routing_key text not null,
  name text not null,
  personality_profile_id uuid,
  memory_profile_id uuid,
  tool_profile_id uuid,
  model_profile_id uuid,
  app_secret_env text,
  verify_token_env text,
  access_token_env text,
  signing_secret_env text,
  bot_token_env text,
  allowed_origins text[] default '{}'::text[] not null,
  whatsapp_template jsonb,
  fallback_text text default 'Sorry, I can''t help with that here.'::text not null,
  debounce_ms integer default 1500 not null,
  loop_guard_max_turns integer default 20 not null,
  loop_guard_window_seconds integer default 300 not null,
  reply_workflow_id uuid,
  send_rate_per_second integer default 20 not null,
  status agents.binding_status default 'active'::agents.binding_status not null,
  version integer default 1 not null,
  created_by uuid,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint channel_bindings_pkey PRIMARY KEY (id),
  constraint channel_bindings_routing_key UNIQUE (channel, routing_key),
  constraint channel_bindings_id_agent_channel_key UNIQUE (id, ai_lenser_id, channel),
  constraint channel_bindings_id_agent_key UNIQUE (id, ai_lenser_id),
  constraint channel_bindings_name_length CHECK (((char_length(btrim(name)) >= 1) AND (char_length(btrim(name)) <= 120))),
  constraint channel_bindings_routing_key_shape CHECK (
    CASE channel
      WHEN 'whatsapp'::agents.channel THEN (routing_key ~ '^[0-9]{1,32}$'::text)
      WHEN 'slack'::agents.channel THEN (routing_key ~ '^[A-Z0-9]{1,32}:[A-Z0-9]{1,32}$'::text)
      ELSE (routing_key ~ '^pk_[0-9a-f]{32}$'::text)
    END),
  constraint channel_bindings_env_names CHECK (
    ((app_secret_env IS NULL) OR (app_secret_env ~ '^[A-Z][A-Z0-9_]{0,127}$'::text))
    AND ((verify_token_env IS NULL) OR (verify_token_env ~ '^[A-Z][A-Z0-9_]{0,127}$'::text))
    AND ((access_token_env IS NULL) OR (access_token_env ~ '^[A-Z][A-Z0-9_]{0,127}$'::text))
    AND ((signing_secret_env IS NULL) OR (signing_secret_env ~ '^[A-Z][A-Z0-9_]{0,127}$'::text))
    AND ((bot_token_env IS NULL) OR (bot_token_env ~ '^[A-Z][A-Z0-9_]{0,127}$'::text))),
  constraint channel_bindings_secrets_per_channel CHECK (
    CASE channel
      WHEN 'whatsapp'::agents.channel THEN ((app_secret_env IS NOT NULL) AND (verify_token_env IS NOT NULL) AND (access_token_env IS NOT NULL)
        AND (signing_secret_env IS NULL) AND (bot_token_env IS NULL))
      WHEN 'slack'::agents.channel THEN ((signing_secret_env IS NOT NULL) AND (bot_token_env IS NOT NULL)
        AND (app_secret_env IS NULL) AND (verify_token_env IS NULL) AND (access_token_env IS NULL))
      ELSE ((app_secret_env IS NULL) AND (verify_token_env IS NULL) AND (access_token_env IS NULL)
        AND (signing_secret_env IS NULL) AND (bot_token_env IS NULL))
    END),
  constraint channel_bindings_allowed_origins CHECK (
    (cardinality(allowed_origins) <= 20)
    AND (array_position(allowed_origins, NULL::text) IS NULL)
    AND (CASE WHEN (channel = 'web'::agents.channel) THEN (cardinality(allowed_origins) >= 1) ELSE (cardinality(allowed_origins) = 0) END)
    AND ((cardinality(allowed_origins) = 0) OR ((array_to_string(allowed_origins, chr(10)) || chr(10)) ~ '^(https?://[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?(:[0-9]{1,5})?\n)+$'::text))),
  constraint channel_bindings_whatsapp_template CHECK (
    (whatsapp_template IS NULL)
    OR ((channel = 'whatsapp'::agents.channel) AND (jsonb_typeof(whatsapp_template) = 'object'::text)
      AND (whatsapp_template ?& ARRAY['name'::text, 'language'::text])
      AND ((whatsapp_template - ARRAY['name'::text, 'language'::text]) = '{}'::jsonb)
      AND (jsonb_typeof(whatsapp_template -> 'name'::text) = 'string'::text)
      AND ((whatsapp_template ->> 'name'::text) ~ '^[a-z0-9_]+$'::text)
      AND (char_length((whatsapp_template ->> 'name'::text)) <= 512)
      AND (jsonb_typeof(whatsapp_template -> 'language'::text) = 'string'::text)
      AND ((whatsapp_template ->> 'language'::text) ~ '^[a-z]{2,3}(_[A-Z]{2})?$'::text))),
  constraint channel_bindings_fallback_text_length CHECK (((char_length(btrim(fallback_text)) >= 1) AND (char_length(fallback_text) <= 4000))),
  constraint channel_bindings_debounce_ms_range CHECK (((debounce_ms >= 0) AND (debounce_ms <= 60000))),
  constraint channel_bindings_loop_guard_range CHECK (((loop_guard_max_turns >= 1) AND (loop_guard_max_turns <= 1000)
    AND (loop_guard_window_seconds >= 1) AND (loop_guard_window_seconds <= 86400))),
  constraint channel_bindings_version_positive CHECK ((version >= 1)),
  constraint channel_bindings_send_rate_range CHECK (((send_rate_per_second >= 1) AND (send_rate_per_second <= 1000))),
  constraint channel_bindings_ai_lenser_id_fkey FOREIGN KEY (ai_lenser_id) REFERENCES agents.ai_lensers(id) ON DELETE CASCADE,
  constraint channel_bindings_personality_profile_fkey FOREIGN KEY (personality_profile_id, ai_lenser_id) REFERENCES agents.personality_profiles(id, ai_lenser_id),
  constraint channel_bindings_memory_profile_fkey FOREIGN KEY (memory_profile_id, ai_lenser_id) REFERENCES agents.memory_profiles(id, ai_lenser_id),
  constraint channel_bindings_tool_profile_fkey FOREIGN KEY (tool_profile_id, ai_lenser_id) REFERENCES agents.tool_profiles(id, ai_lenser_id),
  constraint channel_bindings_model_profile_fkey FOREIGN KEY (model_profile_id, ai_lenser_id) REFERENCES agents.model_profiles(id, ai_lenser_id),
  constraint channel_bindings_reply_workflow_id_fkey FOREIGN KEY (reply_workflow_id) REFERENCES lenses.workflows(id),
  constraint channel_bindings_created_by_fkey FOREIGN KEY (created_by) REFERENCES lensers.profiles(id) ON DELETE SET NULL
);

alter table agents.channel_bindings enable row level security;
comment on table agents.channel_bindings is 'An agent reachable on a channel: the routing key (unique per channel) that webhooks resolve, profiles overriding the agent''s defaults, and the names of the environment variables holding its secrets (never the secrets).';
comment on column agents.channel_bindings.routing_key is 'whatsapp: the phone number id (digits); slack: <team_id>:<api_app_id>; web: the public key pk_<32 hex>, generated by the server.';
comment on column agents.channel_bindings.allowed_origins is 'web: the origins (scheme://host[:port]) the chat may be embedded in; empty for other channels.';
comment on column agents.channel_bindings.whatsapp_template is 'whatsapp: the approved template {name, language} sent outside the 24-hour customer service window.';
comment on column agents.channel_bindings.fallback_text is 'What the contact receives when a guardrail blocks a reply.';
comment on column agents.channel_bindings.reply_workflow_id is 'The published workflow a reply runs (as the agent): by default the agent''s own one-node "Reply on <channel>" workflow made with the binding (set_channel_binding_reply_workflow points it elsewhere).';
comment on column agents.channel_bindings.send_rate_per_second is 'The outbox sends at most this many messages of this binding per second (the provider''s per-number or per-app limit).';
comment on column agents.channel_bindings.version is 'The current configuration version (agents.tier_config_versions, tier binding).';

create index channel_bindings_agent_idx on agents.channel_bindings using btree (ai_lenser_id, created_at desc);
create index channel_bindings_personality_profile_idx on agents.channel_bindings using btree (personality_profile_id) where (personality_profile_id is not null);
create index channel_bindings_memory_profile_idx on agents.channel_bindings using btree (memory_profile_id) where (memory_profile_id is not null);
create index channel_bindings_tool_profile_idx on agents.channel_bindings using btree (tool_profile_id) where (tool_profile_id is not null);
create index channel_bindings_model_profile_idx on agents.channel_bindings using btree (model_profile_id) where (model_profile_id is not null);
create index channel_bindings_reply_workflow_idx on agents.channel_bindings using btree (reply_workflow_id) where (reply_workflow_id is not null);
create index channel_bindings_created_by_idx on agents.channel_bindings using btree (created_by) where (created_by is not null);

create policy channel_bindings_insert on agents.channel_bindings
  as permissive for insert to authenticated
  with check (( SELECT agents.can_manage_ai_lenser(channel_bindings.ai_lenser_id) AS can_manage_ai_lenser));

create policy channel_bindings_select on agents.channel_bindings
  as permissive for select to authenticated
  using (( SELECT agents.can_operate_ai_lenser(channel_bindings.ai_lenser_id) AS can_operate_ai_lenser));

create policy channel_bindings_update on agents.channel_bindings
  as permissive for update to authenticated
  using (( SELECT agents.can_manage_ai_lenser(channel_bindings.ai_lenser_id) AS can_manage_ai_lenser))
  with check (( SELECT agents.can_manage_ai_lenser(channel_bindings.ai_lenser_id) AS can_manage_ai_lenser));

create trigger channel_bindings_guard before update on agents.channel_bindings for each row execute procedure agents.tg_channel_bindings_guard();

create trigger channel_bindings_set_updated_at before update on agents.channel_bindings for each row execute procedure lensers.tg_set_updated_at();

create trigger channel_bindings_version after insert or update on agents.channel_bindings for each row execute procedure agents.tg_tier_config_version('binding');

grant select on table agents.channel_bindings to authenticated;
grant all on table agents.channel_bindings to service_role;
grant insert (ai_lenser_id, channel, routing_key, created_by) on table agents.channel_bindings to authenticated;
grant insert (reply_workflow_id, send_rate_per_second), update (reply_workflow_id, send_rate_per_second) on table agents.channel_bindings to authenticated;
grant insert (name, personality_profile_id, memory_profile_id, tool_profile_id, model_profile_id, app_secret_env, verify_token_env, access_token_env, signing_secret_env, bot_token_env, allowed_origins, whatsapp_template, fallback_text, debounce_ms, loop_guard_max_turns, loop_guard_window_seconds),
  update (name, personality_profile_id, memory_profile_id, tool_profile_id, model_profile_id, app_secret_env, verify_token_env, access_token_env, signing_secret_env, bot_token_env, allowed_origins, whatsapp_template, fallback_text, debounce_ms, loop_guard_max_turns, loop_guard_window_seconds, status) on table agents.channel_bindings to authenticated;

-- Channels (README "Channels"): bindings and their refusals, versioned configurations, inbound
-- messages stored once (redeliveries, events of Slack retries), orphans kept and resolved, delivery
-- statuses forward only in every order, contacts merged and unmerged exactly, the web chat reader,
-- and RLS on every channel table for an owner, an operator, a stranger and anon.
begin;
select plan(130);

select tests.create_user('ch-alice@example.com', '{"handle":"ch-alice"}') as alice \gset
select tests.create_user('ch-olga@example.com', '{"handle":"ch-olga"}') as olga \gset
select tests.create_user('ch-stan@example.com', '{"handle":"ch-stan"}') as stan \gset
select tests.new_agent(:'alice', 'courier') as agent \gset
select tests.new_agent(:'alice', 'other') as agent2 \gset
select tests.grant_agent_role(:'agent', :'olga', 'operator');
select tests.profile_id(:'alice') as alice_profile \gset
select tests.profile_id(:'stan') as stan_profile \gset

-- ------------------------------------------------------------------ bindings
select tests.authenticate_as(:'alice');
\o /dev/null
select (public.create_personality_profile(p_ai_lenser_id => :'agent', p_name => 'Warm', p_is_default => true)).id as pp \gset
select (public.create_personality_profile(p_ai_lenser_id => :'agent', p_name => 'Crisp')).id as pp2 \gset
select (public.create_personality_profile(p_ai_lenser_id => :'agent2', p_name => 'Foreign')).id as foreign_pp \gset
select * from public.create_channel_binding(:'agent', 'whatsapp', 'WhatsApp line', '15550001',
  p_app_secret_env => 'WA_APP_SECRET', p_verify_token_env => 'WA_VERIFY_TOKEN', p_access_token_env => 'WA_ACCESS_TOKEN',
  p_whatsapp_template => '{"name":"follow_up","language":"en_US"}') \gset wa_
select * from public.create_channel_binding(:'agent', 'slack', 'Slack app', 'T0001:A0001',
  p_signing_secret_env => 'SLACK_SIGNING_SECRET', p_bot_token_env => 'SLACK_BOT_TOKEN') \gset sl_
select * from public.create_channel_binding(:'agent', 'web', 'Site chat',
  p_allowed_origins => '{https://example.com,http://localhost:3000}', p_personality_profile_id => :'pp2') \gset web_
\o
select is(:'wa_version'::int, 1, 'a new binding is at version 1');
select matches(:'web_routing_key'::text, '^pk_[0-9a-f]{32}$', 'a web binding gets a generated public key');
select is(:'wa_debounce_ms'::int, 1500, 'debounce defaults to 1500 ms');

select throws_ok($$select public.create_channel_binding($$ || quote_literal(:'agent') || $$, 'whatsapp', 'Again', '15550001',
  p_app_secret_env => 'A', p_verify_token_env => 'B', p_access_token_env => 'C')$$, '23505', null,
  'a routing key is bound once per channel (409)');
select throws_like($$select public.create_channel_binding($$ || quote_literal(:'agent') || $$, 'whatsapp', 'Secret', '15550002',
  p_app_secret_env => 'sk-live-1234', p_verify_token_env => 'B', p_access_token_env => 'C')$$,
  'create_channel_binding: p_app_secret_env must be an environment variable name%', 'a secret value is refused: names only');
select throws_like($$select public.create_channel_binding($$ || quote_literal(:'agent') || $$, 'whatsapp', 'No token', '15550002',
  p_app_secret_env => 'A', p_verify_token_env => 'B')$$,
  'create_channel_binding: p_access_token_env is required for a whatsapp binding%', 'whatsapp needs its three secret names');
select throws_like($$select public.create_channel_binding($$ || quote_literal(:'agent') || $$, 'slack', 'Mixed', 'T0002:A0002',
  p_signing_secret_env => 'S', p_bot_token_env => 'B', p_access_token_env => 'C')$$,
  'create_channel_binding: p_access_token_env does not apply to a slack binding', 'another channel''s secret is refused');
select throws_like($$select public.create_channel_binding($$ || quote_literal(:'agent') || $$, 'web', 'No origins')$$,
  'create_channel_binding: p_allowed_origins is required for a web binding%', 'web needs allowed origins');
select throws_like($$select public.create_channel_binding($$ || quote_literal(:'agent') || $$, 'web', 'Bad origin', p_allowed_origins => '{https://example.com/path}')$$,
  'create_channel_binding: p_allowed_origins: https://example.com/path is not an origin%', 'an origin has no path');
select throws_like($$select public.create_channel_binding($$ || quote_literal(:'agent') || $$, 'web', 'Own key', 'pk_00000000000000000000000000000000', p_allowed_origins => '{https://a.example}')$$,
  'create_channel_binding: p_routing_key is generated for a web binding%', 'a web key is never chosen by the client');
select throws_like($$select public.create_channel_binding($$ || quote_literal(:'agent') || $$, 'whatsapp', 'Letters', 'abc',
  p_app_secret_env => 'A', p_verify_token_env => 'B', p_access_token_env => 'C')$$,
  'create_channel_binding: p_routing_key must be the WhatsApp phone number id%', 'a whatsapp routing key is digits');
select throws_like($$select public.create_channel_binding($$ || quote_literal(:'agent') || $$, 'slack', 'Slack', 'T0003',
  p_signing_secret_env => 'S', p_bot_token_env => 'B')$$,
  'create_channel_binding: p_routing_key must be <team_id>:<api_app_id>%', 'a slack routing key is team:app');
select throws_like($$select public.create_channel_binding($$ || quote_literal(:'agent') || $$, 'web', 'Foreign', p_allowed_origins => '{https://a.example}', p_personality_profile_id => $$ || quote_literal(:'foreign_pp') || $$)$$,
  'create_channel_binding: p_personality_profile_id % is not a personality profile of agent %', 'a profile override is the agent''s own');
select throws_like($$select public.create_channel_binding($$ || quote_literal(:'agent') || $$, 'whatsapp', 'Template', '15550003',
  p_app_secret_env => 'A', p_verify_token_env => 'B', p_access_token_env => 'C', p_whatsapp_template => '{"name":"x"}')$$,
  'create_channel_binding: p_whatsapp_template must be%', 'a template is {name, language}');
select throws_like($$select public.create_channel_binding($$ || quote_literal(:'agent') || $$, 'web', 'Slow', p_allowed_origins => '{https://a.example}', p_debounce_ms => 60001)$$,
  'create_channel_binding: p_debounce_ms must be between 0 and 60000', 'debounce is bounded');

-- Constraints hold without the RPC too.
select tests.clear_authentication();
select throws_ok($$insert into agents.channel_bindings (ai_lenser_id, channel, routing_key, name) values ($$ || quote_literal(:'agent') || $$, 'whatsapp', '15559999', 'raw')$$,
  '23514', null, 'the table requires whatsapp''s secret names');
select throws_ok($$insert into agents.channel_bindings (ai_lenser_id, channel, routing_key, name, signing_secret_env, bot_token_env) values ($$ || quote_literal(:'agent') || $$, 'slack', 'T1:A1', 'raw', 'lower_case', 'B')$$,
  '23514', null, 'the table refuses an env name that is not one');

-- Operators read bindings but do not change them; strangers see nothing; anon may not call.
select tests.authenticate_as(:'olga');
select is((public.get_channel_binding(:'wa_id')).name, 'WhatsApp line', 'an operator reads a binding');
select is((select count(*)::int from public.list_channel_bindings(:'agent')), 3, 'an operator lists the agent''s bindings');
select throws_ok(format('select public.update_channel_binding(%L, p_name => %L)', :'wa_id', 'Mine'), '42501', null,
  'an operator may not change a binding (403)');
select tests.authenticate_as(:'stan');
select throws_ok(format('select public.get_channel_binding(%L)', :'wa_id'), 'PT404', null, 'a stranger gets 404');
select throws_ok(format('select public.update_channel_binding(%L, p_name => %L)', :'wa_id', 'Mine'), 'PT404', null,
  'and cannot change it (404: he cannot see it)');
select throws_ok(format('select public.list_channel_bindings(%L)', :'agent'), '42501', null,
  'listing another user''s agent''s bindings: 403');
select tests.authenticate_as_anon();
select throws_ok(format('select public.get_channel_binding(%L)', :'wa_id'), '42501', null, 'anon may not call (401)');

-- Versions: a configuration change appends one; a no-op change or archiving does not.
select tests.authenticate_as(:'alice');
select is((public.update_channel_binding(:'wa_id', p_debounce_ms => 500)).version, 2, 'a changed setting is version 2');
select is((public.update_channel_binding(:'wa_id', p_debounce_ms => 500)).version, 2, 'the same setting again stays at 2');
select is((public.update_channel_binding(:'wa_id', p_clear => '{whatsapp_template}')).whatsapp_template, null,
  'p_clear sets the template back to none');
select throws_like(format('select public.update_channel_binding(%L, p_clear => %L)', :'wa_id', '{routing_key}'),
  'update_channel_binding: p_clear: routing_key is not a setting that can be cleared%', 'p_clear names clearable settings only');
select tests.clear_authentication();
select is((select array_agg(version order by version) from agents.tier_config_versions where tier = 'binding' and subject_id = :'wa_id'),
  '{1,2,3}'::int[], 'the binding''s versions are appended, gap-free');
select is((select config ->> 'debounce_ms' from agents.tier_config_versions where tier = 'binding' and subject_id = :'wa_id' and version = 2),
  '500', 'each version keeps its configuration');
select ok((select not (config ? 'updated_at') and not (config ? 'version') from agents.tier_config_versions
           where tier = 'binding' and subject_id = :'wa_id' and version = 1), 'a snapshot leaves bookkeeping out');
select tests.authenticate_as(:'alice');
select public.update_personality_profile(:'pp2', p_tone => 'formal');
select public.update_personality_profile(:'pp2', p_is_default => false);
select tests.clear_authentication();
select is((select max(version) from agents.tier_config_versions where tier = 'personality_profile' and subject_id = :'pp2'), 2,
  'a profile change appends a version; its default flag does not');
select is(agents.fn_binding_config_versions(:'web_id') -> 'personality_profile',
  jsonb_build_object('id', :'pp2'::uuid, 'version', 2), 'a reply on the web binding records its override''s version');
select is(agents.fn_binding_config_versions(:'wa_id') -> 'personality_profile',
  jsonb_build_object('id', :'pp'::uuid, 'version', 1), 'and on the whatsapp binding the agent''s default');
select is(agents.fn_binding_config_versions(:'wa_id') -> 'binding', jsonb_build_object('id', :'wa_id'::uuid, 'version', 3),
  'and the binding''s own version');
select throws_ok('update agents.tier_config_versions set version = 9', '42501', null, 'the version history is append-only');
select tests.authenticate_as(:'alice');
select throws_ok(format('select public.delete_personality_profile(%L)', :'pp2'), 'PT409',
  format('delete_personality_profile: personality profile %s is used by channel bindings; change them first', :'pp2'),
  'a profile a binding uses is not deleted (409)');
select tests.clear_authentication();

-- ------------------------------------------------------------------ routing (service role)
select tests.authenticate_as_service_role();
select results_eq(format($$select binding_id, status, app_secret_env, verify_token_env, access_token_env from public.get_channel_binding_route('whatsapp', '15550001')$$),
  format($$values (%L::uuid, 'active'::agents.binding_status, 'WA_APP_SECRET', 'WA_VERIFY_TOKEN', 'WA_ACCESS_TOKEN')$$, :'wa_id'),
  'the route names the binding and its secrets'' variables');
select throws_ok($$select * from public.get_channel_binding_route('whatsapp', '999')$$, 'PT404', null, 'an unknown routing key: 404');
select throws_ok($$select * from public.get_channel_binding_route('slack', '15550001')$$, 'PT404', null, 'keys are per channel');
select tests.authenticate_as(:'alice');
select throws_ok($$select * from public.get_channel_binding_route('whatsapp', '15550001')$$, '42501', null,
  'a signed-in user may not call the webhook RPCs');
select throws_ok(format($$select public.receive_channel_events(%L, '[]')$$, :'wa_id'), '42501', null, 'nor store events');

-- ------------------------------------------------------------------ inbound messages
select tests.authenticate_as_service_role();
select is(public.receive_channel_events(:'wa_id', '[{"kind":"message","providerMessageId":"wamid.A1","sender":{"externalId":"4915550001","name":"Ann"},"body":"hello","sentAt":"2026-12-02T10:00:00Z"}]') - 'messageIds',
  '{"stored":1,"duplicates":0,"statuses":0,"ignored":0}'::jsonb, 'a message is stored');
select is(public.receive_channel_events(:'wa_id', '[{"kind":"message","providerMessageId":"wamid.A1","sender":{"externalId":"4915550001","name":"Ann"},"body":"hello","sentAt":"2026-12-02T10:00:00Z"}]'),
  '{"stored":0,"duplicates":1,"statuses":0,"ignored":0,"messageIds":[]}'::jsonb, 'its redelivery is a duplicate');
select is(public.receive_channel_events(:'wa_id', '[{"kind":"message","providerMessageId":"wamid.A2","sender":{"externalId":"4915550001","name":"Ann"},"body":"again","sentAt":"2026-12-02T10:01:00Z"},{"kind":"message","providerMessageId":"wamid.A2","sender":{"externalId":"4915550001"},"body":"again","sentAt":"2026-12-02T10:01:00Z"}]') - 'messageIds',
  '{"stored":1,"duplicates":1,"statuses":0,"ignored":0}'::jsonb, 'a message twice in one batch is stored once');
select tests.clear_authentication();
select is((select count(*)::int from agents.messages where binding_id = :'wa_id'), 2, 'two messages, no copies');
select is((select count(*)::int from agents.contacts where ai_lenser_id = :'agent'), 1, 'one contact for Ann');
select ok((select resolved from agents.contacts where ai_lenser_id = :'agent'), 'a 1:1 sender is a resolved contact');
select is((select array_agg(seq order by seq) from agents.messages where binding_id = :'wa_id'), '{1,2}'::bigint[],
  'seq is gap-free per conversation (a duplicate takes no number)');
select ok((select last_inbound_at = '2026-12-02T10:01:00Z'::timestamptz and last_message_seq = 2 from agents.conversations where binding_id = :'wa_id'),
  'the conversation keeps the last inbound time (the 24-hour window) and seq');
select is((select delivery_status from agents.messages where provider_message_id = 'wamid.A1'), null, 'an inbound message has no delivery status');
select id as ann from agents.contacts where ai_lenser_id = :'agent' \gset
select id as ann_conv from agents.conversations where binding_id = :'wa_id' \gset

-- Slack: a retry of a stored envelope (same event_id, whatever its message id) is a no-op.
select tests.authenticate_as_service_role();
select is(public.receive_channel_events(:'sl_id', '[{"kind":"message","providerMessageId":"1700000000.000100","providerEventId":"Ev01","sender":{"externalId":"U0001","name":"Sam"},"groupId":"C0001","threadId":"1700000000.000001","body":"hi team","sentAt":"2026-12-02T10:00:00Z"}]') - 'messageIds',
  '{"stored":1,"duplicates":0,"statuses":0,"ignored":0}'::jsonb, 'a slack channel message is stored');
select is(public.receive_channel_events(:'sl_id', '[{"kind":"message","providerMessageId":"1700000000.000199","providerEventId":"Ev01","sender":{"externalId":"U0001"},"groupId":"C0001","body":"hi team","sentAt":"2026-12-02T10:00:00Z"}]') ->> 'duplicates',
  '1', 'a retry with the same event id is a duplicate');

-- Orphans: an unknown sender in a group is kept, unresolved, with its name.
select is(public.receive_channel_events(:'wa_id', '[{"kind":"message","providerMessageId":"wamid.G1","sender":{"externalId":"4915550009","name":"Unknown Uma"},"groupId":"120363000000000001","body":"who is this bot?","sentAt":"2026-12-02T10:02:00Z"}]') ->> 'stored',
  '1', 'a group message from an unknown sender is stored');
select tests.clear_authentication();
select id as uma from agents.contacts where display_name = 'Unknown Uma' \gset
select ok((select not resolved and resolved_at is null from agents.contacts where id = :'uma'), 'its sender is an orphan (unresolved)');
select is((select sender_name from agents.messages where provider_message_id = 'wamid.G1'), 'Unknown Uma', 'the message keeps the sender''s name');
select ok((select c.external_thread_id = '120363000000000001' and c.contact_id is null and c.identity_id is null from agents.conversations c
           join agents.messages m on m.conversation_id = c.id where m.provider_message_id = 'wamid.G1'),
  'a group conversation is keyed by the group, not a contact');
select tests.authenticate_as(:'olga');
select throws_ok(format('select public.resolve_contact(%L)', :'uma'), '42501', null, 'an operator may not resolve an orphan');
select tests.authenticate_as(:'alice');
select is((select count(*)::int from public.list_contacts(:'agent', p_resolved => false)), 2,
  'the owner lists the orphans (Uma, and Sam from the Slack channel)');
select ok((public.resolve_contact(:'uma', 'Uma from sales')).resolved, 'the owner resolves it');
select throws_ok(format('select public.resolve_contact(%L)', :'uma'), 'PT409', null, 'resolving twice: 409');
select is((select display_name from agents.contacts where id = :'uma'), 'Uma from sales', 'and names it');

-- Refusals of receive_channel_events: each names the element and field; nothing is written.
select tests.authenticate_as_service_role();
select count(*)::int as messages_before from agents.messages \gset
select throws_like(format($$select public.receive_channel_events(%L, '[{"kind":"message","providerMessageId":"x1","sender":{"externalId":"4915550001"},"body":"ok","sentAt":"2026-12-02T10:00:00Z"},{"kind":"message","providerMessageId":"x2","sender":{"externalId":"+49 1555"},"body":"x","sentAt":"2026-12-02T10:00:00Z"}]')$$, :'wa_id'),
  'receive_channel_events: p_events[1].sender.externalId must be a WhatsApp id%', 'a bad sender id names p_events[1].sender.externalId');
select throws_like(format($$select public.receive_channel_events(%L, '[{"kind":"message","providerMessageId":"x3","sender":{"externalId":"1"},"body":"x","sentAt":"yesterday"}]')$$, :'wa_id'),
  'receive_channel_events: p_events[0].sentAt must be an ISO 8601 timestamp%', 'a bad time is refused');
select throws_like(format($$select public.receive_channel_events(%L, '[{"kind":"message","providerMessageId":"x4","sender":{"externalId":"1"},"body":"x","sentAt":"2026-12-02T10:00:00Z","surprise":1}]')$$, :'wa_id'),
  'receive_channel_events: p_events[0]: unknown key "surprise"%', 'an unknown key is refused');
select throws_like(format($$select public.receive_channel_events(%L, '[{"kind":"status","providerMessageId":"x5","status":"seen","at":"2026-12-02T10:00:00Z"}]')$$, :'wa_id'),
  'receive_channel_events: p_events[0].status must be one of sent, delivered, read, failed', 'an unknown status is refused');
select throws_like(format($$select public.receive_channel_events(%L, '[{"kind":"message","providerMessageId":"x6","sender":{"externalId":"1"},"body":%s,"sentAt":"2026-12-02T10:00:00Z"}]')$$, :'wa_id', to_json(repeat('x', 16385))::text),
  'receive_channel_events: p_events[0].body must be a string of at most 16384 bytes', 'a body over 16 KB is refused');
select throws_like(format($$select public.receive_channel_events(%L, '[{"kind":"message","providerMessageId":"x7","sender":{"externalId":"1","profileId":%s},"body":"x","sentAt":"2026-12-02T10:00:00Z"}]')$$, :'wa_id', to_json(:'alice_profile'::text)::text),
  'receive_channel_events: p_events[0].sender.profileId must be a profile id, on a web binding only', 'profileId is for the web chat only');
select throws_ok(format($$select public.receive_channel_events(%L, %L)$$, :'wa_id',
  (select jsonb_agg(jsonb_build_object('kind', 'status', 'providerMessageId', 'm' || g, 'status', 'sent', 'at', '2026-12-02T10:00:00Z')) from generate_series(1, 101) g)),
  'PT413', null, 'more than 100 events: 413');
select throws_ok(format($$select public.receive_channel_events(%L, '{}')$$, :'wa_id'), '22023', null, 'p_events is an array');
select throws_ok($$select public.receive_channel_events(gen_random_uuid(), '[]')$$, 'PT404', null, 'an unknown binding: 404');
select is((select count(*)::int from agents.messages), :messages_before, 'no refused batch wrote a message (not even its valid first event)');

-- ------------------------------------------------------------------ delivery statuses
-- Outbound messages (the outbox will write them; here directly), then statuses in every order.
select tests.clear_authentication();
create temporary table outbound_orders (provider_id text, statuses text[]) on commit drop;
insert into outbound_orders values
  ('out.1', '{sent,delivered,read}'), ('out.2', '{sent,read,delivered}'), ('out.3', '{delivered,sent,read}'),
  ('out.4', '{delivered,read,sent}'), ('out.5', '{read,sent,delivered}'), ('out.6', '{read,delivered,sent}');
insert into agents.messages (conversation_id, seq, binding_id, ai_lenser_id, channel, direction, contact_id, body, provider_message_id, delivery_status)
select :'ann_conv', 2 + row_number() over (order by provider_id), :'wa_id', :'agent', 'whatsapp', 'outbound', :'ann', 'reply', provider_id, 'queued'
from outbound_orders;
update agents.conversations set last_message_seq = 8 where id = :'ann_conv';
insert into agents.messages (conversation_id, seq, binding_id, ai_lenser_id, channel, direction, contact_id, body, provider_message_id, delivery_status)
values (:'ann_conv', 9, :'wa_id', :'agent', 'whatsapp', 'outbound', :'ann', 'reply', 'out.f', 'queued'),
       (:'ann_conv', 10, :'wa_id', :'agent', 'whatsapp', 'outbound', :'ann', 'reply', 'out.d', 'queued');
update agents.conversations set last_message_seq = 10 where id = :'ann_conv';
create temporary table status_answers (provider_id text, answer jsonb) on commit drop;
grant all on outbound_orders, status_answers to service_role;
select tests.authenticate_as_service_role();
insert into status_answers
select o.provider_id, public.receive_channel_events(:'wa_id', jsonb_build_array(jsonb_build_object(
  'kind', 'status', 'providerMessageId', o.provider_id, 'status', s.status, 'at', '2026-12-02T11:00:00Z')))
from outbound_orders o cross join lateral unnest(o.statuses) with ordinality s(status, n)
order by o.provider_id, s.n;
select is((select array_agg(distinct delivery_status::text) from agents.messages where provider_message_id like 'out._' and provider_message_id <> 'out.f' and provider_message_id <> 'out.d'),
  '{read}'::text[], 'sent, delivered and read in all six orders end at read');
select is((select sum((answer ->> 'statuses')::int)::int from status_answers where provider_id = 'out.1'), 3, 'in order, each status applies');
select is((select sum((answer ->> 'ignored')::int)::int from status_answers where provider_id = 'out.5'), 2, 'after read, a late sent and delivered are ignored');
select ok((select read_at is not null and delivered_at is null from agents.messages where provider_message_id = 'out.5'),
  'a stale delivered did not write its time');
select is(public.receive_channel_events(:'wa_id', '[{"kind":"status","providerMessageId":"out.f","status":"failed","error":{"code":131047,"title":"Re-engagement message"},"at":"2026-12-02T11:00:00Z"}]') ->> 'statuses',
  '1', 'queued to failed applies');
select is(public.receive_channel_events(:'wa_id', '[{"kind":"status","providerMessageId":"out.f","status":"delivered","at":"2026-12-02T11:01:00Z"},{"kind":"status","providerMessageId":"out.f","status":"failed","error":{"code":1,"title":"other"},"at":"2026-12-02T11:02:00Z"}]') ->> 'ignored',
  '2', 'a failed message takes no later status, nor a second failure');
select is((select error from agents.messages where provider_message_id = 'out.f'), '{"code":131047,"title":"Re-engagement message"}'::jsonb,
  'failed keeps its first error');
select public.receive_channel_events(:'wa_id', '[{"kind":"status","providerMessageId":"out.d","status":"delivered","at":"2026-12-02T11:00:00Z"}]');
select is(public.receive_channel_events(:'wa_id', '[{"kind":"status","providerMessageId":"out.d","status":"failed","error":{"code":1,"title":"x"},"at":"2026-12-02T11:00:00Z"}]') ->> 'ignored',
  '1', 'failed after delivered is ignored');
select is(public.receive_channel_events(:'wa_id', '[{"kind":"status","providerMessageId":"nope","status":"read","at":"2026-12-02T11:00:00Z"}]') ->> 'ignored',
  '1', 'a status for no message of this binding is ignored');
select is(public.receive_channel_events(:'sl_id', '[{"kind":"status","providerMessageId":"out.d","status":"read","at":"2026-12-02T11:00:00Z"}]') ->> 'ignored',
  '1', 'nor of another binding');
select tests.clear_authentication();
select throws_ok($$update agents.messages set delivery_status = 'sent' where provider_message_id = 'out.1'$$, 'PT409', null,
  'the table refuses a backward move (409)');
select throws_ok($$update agents.messages set delivery_status = 'read' where provider_message_id = 'out.f'$$, 'PT409', null,
  'and any move after failed');
select throws_ok($$update agents.messages set error = '{"title":"rewritten"}' where provider_message_id = 'out.f'$$, 'PT409', null,
  'a failed message''s error is final');
select throws_ok($$update agents.messages set body = 'edited' where provider_message_id = 'wamid.A1'$$, '23514', null,
  'a message''s body is history');
select throws_ok($$update agents.messages set provider_message_id = 'wamid.other' where provider_message_id = 'wamid.A1'$$, '23514', null,
  'an inbound message''s provider id never changes');
select throws_ok($$update agents.messages set provider_message_id = 'out.1b' where provider_message_id = 'out.1'$$, '23514', null,
  'nor an outbound one''s once set');
insert into agents.messages (conversation_id, seq, binding_id, ai_lenser_id, channel, direction, contact_id, body, delivery_status)
values (:'ann_conv', 11, :'wa_id', :'agent', 'whatsapp', 'outbound', :'ann', 'unsent reply', 'queued');
update agents.conversations set last_message_seq = 11 where id = :'ann_conv';
select lives_ok($$update agents.messages set provider_message_id = 'out.sent', delivery_status = 'sent' where body = 'unsent reply'$$,
  'the outbox records the provider''s id with sent, once');
select ok((select sent_at is not null from agents.messages where provider_message_id = 'out.sent'), 'sent_at is set when sent is reached');
select throws_ok($$insert into agents.messages (conversation_id, seq, binding_id, ai_lenser_id, channel, direction, body, delivery_status) values ($$
  || quote_literal(:'ann_conv') || ', 99, ' || quote_literal(:'wa_id') || ', ' || quote_literal(:'agent') || $$, 'whatsapp', 'inbound', 'x', 'sent')$$,
  '23514', null, 'an inbound message has no delivery status');

-- ------------------------------------------------------------------ web chat, merge and unmerge
select tests.authenticate_as_service_role();
select format('visitor:%s', gen_random_uuid()) as visitor \gset
select public.receive_channel_events(:'web_id', jsonb_build_array(jsonb_build_object('kind', 'message', 'providerMessageId', 'web.1',
  'sender', jsonb_build_object('externalId', :'visitor'), 'body', 'hi from the site', 'sentAt', '2026-12-02T10:00:00Z')));
select public.receive_channel_events(:'web_id', jsonb_build_array(jsonb_build_object('kind', 'message', 'providerMessageId', 'web.2',
  'sender', jsonb_build_object('externalId', 'user:' || :'stan_profile', 'profileId', :'stan_profile', 'name', 'Stan'),
  'body', 'signed in now', 'sentAt', '2026-12-02T10:05:00Z')));
select is((select count(*)::int from public.get_web_chat_messages(:'web_id', :'visitor', 0, 100)), 1, 'the web reader returns the visitor''s message');
select is((select count(*)::int from public.get_web_chat_messages(:'web_id', :'visitor', 1, 100)), 0, 'and nothing after its seq');
select is((select count(*)::int from public.get_web_chat_messages(:'web_id', format('visitor:%s', gen_random_uuid()), 0, 100)), 0,
  'an identity with no conversation yet reads nothing');
select throws_ok(format('select * from public.get_web_chat_messages(%L, %L, 0, 501)', :'web_id', :'visitor'), '22023', null, 'p_limit is 1 to 500');
select throws_ok(format('select * from public.get_web_chat_messages(%L, %L, 0, 10)', :'wa_id', :'visitor'), 'PT404', null, 'a non-web binding: 404');
select tests.clear_authentication();
select id as visitor_contact from agents.contact_identities where external_id = :'visitor' \gset
select contact_id as stan_contact from agents.contact_identities where external_id = 'user:' || :'stan_profile' \gset
select is((select profile_id from agents.contacts where id = :'stan_contact'), :'stan_profile'::uuid, 'a signed-in web user''s contact is linked to the profile');
select contact_id as visitor_contact from agents.contact_identities where external_id = :'visitor' \gset

select tests.authenticate_as(:'olga');
select throws_ok(format('select public.merge_contacts(%L, %L)', :'ann', :'visitor_contact'), '42501', null, 'an operator may not merge');
select tests.authenticate_as(:'stan');
select throws_ok(format('select public.merge_contacts(%L, %L)', :'ann', :'visitor_contact'), 'PT404', null, 'a stranger gets 404');
select tests.authenticate_as(:'alice');
select throws_ok(format('select public.merge_contacts(%L, %L)', :'ann', :'ann'), '22023', null, 'a contact is not merged into itself');
\o /dev/null
select tests.clear_authentication();
create temporary table before_merge on commit drop as
select 'identity' as kind, id, contact_id from agents.contact_identities where ai_lenser_id = :'agent'
union all select 'conversation', id, contact_id from agents.conversations where ai_lenser_id = :'agent'
union all select 'message', id, contact_id from agents.messages where ai_lenser_id = :'agent'
union all select 'contact', id, merged_into_id from agents.contacts where ai_lenser_id = :'agent'
union all select 'profile', id, profile_id from agents.contacts where ai_lenser_id = :'agent';
select tests.authenticate_as(:'alice');
select * from public.merge_contacts(:'ann', :'stan_contact') \gset merge_
\o
select tests.clear_authentication();
select is((select count(*)::int from agents.contact_identities where contact_id = :'ann'), 2, 'the merged contact''s identity moved to the survivor');
select is((select profile_id from agents.contacts where id = :'ann'), :'stan_profile'::uuid, 'and its profile link');
select is((select merged_into_id from agents.contacts where id = :'stan_contact'), :'ann'::uuid, 'the merged contact points to the survivor');
select is((select count(*)::int from agents.messages where contact_id = :'stan_contact'), 0, 'its messages name the survivor');
select is(cardinality(:'merge_moved_message_ids'::uuid[]), 1, 'the merge records what moved');
select results_eq(format($$select event_type::text, module::text, subject_id, contact_id, payload ->> 'merged_id' from agents.events
    where scope_id = (select profile_id from agents.ai_lensers where id = %L) and event_type = 'contacts_merged'$$, :'agent'),
  format($$values ('contacts_merged', 'contacts', %L::uuid, %L::uuid, %L)$$, :'ann', :'ann', :'stan_contact'),
  'a merge is one contacts_merged event on the bus, in the agent''s scope');
select tests.authenticate_as(:'alice');
select throws_ok(format('select public.merge_contacts(%L, %L)', :'visitor_contact', :'stan_contact'), 'PT409', null, 'a merged contact is not merged again');
select tests.authenticate_as_service_role();
select public.receive_channel_events(:'web_id', jsonb_build_array(jsonb_build_object('kind', 'message', 'providerMessageId', 'web.3',
  'sender', jsonb_build_object('externalId', 'user:' || :'alice_profile', 'profileId', :'alice_profile'),
  'body', 'the owner tries the chat', 'sentAt', '2026-12-02T10:06:00Z')));
select tests.clear_authentication();
select contact_id as alice_contact from agents.contact_identities where external_id = 'user:' || :'alice_profile' \gset
select tests.authenticate_as(:'alice');
select throws_ok(format('select public.merge_contacts(%L, %L)', :'ann', :'alice_contact'), 'PT409', null,
  'two contacts linked to different accounts are not merged');
select throws_ok(format('select public.merge_contacts(%L, (select id from agents.contacts limit 0))', :'ann'), '22023', null,
  'a missing contact id is a bad value');
select ok((public.unmerge_contacts(:'merge_id')).unmerged_at is not null, 'the owner undoes the merge');
select throws_ok(format('select public.unmerge_contacts(%L)', :'merge_id'), 'PT409', null, 'undoing it twice: 409');
select is((select count(*)::int from agents.events where event_type = 'contacts_unmerged' and payload ->> 'merge_id' = :'merge_id'), 1,
  'the undo is one contacts_unmerged event');
select tests.clear_authentication();
select is_empty($$
  select b.kind, b.id from before_merge b
  where b.contact_id is distinct from case b.kind
    when 'identity' then (select contact_id from agents.contact_identities where id = b.id)
    when 'conversation' then (select contact_id from agents.conversations where id = b.id)
    when 'message' then (select contact_id from agents.messages where id = b.id)
    when 'contact' then (select merged_into_id from agents.contacts where id = b.id)
    else (select profile_id from agents.contacts where id = b.id) end
$$, 'unmerge restores exactly what the merge moved (identities, conversations, messages, links)');
select tests.authenticate_as(:'stan');
select throws_ok(format('select public.unmerge_contacts(%L)', :'merge_id'), 'PT404', null, 'a stranger cannot see a merge');

-- ------------------------------------------------------------------ lists
select tests.authenticate_as(:'olga');
select is((select count(*)::int from public.list_conversations(:'agent')), 6, 'an operator lists the agent''s conversations');
select is((select array_agg(seq order by seq desc) from public.list_messages(:'ann_conv', p_limit => 3)), '{11,10,9}'::bigint[],
  'messages come newest first');
select is((select array_agg(seq order by seq desc) from public.list_messages(:'ann_conv', p_before_seq => 8, p_limit => 3)), '{7,6,5}'::bigint[],
  'and the next page starts before the last seq');
select throws_ok(format('select public.list_messages(%L, p_limit => 201)', :'ann_conv'), '22023', null, 'a page has at most 200 rows');
select tests.authenticate_as(:'stan');
select throws_ok(format('select public.list_messages(%L)', :'ann_conv'), 'PT404', null, 'a stranger''s conversation: 404');
select throws_ok(format('select public.list_contacts(%L)', :'agent'), '42501', null, 'another user''s agent''s contacts: 403');

-- ------------------------------------------------------------------ RLS on every channel table
create temporary table channel_tables (name text) on commit drop;
insert into channel_tables values ('agents.channel_bindings'), ('agents.tier_config_versions'), ('agents.contacts'),
  ('agents.contact_identities'), ('agents.conversations'), ('agents.messages'), ('agents.contact_merges');
grant select on channel_tables to authenticated, anon;
create function pg_temp.visible(p_table text) returns integer language plpgsql as $$
declare n integer;
begin
  execute format('select count(*) from %s where ai_lenser_id = %L', p_table, current_setting('ch.agent')) into n;
  return n;
exception when insufficient_privilege then
  return -1;
end $$;
grant execute on function pg_temp.visible(text) to authenticated, anon;
create function pg_temp.tests_ch_try(p_statement text) returns text language plpgsql as $$
declare n integer;
begin
  execute p_statement;
  get diagnostics n = row_count;
  return n::text;
exception when insufficient_privilege then
  return 'denied';
end $$;
grant execute on function pg_temp.tests_ch_try(text) to authenticated, anon;
select set_config('ch.agent', :'agent', true);
select tests.clear_authentication();
create temporary table owner_counts on commit drop as select name, pg_temp.visible(name) as n from channel_tables;
grant select on owner_counts to authenticated, anon;
select is_empty($$select name from owner_counts where n = 0$$, 'every channel table has rows of the agent');
select tests.authenticate_as(:'alice');
select is_empty($$select c.name from channel_tables c join owner_counts o using (name) where pg_temp.visible(c.name) <> o.n$$,
  'the owner sees every row of the agent in every channel table');
select tests.authenticate_as(:'olga');
select is_empty($$select c.name from channel_tables c join owner_counts o using (name) where pg_temp.visible(c.name) <> o.n$$,
  'so does an operator');
select tests.authenticate_as(:'stan');
select is_empty($$select c.name from channel_tables c where pg_temp.visible(c.name) <> 0$$, 'a stranger sees none');
select tests.authenticate_as_anon();
select is_empty($$select c.name from channel_tables c where pg_temp.visible(c.name) not in (0, -1)$$, 'nor does anon');
select tests.authenticate_as(:'olga');
select is(pg_temp.tests_ch_try($$update agents.contacts set display_name = 'x'$$), '0', 'an operator updates no contact');
select is(pg_temp.tests_ch_try($$update agents.channel_bindings set name = 'x'$$), '0', 'nor a binding');
select is(pg_temp.tests_ch_try($$delete from agents.messages$$), 'denied', 'no client deletes a message');
select tests.authenticate_as(:'alice');
select is(pg_temp.tests_ch_try($$delete from agents.messages$$), 'denied', 'not even the owner');
select is(pg_temp.tests_ch_try($$insert into agents.contacts (ai_lenser_id) values ('$$ || :'agent' || $$')$$), 'denied',
  'contacts are made by the webhooks, not by clients directly');

select * from finish();
rollback;

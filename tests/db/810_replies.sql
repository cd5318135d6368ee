-- Replies (README "Channels: replies"): a conversation's turn queued and debounced with the inbound
-- message, one open turn per conversation, dispatched as a run of the binding's reply workflow for
-- the agent, its reply put in the outbox when the run ends (a follow-up turn when a message came
-- meanwhile), the outbox claimed with WhatsApp's 24-hour window and a per-binding rate, completed
-- and failed with retries, the web chat's stream, Slack threads, the loop guard, the refusals, RLS.
begin;
select plan(100);

select tests.create_user('rp-alice@example.com', '{"handle":"rp-alice"}') as alice \gset
select tests.create_user('rp-stan@example.com', '{"handle":"rp-stan"}') as stan \gset
select tests.new_agent(:'alice', 'replier') as agent \gset
select profile_id as agent_profile from agents.ai_lensers where id = :'agent' \gset

select tests.authenticate_as(:'alice');
\o /dev/null
select * from public.create_channel_binding(:'agent', 'whatsapp', 'Line', '15557001',
  p_app_secret_env => 'WA_APP_SECRET', p_verify_token_env => 'WA_VERIFY_TOKEN', p_access_token_env => 'WA_ACCESS_TOKEN') \gset wa_
select * from public.create_channel_binding(:'agent', 'whatsapp', 'Templated line', '15557002',
  p_app_secret_env => 'WA_APP_SECRET', p_verify_token_env => 'WA_VERIFY_TOKEN', p_access_token_env => 'WA_ACCESS_TOKEN',
  p_whatsapp_template => '{"name":"follow_up","language":"en_US"}') \gset wt_
select * from public.create_channel_binding(:'agent', 'slack', 'Slack', 'T0007:A0007',
  p_signing_secret_env => 'SLACK_SIGNING_SECRET', p_bot_token_env => 'SLACK_BOT_TOKEN') \gset sl_
select * from public.create_channel_binding(:'agent', 'web', 'Chat', p_allowed_origins => '{https://example.com}') \gset web_
select * from public.create_channel_binding(:'agent', 'whatsapp', 'Loop line', '15557003',
  p_app_secret_env => 'WA_APP_SECRET', p_verify_token_env => 'WA_VERIFY_TOKEN', p_access_token_env => 'WA_ACCESS_TOKEN',
  p_loop_guard_max_turns => 2, p_loop_guard_window_seconds => 600) \gset lp_
\o
select tests.clear_authentication();

-- ------------------------------------------------------------------ the default reply workflow
select isnt(:'wa_reply_workflow_id'::uuid, null::uuid, 'a new binding gets a reply workflow');
select is((select status::text || ':' || visibility::text from lenses.workflows where id = :'wa_reply_workflow_id'), 'published:private',
  'published and private');
select is((select lenser_id from lenses.workflows where id = :'wa_reply_workflow_id'), :'agent_profile'::uuid,
  'owned by the agent''s profile');
select is((select title from lenses.workflows where id = :'wa_reply_workflow_id'), 'Reply on whatsapp', 'named for the channel');
select is(:'wt_reply_workflow_id'::uuid, :'wa_reply_workflow_id'::uuid, 'a second binding on the same channel reuses it');
select isnt(:'sl_reply_workflow_id'::uuid, :'wa_reply_workflow_id'::uuid, 'another channel has its own');
select is((select count(*)::int from lenses.workflow_nodes where workflow_id = :'wa_reply_workflow_id'), 1, 'one node');

-- ------------------------------------------------------------------ a turn queued with the message
select tests.authenticate_as_service_role();
\o /dev/null
select public.receive_channel_events(:'wa_id', '[{"kind":"message","providerMessageId":"wamid.r1","sender":{"externalId":"4917000001","name":"Rita"},"body":"hello","sentAt":"2026-12-02T10:00:00Z"}]');
\o
select tests.clear_authentication();
select id as conv from agents.conversations where binding_id = :'wa_id' \gset
select is((select count(*)::int from agents.conversation_turns where conversation_id = :'conv'), 1, 'the message queues one turn');
select * from agents.conversation_turns where conversation_id = :'conv' \gset turn_
select is(:'turn_status'::text, 'queued', 'queued');
select ok(:'turn_due_at'::timestamptz > now() + interval '1 second', 'due after the debounce (1500 ms)');
select is(:'turn_through_seq'::int, 1, 'answering message 1');

select tests.authenticate_as_service_role();
\o /dev/null
select public.receive_channel_events(:'wa_id', '[{"kind":"message","providerMessageId":"wamid.r2","sender":{"externalId":"4917000001","name":"Rita"},"body":"are you there?","sentAt":"2026-12-02T10:00:01Z"},{"kind":"message","providerMessageId":"wamid.r1","sender":{"externalId":"4917000001","name":"Rita"},"body":"hello","sentAt":"2026-12-02T10:00:00Z"}]');
\o
select is((select count(*)::int from agents.conversation_turns where conversation_id = :'conv'), 1, 'a burst makes one turn');
select is((select through_seq::int from agents.conversation_turns where conversation_id = :'conv'), 2, 'the turn now answers message 2 (a redelivery changes nothing)');
select is(public.dispatch_conversation_turns(10) ->> 'started', '0', 'nothing starts before it is due');
update agents.conversation_turns set due_at = now() - interval '1 second' where conversation_id = :'conv';
select is(public.dispatch_conversation_turns(10) - 'nextDueInMs', '{"started":1,"paused":0,"cancelled":0,"failed":0}'::jsonb, 'the due turn starts');
select * from agents.conversation_turns where conversation_id = :'conv' \gset turn_
select is(:'turn_status'::text, 'running', 'running');
select is((select lenser_id from lenses.workflow_runs where id = :'turn_run_id'), :'agent_profile'::uuid, 'its run belongs to the agent (the agent acts)');
select is((select workflow_id from lenses.workflow_runs where id = :'turn_run_id'), :'wa_reply_workflow_id'::uuid, 'a run of the reply workflow');
select is((select input ->> 'conversation' from lenses.workflow_runs where id = :'turn_run_id'), E'Contact: hello\n\nContact: are you there?',
  'its input is the conversation, oldest first');
select is((select input -> 'contact' ->> 'externalId' from lenses.workflow_runs where id = :'turn_run_id'), '4917000001', 'and the contact');
select is((:'turn_config_versions'::jsonb) -> 'binding', jsonb_build_object('id', :'wa_id'::uuid, 'version', 1), 'the config versions are recorded');

-- A message while it runs: no second turn, a follow-up.
\o /dev/null
select public.receive_channel_events(:'wa_id', '[{"kind":"message","providerMessageId":"wamid.r3","sender":{"externalId":"4917000001","name":"Rita"},"body":"one more thing","sentAt":"2026-12-02T10:00:02Z"}]');
\o
select is((select count(*)::int from agents.conversation_turns where conversation_id = :'conv'), 1, 'one turn at a time per conversation');
select ok((select followup from agents.conversation_turns where id = :'turn_id'), 'the running turn is marked for a follow-up');
select throws_ok($$insert into agents.conversation_turns (conversation_id, binding_id, ai_lenser_id, due_at, through_seq)
  values ($$ || quote_literal(:'conv') || $$, $$ || quote_literal(:'wa_id') || $$, $$ || quote_literal(:'agent') || $$, now(), 1)$$,
  '23505', null, 'a second open turn is refused by construction');

-- The run completes: the reply goes to the outbox, the follow-up is queued. The binding's profile
-- overrides are the turn's.
select tests.authenticate_as(:'alice');
select (public.create_personality_profile(p_ai_lenser_id => :'agent', p_name => 'Default', p_is_default => true)).id as pp_default \gset
select (public.create_personality_profile(p_ai_lenser_id => :'agent', p_name => 'On WhatsApp')).id as pp_wa \gset
select tests.authenticate_as_service_role();
update agents.channel_bindings set personality_profile_id = :'pp_wa' where id = :'wa_id';
select * from tests.claim_node(:'turn_run_id', 'reply') \gset task_
select is((select personality_profile_id from agents.agent_turns where node_result_id = :'task_result_id'), :'pp_wa'::uuid,
  'the turn runs with the binding''s personality profile, not the agent''s default');
select ok(starts_with(:'task_prompt'::text, E'Contact: hello\n\nContact: are you there?\n'), 'the reply node''s prompt is the conversation (then the contact)');
\o /dev/null
select public.complete_workflow_task(:'task_result_id', :'task_lease_token', 'Hi Rita, how can I help?',
  p_llm_call => '{"input_tokens":3,"output_tokens":5,"latency_ms":4}');
\o
select is((select status::text from agents.conversation_turns where id = :'turn_id'), 'done', 'the turn is done');
select * from agents.messages where id = (select reply_message_id from agents.conversation_turns where id = :'turn_id') \gset reply_
select is(:'reply_body'::text, 'Hi Rita, how can I help?', 'its reply is the run''s text');
select is(:'reply_direction' || ':' || :'reply_delivery_status', 'outbound:queued', 'an outbound message, queued');
select is(:'reply_seq'::int, 4, 'with the conversation''s next seq');
select is((select turn_id from agents.message_sends where message_id = :'reply_id'), :'turn_id'::uuid, 'in the outbox, linked to its turn');
select is((select count(*)::int from agents.conversation_turns where conversation_id = :'conv' and status = 'queued' and through_seq = 3), 1,
  'the follow-up turn is queued for the message that came meanwhile');

-- ------------------------------------------------------------------ the outbox
select is(jsonb_array_length(public.claim_channel_sends('pgtap', 10, 60)), 1, 'the sender claims the reply');
select is(jsonb_array_length(public.claim_channel_sends('pgtap', 10, 60)), 0, 'a leased message is not claimed again');
update agents.message_sends set lease_expires_at = now() - interval '1 second' where message_id = :'reply_id';
-- An expired WhatsApp lease waits a grace window first (tests/db/812_send_reconciliation.sql).
select is(jsonb_array_length(public.claim_channel_sends('pgtap', 10, 60)), 0, 'an expired WhatsApp lease is put off once');
update agents.message_sends set next_attempt_at = now() where message_id = :'reply_id';
select public.claim_channel_sends('pgtap', 10, 60) -> 0 as claim \gset
select is((:'claim'::jsonb) - 'leaseToken' - 'uncertainSince', jsonb_build_object('messageId', :'reply_id'::uuid, 'attempt', 2, 'channel', 'whatsapp',
  'routingKey', '15557001', 'accessTokenEnv', 'WA_ACCESS_TOKEN', 'botTokenEnv', null, 'to', '4917000001', 'recipientType', 'individual',
  'threadTs', null, 'body', 'Hi Rita, how can I help?', 'template', null, 'sentAs', 'text'),
  'an expired lease is claimed again, as a second attempt, with what the send needs');
select throws_ok(format($$select public.complete_channel_send(%L, gen_random_uuid(), 'wamid.out1')$$, :'reply_id'), 'PT409', null,
  'a stale lease cannot complete');
select is(public.complete_channel_send(:'reply_id', (:'claim'::jsonb ->> 'leaseToken')::uuid, 'wamid.out1'),
  jsonb_build_object('messageId', :'reply_id'::uuid, 'status', 'sent'), 'completed: sent');
select is((select provider_message_id || ':' || delivery_status from agents.messages where id = :'reply_id'), 'wamid.out1:sent',
  'the message is sent with the provider''s id');
select ok((select done_at is not null and lease_token is null from agents.message_sends where message_id = :'reply_id'), 'its outbox row is done');
select results_eq(format($$select module::text, payload ->> 'provider_message_id', payload ->> 'status' from agents.events
    where event_type = 'message_sent' and subject_id = %L$$, :'reply_id'),
  $$values ('channels', 'wamid.out1', 'sent')$$, 'the send is one message_sent event on the bus');
select throws_ok(format($$select public.complete_channel_send(%L, %L, 'wamid.out1')$$, :'reply_id', :'claim'::jsonb ->> 'leaseToken'), 'PT409', null,
  'completing twice is refused');
\o /dev/null
select public.receive_channel_events(:'wa_id', '[{"kind":"status","providerMessageId":"wamid.out1","status":"read","at":"2026-12-02T10:01:00Z"},{"kind":"status","providerMessageId":"wamid.out1","status":"delivered","at":"2026-12-02T10:00:30Z"}]');
\o
select is((select count(*)::int from agents.events where event_type = 'message_status_changed' and subject_id = :'reply_id'), 1,
  'the applied status is one message_status_changed event (the stale delivered after read is none)');
select is((select delivery_status::text from agents.messages where id = :'reply_id'), 'read', 'statuses find it by the provider id, forward only');
select throws_ok(format($$update agents.messages set provider_message_id = 'wamid.other' where id = %L$$, :'reply_id'), '23514', null,
  'the provider id is set once');

-- Retries and failures.
select agents.fn_reply_outbound(:'conv', 'second reply', null, '{"kind":"send_message"}') as m2 \gset
select public.claim_channel_sends('pgtap', 10, 60) -> 0 ->> 'leaseToken' as m2_lease \gset
select is(public.fail_channel_send(:'m2', :'m2_lease', '{"code":"130429","message":"rate limit"}', 5000, true) - 'messageId',
  '{"status":"retrying","attempts":1,"nextAttemptInMs":5000}'::jsonb, 'a retryable failure is retried after Retry-After');
select ok((select next_attempt_at between now() + interval '4.9 seconds' and now() + interval '5.1 seconds' and lease_token is null
  from agents.message_sends where message_id = :'m2'), 'not before then');
select is(jsonb_array_length(public.claim_channel_sends('pgtap', 10, 60)), 0, 'nothing is due meanwhile');
update agents.message_sends set next_attempt_at = now() where message_id = :'m2';
select public.claim_channel_sends('pgtap', 10, 60) -> 0 ->> 'leaseToken' as m2_lease \gset
select ok((select d between 500 and 2000 from (select (public.fail_channel_send(:'m2', :'m2_lease', '{"code":"500","message":"oops"}', null, true) ->> 'nextAttemptInMs')::int as d) x),
  'without Retry-After: the backoff (1 s * 2^(attempt-1), jittered)');
update agents.message_sends set next_attempt_at = now() where message_id = :'m2';
select public.claim_channel_sends('pgtap', 10, 60) -> 0 ->> 'leaseToken' as m2_lease \gset
select is(public.fail_channel_send(:'m2', :'m2_lease', '{"code":"131026","message":"undeliverable"}', null, false) ->> 'status', 'failed',
  'a permanent failure is final');
select is((select delivery_status::text || ':' || (error ->> 'code') from agents.messages where id = :'m2'), 'failed:131026',
  'the message failed, keeping its error');
select throws_ok(format($$select public.fail_channel_send(%L, %L, '"text"', null, false)$$, :'m2', :'m2_lease'), '22023', null,
  'p_error must be an object');
select throws_ok($$select public.complete_channel_send(gen_random_uuid(), gen_random_uuid(), 'x')$$, 'PT404', null, 'an unknown message: 404');

-- WhatsApp's 24-hour window.
update agents.conversations set last_inbound_at = now() - interval '25 hours' where id = :'conv';
select agents.fn_reply_outbound(:'conv', 'late reply', null, '{"kind":"send_message"}') as m3 \gset
select is(jsonb_array_length(public.claim_channel_sends('pgtap', 10, 60)), 0, 'outside the window without a template: nothing to send');
select is((select delivery_status::text || ': ' || (error ->> 'title') from agents.messages where id = :'m3'),
  'failed: outside the 24-hour customer service window and no template', 'the message fails before any API call, saying why');
\o /dev/null
select public.receive_channel_events(:'wt_id', '[{"kind":"message","providerMessageId":"wamid.t1","sender":{"externalId":"4917000002","name":"Tom"},"body":"hi","sentAt":"2026-12-02T10:00:00Z"}]');
\o
select id as tconv from agents.conversations where binding_id = :'wt_id' \gset
update agents.conversations set last_inbound_at = now() - interval '25 hours' where id = :'tconv';
select agents.fn_reply_outbound(:'tconv', 'late reply', null, '{"kind":"send_message"}') as m4 \gset
select public.claim_channel_sends('pgtap', 10, 60) -> 0 as claim4 \gset
select is((:'claim4'::jsonb) -> 'sentAs', '"template"', 'outside the window with a template: the template goes');
select is((:'claim4'::jsonb) -> 'template', '{"name":"follow_up","language":"en_US"}', 'the binding''s template');
update agents.conversations set last_inbound_at = now() - interval '23 hours' where id = :'tconv';
update agents.message_sends set lease_token = null, lease_owner = null, lease_expires_at = null where message_id = :'m4';
select is(public.claim_channel_sends('pgtap', 10, 60) -> 0 -> 'sentAs', '"text"', 'within 24 hours: free-form text');

-- The per-binding rate.
update agents.channel_bindings set send_rate_per_second = 2 where id = :'wt_id';
select agents.fn_reply_outbound(:'tconv', 'a' || g, null, '{"kind":"send_message"}') from generate_series(1, 3) g \g /dev/null
select is(jsonb_array_length(public.claim_channel_sends('pgtap', 10, 60)), 1, 'at most send_rate_per_second attempts a second (one was made this second)');
select is((select count(*)::int from agents.message_sends where binding_id = :'wt_id' and done_at is null and lease_token is null
  and next_attempt_at > now()), 2, 'the rest is put off by a second');

-- The web chat: the stream carries it.
\o /dev/null
select public.receive_channel_events(:'web_id', '[{"kind":"message","providerMessageId":"web.1","sender":{"externalId":"visitor:0b6c2a52-3f0e-4e8a-9c1a-0d9e8f7a6b5c"},"body":"hi","sentAt":"2026-12-02T10:00:00Z"}]');
\o
select agents.fn_reply_outbound((select id from agents.conversations where binding_id = :'web_id'), 'welcome', null, '{"kind":"send_message"}') as m5 \gset
update agents.message_sends set next_attempt_at = now() + interval '1 hour' where binding_id <> :'web_id' and done_at is null;
select is(jsonb_array_length(public.claim_channel_sends('pgtap', 10, 60)), 0, 'a web message is not handed to the sender');
select is((select delivery_status::text || ':' || s.sent_as from agents.messages m join agents.message_sends s on s.message_id = m.id where m.id = :'m5'),
  'sent:stream', 'it is sent by the stream');

-- Slack: replies in the thread.
\o /dev/null
select public.receive_channel_events(:'sl_id', '[{"kind":"message","providerMessageId":"A0007:C01:1700000000.000100","providerEventId":"Ev01","sender":{"externalId":"U01"},"groupId":"C01","threadId":"1700000000.000100","body":"help","metadata":{"slackChannel":"C01"},"sentAt":"2026-12-02T10:00:00Z"}]');
\o
select agents.fn_reply_outbound((select id from agents.conversations where binding_id = :'sl_id'), 'on it', null, '{"kind":"send_message"}') as m6 \gset
select public.claim_channel_sends('pgtap', 10, 60) -> 0 as claim6 \gset
select is((:'claim6'::jsonb) ->> 'to', 'C01', 'a Slack reply goes to the channel');
select is((:'claim6'::jsonb) ->> 'threadTs', '1700000000.000100', 'in the thread of the message it answers');

-- Nothing from an orphan enters memory: the Slack group's turn (U01 is an unresolved sender there)
-- remembers nothing, although the agent's memory profile keeps every answer.
select tests.authenticate_as(:'alice');
select (public.create_memory_profile(p_ai_lenser_id => :'agent', p_name => 'Keeps all', p_summary_strategy => 'rolling',
  p_is_default => true)).id as mp \gset
select tests.authenticate_as_service_role();
update agents.channel_bindings set memory_profile_id = :'mp' where id = :'sl_id';
select ok(not (select resolved from agents.contacts where id = (select contact_id from agents.contact_identities where external_id = 'U01')),
  'the group''s sender is an orphan');
update agents.conversation_turns set due_at = now() - interval '1 second' where binding_id = :'sl_id' and status = 'queued';
update agents.conversation_turns set due_at = now() + interval '1 hour' where binding_id <> :'sl_id' and status = 'queued';
select is(public.dispatch_conversation_turns(10) ->> 'started', '1', 'the group''s turn starts');
select run_id as sl_run from agents.conversation_turns where binding_id = :'sl_id' and status = 'running' \gset
select * from tests.claim_node(:'sl_run', 'reply') \gset sl_task_
select public.complete_workflow_task(:'sl_task_result_id', :'sl_task_lease_token', 'Happy to help.',
  p_llm_call => '{"input_tokens":1,"output_tokens":1,"latency_ms":1}') \g /dev/null
select is((select status::text from agents.conversation_turns where run_id = :'sl_run'), 'done', 'it is answered');
select is((select count(*)::int from agents.memories where memory_profile_id = :'mp'), 0, 'and nothing of it is remembered');
update agents.conversation_turns set due_at = now() + interval '2 seconds' where status = 'queued' and due_at > now() + interval '59 minutes';

-- ------------------------------------------------------------------ a failed run, the loop guard
update agents.conversation_turns set due_at = now() - interval '1 second' where conversation_id = :'conv' and status = 'queued';
select is(public.dispatch_conversation_turns(10) ->> 'started', '1', 'the follow-up starts');
select id as turn2, run_id as run2 from agents.conversation_turns where conversation_id = :'conv' and status = 'running' \gset
select tests.authenticate_as(:'alice');
select public.cancel_workflow_run(:'run2', 'not now') \g /dev/null
select tests.authenticate_as_service_role();
select is((select status::text || ': ' || reason from agents.conversation_turns where id = :'turn2'), 'failed: the reply run ended cancelled: not now',
  'a run that does not complete fails its turn (its owner may cancel it)');
select is((select count(*)::int from agents.messages where conversation_id = :'conv' and direction = 'outbound' and metadata ->> 'turnId' = :'turn2'), 0,
  'and nothing is sent');

\o /dev/null
select public.receive_channel_events(:'lp_id', '[{"kind":"message","providerMessageId":"wamid.l1","sender":{"externalId":"4917000009","name":"Bot"},"body":"ping","sentAt":"2026-12-02T10:00:00Z"}]');
\o
select id as lconv from agents.conversations where binding_id = :'lp_id' \gset
insert into agents.conversation_turns (conversation_id, binding_id, ai_lenser_id, status, due_at, through_seq, started_at, ended_at)
select :'lconv', :'lp_id', :'agent', 'done', now(), 1, now() - interval '1 minute' * g, now() from generate_series(1, 2) g;
update agents.conversation_turns set due_at = now() - interval '1 second' where conversation_id = :'lconv' and status = 'queued';
select is(public.dispatch_conversation_turns(10) ->> 'paused', '1', 'a third turn in the window trips the loop guard');
select is((select state::text from agents.conversations where id = :'lconv'), 'paused', 'the conversation is paused');
select matches((select paused_reason from agents.conversations where id = :'lconv'), '^loop guard: 3 turns in the last 600 seconds \(the limit is 2\)',
  'and says why');
select is((select count(*)::int from agents.conversation_turns where conversation_id = :'lconv' and status = 'paused'), 1, 'the turn is paused');
\o /dev/null
select public.receive_channel_events(:'lp_id', '[{"kind":"message","providerMessageId":"wamid.l2","sender":{"externalId":"4917000009","name":"Bot"},"body":"ping","sentAt":"2026-12-02T10:00:01Z"}]');
\o
select is((select count(*)::int from agents.conversation_turns where conversation_id = :'lconv' and status = 'queued'), 0,
  'a paused conversation queues no turn (its messages are still stored)');

select tests.authenticate_as(:'stan');
select throws_ok(format($$select public.resume_conversation(%L)$$, :'lconv'), 'PT404', null, 'a stranger cannot resume it (404)');
select tests.authenticate_as(:'alice');
select is((public.resume_conversation(:'lconv')).state::text, 'active', 'an owner resumes it');
select is((select paused_reason from agents.conversations where id = :'lconv'), null, 'the reason is cleared');
select throws_ok(format($$select public.resume_conversation(%L)$$, :'lconv'), 'PT409', null, 'resuming an active conversation: 409');
select tests.authenticate_as_service_role();
\o /dev/null
select public.receive_channel_events(:'lp_id', '[{"kind":"message","providerMessageId":"wamid.l3","sender":{"externalId":"4917000009","name":"Bot"},"body":"ping","sentAt":"2026-12-02T10:00:02Z"}]');
\o
select is((select count(*)::int from agents.conversation_turns where conversation_id = :'lconv' and status = 'queued'), 1,
  'its next message queues a turn again');

-- ------------------------------------------------------------------ refusals
select throws_ok($$select public.dispatch_conversation_turns(0)$$, '22023', 'dispatch_conversation_turns: p_limit must be 1 to 100', 'p_limit is bounded');
select throws_ok($$select public.claim_channel_sends('w', 0, 60)$$, '22023', 'claim_channel_sends: p_limit must be 1 to 500', 'p_limit is bounded');
select throws_ok($$select public.claim_channel_sends('w', 1, 0)$$, '22023', 'claim_channel_sends: p_lease_seconds must be 1 to 3600', 'p_lease_seconds is bounded');
select tests.authenticate_as(:'alice');
select throws_ok($$select public.dispatch_conversation_turns(1)$$, '42501', null, 'the worker RPCs are the service role''s alone');
select throws_ok($$select public.claim_channel_sends('w', 1, 1)$$, '42501', null, 'claim too');

-- set_channel_binding_reply_workflow
select tests.published_workflow('Alice''s own replies') as own_wf \gset
select is((public.set_channel_binding_reply_workflow(:'wa_id', :'own_wf')).reply_workflow_id, :'own_wf'::uuid,
  'an owner points the binding at a workflow of theirs the agent may run');
select is((select version from agents.channel_bindings where id = :'wa_id'), 3, 'a new binding version (the personality override made version 2)');
select tests.authenticate_as(:'stan');
select tests.published_workflow('Stan''s replies') as stan_wf \gset
select throws_ok(format($$select public.set_channel_binding_reply_workflow(%L, %L)$$, :'wa_id', :'stan_wf'), 'PT404', null,
  'a stranger cannot see the binding');
select tests.authenticate_as(:'alice');
select throws_ok(format($$select public.set_channel_binding_reply_workflow(%L, %L)$$, :'wa_id', :'stan_wf'), '22023', null,
  'nor may the agent run a stranger''s private workflow');

-- ------------------------------------------------------------------ output_destination: channel
select (public.start_workflow_run(:'own_wf', '{}')).id as out_run \gset
select tests.authenticate_as_service_role();
select * from tests.claim_node(:'out_run', 'only') \gset out_task_
select public.complete_workflow_task(:'out_task_result_id', :'out_task_lease_token', 'Your report is ready.',
  p_llm_call => '{"input_tokens":1,"output_tokens":1,"latency_ms":1}') \g /dev/null
select jsonb_build_object('kind', 'channel', 'channelBindingId', :'wa_id'::uuid,
  'contactId', (select contact_id from agents.conversations where id = :'conv')) as dest \gset
update agents.conversations set last_inbound_at = now() where id = :'conv';
select agents.fn_deliver_output_to_channel('event-1:consumer', :'out_run', :'dest') as delivered \gset
select is((select body || ':' || delivery_status from agents.messages where id = :'delivered'), 'Your report is ready.:queued',
  'a completed run''s text goes to the destination''s contact through the outbox');
select is(agents.fn_deliver_output_to_channel('event-1:consumer', :'out_run', :'dest'), :'delivered'::uuid,
  'the same delivery again answers the same message');
select is((select count(*)::int from agents.message_sends where origin ->> 'kind' = 'output_destination'), 1, 'and queues nothing more');
select isnt(agents.fn_deliver_output_to_channel('event-2:consumer', :'out_run', :'dest'), :'delivered'::uuid, 'another delivery is another message');
select throws_like(format($$select agents.fn_deliver_output_to_channel('k', %L, %L)$$, :'out_run', (:'dest'::jsonb) - 'contactId'),
  '%names no contactId%', 'a destination without a contact is refused');
select throws_like(format($$select agents.fn_deliver_output_to_channel('k', %L, %L)$$, :'out_run', jsonb_set(:'dest'::jsonb, '{contactId}', to_jsonb(gen_random_uuid()))),
  '%has no active conversation%', 'a contact without a conversation on the binding is refused');
select tests.authenticate_as(:'alice');

-- ------------------------------------------------------------------ RLS
select ok((select count(*) from agents.conversation_turns) >= 4, 'the owner sees the agent''s turns');
select ok((select count(*) from agents.message_sends) >= 5, 'and its outbox');
select tests.authenticate_as(:'stan');
select is((select count(*)::int from agents.conversation_turns), 0, 'a stranger sees no turn');
select is((select count(*)::int from agents.message_sends), 0, 'nor the outbox');
select tests.clear_authentication();

select * from finish();
rollback;

-- Reconciling a send whose outcome was lost (README "Channels: replies"): an expired lease makes its
-- outbox row uncertain at the claim (kept through retryable failures, cleared when done); Slack's
-- uncertain row is handed back at once (the sender looks it up), WhatsApp's is put off once by the
-- grace window; a status whose callback data names a queued outbound message of the binding attaches
-- the wamid, applies the status and marks the send done, with the events a normal send emits, once;
-- unknown, foreign and already-sent messages are left alone; RLS.
begin;
select plan(47);

select tests.create_user('sr-alice@example.com', '{"handle":"sr-alice"}') as alice \gset
select tests.create_user('sr-stan@example.com', '{"handle":"sr-stan"}') as stan \gset
select tests.new_agent(:'alice', 'reconciler') as agent \gset

select tests.authenticate_as(:'alice');
\o /dev/null
select * from public.create_channel_binding(:'agent', 'whatsapp', 'Line', '15558001',
  p_app_secret_env => 'WA_APP_SECRET', p_verify_token_env => 'WA_VERIFY_TOKEN', p_access_token_env => 'WA_ACCESS_TOKEN') \gset wa_
select * from public.create_channel_binding(:'agent', 'whatsapp', 'Other line', '15558002',
  p_app_secret_env => 'WA_APP_SECRET', p_verify_token_env => 'WA_VERIFY_TOKEN', p_access_token_env => 'WA_ACCESS_TOKEN') \gset wb_
select * from public.create_channel_binding(:'agent', 'slack', 'Slack', 'T0812:A0812',
  p_signing_secret_env => 'SLACK_SIGNING_SECRET', p_bot_token_env => 'SLACK_BOT_TOKEN') \gset sl_
\o
select tests.authenticate_as_service_role();
\o /dev/null
select public.receive_channel_events(:'wa_id', '[{"kind":"message","providerMessageId":"wamid.sr-in1","sender":{"externalId":"4917100001","name":"Rita"},"body":"hello","sentAt":"2026-12-02T10:00:00Z"}]');
select public.receive_channel_events(:'wb_id', '[{"kind":"message","providerMessageId":"wamid.sr-in2","sender":{"externalId":"4917100002","name":"Tom"},"body":"hello","sentAt":"2026-12-02T10:00:00Z"}]');
select public.receive_channel_events(:'sl_id', '[{"kind":"message","providerMessageId":"A0812:C0812:1700000000.000100","providerEventId":"Ev0812","sender":{"externalId":"U0812"},"groupId":"C0812","threadId":"1700000000.000100","body":"help","metadata":{"slackChannel":"C0812"},"sentAt":"2026-12-02T10:00:00Z"}]');
\o
select id as wconv from agents.conversations where binding_id = :'wa_id' \gset
select id as bconv from agents.conversations where binding_id = :'wb_id' \gset
select id as sconv from agents.conversations where binding_id = :'sl_id' \gset
update agents.conversations set last_inbound_at = now() where id in (:'wconv', :'bconv');
-- No turn gets in the way: these tests queue their own messages.
update agents.conversation_turns set status = 'cancelled', ended_at = now() where status = 'queued';

-- ------------------------------------------------------------------ Slack: uncertain at claim
select agents.fn_reply_outbound(:'sconv', 'on it', null, '{"kind":"send_message"}') as s1 \gset
select public.claim_channel_sends('pgtap', 10, 60) -> 0 as c1 \gset
select is((:'c1'::jsonb) ->> 'messageId', :'s1', 'the Slack reply is claimed');
select is((:'c1'::jsonb) -> 'uncertainSince', 'null'::jsonb, 'a first attempt is not uncertain');
update agents.message_sends set lease_expires_at = now() - interval '1 second', last_attempt_at = now() - interval '70 seconds'
where message_id = :'s1';
select public.claim_channel_sends('pgtap', 10, 60) -> 0 as c2 \gset
select is((:'c2'::jsonb) ->> 'messageId', :'s1', 'an expired Slack lease is handed back at once (the sender looks it up)');
select is((:'c2'::jsonb) ->> 'attempt', '2', 'as a second attempt');
select is(((:'c2'::jsonb) ->> 'uncertainSince')::timestamptz, now() - interval '70 seconds',
  'uncertain since the lost attempt started');
select is((select uncertain_since from agents.message_sends where message_id = :'s1'), now() - interval '70 seconds',
  'recorded on the outbox row');
select is(public.fail_channel_send(:'s1', (:'c2'::jsonb ->> 'leaseToken')::uuid, '{"code":"ratelimited","message":"conversations.history"}', 0, true) ->> 'status',
  'retrying', 'a failed lookup is a retryable failure');
select is((select uncertain_since from agents.message_sends where message_id = :'s1'), now() - interval '70 seconds',
  'and the row stays uncertain (the next attempt looks again)');
select public.claim_channel_sends('pgtap', 10, 60) -> 0 as c3 \gset
select is(((:'c3'::jsonb) ->> 'uncertainSince')::timestamptz, now() - interval '70 seconds', 'the retry is handed the same time');
select is(public.complete_channel_send(:'s1', (:'c3'::jsonb ->> 'leaseToken')::uuid, 'C0812:1764670000.000001') ->> 'status', 'sent',
  'the lookup''s find completes it');
select ok((select done_at is not null and uncertain_since is null from agents.message_sends where message_id = :'s1'),
  'done, no longer uncertain');
select throws_ok(format($$update agents.message_sends set uncertain_since = now() where message_id = %L$$, :'s1'), '23514', null,
  'a done row is never uncertain (CHECK)');

-- ------------------------------------------------------------------ a network failure: the outcome is unknown too
select agents.fn_reply_outbound(:'sconv', 'still on it', null, '{"kind":"send_message"}') as s2 \gset
select public.claim_channel_sends('pgtap', 10, 60) -> 0 as n1 \gset
update agents.message_sends set last_attempt_at = now() - interval '5 seconds' where message_id = :'s2';
select is(public.fail_channel_send(:'s2', (:'n1'::jsonb ->> 'leaseToken')::uuid, '{"code":"network","message":"timed out"}', null, true) ->> 'status',
  'retrying', 'a network failure (no answer) is retried');
select is((select uncertain_since from agents.message_sends where message_id = :'s2'), now() - interval '5 seconds',
  'and makes the row uncertain since that attempt: the next one looks the message up first');
select agents.fn_reply_outbound(:'sconv', 'and again', null, '{"kind":"send_message"}') as s3 \gset
select public.claim_channel_sends('pgtap', 10, 60) -> 0 as n2 \gset
select public.fail_channel_send(:'s3', (:'n2'::jsonb ->> 'leaseToken')::uuid, '{"code":"http_503","message":"unavailable","status":503}', null, true);
select is((select uncertain_since from agents.message_sends where message_id = :'s3'), null,
  'a 5xx answer is an answer: retried, not uncertain');
select agents.fn_reply_outbound(:'bconv', 'over whatsapp', null, '{"kind":"send_message"}') as w0 \gset
select x as n3 from jsonb_array_elements(public.claim_channel_sends('pgtap', 10, 60)) x where x ->> 'messageId' = :'w0' \gset
select ok((public.fail_channel_send(:'w0', (:'n3'::jsonb ->> 'leaseToken')::uuid, '{"code":"network","message":"reset"}', 0, true)
           ->> 'nextAttemptInMs')::int >= 30000,
  'a WhatsApp network failure waits at least the grace window, even when asked to retry at once (Meta''s status may reconcile it)');
update agents.message_sends set done_at = now(), uncertain_since = null, lease_token = null, lease_expires_at = null
where message_id in (:'s2', :'s3', :'w0');

-- ------------------------------------------------------------------ WhatsApp: the grace window
select agents.fn_reply_outbound(:'wconv', 'first', null, '{"kind":"send_message"}') as w1 \gset
select public.claim_channel_sends('pgtap', 10, 60) -> 0 as c4 \gset
select is((:'c4'::jsonb) ->> 'messageId', :'w1', 'the WhatsApp reply is claimed');
update agents.message_sends set lease_expires_at = now() - interval '1 second', last_attempt_at = now() - interval '70 seconds'
where message_id = :'w1';
select is(jsonb_array_length(public.claim_channel_sends('pgtap', 10, 60)), 0, 'an expired WhatsApp lease is not sent again at once');
select * from agents.message_sends where message_id = :'w1' \gset w1_
select is(:'w1_uncertain_since'::timestamptz, now() - interval '70 seconds', 'it is uncertain since the lost attempt');
select is(:'w1_next_attempt_at'::timestamptz, now() + interval '30 seconds', 'put off by the 30-second grace window');
select ok((select lease_token is null and attempts = 1 from agents.message_sends where message_id = :'w1'),
  'released, and the wait is no attempt');
select is(jsonb_array_length(public.claim_channel_sends('pgtap', 10, 60)), 0, 'nothing is claimed within the window');
update agents.message_sends set next_attempt_at = now() where message_id = :'w1';
select public.claim_channel_sends('pgtap', 10, 60) -> 0 as c5 \gset
select is((:'c5'::jsonb) ->> 'messageId', :'w1', 'after the window (no status came) it is claimed: put off once only');
select is(((:'c5'::jsonb) ->> 'attempt')::int || ' ' || ((:'c5'::jsonb) ->> 'uncertainSince')::timestamptz::text,
  '2 ' || (now() - interval '70 seconds')::text, 'a second attempt, still marked uncertain');

-- ------------------------------------------------------------------ a status with callback data
-- w2: uncertain, waiting out its grace window, when Meta's sent status of the lost attempt arrives.
select agents.fn_reply_outbound(:'wconv', 'second', null, '{"kind":"send_message"}') as w2 \gset
select public.claim_channel_sends('pgtap', 10, 60) -> 0 ->> 'messageId' as c6 \gset
update agents.message_sends set lease_expires_at = now() - interval '1 second' where message_id = :'w2';
select public.claim_channel_sends('pgtap', 10, 60) \g /dev/null
select ok((select uncertain_since is not null and next_attempt_at > now() from agents.message_sends where message_id = :'w2'),
  'w2 is uncertain, in its grace window');
select is(public.receive_channel_events(:'wa_id', jsonb_build_array(jsonb_build_object('kind', 'status', 'providerMessageId', 'wamid.sr-out2',
    'status', 'sent', 'at', '2026-12-02T10:00:05Z', 'callbackData', :'w2'))) - 'messageIds',
  '{"stored":0,"duplicates":0,"statuses":1,"ignored":0}'::jsonb, 'a status naming it by callback data is applied');
select is((select provider_message_id || ':' || delivery_status from agents.messages where id = :'w2'), 'wamid.sr-out2:sent',
  'the message takes the wamid and is sent');
select ok((select done_at is not null and uncertain_since is null and lease_token is null and sent_as = 'text'
  from agents.message_sends where message_id = :'w2'), 'its send is done (sent as the claim decided), no longer uncertain');
select results_eq(format($$select payload ->> 'provider_message_id', payload ->> 'sent_as', payload ->> 'status' from agents.events
    where event_type = 'message_sent' and subject_id = %L$$, :'w2'),
  $$values ('wamid.sr-out2', 'text', 'sent')$$, 'one message_sent on the bus, as a completed send emits');
select is((select count(*)::int from agents.events where event_type = 'message_status_changed' and subject_id = :'w2'), 0,
  'and no status change (sent is what the send itself says)');
update agents.message_sends set next_attempt_at = now() where done_at is null;
select ok(not exists (select 1 from jsonb_array_elements(public.claim_channel_sends('pgtap', 10, 60)) c where c ->> 'messageId' = :'w2'),
  'it is not sent again after the window');
select is(public.receive_channel_events(:'wa_id', jsonb_build_array(jsonb_build_object('kind', 'status', 'providerMessageId', 'wamid.sr-out2',
    'status', 'sent', 'at', '2026-12-02T10:00:05Z', 'callbackData', :'w2'))) ->> 'ignored', '1', 'a redelivered status is a no-op');
select is((select count(*)::int from agents.events where event_type = 'message_sent' and subject_id = :'w2'), 1, 'nothing is emitted twice');
\o /dev/null
select public.receive_channel_events(:'wa_id', jsonb_build_array(jsonb_build_object('kind', 'status', 'providerMessageId', 'wamid.sr-out2',
  'status', 'delivered', 'at', '2026-12-02T10:00:06Z', 'callbackData', :'w2')));
\o
select is((select delivery_status::text from agents.messages where id = :'w2'), 'delivered', 'later statuses find it by its wamid');

-- w3: queued, under a live lease (the sender still waits for the Graph API) when a delivered status comes first.
select agents.fn_reply_outbound(:'wconv', 'third', null, '{"kind":"send_message"}') as w3 \gset
select public.claim_channel_sends('pgtap', 10, 60) -> 0 ->> 'leaseToken' as w3_lease \gset
\o /dev/null
select public.receive_channel_events(:'wa_id', jsonb_build_array(jsonb_build_object('kind', 'status', 'providerMessageId', 'wamid.sr-out3',
  'status', 'delivered', 'at', '2026-12-02T10:00:07Z', 'callbackData', :'w3')));
\o
select is((select provider_message_id || ':' || delivery_status from agents.messages where id = :'w3'), 'wamid.sr-out3:delivered',
  'a later status reconciles it too (forward-only from queued)');
select is((select string_agg(event_type::text, ',' order by event_id) from agents.events where subject_id = :'w3'),
  'message_sent,message_status_changed', 'message_sent, then the status change, once each');
select throws_ok(format($$select public.complete_channel_send(%L, %L, 'wamid.sr-out3')$$, :'w3', :'w3_lease'), 'PT409', null,
  'the sender''s late answer finds the lease gone (409): nothing recorded twice');

-- Callback data that names no queued outbound message of this binding changes nothing.
select agents.fn_reply_outbound(:'bconv', 'elsewhere', null, '{"kind":"send_message"}') as b1 \gset
select agents.fn_reply_outbound(:'wconv', 'fourth', null, '{"kind":"send_message"}') as w4 \gset
select is(public.receive_channel_events(:'wa_id', jsonb_build_array(
    jsonb_build_object('kind', 'status', 'providerMessageId', 'wamid.sr-x1', 'status', 'sent', 'at', '2026-12-02T10:00:08Z',
      'callbackData', gen_random_uuid()),
    jsonb_build_object('kind', 'status', 'providerMessageId', 'wamid.sr-x2', 'status', 'sent', 'at', '2026-12-02T10:00:08Z',
      'callbackData', :'b1'),
    jsonb_build_object('kind', 'status', 'providerMessageId', 'wamid.sr-x3', 'status', 'read', 'at', '2026-12-02T10:00:08Z',
      'callbackData', :'w2'),
    jsonb_build_object('kind', 'status', 'providerMessageId', 'wamid.sr-out2', 'status', 'read', 'at', '2026-12-02T10:00:08Z',
      'callbackData', :'w4'))) - 'messageIds',
  '{"stored":0,"duplicates":0,"statuses":1,"ignored":3}'::jsonb,
  'an unknown message, another binding''s and an already sent one are ignored; a known wamid goes to its own message');
select is((select count(*)::int from agents.messages where provider_message_id like 'wamid.sr-x%'), 0, 'no message took those wamids');
select is((select coalesce(provider_message_id, 'none') || ':' || delivery_status from agents.messages where id = :'b1'), 'none:queued',
  'another binding''s message stays queued');
select is((select coalesce(provider_message_id, 'none') || ':' || delivery_status from agents.messages where id = :'w4'), 'none:queued',
  'a queued message named beside a known wamid stays queued');
select ok((select done_at is null from agents.message_sends where message_id = :'w4'), 'and still in the outbox');
select is((select delivery_status::text from agents.messages where id = :'w2'), 'read', 'the known wamid''s message moved');
select throws_ok(format($$select public.receive_channel_events(%L, '[{"kind":"status","providerMessageId":"wamid.sr-y","status":"sent","at":"2026-12-02T10:00:09Z","callbackData":"not-ours"}]')$$, :'wa_id'),
  '22023', 'receive_channel_events: p_events[0].callbackData must be a message id (a uuid)', 'callback data must be a message id');

-- ------------------------------------------------------------------ RLS
select tests.authenticate_as(:'alice');
select is((select uncertain_since from agents.message_sends where message_id = :'w1'), now() - interval '70 seconds',
  'the owner reads an uncertain row');
select tests.authenticate_as(:'stan');
select is((select count(*)::int from agents.message_sends where binding_id in (:'wa_id', :'sl_id')), 0, 'a stranger sees none');
select throws_ok($$update agents.message_sends set uncertain_since = null$$, '42501', null, 'and cannot write the outbox');
select tests.clear_authentication();

select * from finish();
rollback;

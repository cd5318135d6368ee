-- Guardrails on channel replies (README "Guardrails", "Channels: replies"): every outbound text passes
-- agents.fn_reply_outbound, which checks the output rules: block sends the binding's fallback text and
-- records the violation (outbound_blocked), rewrite sends the rewritten text with both kept, log sends
-- the text and records it; a model_judge rule cannot be asked there, so the reply is held for it. An inbound
-- message blocked by an input rule queues no turn and is answered with the fallback; one rewritten
-- reaches the reply's prompt rewritten. Each recorded verdict is a guardrail_violated event.
begin;
select plan(16);

select tests.create_user('rg-alice@example.com', '{"handle":"rg-alice"}') as alice \gset
select tests.new_agent(:'alice', 'guarded') as agent \gset

select tests.authenticate_as(:'alice');
\o /dev/null
select * from public.create_channel_binding(:'agent', 'whatsapp', 'Guarded line', '15558001',
  p_app_secret_env => 'WA_APP_SECRET', p_verify_token_env => 'WA_VERIFY_TOKEN', p_access_token_env => 'WA_ACCESS_TOKEN',
  p_fallback_text => 'Sorry, I cannot answer that here.') \gset wa_
select public.create_guardrail_rule('agent', 'no secrets out', 'blocked_terms', 'block', '{"terms":["password"]}',
  p_ai_lenser_id => :'agent', p_direction => 'output');
select public.create_guardrail_rule('binding', 'no emails out', 'pii', 'rewrite', '{"kinds":["email"]}',
  p_ai_lenser_id => :'agent', p_binding_id => :'wa_id', p_direction => 'output');
select public.create_guardrail_rule('agent', 'watch refunds', 'blocked_terms', 'log', '{"terms":["refund"]}',
  p_ai_lenser_id => :'agent', p_direction => 'output');
select public.create_guardrail_rule('agent', 'no threats in', 'blocked_terms', 'block', '{"terms":["bomb"]}',
  p_ai_lenser_id => :'agent', p_direction => 'input');
select public.create_guardrail_rule('agent', 'no card numbers in', 'pii', 'rewrite', '{"kinds":["credit_card"]}',
  p_ai_lenser_id => :'agent', p_direction => 'input');
\o
select tests.authenticate_as_service_role();
\o /dev/null
select public.receive_channel_events(:'wa_id', '[{"kind":"message","providerMessageId":"wamid.g1","sender":{"externalId":"4917100001","name":"Gus"},"body":"hi","sentAt":"2026-12-02T10:00:00Z"}]');
\o
select id as conv from agents.conversations where binding_id = :'wa_id' \gset

-- ------------------------------------------------------------------ output: block, rewrite, log
select agents.fn_reply_outbound(:'conv', 'Your password is hunter2.') as blocked \gset
select is((select body from agents.messages where id = :'blocked'), 'Sorry, I cannot answer that here.',
  'block: the contact gets the binding''s fallback text, never the reply');
select results_eq(format($$select action::text, outbound_blocked, original_text, direction::text from agents.guardrail_violations where message_id = %L$$, :'blocked'),
  $$values ('block', true, 'Your password is hunter2.', 'output')$$,
  'block: the violation keeps the original and says the outbound was blocked');
select is((select count(*)::int from agents.message_sends where message_id = :'blocked'), 1, 'the fallback is what the outbox sends');

select agents.fn_reply_outbound(:'conv', 'Write to help@example.com.') as rewritten \gset
select is((select body from agents.messages where id = :'rewritten'), 'Write to [redacted].', 'rewrite: the rewritten text is sent');
select results_eq(format($$select action::text, outbound_blocked, original_text, rewritten_text from agents.guardrail_violations where message_id = %L$$, :'rewritten'),
  $$values ('rewrite', false, 'Write to help@example.com.', 'Write to [redacted].')$$,
  'rewrite: the original and the rewritten text are kept side by side');

select agents.fn_reply_outbound(:'conv', 'A refund takes three days.') as logged \gset
select is((select body from agents.messages where id = :'logged'), 'A refund takes three days.', 'log: the text is sent as it is');
select results_eq(format($$select action::text, outbound_blocked from agents.guardrail_violations where message_id = %L$$, :'logged'),
  $$values ('log', false)$$, 'log: and recorded');

select agents.fn_reply_outbound(:'conv', 'All good.') as clean \gset
select is((select count(*)::int from agents.guardrail_violations where message_id = :'clean'), 0, 'a pass records nothing');
select is((select count(*)::int from agents.events where event_type = 'guardrail_violated'
           and subject_id in (:'blocked', :'rewritten', :'logged')), 3, 'each recorded verdict is one guardrail_violated event');

-- A model_judge rule cannot be asked in the transaction that queues the text: the reply waits for
-- the worker's judge, held (tests/db/817_guardrail_judgements.sql follows it to its release).
select tests.authenticate_as(:'alice');
\o /dev/null
select (public.create_guardrail_rule('agent', 'tone', 'model_judge', 'log', '{"instruction":"Be kind."}',
  p_ai_lenser_id => :'agent', p_direction => 'output')).id as tone \gset
\o
select tests.authenticate_as_service_role();
select agents.fn_reply_outbound(:'conv', 'Fine.') as judged \gset
select results_eq(format($$select m.body, s.held_for_judgement from agents.messages m join agents.message_sends s on s.message_id = m.id
    where m.id = %L$$, :'judged'),
  $$values ('Fine.', true)$$, 'a model_judge rule on a channel reply holds it in the outbox, nothing recorded yet');
select is((select count(*)::int from agents.guardrail_judgements where message_id = :'judged' and status = 'pending'), 1,
  'and queues it for the judge');
-- The rest of this test is about deterministic rules.
select tests.authenticate_as(:'alice');
\o /dev/null
select public.disable_guardrail_rule(:'tone');
\o
select tests.authenticate_as_service_role();

-- ------------------------------------------------------------------ input: block and rewrite
select count(*)::int as turns_before from agents.conversation_turns where conversation_id = :'conv' \gset
select count(*)::int as sends_before from agents.message_sends where conversation_id = :'conv' \gset
update agents.conversation_turns set status = 'cancelled', ended_at = now() where conversation_id = :'conv' and status in ('queued', 'running');
\o /dev/null
select public.receive_channel_events(:'wa_id', '[{"kind":"message","providerMessageId":"wamid.g2","sender":{"externalId":"4917100001","name":"Gus"},"body":"I have a bomb","sentAt":"2026-12-02T10:01:00Z"}]');
\o
select is((select count(*)::int from agents.conversation_turns where conversation_id = :'conv'), :'turns_before'::int,
  'input block: the message queues no turn');
select is((select m.body from agents.message_sends s join agents.messages m on m.id = s.message_id
           where s.conversation_id = :'conv' order by m.seq desc limit 1), 'Sorry, I cannot answer that here.',
  'input block: the fallback answers it');
select results_eq($$select v.action::text, v.direction::text, v.outbound_blocked from agents.guardrail_violations v
    join agents.messages m on m.id = v.message_id where m.provider_message_id = 'wamid.g2'$$,
  $$values ('block', 'input', true)$$, 'input block: recorded against the inbound message');

\o /dev/null
select public.receive_channel_events(:'wa_id', '[{"kind":"message","providerMessageId":"wamid.g3","sender":{"externalId":"4917100001","name":"Gus"},"body":"my card is 4111 1111 1111 1111","sentAt":"2026-12-02T10:02:00Z"}]');
\o
select ok(agents.fn_conversation_history(:'conv', 1) = 'Contact: my card is [redacted]',
  'input rewrite: the reply''s prompt reads the rewritten message (the stored message is unchanged)');
select ok(agents.fn_conversation_history(:'conv', 50) not like '%bomb%'
          and agents.fn_conversation_history(:'conv', 50) like '%Contact: my card is [redacted]',
  'input block: a blocked message never reaches a later turn''s prompt either');

select * from finish();
rollback;

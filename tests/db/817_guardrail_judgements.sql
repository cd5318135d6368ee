-- Model-judged guardrails on channel messages (README "Guardrails"): a message whose verdict has
-- model_judge rules pending waits for the worker's judges in agents.guardrail_judgements: an outbound
-- one is held in the outbox (not claimable), an inbound one queues no turn and keeps its
-- conversation's turns from starting. claim_guardrail_judgements leases them (attempts exhausted:
-- closed fail closed); complete_guardrail_judgement records the final verdict once and releases,
-- rewrites or blocks the message (the fallback sent instead), or queues or refuses the turn. A stale
-- lease, a verdict still pending and a forged verdict are refused, changing nothing.
begin;
select plan(39);

select tests.create_user('gj-alice@example.com', '{"handle":"gj-alice"}') as alice \gset
select tests.new_agent(:'alice', 'judged') as agent \gset

select tests.authenticate_as(:'alice');
\o /dev/null
select * from public.create_channel_binding(:'agent', 'whatsapp', 'Judged line', '15558177',
  p_app_secret_env => 'WA_APP_SECRET', p_verify_token_env => 'WA_VERIFY_TOKEN', p_access_token_env => 'WA_ACCESS_TOKEN',
  p_fallback_text => 'Sorry, not here.', p_debounce_ms => 0) \gset wa_
select (public.create_guardrail_rule('binding', 'polite out', 'model_judge', 'rewrite', '{"instruction":"Be polite."}',
  p_ai_lenser_id => :'agent', p_binding_id => :'wa_id', p_direction => 'output')).id as judge_out \gset
select public.create_guardrail_rule('agent', 'watch refunds', 'blocked_terms', 'log', '{"terms":["refund"]}',
  p_ai_lenser_id => :'agent', p_direction => 'output');
select (public.create_guardrail_rule('agent', 'no abuse in', 'model_judge', 'block', '{"instruction":"No abuse."}',
  p_ai_lenser_id => :'agent', p_direction => 'input')).id as judge_in \gset
\o
select tests.authenticate_as_service_role();

-- The worker's steps, as SQL: claim one judgement of a message, and the final verdict a judgement makes.
create temporary table claimed (id uuid, token uuid, attempt int, direction text) on commit drop;
create function pg_temp.claim_for(p_message_id uuid) returns setof claimed language sql as $$
  insert into claimed
  select (x ->> 'id')::uuid, (x ->> 'leaseToken')::uuid, (x ->> 'attempt')::int, x ->> 'direction'
  from jsonb_array_elements(public.claim_guardrail_judgements('gj-worker', 100, 60)) x
  where (x ->> 'id')::uuid in (select j.id from agents.guardrail_judgements j where j.message_id = p_message_id)
  returning *
$$;
create function pg_temp.judged(p_id uuid, p_judgement jsonb) returns jsonb language sql as $$
  select public.record_guardrail_judgement(j.verdict, (j.verdict -> 'pending' -> 0 ->> 'ruleId')::uuid, p_judgement)
  from agents.guardrail_judgements j where j.id = p_id
$$;

-- ------------------------------------------------------------------ input: held, then released
\o /dev/null
select public.receive_channel_events(:'wa_id', '[{"kind":"message","providerMessageId":"wamid.j1","sender":{"externalId":"4917100177","name":"Jo"},"body":"hello","sentAt":"2026-12-02T10:00:00Z"}]');
\o
select id as conv from agents.conversations where binding_id = :'wa_id' \gset
select id as in1 from agents.messages where provider_message_id = 'wamid.j1' \gset
select is((select count(*)::int from agents.conversation_turns where conversation_id = :'conv'), 0,
  'input held: a message with a model judge pending queues no turn');
select results_eq(format($$select direction::text, seq, status::text, jsonb_array_length(verdict -> 'pending')
    from agents.guardrail_judgements where message_id = %L$$, :'in1'),
  $$values ('input', 1::bigint, 'pending', 1)$$, 'input held: one pending judgement through the message''s seq');

-- A turn queued through an earlier message (here: directly) does not start while the judgement waits.
select agents.fn_enqueue_conversation_turn(:'conv', 1) as turn1 \gset
\o /dev/null
select public.dispatch_conversation_turns(100);
\o
select results_eq(format($$select status::text, run_id from agents.conversation_turns where id = %L$$, :'turn1'),
  $$values ('queued', null::uuid)$$, 'dispatch starts no turn of a conversation with a pending input judgement');

select * from pg_temp.claim_for(:'in1') \gset in1_
select is(:'in1_attempt'::int, 1, 'claim: the judgement is leased, attempt 1');
select is((select count(*)::int from pg_temp.claim_for(:'in1')), 0, 'claim: a live lease is not taken again');
select throws_ok(format($$select public.complete_guardrail_judgement(%L, %L, pg_temp.judged(%L, '{"allow":true,"reason":"ok"}'))$$,
    :'in1_id', gen_random_uuid(), :'in1_id'),
  'PT409', null, 'complete: a lease that is not the live one is refused (409)');
select throws_ok(format($$select public.complete_guardrail_judgement(%L, %L, verdict) from agents.guardrail_judgements where id = %L$$,
    :'in1_id', :'in1_token', :'in1_id'),
  'PT409', null, 'complete: a verdict with rules still pending is refused (409)');
select throws_ok(format($$select public.complete_guardrail_judgement(%L, %L,
      pg_temp.judged(%L, '{"allow":true,"reason":"ok"}') || '{"original":"something else"}')$$, :'in1_id', :'in1_token', :'in1_id'),
  '22023', null, 'complete: the verdict of another text is refused (400)');
select results_eq(format($$select status::text, lease_token, final_verdict from agents.guardrail_judgements where id = %L$$, :'in1_id'),
  format($$values ('pending', %L::uuid, null::jsonb)$$, :'in1_token'), 'a refusal changes nothing');

select public.complete_guardrail_judgement(:'in1_id', :'in1_token', pg_temp.judged(:'in1_id', '{"allow":true,"reason":"ok"}')) as done1 \gset
select results_eq(format($$select %L::jsonb ->> 'verdict', %L::jsonb ->> 'turnId', status::text, final_verdict ->> 'verdict'
    from agents.guardrail_judgements where id = %L$$, :'done1', :'done1', :'in1_id'),
  format($$values ('pass', %L, 'judged', 'pass')$$, :'turn1'),
  'input pass: the judgement is judged and the turn is extended through the message');
\o /dev/null
select public.dispatch_conversation_turns(100);
\o
select is((select status::text from agents.conversation_turns where id = :'turn1'), 'running', 'then dispatch starts the turn');
select throws_ok(format($$select public.complete_guardrail_judgement(%L, %L, pg_temp.judged(%L, '{"allow":true,"reason":"ok"}'))$$,
    :'in1_id', :'in1_token', :'in1_id'),
  'PT409', null, 'exactly once: a second completion is refused (409)');

-- Input block: no turn (not even a follow-up), the fallback answers, recorded against the message.
\o /dev/null
select public.receive_channel_events(:'wa_id', '[{"kind":"message","providerMessageId":"wamid.j2","sender":{"externalId":"4917100177","name":"Jo"},"body":"you idiot","sentAt":"2026-12-02T10:01:00Z"}]');
\o
select id as in2 from agents.messages where provider_message_id = 'wamid.j2' \gset
select * from pg_temp.claim_for(:'in2') \gset in2_
select public.complete_guardrail_judgement(:'in2_id', :'in2_token', pg_temp.judged(:'in2_id', '{"allow":false,"reason":"abusive"}')) as done2 \gset
select results_eq(format($$select count(*)::int, bool_or(followup) from agents.conversation_turns where conversation_id = %L$$, :'conv'),
  $$values (1, false)$$, 'input block: no turn is queued and the running one gets no follow-up');
select results_eq(format($$select m.body, m.metadata ->> 'origin', s.held_for_judgement from agents.messages m
    join agents.message_sends s on s.message_id = m.id where m.id = (%L::jsonb ->> 'fallbackMessageId')::uuid$$, :'done2'),
  $$values ('Sorry, not here.', 'fallback', false)$$, 'input block: the binding''s fallback text is queued');
select results_eq(format($$select action::text, kind::text, direction::text, outbound_blocked, context ->> 'reason'
    from agents.guardrail_violations where message_id = %L$$, :'in2'),
  $$values ('block', 'model_judge', 'input', true, 'abusive')$$, 'input block: the judge''s violation is recorded against the inbound message');

-- ------------------------------------------------------------------ output: held, then pass
select agents.fn_reply_outbound(:'conv', 'Hello there') as out1 \gset
select results_eq(format($$select m.body, m.delivery_status::text, s.held_for_judgement, j.direction::text, j.seq, j.status::text
    from agents.messages m join agents.message_sends s on s.message_id = m.id
    join agents.guardrail_judgements j on j.message_id = m.id where m.id = %L$$, :'out1'),
  $$values ('Hello there', 'queued', true, 'output', null::bigint, 'pending')$$,
  'output held: the message waits in the outbox, held, with a pending output judgement');
select ok(not exists (select 1 from jsonb_array_elements(public.claim_channel_sends('gj-sender', 100, 60)) x
                      where x ->> 'messageId' = :'out1'),
  'output held: the outbox sender does not claim it');
select * from pg_temp.claim_for(:'out1') \gset out1_
select throws_ok(format($$select public.complete_guardrail_judgement(%L, %L, pg_temp.judged(%L, '{"allow":true,"reason":"polite"}'),
    '[{"modelId": null, "ruleId": "not-a-uuid", "call": {}}]')$$, :'out1_id', :'out1_token', :'out1_id'),
  '22023', 'complete_guardrail_judgement: each of p_calls must be {modelId: uuid | null, ruleId: uuid, call: {...}}',
  'a judge call that is not {modelId, ruleId, call} is refused');
select is((select status::text from agents.guardrail_judgements where id = :'out1_id'), 'pending', 'and the judgement is still pending');
select id as default_model from ai.models where is_default \gset
select public.complete_guardrail_judgement(:'out1_id', :'out1_token', pg_temp.judged(:'out1_id', '{"allow":true,"reason":"polite"}'),
  jsonb_build_array(jsonb_build_object('modelId', :'default_model', 'ruleId', :'judge_out',
    'call', '{"input_tokens": 40, "output_tokens": 12, "cached_tokens": 0, "latency_ms": 7, "ttft_ms": null}'::jsonb))) as done3 \gset
select results_eq(format($$select c.ai_lenser_id, c.run_id, c.model_id, c.input_tokens, c.output_tokens, c.metadata ->> 'kind',
      c.metadata ->> 'ruleId', c.metadata ->> 'direction'
    from ai.llm_calls c where c.metadata ->> 'guardrailJudgementId' = %L$$, :'out1_id'),
  format($$values (%L::uuid, null::uuid, %L::uuid, 40, 12, 'guardrail_judge', %L, 'output')$$, :'agent', :'default_model', :'judge_out'),
  'the judge''s call is in the ledger: the agent''s, no run, its model and usage, the rule it judged');
select results_eq(format($$select s.held_for_judgement, s.done_at is null, s.next_attempt_at <= now(),
      (select count(*)::int from agents.guardrail_violations v where v.message_id = s.message_id)
    from agents.message_sends s where s.message_id = %L$$, :'out1'),
  $$values (false, true, true, 0)$$, 'output pass: released (due now), nothing recorded');
select ok(exists (select 1 from jsonb_array_elements(public.claim_channel_sends('gj-sender', 100, 60)) x
                  where x ->> 'messageId' = :'out1' and x ->> 'body' = 'Hello there'),
  'output pass: the sender claims it now');

-- ------------------------------------------------------------------ output: log (a deterministic hit kept)
select agents.fn_reply_outbound(:'conv', 'Your refund is on its way') as out2 \gset
select is((select count(*)::int from agents.guardrail_violations where message_id = :'out2'), 0,
  'output log: nothing is recorded while the judge is pending');
select * from pg_temp.claim_for(:'out2') \gset out2_
-- A forged verdict that drops the deterministic hit is refused, changing nothing.
select throws_ok(format($$select public.complete_guardrail_judgement(%L, %L,
      pg_temp.judged(%L, '{"allow":true,"reason":"ok"}') || '{"verdict":"pass","hits":[]}')$$, :'out2_id', :'out2_token', :'out2_id'),
  '22023', null, 'complete: a verdict that drops a deterministic hit is refused (400)');
select results_eq(format($$select j.status::text, j.lease_token, s.held_for_judgement from agents.guardrail_judgements j
    join agents.message_sends s on s.message_id = j.message_id where j.id = %L$$, :'out2_id'),
  format($$values ('pending', %L::uuid, true)$$, :'out2_token'), 'and nothing changed: still pending, leased, held');
select public.complete_guardrail_judgement(:'out2_id', :'out2_token', pg_temp.judged(:'out2_id', '{"allow":true,"reason":"polite"}')) as done4 \gset
select results_eq(format($$select v.action::text, v.kind::text, v.outbound_blocked, s.held_for_judgement, m.body
    from agents.guardrail_violations v join agents.message_sends s on s.message_id = v.message_id
    join agents.messages m on m.id = v.message_id where v.message_id = %L$$, :'out2'),
  $$values ('log', 'blocked_terms', false, false, 'Your refund is on its way')$$,
  'output log: released as it is, the deterministic hit recorded with the final verdict');

-- ------------------------------------------------------------------ output: rewrite
select agents.fn_reply_outbound(:'conv', 'You are wrong') as out3 \gset
select * from pg_temp.claim_for(:'out3') \gset out3_
select public.complete_guardrail_judgement(:'out3_id', :'out3_token',
  pg_temp.judged(:'out3_id', '{"allow":false,"reason":"rude","rewrite":"I see it differently"}')) as done5 \gset
select results_eq(format($$select m.body, m.delivery_status::text, s.held_for_judgement from agents.messages m
    join agents.message_sends s on s.message_id = m.id where m.id = %L$$, :'out3'),
  $$values ('I see it differently', 'queued', false)$$, 'output rewrite: the message''s body becomes the judge''s rewrite, released');
select results_eq(format($$select action::text, kind::text, original_text, rewritten_text, context ->> 'reason'
    from agents.guardrail_violations where message_id = %L$$, :'out3'),
  $$values ('rewrite', 'model_judge', 'You are wrong', 'I see it differently', 'rude')$$,
  'output rewrite: both texts kept in the violation');
select throws_ok(format($$update agents.messages set body = 'changed again' where id = %L$$, :'out3'),
  '23514', null, 'a released message''s body is history again');

-- ------------------------------------------------------------------ output: block
select agents.fn_reply_outbound(:'conv', 'A refund? Go away') as out4 \gset
select * from pg_temp.claim_for(:'out4') \gset out4_
select public.complete_guardrail_judgement(:'out4_id', :'out4_token',
  pg_temp.judged(:'out4_id', '{"error":"the judge timed out"}')) as done6 \gset
select results_eq(format($$select m.body, m.delivery_status::text, m.error ->> 'code', s.done_at is not null
    from agents.messages m join agents.message_sends s on s.message_id = m.id where m.id = %L$$, :'out4'),
  $$values ('A refund? Go away', 'failed', 'guardrail_blocked', true)$$,
  'output block: the held message is never sent (failed, guardrail_blocked, its send done)');
select results_eq(format($$select m.body, m.metadata ->> 'origin', m.delivery_status::text, s.held_for_judgement from agents.messages m
    join agents.message_sends s on s.message_id = m.id where m.id = (%L::jsonb ->> 'fallbackMessageId')::uuid$$, :'done6'),
  $$values ('Sorry, not here.', 'fallback', 'queued', false)$$, 'output block: the fallback text is queued instead');
select results_eq(format($$select kind::text, action::text, outbound_blocked, context ->> 'reason'
    from agents.guardrail_violations where message_id = %L order by kind$$, :'out4'),
  $$values ('blocked_terms', 'log', true, null::text), ('model_judge', 'block', true, 'judge_unavailable')$$,
  'output block: the deterministic hit and the judge''s failure, both recorded as blocked');

-- ------------------------------------------------------------------ web chat: the stream waits
select tests.authenticate_as(:'alice');
\o /dev/null
select * from public.create_channel_binding(:'agent', 'web', 'Judged site', p_allowed_origins => '{https://example.com}',
  p_fallback_text => 'Not on the site.') \gset web_
select public.create_guardrail_rule('binding', 'polite on the site', 'model_judge', 'block', '{"instruction":"Be polite."}',
  p_ai_lenser_id => :'agent', p_binding_id => :'web_id', p_direction => 'output');
\o
select tests.authenticate_as_service_role();
select format('visitor:%s', gen_random_uuid()) as visitor \gset
\o /dev/null
select public.receive_channel_events(:'web_id', jsonb_build_array(jsonb_build_object('kind', 'message', 'providerMessageId', 'web.j1',
  'sender', jsonb_build_object('externalId', :'visitor'), 'body', 'hi', 'sentAt', '2026-12-02T10:00:00Z')));
\o
select agents.fn_reply_outbound((select id from agents.conversations where binding_id = :'web_id'), 'Draft nobody may see') as web1 \gset
select is((select array_agg(body order by seq) from public.get_web_chat_messages(:'web_id', :'visitor', 0, 100)), array['hi'],
  'web chat: the stream stops before a reply held for its judge');
select * from pg_temp.claim_for(:'web1') \gset web1_
\o /dev/null
select public.complete_guardrail_judgement(:'web1_id', :'web1_token', pg_temp.judged(:'web1_id', '{"allow":false,"reason":"rude"}'));
\o
select is((select array_agg(body order by seq) from public.get_web_chat_messages(:'web_id', :'visitor', 0, 100)), array['hi', 'Not on the site.'],
  'web chat: a blocked reply is never streamed; the fallback is');

-- ------------------------------------------------------------------ leases and attempts
select agents.fn_reply_outbound(:'conv', 'Still there?') as out5 \gset
select * from pg_temp.claim_for(:'out5') \gset out5_
update agents.guardrail_judgements set lease_expires_at = now() - interval '1 second' where id = :'out5_id';
select * from pg_temp.claim_for(:'out5') \gset out5b_
select ok(:'out5b_attempt'::int = 2 and :'out5b_token' <> :'out5_token', 'an expired lease is taken again as a new attempt');
select throws_ok(format($$select public.complete_guardrail_judgement(%L, %L, pg_temp.judged(%L, '{"allow":true,"reason":"ok"}'))$$,
    :'out5_id', :'out5_token', :'out5_id'),
  'PT409', null, 'and the first worker''s late completion is refused (409)');
update agents.guardrail_judgements set attempts = 5, lease_token = null, lease_owner = null, lease_expires_at = null where id = :'out5_id';
select is((select count(*)::int from pg_temp.claim_for(:'out5')), 0, 'attempts exhausted: the judgement is not leased again');
select results_eq(format($$select j.status::text, j.final_verdict ->> 'verdict', j.final_verdict -> 'hits' -> 0 ->> 'reason',
      m.delivery_status::text, (select count(*)::int from agents.messages f where f.conversation_id = m.conversation_id and f.seq > m.seq and f.body = 'Sorry, not here.')
    from agents.guardrail_judgements j join agents.messages m on m.id = j.message_id where j.id = %L$$, :'out5_id'),
  $$values ('judged', 'block', 'judge_unavailable', 'failed', 1)$$,
  'attempts exhausted: closed fail closed (judge_unavailable), the message failed and the fallback queued');

select throws_ok($$select public.claim_guardrail_judgements('gj-worker', 0, 60)$$, '22023',
  'claim_guardrail_judgements: p_limit must be 1 to 100', 'claim: a bad p_limit names the argument');

select * from finish();
rollback;

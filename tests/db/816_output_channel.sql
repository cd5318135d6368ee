-- The output_channel consumer (README "Events", "Channels: replies"): a team run whose assignment's
-- output_destination is a channel ({kind: channel, channelBindingId, contactId}) sends its output to
-- that contact when it ends completed: one outbound message through the guardrails and the outbox,
-- once, even when the delivery is processed again; a destination that cannot be reached fails the
-- delivery with its reason.
begin;
select plan(6);
set constraints agents.team_runs_end_emit immediate;

select tests.create_user('oc-alice@example.com', '{"handle":"oc-alice"}') as alice \gset
select tests.profile_id(:'alice') as alice_p \gset
select tests.new_agent(:'alice', 'oc-scout') as scout \gset

select tests.authenticate_as(:'alice');
select (public.create_channel_binding(:'scout', 'whatsapp', 'Reports line', '15559001',
  p_app_secret_env => 'WA_APP_SECRET', p_verify_token_env => 'WA_VERIFY_TOKEN', p_access_token_env => 'WA_ACCESS_TOKEN')).id as binding \gset
select tests.authenticate_as_service_role();
select public.receive_channel_events(:'binding', '[{"kind":"message","providerMessageId":"wamid.oc1","sender":{"externalId":"4918000001","name":"Olga"},"body":"send me the report","sentAt":"2026-12-02T10:00:00Z"}]') is not null as received \gset
select tests.clear_authentication();
select contact_id as olga from agents.conversations where binding_id = :'binding' \gset
select id as conv from agents.conversations where binding_id = :'binding' \gset

select tests.authenticate_as(:'alice');
select tests.published_workflow('Report to a contact') as wf \gset
select (public.create_workflow_assignment(p_workflow_id => :'wf', p_assignee_kind => 'agent', p_assignee_ai_lenser_id => :'scout',
  p_approval_policy => '{"requiresApproval":false}',
  p_output_destination => jsonb_build_object('kind', 'channel', 'channelBindingId', :'binding', 'contactId', :'olga'))).id as assignment \gset
select (public.run_workflow_assignment(:'assignment', '{"topic":"report"}')).id as team_run \gset
select tests.clear_authentication();
select workflow_run_id as run from agents.team_runs where id = :'team_run' \gset
select count(*)::int as sends_before from agents.message_sends where conversation_id = :'conv' \gset
select coalesce(max(event_id), 0) as before from agents.events where scope_id = :'alice_p' \gset

select tests.authenticate_as_service_role();
select * from tests.claim_node(:'run', 'only') \gset n_
select public.complete_workflow_task(:'n_result_id', :'n_lease_token', 'The report: all green.');
select tests.clear_authentication();

select is((select status::text from agents.team_runs where id = :'team_run'), 'completed', 'the team run completed');
select results_eq(format($$select consumer, state::text, attempts from agents.event_deliveries
    where scope_id = %L and event_id > %s and consumer like 'output_%%'$$, :'alice_p', :'before'),
  $$values ('output_channel', 'processed', 1)$$, 'the output_channel consumer processed its end in the same transaction');
select results_eq(format($$select m.body, m.direction::text, m.delivery_status::text, s.origin ->> 'kind' from agents.message_sends s
    join agents.messages m on m.id = s.message_id where s.conversation_id = %L order by m.seq desc limit 1$$, :'conv'),
  $$values ('The report: all green.', 'outbound', 'queued', 'output_destination')$$,
  'the output is one outbound message to the contact, queued in the outbox');
select is((select count(*)::int from agents.message_sends where conversation_id = :'conv'), :'sends_before'::int + 1, 'exactly one');

-- Processing the same event again (a retried delivery) queues nothing more: the delivery key holds.
select tests.authenticate_as_service_role();
select agents.fn_deliver_output_channel(e) ->> 'message_id' as again from agents.events e
where e.scope_id = :'alice_p' and e.event_id > :before and e.event_type = 'run_completed' \gset
select tests.clear_authentication();
select is((select count(*)::int from agents.message_sends where conversation_id = :'conv'), :'sends_before'::int + 1,
  'a second delivery of the same event sends nothing more');
select is(:'again'::uuid, (select s.message_id from agents.message_sends s join agents.messages m on m.id = s.message_id
  where s.conversation_id = :'conv' order by m.seq desc limit 1), 'and answers the message queued the first time');

select * from finish();
rollback;

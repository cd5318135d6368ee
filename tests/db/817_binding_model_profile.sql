-- A channel binding's model profile override (README "Channels"): the reply run of a conversation
-- turn on a binding that names a model profile claims that profile's model and params in place of
-- the agent's default; a binding without one, and a plain run of the same agent in the same claim,
-- take the default.
begin;
select plan(8);

select tests.create_user('bm-alice@example.com', '{"handle":"bm-alice"}') as alice \gset
select tests.new_agent(:'alice', 'bm-replier') as agent \gset
select profile_id as agent_p from agents.ai_lensers where id = :'agent' \gset

select tests.authenticate_as(:'alice');
select (public.create_model_profile(p_ai_lenser_id => :'agent', p_name => 'Default', p_is_default => true,
  p_model_id => (select id from ai.models where model_key = 'gpt-4.1-mini'), p_params => '{"temperature":0.2}')).id as mp_default \gset
select (public.create_model_profile(p_ai_lenser_id => :'agent', p_name => 'For the line',
  p_model_id => (select id from ai.models where model_key = 'gpt-4.1'), p_params => '{"temperature":0.9,"maxOutputTokens":500}')).id as mp_line \gset
select (public.create_channel_binding(:'agent', 'whatsapp', 'Overridden', '15559201',
  p_app_secret_env => 'WA_APP_SECRET', p_verify_token_env => 'WA_VERIFY_TOKEN', p_access_token_env => 'WA_ACCESS_TOKEN',
  p_model_profile_id => :'mp_line')).id as b_line \gset
select (public.create_channel_binding(:'agent', 'whatsapp', 'Plain', '15559202',
  p_app_secret_env => 'WA_APP_SECRET', p_verify_token_env => 'WA_VERIFY_TOKEN', p_access_token_env => 'WA_ACCESS_TOKEN')).id as b_plain \gset
select tests.clear_authentication();

select tests.authenticate_as_service_role();
select public.receive_channel_events(:'b_line', '[{"kind":"message","providerMessageId":"wamid.bm1","sender":{"externalId":"4918200001","name":"Lina"},"body":"hi","sentAt":"2026-12-02T10:00:00Z"}]') is not null as r1 \gset
select public.receive_channel_events(:'b_plain', '[{"kind":"message","providerMessageId":"wamid.bm2","sender":{"externalId":"4918200002","name":"Paul"},"body":"hi","sentAt":"2026-12-02T10:00:00Z"}]') is not null as r2 \gset
select tests.clear_authentication();
update agents.conversation_turns set due_at = now() - interval '1 second' where binding_id in (:'b_line', :'b_plain');
select tests.authenticate_as_service_role();
select public.dispatch_conversation_turns(10) is not null as dispatched \gset
select tests.clear_authentication();
select run_id as r_line, config_versions as cv_line from agents.conversation_turns where binding_id = :'b_line' \gset
select run_id as r_plain from agents.conversation_turns where binding_id = :'b_plain' \gset
select reply_workflow_id as wf from agents.channel_bindings where id = :'b_line' \gset
-- A plain run of the same agent (no conversation turn), queued between the two replies.
select tests.authenticate_as(:'alice');
select (public.start_workflow_run(:'wf', '{"conversation":"Contact: hi"}')).id as r_own \gset
select tests.clear_authentication();
select is((select lenser_id from lenses.workflow_runs where id = :'r_own'), :'agent_p'::uuid, 'the plain run is the agent''s too');
update lenses.workflow_node_results set next_attempt_at = case run_id when :'r_line' then now() - interval '3 seconds'
  when :'r_own' then now() - interval '2 seconds' else now() - interval '1 second' end
where run_id in (:'r_line', :'r_own', :'r_plain');
update lenses.workflow_node_results set next_attempt_at = now() + interval '1 hour'
where status in ('queued', 'retrying') and not run_id in (:'r_line', :'r_own', :'r_plain');

-- One claim takes the three, override first: what it decided for one run does not leak into the next.
select tests.authenticate_as_service_role();
create temp table claimed as select * from public.claim_workflow_tasks('pgtap', 10, 60);
select tests.clear_authentication();
select is((select count(*)::int from claimed where run_id in (:'r_line', :'r_own', :'r_plain')), 3, 'one claim takes the three tasks');
select results_eq(format($$select model_key, model_params from claimed where run_id = %L$$, :'r_line'),
  $$values ('gpt-4.1', '{"temperature":0.9,"maxOutputTokens":500}'::jsonb)$$,
  'a reply on a binding with a model profile runs on that profile''s model, with its params');
select is((select model_id from lenses.workflow_node_results where run_id = :'r_line'), (select model_id from agents.model_profiles where id = :'mp_line'),
  'the task records that model');
select is((:'cv_line'::jsonb) #>> '{model_profile,id}', :'mp_line', 'the model profile the reply records is the one it runs with');
select results_eq(format($$select model_key, model_params from claimed where run_id = %L$$, :'r_own'),
  $$values ('gpt-4.1-mini', '{"temperature":0.2}'::jsonb)$$, 'the agent''s plain run keeps the agent''s default');
select results_eq(format($$select model_key, model_params from claimed where run_id = %L$$, :'r_plain'),
  $$values ('gpt-4.1-mini', '{"temperature":0.2}'::jsonb)$$, 'and so does a reply on a binding without an override');
select is((select agent ->> 'ai_lenser_id' from claimed where run_id = :'r_line'), :'agent', 'the reply is still the agent''s turn');

select * from finish();
rollback;

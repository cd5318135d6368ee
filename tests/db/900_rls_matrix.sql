-- The RLS matrix over every table of the five schemas, found from the catalog: a user makes one
-- private row of everything; another signed-in user and anon can neither read nor change any of
-- those rows. A table the fixture does not reach fails the coverage check, so a new table must
-- join the fixture (or the short list of public reference catalogs below, with its reason).
--
-- "The user's rows" are the rows this test's transaction inserted (xmin = this transaction); the
-- other user is created and committed before the transaction, so none of its own rows count.

select tests.create_user(format('matrix-other-%s@example.com', md5(random()::text)), '{}') as other \gset

begin;
select plan(6);
select tests.mark_transaction_start();

-- Reference catalogs everybody reads by design (the matrix skips them; their own tests cover writes).
-- agents.tools_registry is in the matrix: its built-in rows are public, a user's own HTTP tools are not.
create temporary table public_catalogs (name text primary key, reason text not null) on commit drop;
insert into public_catalogs values
  ('ai.providers', 'the model catalog is public reference data, written only by migrations and service_role'),
  ('ai.models', 'the model catalog is public reference data, written only by migrations and service_role'),
  ('lenses.tools', 'the parameter type registry is public reference data'),
  ('ai.model_prices', 'model prices are public reference data like the catalog, written only by migrations and service_role'),
  ('agents.event_consumers', 'the event bus''s consumers are a platform catalog, written only by migrations and service_role'),
  ('agents.worker_wakes', 'platform state (when the hosted worker was last woken), no user data, no grant to clients: tests/db/818_worker_wake.sql');

create temporary view matrix_tables as
select c.oid::regclass::text as name, c.oid as relid
from pg_class c
where c.relnamespace::regnamespace::text in ('public', 'lensers', 'agents', 'lenses', 'ai')
  and c.relkind in ('r', 'p')
  and c.oid::regclass::text not in (select name from public_catalogs);
grant select on matrix_tables, public_catalogs to anon, authenticated;

-- The fixture: one private row of everything, made through the RPCs as the owner.
\o /dev/null
select tests.create_user('matrix-owner@example.com', '{"handle":"matrix-owner"}') as owner \gset
select tests.authenticate_as(:'owner');
select public.update_my_profile(p_visibility => 'private');
select (public.create_ai_lenser('matrix-agent', 'Matrix agent')).id as agent \gset
select (public.create_ai_lenser('matrix-agent-2', 'Matrix agent 2')).id as agent2 \gset
select tests.published_version('Summarise [[topic]]',
  '[{"label":"topic","tool_key":"text","required":true}]') as version \gset
select (public.create_workflow(p_title => 'Matrix workflow')).id as workflow \gset
select (public.add_workflow_node(:'workflow', 'first', p_lens_version_id => :'version')).id as n1 \gset
select (public.add_workflow_node(:'workflow', 'second', p_lens_version_id => :'version')).id as n2 \gset
select public.add_workflow_edge(:'n1', :'n2', p_target_input_path => 'topic', p_source_output_path => 'text');
select public.publish_workflow(:'workflow');
-- Budgets: the claim below reserves in the workflow's (a period row and a reservation); its alert is
-- written directly (the local model costs nothing, so no threshold is crossed here).
select (public.create_budget('workflow', 5, 'month', 'soft', p_workflow_id => :'workflow')).id as wf_budget \gset
select public.create_budget('lenser', 50, 'day', 'hard', 'wait');
select (public.start_workflow_run(:'workflow', '{"topic":"secrets"}')).id as run \gset
select tests.authenticate_as_service_role();
select * from tests.claim_node(:'run', 'first') \gset task_
insert into ai.budget_alerts (budget_id, period_start, threshold_percent, spent_credits, limit_credits, run_id)
select p.budget_id, p.period_start, 50, 2.5, 5, :'run' from ai.budget_periods p where p.budget_id = :'wf_budget';
select public.complete_workflow_task(:'task_result_id', :'task_lease_token', 'private answer',
  p_llm_call => '{"input_tokens":3,"output_tokens":2,"latency_ms":4}');
select tests.authenticate_as(:'owner');
select (public.create_personality_profile(p_ai_lenser_id => :'agent', p_name => 'P', p_is_default => true)).id as pp \gset
select (public.create_memory_profile(p_ai_lenser_id => :'agent', p_name => 'M', p_is_default => true)).id as mp \gset
select public.create_tool_profile(p_ai_lenser_id => :'agent', p_name => 'T', p_tool_groups => '{utility}', p_is_default => true);
select public.create_model_profile(p_ai_lenser_id => :'agent', p_name => 'L',
  p_model_id => (select id from ai.models where model_key = 'local-echo'), p_is_default => true);
select (public.create_team(p_name => 'Matrix crew')).id as team \gset
select (public.add_team_member(p_team_id => :'team', p_agent_id => :'agent')).id as m1 \gset
select (public.add_team_member(p_team_id => :'team', p_agent_id => :'agent2')).id as m2 \gset
select public.add_team_edge(p_source_member_id => :'m1', p_target_member_id => :'m2', p_edge_type => 'delegates');
select (public.create_workflow_assignment(p_workflow_id => :'workflow', p_assignee_kind => 'agent', p_assignee_ai_lenser_id => :'agent',
  p_approval_policy => '{"requiresApproval":false}')).id as assignment \gset
select (public.run_workflow_assignment(:'assignment', '{"topic":"team secrets"}')).workflow_run_id as team_wrun \gset
-- The agent's turn on it asks for a tool: its turn, journal, policy decision and invocation.
select tests.authenticate_as_service_role();
select * from tests.claim_node(:'team_wrun', 'first') \gset turn_
select public.record_agent_model_turn(:'turn_result_id', :'turn_lease_token',
  '{"content":"","tool_calls":[{"id":"c1","name":"calculator","arguments":"{\"expression\":\"2+2\"}","input":{"expression":"2+2"}}]}',
  '{"input_tokens":3,"output_tokens":2,"latency_ms":4}');
select tests.authenticate_as(:'owner');
select (public.create_workflow_schedule(:'workflow', 'Matrix schedule', '0 9 * * *', p_input => '{"topic":"scheduled secrets"}')).id as schedule \gset
select public.run_workflow_schedule_now(:'schedule');
select public.fn_write_memory_entry(p_memory_profile_id => :'mp', p_content => 'private memory');
select public.fn_invoke_tool(p_ai_lenser_id => :'agent', p_tool_key => 'calculator', p_input => '{"expression":"1+1"}');
select public.register_http_tool('matrix_private_tool', 'Private tool', 'Calls my CRM.', '{"type":"object"}',
  'https://crm.example.com/hook', 'MATRIX_SECRET');
-- A guardrail rule and the violation its verdict records.
select public.create_guardrail_rule('agent', 'Matrix guard', 'blocked_terms', 'log', '{"terms":["secrets"]}', p_ai_lenser_id => :'agent');
select tests.authenticate_as_service_role();
select agents.fn_record_guardrail_verdict(agents.fn_check_guardrails(:'agent', null, null, 'output', 'private secrets'));
select tests.authenticate_as(:'owner');
-- Channels: a binding, a 1:1 message and a group message from an orphan (service role, as the
-- webhook), and the orphan merged into the 1:1 contact.
select (public.create_channel_binding(:'agent', 'whatsapp', 'Matrix line', (10000000 + floor(random() * 89999999))::bigint::text,
  p_app_secret_env => 'WA_APP_SECRET', p_verify_token_env => 'WA_VERIFY_TOKEN', p_access_token_env => 'WA_ACCESS_TOKEN')).id as binding \gset
-- A model-judged output rule on the binding: the reply below waits for its judge (a guardrail judgement).
select public.create_guardrail_rule('binding', 'Matrix judge', 'model_judge', 'log', '{"instruction":"Be kind."}',
  p_ai_lenser_id => :'agent', p_binding_id => :'binding', p_direction => 'output');
select tests.authenticate_as_service_role();
select public.receive_channel_events(:'binding', '[{"kind":"message","providerMessageId":"matrix.1","sender":{"externalId":"4900001","name":"Pat"},"body":"private hello","sentAt":"2026-12-02T10:00:00Z"},{"kind":"message","providerMessageId":"matrix.2","sender":{"externalId":"4900002","name":"Orphan"},"groupId":"matrix-group","body":"private group talk","sentAt":"2026-12-02T10:00:00Z"}]');
-- The 1:1 message queued its conversation's turn; a reply in the outbox, held for its judge.
select agents.fn_reply_outbound((select id from agents.conversations where binding_id = :'binding' and identity_id is not null),
  'private reply', null, '{"kind":"send_message"}');
select tests.authenticate_as(:'owner');
select public.merge_contacts((select contact_id from agents.contact_identities where external_id = '4900001' and ai_lenser_id = :'agent'),
  (select contact_id from agents.contact_identities where external_id = '4900002' and ai_lenser_id = :'agent'));
-- A retention purge (it deletes nothing this young; its record is the row).
select tests.authenticate_as_service_role();
select lenses.fn_purge_runs(interval '100 years');
-- A bus event of the owner's scope with a delivery (a completed run whose output goes to a webhook).
select agents.fn_emit_event(p_module => 'agents', p_event_type => 'run_completed', p_scope_id => tests.profile_id(:'owner'),
  p_payload => '{"output_destination":{"kind":"webhook","url":"https://example.com/matrix"}}');
select tests.clear_authentication();
\o

-- Rows of the fixture, per table, as the table owner sees them.
create temporary table fixture_counts on commit drop as
select t.name, tests.rows_of_this_transaction(t.name) as n from matrix_tables t;

select is_empty($$select name from fixture_counts where n = 0$$,
  'the fixture reaches every table (a new table joins the fixture or the public catalogs)');

-- What another user and anon can see and change of those rows.
create temporary table attempts (role text, name text, visible integer, updated text, deleted text) on commit drop;
grant insert, select on attempts to anon, authenticated;

select tests.authenticate_as(:'other');
insert into attempts select 'other user', t.name, tests.rows_of_this_transaction(t.name),
  tests.try_update_rows_of_this_transaction(t.name), tests.try_delete_rows_of_this_transaction(t.name)
from matrix_tables t;
select tests.authenticate_as_anon();
insert into attempts select 'anon', t.name, tests.rows_of_this_transaction(t.name),
  tests.try_update_rows_of_this_transaction(t.name), tests.try_delete_rows_of_this_transaction(t.name)
from matrix_tables t;
select tests.clear_authentication();

select is_empty($$select role || ' sees ' || visible || ' rows of ' || name from attempts where role = 'other user' and visible <> 0$$,
  'another signed-in user reads none of the user''s private rows');
select is_empty($$select 'anon sees ' || visible || ' rows of ' || name from attempts where role = 'anon' and visible <> 0$$,
  'anon reads none of them');
select is_empty($$select role || ' updated ' || updated || ' of ' || name from attempts where updated not in ('0', 'denied')$$,
  'neither can update any of them');
select is_empty($$select role || ' deleted ' || deleted || ' of ' || name from attempts where deleted not in ('0', 'denied')$$,
  'neither can delete any of them');
select is_empty($$
  select f.name from fixture_counts f where f.n <> tests.rows_of_this_transaction(f.name)
$$, 'and every row is still there');

select * from finish();
rollback;

delete from auth.users where id = :'other';

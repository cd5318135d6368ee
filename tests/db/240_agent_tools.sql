-- Tools: the registry, invoking under a tool profile (deny wins, then allow list or group; approval
-- when the tool or the profile says so), the lifecycle (trigger), decisions made once and only by
-- owners or co-owners, completion by operators and the engine, the view and listings.
begin;
select plan(66);

select tests.create_user('alice@example.com', '{"handle":"alice"}') as alice \gset
select tests.create_user('bob@example.com', '{"handle":"bob"}') as bob \gset
select tests.create_user('olga@example.com', '{"handle":"olga"}') as olga \gset
select tests.create_user('carol@example.com', '{"handle":"carol"}') as carol \gset
select tests.new_agent(:'alice', 'scout') as scout \gset
select tests.new_agent(:'alice', 'sage') as sage \gset
select tests.grant_agent_role(:'scout', :'olga', 'operator');
select tests.grant_agent_role(:'scout', :'carol', 'co_owner');

select tests.authenticate_as(:'alice');
select (public.create_tool_profile(p_ai_lenser_id => :'scout', p_name => 'web', p_tool_groups => '{web,utility,workflows}',
  p_allow_tools => '{memory_search}', p_deny_tools => '{http_post}', p_is_default => true)).id as web \gset
select (public.create_tool_profile(p_ai_lenser_id => :'scout', p_name => 'careful', p_allow_tools => '{calculator}',
  p_requires_approval => true)).id as careful \gset
select (public.create_tool_profile(p_ai_lenser_id => :'sage', p_name => 'sage tools', p_allow_tools => '{calculator}')).id as sage_tools \gset

-- ---------------------------------------------------------------- invoke
select (public.fn_invoke_tool(p_ai_lenser_id => :'scout', p_tool_key => 'calculator', p_input => '{"expression":"6*7"}')).id as i_calc \gset
select results_eq(format($$select status::text, requires_approval, tool_profile_id, requested_by, started_at is not null from agents.tool_invocations where id = %L$$, :'i_calc'),
  format($$values ('running', false, %L::uuid, %L::uuid, true)$$, :'web', tests.human(:'alice')),
  'fn_invoke_tool: allowed by the default profile''s group, no approval needed: running at once');
select is((public.fn_invoke_tool(p_ai_lenser_id => :'scout', p_tool_key => 'memory_search', p_input => '{"query":"client"}')).status::text,
  'running', 'a tool on the allow list');
select is((public.fn_invoke_tool(p_ai_lenser_id => :'scout', p_tool_key => 'web_search', p_input => '{"query":"news"}')).status::text,
  'running', 'a tool of an allowed group');
select (public.fn_invoke_tool(p_ai_lenser_id => :'scout', p_tool_key => 'run_workflow', p_input => jsonb_build_object('workflow_id', gen_random_uuid()))).id as i_flow \gset
select results_eq(format($$select status::text, requires_approval, started_at from agents.tool_invocations where id = %L$$, :'i_flow'),
  $$values ('awaiting_approval', true, null::timestamptz)$$, 'a tool that requires approval waits for it');
select (public.fn_invoke_tool(p_ai_lenser_id => :'scout', p_tool_key => 'calculator', p_input => '{"expression":"1+1"}', p_tool_profile_id => :'careful')).id as i_careful \gset
select is((select status::text from agents.tool_invocations where id = :'i_careful'), 'awaiting_approval', 'so does any tool under a profile that requires approval');
select throws_ok(format($$select public.fn_invoke_tool(p_ai_lenser_id => %L, p_tool_key => 'http_post', p_input => '{"url":"https://x.test","body":{}}')$$, :'scout'),
  '42501', 'fn_invoke_tool: tool "http_post" is denied by tool profile "web"', 'deny wins over an allowed group');
select throws_ok(format($$select public.fn_invoke_tool(p_ai_lenser_id => %L, p_tool_key => 'send_message', p_input => '{"channel":"web","to":"x","text":"hi"}')$$, :'scout'),
  '42501', 'fn_invoke_tool: tool "send_message" (group messaging) is not allowed by tool profile "web"', 'neither listed nor in an allowed group');
select throws_ok(format($$select public.fn_invoke_tool(p_ai_lenser_id => %L, p_tool_key => 'web_search', p_input => '{"query":"x"}', p_tool_profile_id => %L)$$, :'scout', :'careful'),
  '42501', 'fn_invoke_tool: tool "web_search" (group web) is not allowed by tool profile "careful"', 'the named profile decides, not the default');
select throws_ok(format($$select public.fn_invoke_tool(p_ai_lenser_id => %L, p_tool_key => 'teleport')$$, :'scout'),
  '22023', 'fn_invoke_tool: p_tool_key "teleport" is not a known tool', 'an unknown tool');
select throws_ok(format($$select public.fn_invoke_tool(p_ai_lenser_id => %L, p_tool_key => 'calculator', p_input => '[]')$$, :'scout'),
  '22023', 'fn_invoke_tool: p_input must be a JSON object', 'the input is an object');
select throws_ok(format($$select public.fn_invoke_tool(p_ai_lenser_id => %L, p_tool_key => 'calculator')$$, :'scout'),
  '22023', 'fn_invoke_tool: p_input lacks what tool "calculator" requires: expression', 'with what the tool requires');
select throws_ok(format($$select public.fn_invoke_tool(p_ai_lenser_id => %L, p_tool_key => 'calculator', p_input => '{"expression":"1"}', p_tool_profile_id => %L)$$, :'scout', :'sage_tools'),
  '22023', format('fn_invoke_tool: p_tool_profile_id %s is not a tool profile of agent %s', :'sage_tools', :'scout'), 'a profile of another agent');
select (public.create_tool_profile(p_ai_lenser_id => :'sage', p_name => 'unused')).id as unused \gset
select throws_ok(format($$select public.fn_invoke_tool(p_ai_lenser_id => %L, p_tool_key => 'calculator', p_input => '{"expression":"1"}')$$, :'sage'),
  'P0001', format('fn_invoke_tool: agent %s has no default tool profile; pass p_tool_profile_id', :'sage'), 'an agent without a default profile');
select public.set_ai_lenser_active(p_ai_lenser_id => :'sage', p_active => false, p_reason => 'paused for review');
select throws_ok(format($$select public.fn_invoke_tool(p_ai_lenser_id => %L, p_tool_key => 'calculator', p_input => '{"expression":"1"}', p_tool_profile_id => %L)$$, :'sage', :'sage_tools'),
  'PT409', format('fn_invoke_tool: agent %s is suspended', :'sage'), 'a suspended agent calls no tools');
select tests.clear_authentication();
update agents.tools_registry set enabled = false where key = 'current_time';
select tests.authenticate_as(:'alice');
select throws_ok(format($$select public.fn_invoke_tool(p_ai_lenser_id => %L, p_tool_key => 'current_time')$$, :'scout'),
  '42501', 'fn_invoke_tool: tool "current_time" is disabled', 'a disabled tool');
select is((select count(*)::int from agents.tool_invocations), 5, 'the refused calls recorded nothing');

-- ---------------------------------------------------------------- decisions
select results_eq(format($$select status::text, approved_by, approved_at is not null from public.fn_approve_tool_invocation(%L)$$, :'i_flow'),
  format($$values ('approved', %L::uuid, true)$$, tests.human(:'alice')), 'fn_approve_tool_invocation records who and when');
select throws_ok(format($$select public.fn_approve_tool_invocation(%L)$$, :'i_flow'),
  'PT409', format('fn_approve_tool_invocation: invocation %s is not awaiting approval (it is approved)', :'i_flow'), 'a decision happens once');
select throws_ok(format($$select public.fn_reject_tool_invocation(%L, 'changed my mind')$$, :'i_flow'),
  'PT409', format('fn_reject_tool_invocation: invocation %s is not awaiting approval (it is approved)', :'i_flow'), 'an approval is not turned into a rejection');
select throws_ok(format($$select public.fn_reject_tool_invocation(%L, '  ')$$, :'i_careful'),
  '22023', 'fn_reject_tool_invocation: p_reason must be 1 to 2000 characters', 'a rejection gives a reason');
select results_eq(format($$select status::text, rejected_reason, rejected_by, completed_at is not null from public.fn_reject_tool_invocation(%L, ' Not now ')$$, :'i_careful'),
  format($$values ('rejected', 'Not now', %L::uuid, true)$$, tests.human(:'alice')), 'fn_reject_tool_invocation ends the call');
select throws_ok(format($$select public.fn_approve_tool_invocation(%L)$$, :'i_careful'),
  'PT409', format('fn_approve_tool_invocation: invocation %s is not awaiting approval (it is rejected)', :'i_careful'), 'a rejection is final');
select throws_ok(format($$select public.fn_approve_tool_invocation(%L)$$, :'i_calc'),
  'PT409', format('fn_approve_tool_invocation: invocation %s is not awaiting approval (it is running)', :'i_calc'), 'a call that needed no approval gets none');

-- ---------------------------------------------------------------- completion
select results_eq(format($$select status::text, output, cost_credits, completed_at is not null from public.fn_complete_tool_invocation(p_invocation_id => %L, p_status => 'succeeded', p_output => '{"value":42}', p_cost_credits => 0.5)$$, :'i_calc'),
  $$values ('succeeded', '{"value":42}'::jsonb, 0.5::numeric, true)$$, 'fn_complete_tool_invocation: running -> succeeded with output and cost');
select throws_ok(format($$select public.fn_complete_tool_invocation(p_invocation_id => %L, p_status => 'failed', p_error => 'late')$$, :'i_calc'),
  'PT409', format('fn_complete_tool_invocation: invocation %s is not running (it is succeeded)', :'i_calc'), 'a finished call stays finished');
select throws_ok(format($$select public.fn_complete_tool_invocation(p_invocation_id => %L, p_status => 'succeeded')$$, :'i_flow'),
  'PT409', format('fn_complete_tool_invocation: invocation %s is not running (it is approved)', :'i_flow'), 'an approved call starts running first');
select throws_ok(format($$select public.fn_complete_tool_invocation(p_invocation_id => %L, p_status => 'awaiting_approval')$$, :'i_flow'),
  '22023', 'fn_complete_tool_invocation: p_status must be running, succeeded or failed, got awaiting_approval', 'only running, succeeded or failed');
select is((public.fn_complete_tool_invocation(p_invocation_id => :'i_flow', p_status => 'running')).status::text, 'running', 'approved -> running');
select throws_ok(format($$select public.fn_complete_tool_invocation(p_invocation_id => %L, p_status => 'failed')$$, :'i_flow'),
  '22023', 'fn_complete_tool_invocation: p_error (1 to 10000 characters) is required for a failed call', 'a failure says what went wrong');
select throws_ok(format($$select public.fn_complete_tool_invocation(p_invocation_id => %L, p_status => 'succeeded', p_error => 'oops')$$, :'i_flow'),
  '22023', 'fn_complete_tool_invocation: p_error is only for a failed call', 'a success has no error');
select throws_ok(format($$select public.fn_complete_tool_invocation(p_invocation_id => %L, p_status => 'succeeded', p_cost_credits => -1)$$, :'i_flow'),
  '22023', 'fn_complete_tool_invocation: p_cost_credits must be 0 or more, got -1', 'a cost is not negative');
select is((select status::text from agents.tool_invocations where id = :'i_flow'), 'running', 'the refused completions changed nothing');
select results_eq(format($$select status::text, error from public.fn_complete_tool_invocation(p_invocation_id => %L, p_status => 'failed', p_error => 'workflow not found')$$, :'i_flow'),
  $$values ('failed', 'workflow not found')$$, 'running -> failed with an error');

-- ---------------------------------------------------------------- operators, co-owners, others
select tests.authenticate_as(:'olga');
select (public.fn_invoke_tool(p_ai_lenser_id => :'scout', p_tool_key => 'calculator', p_input => '{"expression":"2+2"}')).id as i_olga \gset
select is((select requested_by from agents.tool_invocations where id = :'i_olga'), tests.human(:'olga'), 'an operator invokes tools');
select is((public.fn_complete_tool_invocation(p_invocation_id => :'i_olga', p_status => 'succeeded', p_output => '{"value":4}')).status::text,
  'succeeded', 'and completes them');
select (public.fn_invoke_tool(p_ai_lenser_id => :'scout', p_tool_key => 'run_workflow', p_input => jsonb_build_object('workflow_id', gen_random_uuid()))).id as i_pending \gset
select throws_ok(format($$select public.fn_approve_tool_invocation(%L)$$, :'i_pending'),
  '42501', format('fn_approve_tool_invocation: only an owner or co-owner of agent %s may approve its tool calls', :'scout'), 'but does not approve them');
select throws_ok(format($$select public.fn_reject_tool_invocation(%L, 'no')$$, :'i_pending'),
  '42501', format('fn_reject_tool_invocation: only an owner or co-owner of agent %s may reject its tool calls', :'scout'), 'nor reject them');
select throws_ok(format($$update agents.tool_invocations set status = 'approved' where id = %L$$, :'i_pending'),
  '42501', format('tool_invocations: only an owner or co-owner of agent %s may approve or reject its tool calls', :'scout'),
  'not even by updating the row (trigger)');
select is((select count(*)::int from public.list_tool_invocations(p_ai_lenser_id => :'scout', p_status => 'awaiting_approval')), 1,
  'an operator lists the calls; the pending one still waits');
select tests.authenticate_as(:'carol');
select is((public.fn_approve_tool_invocation(:'i_pending')).approved_by, tests.human(:'carol'), 'a co-owner approves');

select tests.authenticate_as(:'bob');
select throws_ok(format($$select public.fn_invoke_tool(p_ai_lenser_id => %L, p_tool_key => 'calculator', p_input => '{"expression":"1"}')$$, :'scout'),
  '42501', format('fn_invoke_tool: you do not own, co-own or operate agent %s', :'scout'), 'another user cannot invoke the agent''s tools');
select throws_ok(format($$select public.fn_approve_tool_invocation(%L)$$, :'i_careful'),
  'PT404', format('fn_approve_tool_invocation: no tool invocation %s that you can see', :'i_careful'), 'nor see its calls to decide them');
select throws_ok(format($$select public.fn_complete_tool_invocation(p_invocation_id => %L, p_status => 'running')$$, :'i_pending'),
  'PT404', null, 'nor complete them');
select throws_ok(format($$select * from public.list_tool_invocations(p_ai_lenser_id => %L)$$, :'scout'),
  '42501', format('list_tool_invocations: you do not own, co-own or operate agent %s', :'scout'), 'nor list them');
select is((select count(*)::int from agents.tool_invocations_v), 0, 'nor see any in tool_invocations_v');

select tests.authenticate_as_anon();
select throws_ok(format($$select public.fn_invoke_tool(p_ai_lenser_id => %L, p_tool_key => 'calculator', p_input => '{"expression":"1"}')$$, :'scout'),
  '42501', null, 'anon cannot call the tool RPCs');

select tests.clear_authentication();
select tests.team_run_step(:'alice', :'scout') as step \gset
select tests.authenticate_as_service_role();
select (public.fn_invoke_tool(p_ai_lenser_id => :'scout', p_tool_key => 'calculator', p_input => '{"expression":"3*3"}',
  p_step_id => :'step')).id as i_engine \gset
select results_eq(format($$select status::text, requested_by, step_id from agents.tool_invocations where id = %L$$, :'i_engine'),
  format($$values ('running', null::uuid, %L::uuid)$$, :'step'), 'the engine (service role) invokes, linked to its step');
select is((public.fn_complete_tool_invocation(p_invocation_id => :'i_engine', p_status => 'succeeded', p_output => '{"value":9}')).status::text,
  'succeeded', 'and completes');

-- ---------------------------------------------------------------- the lifecycle trigger, directly
select tests.clear_authentication();
select throws_ok(format($$insert into agents.tool_invocations (ai_lenser_id, tool_id, status) values (%L, (select id from agents.tools_registry where key = 'calculator'), 'succeeded')$$, :'scout'),
  '23514', 'tool_invocations: an invocation is inserted as requested, not succeeded', 'an invocation starts as requested');
select throws_ok(format($$insert into agents.tool_invocations (ai_lenser_id, tool_id, input) values (%L, (select id from agents.tools_registry where key = 'http_post'), '{}')$$, :'scout'),
  '42501', 'tool_invocations: tool "http_post" is denied by tool profile "web"', 'the profile check holds for direct inserts too');
select throws_ok(format($$update agents.tool_invocations set status = 'running' where id = %L$$, :'i_calc'),
  'PT409', 'tool_invocations: status cannot go from succeeded to running', 'a finished call does not run again');
select throws_ok(format($$update agents.tool_invocations set status = 'approved' where id = %L$$, :'i_olga'),
  'PT409', 'tool_invocations: status cannot go from succeeded to approved', 'nor is it approved');
select throws_ok(format($$update agents.tool_invocations set input = '{"expression":"0"}' where id = %L$$, :'i_calc'),
  '23514', 'tool_invocations: an invocation''s agent, tool, profile, input and links never change', 'the input never changes');
select throws_ok(format($$update agents.tool_invocations set output = '{"value":1}' where id = %L$$, :'i_calc'),
  'PT409', 'tool_invocations: a succeeded invocation changes only by moving on in its lifecycle', 'nor the outcome once recorded');
select tests.authenticate_as(:'olga');
select (public.fn_invoke_tool(p_ai_lenser_id => :'scout', p_tool_key => 'run_workflow', p_input => jsonb_build_object('workflow_id', gen_random_uuid()))).id as i_wait \gset
select tests.clear_authentication();
select throws_ok(format($$update agents.tool_invocations set status = 'approved' where id = %L$$, :'i_wait'),
  '23514', 'tool_invocations: an approval names who approved', 'the platform names who approved');
select throws_ok(format($$update agents.tool_invocations set status = 'approved', approved_by = %L, output = '{}' where id = %L$$, tests.human(:'alice'), :'i_wait'),
  '23514', 'tool_invocations: output, error and cost are recorded when the call ends', 'an approval carries no output');
select throws_ok(format($$update agents.tool_invocations set status = 'running' where id = %L$$, :'i_wait'),
  'PT409', 'tool_invocations: status cannot go from awaiting_approval to running', 'a call waiting for approval does not start');
select lives_ok(format($$update agents.tool_invocations set status = 'approved', approved_by = %L where id = %L$$, tests.human(:'alice'), :'i_wait'),
  'the platform records an approval on someone''s behalf');
select throws_ok(format($$insert into agents.tools_registry (key, name, description, egress_class, requires_approval, tool_group) values ('mailer', 'Mailer', 'Sends mail.', 'external_write', false, 'messaging')$$),
  '23514', 'new row for relation "tools_registry" violates check constraint "tools_registry_external_write_needs_approval"', 'a tool that writes outside always requires approval (CHECK)');

-- ---------------------------------------------------------------- view and listings
select tests.authenticate_as(:'alice');
select results_eq(format($$select tool_key, tool_name, egress_class::text, tool_profile_name from agents.tool_invocations_v where id = %L$$, :'i_flow'),
  $$values ('run_workflow', 'Run a workflow', 'internal', 'web')$$, 'tool_invocations_v joins the tool''s key, name and egress class');
select results_eq(format($$select tool_key, status::text from public.list_tool_invocations(p_ai_lenser_id => %L, p_status => 'failed')$$, :'scout'),
  $$values ('run_workflow', 'failed')$$, 'list_tool_invocations by status');
select throws_ok(format($$select * from public.list_tool_invocations(p_ai_lenser_id => %L, p_limit => 500)$$, :'scout'),
  '22023', 'list_tool_invocations: p_limit must be between 1 and 200, got 500', 'a bad page size');
select results_eq($$select key from public.list_tools(p_tool_group => 'web')$$, $$values ('http_get'), ('http_post'), ('web_search')$$,
  'list_tools by group');
select is((select count(*)::int from public.list_tools() where key = 'current_time'), 0, 'list_tools leaves disabled tools out');
select lives_ok(format($$select public.delete_tool_profile(%L)$$, :'careful'), 'a tool profile with past calls can be deleted');
select results_eq(format($$select tool_profile_id, status::text from agents.tool_invocations where id = %L$$, :'i_careful'),
  $$values (null::uuid, 'rejected')$$, 'and its calls keep their record');

select * from finish();
rollback;

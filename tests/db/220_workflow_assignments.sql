-- Workflow assignments: exactly one assignee matching the kind, the five policy shapes (RPC and
-- CHECK), one active assignment per workflow and assignee, the RPCs and who may use them.
begin;
select plan(52);

select tests.create_user('alice@example.com', '{"handle":"alice"}') as alice \gset
select tests.create_user('bob@example.com', '{"handle":"bob"}') as bob \gset
select tests.create_user('olga@example.com', '{"handle":"olga"}') as olga \gset
select tests.new_agent(:'alice', 'scout') as scout \gset
select tests.new_agent(:'alice', 'sage') as sage \gset
select tests.grant_agent_role(:'scout', :'olga', 'operator');

select tests.authenticate_as(:'alice');
select (public.create_workflow(p_title => 'Alice draft')).id as wf \gset
select (public.create_workflow(p_title => 'Alice old')).id as wf_archived \gset
select public.archive_workflow(:'wf_archived');
select tests.authenticate_as(:'bob');
select tests.published_workflow('Bob public', 'public') as wf_public \gset
select tests.published_workflow('Bob private', 'private') as wf_hidden \gset
select tests.clear_authentication();

select tests.authenticate_as(:'alice');
select (public.create_team(p_name => 'Research')).id as research \gset
select public.add_team_member(p_team_id => :'research', p_agent_id => :'scout');
select (public.create_memory_profile(p_ai_lenser_id => :'scout', p_name => 'Outputs')).id as scout_memory \gset
select (public.create_memory_profile(p_ai_lenser_id => :'sage', p_name => 'Sage outputs')).id as sage_memory \gset

-- ---------------------------------------------------------------- create
select (public.create_workflow_assignment(p_workflow_id => :'wf', p_assignee_kind => 'agent', p_assignee_ai_lenser_id => :'scout')).id as a_agent \gset
select results_eq(
  format($$select status::text, approval_policy, retry_policy, failure_policy, queue_policy, output_destination, created_by
    from agents.workflow_assignments where id = %L$$, :'a_agent'),
  format($$values ('active', '{"requiresApproval":true}'::jsonb, '{"maxRetries":1}'::jsonb, '{"mode":"isolate"}'::jsonb,
    '{"mode":"parallel"}'::jsonb, '{}'::jsonb, %L::uuid)$$, tests.human(:'alice')),
  'create_workflow_assignment to an agent: active, the default policies, created by the caller');
select (public.create_workflow_assignment(p_workflow_id => :'wf', p_assignee_kind => 'team', p_assignee_team_id => :'research',
  p_approval_policy => '{"requiresApproval":true,"approverRoles":["owner","co_owner"]}',
  p_retry_policy => '{"maxRetries":3,"backoffMs":1000,"backoffMultiplier":2,"maxBackoffMs":30000}',
  p_failure_policy => '{"mode":"stop_run"}', p_queue_policy => '{"mode":"serial"}',
  p_output_destination => jsonb_build_object('kind', 'memory', 'memoryProfileId', :'scout_memory'))).id as a_team \gset
select results_eq(format($$select assignee_kind::text, retry_policy ->> 'maxRetries', queue_policy ->> 'mode', output_destination ->> 'kind'
    from agents.workflow_assignments where id = %L$$, :'a_team'),
  $$values ('team', '3', 'serial', 'memory')$$, 'to a team, with policies of its own (a memory destination of a member''s agent)');
select lives_ok(format($$select public.create_workflow_assignment(p_workflow_id => %L, p_assignee_kind => 'agent', p_assignee_ai_lenser_id => %L)$$, :'wf_public', :'scout'),
  'someone else''s public workflow can be assigned');
select throws_ok(format($$select public.create_workflow_assignment(p_workflow_id => %L, p_assignee_kind => 'agent', p_assignee_ai_lenser_id => %L)$$, :'wf', :'scout'),
  '23505', format('create_workflow_assignment: workflow %s already has an active assignment to this agent', :'wf'), 'one active assignment per workflow and assignee');
select throws_ok(format($$select public.create_workflow_assignment(p_workflow_id => %L, p_assignee_kind => 'agent', p_assignee_ai_lenser_id => %L, p_assignee_team_id => %L)$$, :'wf', :'sage', :'research'),
  '22023', 'create_workflow_assignment: an agent assignment needs p_assignee_ai_lenser_id and no p_assignee_team_id', 'agent: exactly the agent');
select throws_ok(format($$select public.create_workflow_assignment(p_workflow_id => %L, p_assignee_kind => 'team', p_assignee_ai_lenser_id => %L)$$, :'wf', :'sage'),
  '22023', 'create_workflow_assignment: a team assignment needs p_assignee_team_id and no p_assignee_ai_lenser_id', 'team: exactly the team');
select throws_ok(format($$select public.create_workflow_assignment(p_workflow_id => %L, p_assignee_kind => null)$$, :'wf'),
  '22023', 'create_workflow_assignment: p_assignee_kind is required (one of agent, team)', 'the kind is required');
select throws_ok(format($$select public.create_workflow_assignment(p_workflow_id => %L, p_assignee_kind => 'agent', p_assignee_ai_lenser_id => %L)$$, :'wf_hidden', :'sage'),
  'PT404', format('create_workflow_assignment: no workflow %s that you can see', :'wf_hidden'), 'a workflow the caller cannot see');
select throws_ok(format($$select public.create_workflow_assignment(p_workflow_id => %L, p_assignee_kind => 'agent', p_assignee_ai_lenser_id => %L)$$, :'wf_archived', :'sage'),
  'PT409', format('create_workflow_assignment: workflow %s is archived', :'wf_archived'), 'an archived workflow');
select throws_ok(format($$select public.create_workflow_assignment(p_workflow_id => %L, p_assignee_kind => 'agent', p_assignee_ai_lenser_id => %L, p_approval_policy => '{"requiresApproval":"yes"}')$$, :'wf', :'sage'),
  '22023', 'create_workflow_assignment: p_approval_policy is invalid: requiresApproval must be true or false', 'approval policy shape');
select throws_ok(format($$select public.create_workflow_assignment(p_workflow_id => %L, p_assignee_kind => 'agent', p_assignee_ai_lenser_id => %L, p_retry_policy => '{"maxRetries":11}')$$, :'wf', :'sage'),
  '22023', 'create_workflow_assignment: p_retry_policy is invalid: maxRetries must be an integer from 0 to 10', 'retry policy shape');
select throws_ok(format($$select public.create_workflow_assignment(p_workflow_id => %L, p_assignee_kind => 'agent', p_assignee_ai_lenser_id => %L, p_failure_policy => '{"mode":"ignore"}')$$, :'wf', :'sage'),
  '22023', 'create_workflow_assignment: p_failure_policy is invalid: mode must be isolate or stop_run', 'failure policy shape');
select throws_ok(format($$select public.create_workflow_assignment(p_workflow_id => %L, p_assignee_kind => 'agent', p_assignee_ai_lenser_id => %L, p_queue_policy => '{"mode":"serial","maxConcurrent":2}')$$, :'wf', :'sage'),
  '22023', 'create_workflow_assignment: p_queue_policy is invalid: maxConcurrent is only allowed with mode parallel', 'queue policy shape');
select throws_ok(format($$select public.create_workflow_assignment(p_workflow_id => %L, p_assignee_kind => 'agent', p_assignee_ai_lenser_id => %L, p_output_destination => '{"kind":"email"}')$$, :'wf', :'sage'),
  '22023', 'create_workflow_assignment: p_output_destination is invalid: kind must be none, memory, webhook or channel', 'output destination shape');
select throws_ok(format($$select public.create_workflow_assignment(p_workflow_id => %L, p_assignee_kind => 'agent', p_assignee_ai_lenser_id => %L, p_output_destination => jsonb_build_object('kind', 'memory', 'memoryProfileId', %L::text))$$, :'wf', :'sage', :'scout_memory'),
  '22023', format('create_workflow_assignment: p_output_destination.memoryProfileId %s is not a memory profile of the assignee', :'scout_memory'),
  'a memory destination is the assignee''s own memory');
select is((select count(*)::int from agents.workflow_assignments), 3, 'the refused calls created nothing');

-- ---------------------------------------------------------------- update, disable, list
select results_eq(format($$select retry_policy, approval_policy from public.update_workflow_assignment(p_assignment_id => %L, p_retry_policy => '{"maxRetries":0}')$$, :'a_agent'),
  $$values ('{"maxRetries":0}'::jsonb, '{"requiresApproval":true}'::jsonb)$$, 'update_workflow_assignment changes what is given and keeps the rest');
select throws_ok(format($$select public.update_workflow_assignment(p_assignment_id => %L, p_retry_policy => '{"maxRetries":1}', p_queue_policy => '{"mode":"lifo"}')$$, :'a_agent'),
  '22023', 'update_workflow_assignment: p_queue_policy is invalid: mode must be parallel, serial or skip_if_running', 'a bad policy is refused');
select is((select retry_policy from agents.workflow_assignments where id = :'a_agent'), '{"maxRetries":0}'::jsonb, 'and nothing changed');
select throws_ok($$select public.update_workflow_assignment(p_assignment_id => '00000000-0000-4000-8000-0000000000aa')$$,
  'PT404', 'update_workflow_assignment: no workflow assignment 00000000-0000-4000-8000-0000000000aa that you can see', 'an unknown assignment');
select results_eq(format($$select status::text, disabled_at is not null from public.disable_workflow_assignment(%L)$$, :'a_agent'),
  $$values ('disabled', true)$$, 'disable_workflow_assignment');
select throws_ok(format($$select public.disable_workflow_assignment(%L)$$, :'a_agent'),
  'PT409', null, 'an assignment is disabled once');
select is((select count(*)::int from public.list_workflow_assignments(p_workflow_id => :'wf')), 1, 'list_workflow_assignments leaves disabled ones out');
select is((select count(*)::int from public.list_workflow_assignments(p_workflow_id => :'wf', p_include_disabled => true)), 2, 'and shows them on request');
select is((select count(*)::int from public.list_workflow_assignments(p_ai_lenser_id => :'scout')), 1, 'by agent');
select is((select count(*)::int from public.list_workflow_assignments(p_team_id => :'research')), 1, 'by team');
select throws_ok($$select * from public.list_workflow_assignments(p_offset => -1)$$,
  '22023', 'list_workflow_assignments: p_offset must be 0 or more, got -1', 'a bad offset');
select (public.create_workflow_assignment(p_workflow_id => :'wf', p_assignee_kind => 'agent', p_assignee_ai_lenser_id => :'scout')).id as a_again \gset
select throws_ok(format($$select public.update_workflow_assignment(p_assignment_id => %L, p_status => 'active')$$, :'a_agent'),
  '23505', format('update_workflow_assignment: workflow %s already has another active assignment to this agent', :'wf'),
  'a disabled assignment is not enabled next to an active one');
select lives_ok(format($$select public.disable_workflow_assignment(%L)$$, :'a_again'), 'once that one is disabled');
select results_eq(format($$select status::text, disabled_at from public.update_workflow_assignment(p_assignment_id => %L, p_status => 'active')$$, :'a_agent'),
  $$values ('active', null::timestamptz)$$, 'the first can be enabled again');

-- ---------------------------------------------------------------- table rules, as the platform
select tests.clear_authentication();
select throws_ok(format($$insert into agents.workflow_assignments (workflow_id, assignee_kind, assignee_ai_lenser_id, assignee_team_id) values (%L, 'agent', %L, %L)$$, :'wf', :'sage', :'research'),
  '23514', 'new row for relation "workflow_assignments" violates check constraint "workflow_assignments_exactly_one_assignee"', 'exactly one assignee (both set)');
select throws_ok(format($$insert into agents.workflow_assignments (workflow_id, assignee_kind) values (%L, 'agent')$$, :'wf'),
  '23514', 'new row for relation "workflow_assignments" violates check constraint "workflow_assignments_exactly_one_assignee"', 'exactly one assignee (none set)');
select throws_ok(format($$insert into agents.workflow_assignments (workflow_id, assignee_kind, assignee_ai_lenser_id) values (%L, 'team', %L)$$, :'wf', :'sage'),
  '23514', 'new row for relation "workflow_assignments" violates check constraint "workflow_assignments_exactly_one_assignee"', 'the assignee matches the kind');
select throws_ok(format($$insert into agents.workflow_assignments (workflow_id, assignee_kind, assignee_ai_lenser_id, approval_policy) values (%L, 'agent', %L, '{}')$$, :'wf', :'sage'),
  '23514', 'new row for relation "workflow_assignments" violates check constraint "workflow_assignments_approval_policy_shape"', 'approval_policy CHECK');
select throws_ok(format($$insert into agents.workflow_assignments (workflow_id, assignee_kind, assignee_ai_lenser_id, retry_policy) values (%L, 'agent', %L, '{"maxRetries":1,"backoffMs":10,"maxBackoffMs":5}')$$, :'wf', :'sage'),
  '23514', 'new row for relation "workflow_assignments" violates check constraint "workflow_assignments_retry_policy_shape"', 'retry_policy CHECK');
select throws_ok(format($$insert into agents.workflow_assignments (workflow_id, assignee_kind, assignee_ai_lenser_id, failure_policy) values (%L, 'agent', %L, '{"mode":"isolate","x":1}')$$, :'wf', :'sage'),
  '23514', 'new row for relation "workflow_assignments" violates check constraint "workflow_assignments_failure_policy_shape"', 'failure_policy CHECK');
select throws_ok(format($$insert into agents.workflow_assignments (workflow_id, assignee_kind, assignee_ai_lenser_id, queue_policy) values (%L, 'agent', %L, '{"mode":"parallel","maxConcurrent":0}')$$, :'wf', :'sage'),
  '23514', 'new row for relation "workflow_assignments" violates check constraint "workflow_assignments_queue_policy_shape"', 'queue_policy CHECK');
select throws_ok(format($$insert into agents.workflow_assignments (workflow_id, assignee_kind, assignee_ai_lenser_id, output_destination) values (%L, 'agent', %L, '{"kind":"webhook","url":"ftp://x"}')$$, :'wf', :'sage'),
  '23514', 'new row for relation "workflow_assignments" violates check constraint "workflow_assignments_output_destination_shape"', 'output_destination CHECK');
select throws_ok(format($$insert into agents.workflow_assignments (workflow_id, assignee_kind, assignee_ai_lenser_id) values (%L, 'agent', %L)$$, :'wf', :'scout'),
  '23505', null, 'the unique index allows one active assignment per workflow and assignee');
select throws_ok(format($$update agents.workflow_assignments set workflow_id = %L where id = %L$$, :'wf_public', :'a_team'),
  '23514', 'workflow_assignments: an assignment''s workflow and assignee never change; disable it and create another', 'workflow and assignee are fixed');
select throws_ok(format($$update agents.workflow_assignments set status = 'disabled' where id = %L$$, :'a_team'),
  '23514', 'new row for relation "workflow_assignments" violates check constraint "workflow_assignments_disabled_at_set"', 'disabled_at goes with disabled (CHECK)');

-- ---------------------------------------------------------------- who may do what
select tests.authenticate_as(:'bob');
select throws_ok(format($$select public.create_workflow_assignment(p_workflow_id => %L, p_assignee_kind => 'agent', p_assignee_ai_lenser_id => %L)$$, :'wf_public', :'scout'),
  '42501', format('create_workflow_assignment: you do not own or co-own agent %s', :'scout'), 'another user cannot assign work to the agent');
select throws_ok(format($$select public.update_workflow_assignment(p_assignment_id => %L, p_retry_policy => '{"maxRetries":5}')$$, :'a_agent'),
  'PT404', null, 'nor change an assignment');
select is((select count(*)::int from public.list_workflow_assignments(p_include_disabled => true)), 0, 'nor see any');

select tests.authenticate_as(:'olga');
select is((select count(*)::int from public.list_workflow_assignments(p_ai_lenser_id => :'scout', p_include_disabled => true)), 3,
  'an operator sees the agent''s assignments');
select throws_ok(format($$select public.update_workflow_assignment(p_assignment_id => %L, p_retry_policy => '{"maxRetries":5}')$$, :'a_agent'),
  '42501', format('update_workflow_assignment: you do not own or co-own agent %s', :'scout'), 'but cannot change them');
select throws_ok(format($$select public.disable_workflow_assignment(%L)$$, :'a_agent'),
  '42501', format('disable_workflow_assignment: you do not own or co-own agent %s', :'scout'), 'nor disable them');
select throws_ok(format($$select public.create_workflow_assignment(p_workflow_id => %L, p_assignee_kind => 'agent', p_assignee_ai_lenser_id => %L)$$, :'wf_public', :'scout'),
  '42501', format('create_workflow_assignment: you do not own or co-own agent %s', :'scout'), 'nor create one');

select tests.authenticate_as_anon();
select throws_ok($$select * from public.list_workflow_assignments()$$, '42501', null, 'anon cannot call the assignment RPCs');
select tests.clear_authentication();
select results_eq(format($$select status::text, retry_policy from agents.workflow_assignments where id = %L$$, :'a_agent'),
  $$values ('active', '{"maxRetries":0}'::jsonb)$$, 'the refused callers changed nothing');

select tests.authenticate_as(:'alice');
select public.archive_team(:'research');
select results_eq(format($$select status::text, disabled_at is not null from agents.workflow_assignments where id = %L$$, :'a_team'),
  $$values ('disabled', true)$$, 'archiving a team disables its active assignments');
select throws_ok(format($$select public.update_workflow_assignment(p_assignment_id => %L, p_status => 'active')$$, :'a_team'),
  'PT409', format('update_workflow_assignment: team %s is archived; its assignments cannot be enabled', :'research'),
  'and they cannot be enabled again');

select * from finish();
rollback;

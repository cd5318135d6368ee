-- Agent turns in the database: the preamble composed the same way every time, the local embedder,
-- what a claim gives an agent's task (system prompt, memories under its scope only, offered tools),
-- the worker RPCs of a turn (model answers with tool calls, decisions, results once, parking for
-- approvals, resuming), and the bad input each refuses without writing anything.
begin;
select plan(49);

select tests.create_user('at-alice@example.com', '{"handle":"at-alice"}') as alice \gset
select tests.create_user('at-bob@example.com', '{"handle":"at-bob"}') as bob \gset
select tests.new_agent(:'alice', 'at-scout') as scout \gset
select tests.new_agent(:'bob', 'at-rival') as rival \gset
select profile_id as scout_profile from agents.ai_lensers where id = :'scout' \gset

-- ---------------------------------------------------------------- the preamble
select tests.authenticate_as(:'alice');
select public.update_ai_lenser(:'scout', p_personality_note => 'Prefers bullet points.');
select is(agents.fn_agent_preamble(:'scout'),
  format('You are At-Scout (@%s), an AI agent.', (select handle from lensers.profiles where id = :'scout_profile')) || E'\nPrefers bullet points.',
  'without a personality profile: who the agent is and its note');
select (public.create_personality_profile(p_ai_lenser_id => :'scout', p_name => 'Calm', p_tone => 'formal',
  p_escalation_behavior => 'on_risk', p_system_prompt_patch => 'Cite sources.', p_is_default => true)).id as calm \gset
select (public.create_personality_profile(p_ai_lenser_id => :'scout', p_name => 'Bold', p_tone => 'direct')).id as bold \gset
select matches(agents.fn_agent_preamble(:'scout'),
  E'^You are At-Scout \\(@.*\\), an AI agent\\.\nTone: formal\\. Expertise: intermediate\\. Communication: concise\\. Decisions: balanced\\.\nRisk tolerance: low\\. Autonomy: supervised\\.\nEscalation: flag anything risky for a human before acting on it\\.\nCite sources\\.\nPrefers bullet points\\.$',
  'the default personality profile, its patch and the note, in a fixed order');
select is(agents.fn_agent_preamble(:'scout'), agents.fn_agent_preamble(:'scout'), 'the same agent always gets the same preamble');
select matches(agents.fn_agent_preamble(:'scout', :'bold'), 'Tone: direct\.', 'a given profile (a team member''s) wins');

-- ---------------------------------------------------------------- the local embedder
select is(extensions.vector_dims(ai.fn_local_embedding('otters sleep holding hands')), 1536, '1536 dimensions');
select ok(abs(extensions.vector_norm(ai.fn_local_embedding('otters sleep holding hands')) - 1) < 1e-6, 'normalised');
select is(ai.fn_local_embedding('otters sleep'), ai.fn_local_embedding('otters sleep'), 'deterministic');
select is(ai.fn_local_embedding(' ... !! '), null, 'a text without words has no embedding');
select ok(
  1 - (ai.fn_local_embedding('the customer likes otters') operator(extensions.<=>) ai.fn_local_embedding('which animal does the customer like: otters'))
  > 1 - (ai.fn_local_embedding('the customer likes otters') operator(extensions.<=>) ai.fn_local_embedding('quarterly tax filing deadline')) + 0.2,
  'similar texts are nearer than unrelated ones');

-- ---------------------------------------------------------------- profiles and memories
select (public.create_memory_profile(p_ai_lenser_id => :'scout', p_name => 'Mem', p_summary_strategy => 'rolling',
  p_retrieval_top_k => 2, p_is_default => true)).id as mem \gset
select (public.create_tool_profile(p_ai_lenser_id => :'scout', p_name => 'Tools', p_allow_tools => '{calculator,http_post,send_message}',
  p_tool_groups => '{memory}', p_deny_tools => '{memory_search}', p_http_allow_hosts => '{api.example.com,*.example.org}',
  p_is_default => true)).id as tools \gset
select throws_ok(format($$select public.create_tool_profile(p_ai_lenser_id => %L, p_name => 'Bad', p_http_allow_hosts => '{"http://x"}')$$, :'scout'),
  '22023', 'create_tool_profile: p_http_allow_hosts entry "http://x" is not a lower-case host name or *.host pattern', 'a host pattern is a host name');
select throws_ok(format($$select public.update_ai_lenser(%L, p_max_tool_iterations => 33)$$, :'scout'),
  '22023', 'update_ai_lenser: p_max_tool_iterations must be between 0 and 32, got 33', 'max_tool_iterations is bounded');
select throws_ok(format($$select public.create_memory_profile(p_ai_lenser_id => %L, p_name => 'M2', p_embedding_model_id => %L)$$,
  :'scout', (select id from ai.models where model_key = 'local-echo')),
  '22023', format('create_memory_profile: p_embedding_model_id %s is not a model with the embedding capability', (select id from ai.models where model_key = 'local-echo')),
  'a memory profile embeds with an embedding model');
select throws_ok(format($$select public.create_memory_profile(p_ai_lenser_id => %L, p_name => 'M3', p_retrieval_top_k => 51)$$, :'scout'),
  '22023', 'create_memory_profile: p_retrieval_top_k must be between 0 and 50, got 51', 'top-k is bounded');
select public.create_model_profile(p_ai_lenser_id => :'scout', p_name => 'Local',
  p_model_id => (select id from ai.models where model_key = 'local-echo'), p_is_default => true);

select (public.fn_write_memory_entry(:'mem', 'The customer favourite animal is the otter.')).id as m_otter \gset
select public.fn_write_memory_entry(:'mem', 'Invoices are sent on the first Monday.');
select public.fn_write_memory_entry(:'mem', 'Quarterly taxes are filed by the accountant.');
select is((select mo.model_key from agents.memories m join ai.models mo on mo.id = m.embedding_model_id where m.id = :'m_otter'),
  'local-embed', 'an entry written without an embedding is embedded by the local embedder, model recorded');
-- The same text under another model's name is never compared with local vectors.
select public.fn_write_memory_entry(:'mem', 'The customer favourite animal is the otter, said the other model.',
  p_embedding => ai.fn_local_embedding('The customer favourite animal is the otter.'),
  p_embedding_model_id => (select id from ai.models where model_key = 'text-embedding-3-small'));
select tests.authenticate_as(:'bob');
select (public.create_memory_profile(p_ai_lenser_id => :'rival', p_name => 'Mem', p_is_default => true)).id as rival_mem \gset
select public.fn_write_memory_entry(:'rival_mem', 'The customer favourite animal is the otter.');

-- ---------------------------------------------------------------- a claim of the agent's task
select tests.authenticate_as(:'alice');
select (public.create_workflow(p_title => 'Scout work', p_lenser_id => :'scout_profile')).id as wf \gset
select public.add_workflow_node(:'wf', 'ask', p_lens_version_id => tests.published_version('Which animal is the customer favourite?'));
select public.publish_workflow(:'wf');
select (public.start_workflow_run(:'wf', '{}')).id as run \gset
select tests.authenticate_as_service_role();
create temporary table claimed on commit drop as
select c.* from public.claim_workflow_tasks('pgtap', 10, 60) c where c.run_id = :'run';
select result_id as task, lease_token as lease, agent from claimed \gset
select is((select ai_lenser_id from lenses.workflow_node_results where id = :'task'), :'scout'::uuid, 'the task records the acting agent');
select is((:'agent'::jsonb ->> 'ai_lenser_id')::uuid, :'scout'::uuid, 'the claim returns the agent''s turn');
select is(jsonb_array_length(:'agent'::jsonb -> 'memories'), 2, 'top-k memories (the profile''s retrieval_top_k)');
select is(:'agent'::jsonb -> 'memories' -> 0 ->> 'id', :'m_otter', 'the most similar first: its own otter entry');
select ok(not exists (select 1 from jsonb_array_elements(:'agent'::jsonb -> 'memories') e
  join agents.memories m on m.id = (e ->> 'id')::uuid where m.ai_lenser_id <> :'scout' or m.embedding_model_id <> ai.fn_local_embedding_model_id()),
  'never another agent''s entry, never a vector of another model');
select is(:'agent'::jsonb ->> 'system_prompt',
  agents.fn_agent_preamble(:'scout') || E'\n\nWhat you remember that may be relevant:\n- The customer favourite animal is the otter.\n- '
  || (select content from agents.memories where id = ((:'agent'::jsonb -> 'memories' -> 1 ->> 'id')::uuid)),
  'the system prompt: the preamble, then the memories');
select is((select array_agg(t ->> 'key' order by t ->> 'key') from jsonb_array_elements(:'agent'::jsonb -> 'tools') t),
  '{calculator,http_post,memory_write}'::text[], 'offered: allowed tools and groups, minus denied ones (deny wins), never send_message');
select is(:'agent'::jsonb -> 'http', '{"allow_hosts":["api.example.com","*.example.org"],"allow_private_network":false}'::jsonb,
  'the tool profile''s HTTP policy');
select is((:'agent'::jsonb ->> 'max_tool_iterations')::int, 4, 'seed 002''s default max_tool_iterations');

-- ---------------------------------------------------------------- worker RPCs: bad input changes nothing
select throws_ok(format($$select public.record_agent_model_turn(%L, %L, '[]', null)$$, :'task', :'lease'),
  '22023', 'record_agent_model_turn: p_message must be a JSON object of at most 256 KiB', 'the message is an object');
select throws_ok(format($$select public.record_agent_model_turn(%L, %L, '{"content":"x","tool_calls":[]}', null)$$, :'task', :'lease'),
  '22023', 'record_agent_model_turn: p_message.tool_calls must be an array of 1 to 32 calls (an answer without calls completes the task)',
  'an answer without calls is a completion, not a turn step');
select throws_ok(format($$select public.record_agent_model_turn(%L, %L, '{"tool_calls":[{"id":"a","name":"calculator","input":{}},{"id":"a","name":"calculator","input":{}}]}', null)$$, :'task', :'lease'),
  '22023', 'record_agent_model_turn: tool call ids must be distinct within a message', 'call ids are distinct');
select throws_ok(format($$select public.record_agent_model_turn(%L, %L, '{"tool_calls":[{"name":"calculator","input":{}}]}', null)$$, :'task', :'lease'),
  '22023', 'record_agent_model_turn: each tool call needs an id (1-200 chars), a name, and an input object or an argument_error', 'a call has an id');
select throws_ok(format($$select public.record_agent_model_turn(%L, %L, '{"tool_calls":[{"id":"a","name":"calculator","input":{}}]}', null)$$, :'task', gen_random_uuid()),
  'PT409', null, 'a lease not held is refused');
select is((select count(*)::int from agents.agent_turn_messages where node_result_id = :'task')
  + (select count(*)::int from agents.policy_decisions where node_result_id = :'task'), 0, 'and nothing was written');

-- ---------------------------------------------------------------- a round of calls: decisions and invocations
select public.record_agent_model_turn(:'task', :'lease', '{"content":"","tool_calls":[
  {"id":"c1","name":"calculator","arguments":"{\"expression\":\"2+2\"}","input":{"expression":"2+2"}},
  {"id":"c2","name":"memory_search","arguments":"{\"query\":\"x\"}","input":{"query":"x"}},
  {"id":"c3","name":"calculator","arguments":"{\"expr","argument_error":"the arguments are not valid JSON"},
  {"id":"c4","name":"http_post","arguments":"{}","input":{"url":"https://api.example.com/x","body":{"a":1}}}]}',
  '{"input_tokens":10,"output_tokens":5,"latency_ms":3}') as answer \gset
select is(:'answer'::jsonb -> 'calls' -> 0 ->> 'action', 'execute', 'an allowed call is made at once');
select is(:'answer'::jsonb -> 'calls' -> 0 ->> 'idempotency_key', :'task' || ':1', 'with the idempotency key of (node result, call index)');
select is(:'answer'::jsonb -> 'calls' -> 1 ->> 'action', 'refused', 'a denied call is refused');
select is(:'answer'::jsonb -> 'calls' -> 3 ->> 'action', 'await_approval', 'an external write waits for an approval');
select results_eq(format($$select subject, rule::text, decision::text from agents.policy_decisions where node_result_id = %L order by seq$$, :'task'),
  $$values ('calculator', 'tool_profile_allows', 'allow'), ('memory_search', 'tool_profile_denies', 'deny'),
           ('calculator', 'invalid_arguments', 'deny'), ('http_post', 'approval_required', 'require_approval')$$,
  'every call''s decision is recorded with its rule');
select results_eq(format($$select r.key, i.status::text, i.call_index, i.approval_hash = agents.fn_tool_call_hash(r.key, i.input)
  from agents.tool_invocations i join agents.tools_registry r on r.id = i.tool_id where i.workflow_node_result_id = %L order by i.call_index$$, :'task'),
  $$values ('calculator', 'running', 1, true), ('http_post', 'awaiting_approval', 2, true)$$,
  'invocations only for calls that passed, bound to the hash of their tool and input');
select results_eq(format($$select role, tool_name, is_error from agents.agent_turn_messages where node_result_id = %L order by seq$$, :'task'),
  $$values ('assistant', null::text, false), ('tool', 'memory_search', true), ('tool', 'calculator', true)$$,
  'the journal: the answer, then the refusals the model will read');
select is((select count(*)::int from ai.llm_calls where node_result_id = :'task'), 1, 'the model call is in the ledger');

select (:'answer'::jsonb -> 'calls' -> 0 ->> 'invocation_id') as calc \gset
select (:'answer'::jsonb -> 'calls' -> 3 ->> 'invocation_id') as post \gset
select throws_ok(format($$select public.record_agent_tool_result(%L, %L, %L, 'failed')$$, :'task', :'lease', :'calc'),
  '22023', 'record_agent_tool_result: p_error (1 to 10000 characters) is required for a failed call', 'a failure says why');
select is((public.record_agent_tool_result(:'task', :'lease', :'calc', 'succeeded', '{"result":4}', p_latency_ms => 2)).status::text,
  'succeeded', 'a result is recorded');
select throws_ok(format($$select public.record_agent_tool_result(%L, %L, %L, 'succeeded', '{"result":5}')$$, :'task', :'lease', :'calc'),
  'PT409', null, 'once: a replayed result is refused');
select is((select content from agents.agent_turn_messages where node_result_id = :'task' and tool_call_id = 'c1'), '{"result":4}',
  'the result is in the journal');

-- ---------------------------------------------------------------- parking, approval, resuming
select is((public.park_agent_task(:'task', :'lease')).status::text, 'blocked', 'the task waits for the approval');
select is((select lease_token from lenses.workflow_node_results where id = :'task'), null, 'its lease released');
select tests.authenticate_as(:'alice');
select is((public.fn_approve_tool_invocation(:'post')).status::text, 'approved', 'an owner approves');
select tests.authenticate_as_service_role();
select results_eq(format($$select status::text, next_attempt_at is not null from lenses.workflow_node_results where id = %L$$, :'task'),
  $$values ('queued', true)$$, 'the decision queues the task again, in its own transaction');
delete from claimed;
insert into claimed select c.* from public.claim_workflow_tasks('pgtap', 10, 60) c where c.run_id = :'run';
select result_id as task2, lease_token as lease2, agent as agent2 from claimed \gset
select is((:'agent2'::jsonb ->> 'turn_no')::int, 1, 'the same prompt resumes the same turn');
select is(jsonb_array_length(:'agent2'::jsonb -> 'journal'), 4, 'with its journal');
select results_eq(format($$select e ->> 'tool_key', e ->> 'status' from jsonb_array_elements(%L::jsonb -> 'pending_calls') e$$, :'agent2'),
  $$values ('http_post', 'approved')$$, 'and the approved call to make');
select is((public.start_agent_tool_call(:'task2', :'lease2', :'post')).status::text, 'running', 'the approved call starts');

select * from finish();
rollback;

-- Agent memory: writing (defaults from the profile, each argument rule, 1536 dimensions), reading
-- (filters; top-k by cosine similarity; never expired or redacted entries), redaction, the
-- summary, memories_v, and who may read, write and redact.
begin;
select plan(50);

select tests.create_user('alice@example.com', '{"handle":"alice"}') as alice \gset
select tests.create_user('bob@example.com', '{"handle":"bob"}') as bob \gset
select tests.create_user('olga@example.com', '{"handle":"olga"}') as olga \gset
select tests.new_agent(:'alice', 'scout') as scout \gset
select tests.new_agent(:'bob', 'rival') as rival \gset
select tests.grant_agent_role(:'scout', :'olga', 'operator');

select tests.authenticate_as(:'alice');
select (public.create_memory_profile(p_ai_lenser_id => :'scout', p_name => 'Facts', p_scope_type => 'workflow', p_retention_days => 30)).id as facts \gset
select (public.create_memory_profile(p_ai_lenser_id => :'scout', p_name => 'Secrets', p_visibility => 'owners')).id as secrets \gset

-- ---------------------------------------------------------------- write
select (public.fn_write_memory_entry(p_memory_profile_id => :'facts', p_content => 'The client prefers email.')).id as m_plain \gset
select results_eq(
  format($$select ai_lenser_id, scope::text, source::text, confidence, expires_at between now() + interval '30 days' - interval '1 minute' and now() + interval '30 days',
    created_by, embedding_model_id = ai.fn_local_embedding_model_id() and embedding = ai.fn_local_embedding(content)
    from agents.memories where id = %L$$, :'m_plain'),
  format($$values (%L::uuid, 'workflow', 'manual', 1.000::numeric, true, %L::uuid, true)$$, :'scout', tests.human(:'alice')),
  'fn_write_memory_entry: the profile''s agent and scope, expiry after its retention, written by the caller, embedded by the local embedder');
select (public.fn_write_memory_entry(p_memory_profile_id => :'facts', p_content => 'alpha', p_scope => 'agent', p_source => 'tool',
  p_confidence => 0.9, p_embedding => tests.vec(array[1]), p_metadata => '{"url":"https://example.com"}')).id as m_alpha \gset
select results_eq(format($$select scope::text, source::text, confidence, metadata, extensions.vector_dims(embedding) from agents.memories where id = %L$$, :'m_alpha'),
  $$values ('agent', 'tool', 0.900::numeric, '{"url":"https://example.com"}'::jsonb, 1536)$$, 'with scope, source, confidence, metadata and an embedding');
select is((public.fn_write_memory_entry(p_memory_profile_id => :'secrets', p_content => 'kept')).expires_at, null,
  'a profile without retention keeps entries');
select throws_ok(format($$select public.fn_write_memory_entry(p_memory_profile_id => %L, p_content => 'x', p_embedding => '[1,2,3]')$$, :'facts'),
  '22023', 'fn_write_memory_entry: p_embedding must have exactly 1536 dimensions, got 3', 'an embedding has exactly 1536 dimensions');
select throws_ok(format($$select public.fn_write_memory_entry(p_memory_profile_id => %L, p_content => 'x', p_confidence => 1.5)$$, :'facts'),
  '22023', 'fn_write_memory_entry: p_confidence must be between 0 and 1, got 1.5', 'confidence is 0..1');
select throws_ok(format($$select public.fn_write_memory_entry(p_memory_profile_id => %L, p_content => '   ')$$, :'facts'),
  '22023', 'fn_write_memory_entry: p_content must be 1 to 20000 characters', 'content is required');
select throws_ok(format($$select public.fn_write_memory_entry(p_memory_profile_id => %L, p_content => 'x', p_expires_at => now() - interval '1 hour')$$, :'facts'),
  '22023', null, 'an expiry is in the future');
select throws_ok(format($$select public.fn_write_memory_entry(p_memory_profile_id => %L, p_content => 'x', p_metadata => '[]')$$, :'facts'),
  '22023', 'fn_write_memory_entry: p_metadata must be a JSON object', 'metadata is an object');
select throws_ok(format($$select public.fn_write_memory_entry(p_memory_profile_id => %L, p_content => 'x', p_source => null)$$, :'facts'),
  '22023', 'fn_write_memory_entry: p_source is required (one of manual, conversation, tool, workflow, reflection, import)', 'the source is required');
select throws_ok($$select public.fn_write_memory_entry(p_memory_profile_id => null, p_content => 'x')$$,
  '22023', 'fn_write_memory_entry: p_memory_profile_id is required', 'the profile is required');
select throws_ok($$select public.fn_write_memory_entry(p_memory_profile_id => '00000000-0000-4000-8000-0000000000bb', p_content => 'x')$$,
  'PT404', 'fn_write_memory_entry: no memory profile 00000000-0000-4000-8000-0000000000bb that you can see', 'an unknown profile');
select is((select count(*)::int from agents.memories), 3, 'the refused calls wrote nothing');

-- ---------------------------------------------------------------- table rules, as the platform
select tests.clear_authentication();
select throws_ok(format($$insert into agents.memories (memory_profile_id, ai_lenser_id, scope, source, content) values (%L, %L, 'agent', 'manual', 'x')$$, :'facts', :'rival'),
  '23503', null, 'ai_lenser_id must be the profile''s agent (composite foreign key)');
select throws_ok(format($$insert into agents.memories (memory_profile_id, ai_lenser_id, scope, source, content, embedding) values (%L, %L, 'agent', 'manual', 'x', '[1,2,3]')$$, :'facts', :'scout'),
  '22000', 'expected 1536 dimensions, not 3', 'the column holds 1536 dimensions only');
select throws_ok(format($$insert into agents.memories (memory_profile_id, ai_lenser_id, scope, source, content, confidence) values (%L, %L, 'agent', 'manual', 'x', -0.1)$$, :'facts', :'scout'),
  '23514', 'new row for relation "memories" violates check constraint "memories_confidence_range"', 'confidence CHECK');
select throws_ok(format($$update agents.memories set content = 'rewritten' where id = %L$$, :'m_alpha'),
  '23514', 'memories: an entry never changes except by redaction', 'entries are not rewritten');

-- Entries for top-k (created a little later than those above, so that newest-first is defined
-- inside this one transaction): similarity to e1 is 1 (alpha), 0.98 (beta), 0.71 (delta), 0 (gamma); an expired
-- and a redacted entry identical to the query never come back.
insert into agents.memories (memory_profile_id, ai_lenser_id, scope, source, content, confidence, embedding, created_at, expires_at) values
  (:'facts', :'scout', 'agent', 'workflow', 'beta', 0.5, tests.vec(array[1, 2], array[1, 0.2]), now() + interval '1 second', null),
  (:'facts', :'scout', 'workflow', 'workflow', 'gamma', 0.7, tests.vec(array[2]), now() + interval '2 seconds', null),
  (:'facts', :'scout', 'agent', 'reflection', 'delta', 0.8, tests.vec(array[1, 3], array[1, 1]), now() + interval '3 seconds', null),
  (:'facts', :'scout', 'agent', 'workflow', 'expired twin', 1, tests.vec(array[1]), now() - interval '2 days', now() - interval '1 day'),
  (:'facts', :'scout', 'agent', 'workflow', 'redacted twin', 1, tests.vec(array[1]), now(), null);
select id as m_twin from agents.memories where content = 'redacted twin' \gset

-- ---------------------------------------------------------------- read
select tests.authenticate_as(:'alice');
select is((public.fn_redact_memory_entry(:'m_twin')).content, '[redacted]', 'fn_redact_memory_entry replaces the content');
select results_eq(format($$select embedding, metadata, redacted_by, redacted_at is not null from agents.memories where id = %L$$, :'m_twin'),
  format($$values (null::extensions.vector, '{}'::jsonb, %L::uuid, true)$$, tests.human(:'alice')),
  'clears the embedding and metadata, and records who and when');
select throws_ok(format($$select public.fn_redact_memory_entry(%L)$$, :'m_twin'),
  'PT409', null, 'an entry is redacted once');

select results_eq(
  format($$select content from public.fn_read_memory_entries(p_memory_profile_id => %L, p_query_embedding => tests.vec(array[1]), p_limit => 3)$$, :'facts'),
  $$values ('alpha'), ('beta'), ('delta')$$, 'top-k by cosine similarity, nearest first');
select results_eq(
  format($$select round(similarity::numeric, 3) from public.fn_read_memory_entries(p_memory_profile_id => %L, p_query_embedding => tests.vec(array[1]))$$, :'facts'),
  $$values (1.000), (0.981), (0.707), (0.000), (0.000)$$, 'with their similarity (the local embedder''s entry is compared too: same model)');
select results_eq(
  format($$select content from public.fn_read_memory_entries(p_memory_profile_id => %L, p_query_embedding => tests.vec(array[2]), p_limit => 1)$$, :'facts'),
  $$values ('gamma')$$, 'another query, another nearest');
select is((select count(*)::int from public.fn_read_memory_entries(p_memory_profile_id => :'facts')), 5,
  'without a query: every live entry (never the expired or redacted one)');
select is((select count(*)::int from public.fn_read_memory_entries(p_memory_profile_id => :'facts') where content like '%twin%'), 0,
  'expired and redacted entries are never returned');
select results_eq(format($$select content from public.fn_read_memory_entries(p_memory_profile_id => %L, p_scope => 'workflow')$$, :'facts'),
  $$values ('gamma'), ('The client prefers email.')$$, 'filter by scope, newest first');
select results_eq(format($$select content from public.fn_read_memory_entries(p_memory_profile_id => %L, p_source => 'reflection')$$, :'facts'),
  $$values ('delta')$$, 'filter by source');
select results_eq(format($$select content from public.fn_read_memory_entries(p_memory_profile_id => %L, p_min_confidence => 0.75, p_query_embedding => tests.vec(array[1]))$$, :'facts'),
  $$values ('alpha'), ('delta'), ('The client prefers email.')$$, 'filter by minimum confidence, with a query');
select throws_ok(format($$select * from public.fn_read_memory_entries(p_memory_profile_id => %L, p_query_embedding => '[1,0]')$$, :'facts'),
  '22023', 'fn_read_memory_entries: p_query_embedding must have exactly 1536 dimensions, got 2', 'a query has 1536 dimensions');
select throws_ok(format($$select * from public.fn_read_memory_entries(p_memory_profile_id => %L, p_min_confidence => 2)$$, :'facts'),
  '22023', 'fn_read_memory_entries: p_min_confidence must be between 0 and 1, got 2', 'a bad minimum confidence');
select throws_ok(format($$select * from public.fn_read_memory_entries(p_memory_profile_id => %L, p_limit => 201)$$, :'facts'),
  '22023', 'fn_read_memory_entries: p_limit must be between 1 and 200, got 201', 'a bad limit');

-- ---------------------------------------------------------------- summary and view
select is(public.fn_summarize_memory_profile(:'facts') - 'oldestAt' - 'latestAt' - 'nextExpiryAt' - 'memoryProfileId' - 'aiLenserId',
  jsonb_build_object('name', 'Facts', 'total', 7, 'live', 5, 'expired', 1, 'redacted', 1, 'withEmbedding', 5,
    'byScope', jsonb_build_object('agent', 3, 'workflow', 2),
    'bySource', jsonb_build_object('manual', 1, 'tool', 1, 'workflow', 2, 'reflection', 1),
    'averageConfidence', 0.780),
  'fn_summarize_memory_profile counts entries by state, scope and source');
select isnt(public.fn_summarize_memory_profile(:'facts') ->> 'nextExpiryAt', null, 'and gives the next expiry');
select results_eq(format($$select memory_profile_name, is_live, has_embedding from agents.memories_v where id = %L$$, :'m_twin'),
  $$values ('Facts', false, false)$$, 'memories_v joins the profile''s name and says whether an entry is live');
select tests.clear_authentication();
select throws_ok(format($$update agents.memories set redacted_at = now() where id = %L$$, :'m_twin'),
  'PT409', format('memories: entry %s was redacted at %s and never changes again', :'m_twin',
    (select redacted_at from agents.memories where id = :'m_twin')), 'a redacted entry never changes again');
select throws_ok(format($$update agents.memories set redacted_at = now(), confidence = 0 where id = %L$$, :'m_alpha'),
  '23514', 'memories: a redaction only replaces the content, embedding and metadata', 'a redaction changes nothing else');

-- ---------------------------------------------------------------- who may do what
select tests.authenticate_as(:'olga');
select is((select count(*)::int from public.fn_read_memory_entries(p_memory_profile_id => :'facts')), 5,
  'an operator reads the entries of a profile visible to operators');
select throws_ok(format($$select * from public.fn_read_memory_entries(p_memory_profile_id => %L)$$, :'secrets'),
  '42501', format('fn_read_memory_entries: the entries of memory profile %s are visible to its owners only', :'secrets'),
  'but not of one visible to owners only');
select is((select count(*)::int from agents.memories where memory_profile_id = :'secrets'), 0, 'RLS hides those rows from operators');
select throws_ok(format($$select public.fn_write_memory_entry(p_memory_profile_id => %L, p_content => 'from olga')$$, :'facts'),
  '42501', format('fn_write_memory_entry: you do not own or co-own agent %s', :'scout'), 'an operator does not write memory');
select throws_ok(format($$select public.fn_redact_memory_entry(%L)$$, :'m_alpha'),
  '42501', format('fn_redact_memory_entry: you do not own or co-own agent %s', :'scout'), 'nor redact it');
update agents.memories set redacted_at = now() where id = :'m_alpha';
select is((select content from agents.memories where id = :'m_alpha'), 'alpha', 'nor change a row directly (RLS)');

select tests.authenticate_as(:'bob');
select throws_ok(format($$select * from public.fn_read_memory_entries(p_memory_profile_id => %L)$$, :'facts'),
  'PT404', format('fn_read_memory_entries: no memory profile %s that you can see', :'facts'), 'another user reads nothing');
select throws_ok(format($$select public.fn_summarize_memory_profile(%L)$$, :'facts'), 'PT404', null, 'nor gets a summary');
select throws_ok(format($$select public.fn_redact_memory_entry(%L)$$, :'m_alpha'),
  'PT404', format('fn_redact_memory_entry: no memory entry %s that you can see', :'m_alpha'), 'nor redacts');
select is((select count(*)::int from agents.memories_v), 0, 'nor sees anything in memories_v');

select tests.authenticate_as_anon();
select throws_ok(format($$select * from public.fn_read_memory_entries(p_memory_profile_id => %L)$$, :'facts'),
  '42501', null, 'anon cannot call the memory RPCs');

select tests.authenticate_as_service_role();
select lives_ok(format($$select public.fn_write_memory_entry(p_memory_profile_id => %L, p_content => 'from the engine', p_source => 'workflow')$$, :'secrets'),
  'the service role (the engine) writes memory');
select is((select count(*)::int from public.fn_read_memory_entries(p_memory_profile_id => :'secrets')), 2, 'and reads it');
select tests.clear_authentication();
select is((select content from agents.memories where id = :'m_alpha'), 'alpha', 'nothing the refused callers did changed an entry');

-- ---------------------------------------------------------------- one embedding model per comparison
insert into agents.memories (memory_profile_id, ai_lenser_id, scope, source, content, embedding, embedding_model_id)
values (:'facts', :'scout', 'agent', 'import', 'other model twin', tests.vec(array[1]),
  (select id from ai.models where model_key = 'text-embedding-3-small'));
select is((select count(*)::int from public.fn_read_memory_entries(p_memory_profile_id => :'facts', p_query_embedding => tests.vec(array[1]), p_limit => 50)
  where content = 'other model twin'), 0, 'a vector of another embedding model is never compared, however near');

select * from finish();
rollback;

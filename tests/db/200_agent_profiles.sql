-- The four profile kinds: RPCs (happy paths, each argument rule, nothing changed on refusal),
-- defaults (one per agent), the tool and model profile rules, and who may do what.
begin;
select plan(66);

select tests.create_user('alice@example.com', '{"handle":"alice"}') as alice \gset
select tests.create_user('bob@example.com', '{"handle":"bob"}') as bob \gset
select tests.create_user('olga@example.com', '{"handle":"olga"}') as olga \gset
select tests.create_user('carol@example.com', '{"handle":"carol"}') as carol \gset
select tests.new_agent(:'alice', 'scout') as scout \gset
select tests.new_agent(:'bob', 'rival') as rival \gset
select tests.grant_agent_role(:'scout', :'olga', 'operator');
select tests.grant_agent_role(:'scout', :'carol', 'co_owner');
select id as gpt_mini from ai.models where model_key = 'gpt-4.1-mini' \gset
select id as sonnet from ai.models where model_key = 'claude-sonnet-4-5' \gset

select tests.authenticate_as(:'alice');

-- ---------------------------------------------------------------- personality profiles
select (public.create_personality_profile(p_ai_lenser_id => :'scout', p_name => ' Calm ')).id as calm \gset
select results_eq(
  format($$select name, tone::text, expertise_level::text, risk_tolerance::text, autonomy_level::text, communication_style::text,
    decision_style::text, escalation_behavior::text, system_prompt_patch, is_default from agents.personality_profiles where id = %L$$, :'calm'),
  $$values ('Calm', 'neutral', 'intermediate', 'low', 'supervised', 'concise', 'balanced', 'on_uncertainty', null::text, false)$$,
  'create_personality_profile trims the name and applies the defaults');
select (public.create_personality_profile(p_ai_lenser_id => :'scout', p_name => 'Bold', p_tone => 'direct',
  p_risk_tolerance => 'high', p_autonomy_level => 'autonomous', p_system_prompt_patch => 'Be brief.', p_is_default => true)).id as bold \gset
select is((select is_default from agents.personality_profiles where id = :'bold'), true, 'a profile can be created as the default');
select (public.create_personality_profile(p_ai_lenser_id => :'scout', p_name => 'Warm', p_tone => 'friendly', p_is_default => true)).id as warm \gset
select results_eq(
  format($$select id from agents.personality_profiles where ai_lenser_id = %L and is_default$$, :'scout'),
  format($$values (%L::uuid)$$, :'warm'),
  'creating another default moves the default: one per agent');
select is((public.set_default_personality_profile(:'calm')).is_default, true, 'set_default_personality_profile makes it the default');
select is((select count(*)::int from agents.personality_profiles where ai_lenser_id = :'scout' and is_default), 1,
  'and the previous default is cleared');

select throws_ok(format($$select public.create_personality_profile(p_ai_lenser_id => %L, p_name => 'CALM')$$, :'scout'),
  '23505', 'create_personality_profile: p_name "CALM" is taken by another personality profile of this agent',
  'names are unique per agent without regard to case');
select throws_ok(format($$select public.create_personality_profile(p_ai_lenser_id => %L, p_name => '  ')$$, :'scout'),
  '22023', 'create_personality_profile: p_name must be 1 to 80 characters', 'a blank name is refused');
select throws_ok(format($$select public.create_personality_profile(p_ai_lenser_id => %L, p_name => 'X', p_tone => null)$$, :'scout'),
  '22023', 'create_personality_profile: p_tone is required (one of neutral, friendly, formal, playful, direct, empathetic)',
  'a null vocabulary argument is refused, listing the values');
select throws_ok(format($$select public.create_personality_profile(p_ai_lenser_id => %L, p_name => 'X', p_system_prompt_patch => repeat('x', 8001))$$, :'scout'),
  '22023', 'create_personality_profile: p_system_prompt_patch must be 1 to 8000 characters', 'a patch too long is refused');
select throws_ok($$select public.create_personality_profile(p_ai_lenser_id => null, p_name => 'X')$$,
  '22023', 'create_personality_profile: p_ai_lenser_id is required', 'the agent is required');
select is((select count(*)::int from agents.personality_profiles where ai_lenser_id = :'scout'), 3, 'the refused calls created nothing');

select is((public.update_personality_profile(p_profile_id => :'bold', p_tone => 'formal')).tone::text, 'formal',
  'update_personality_profile changes what is given');
select results_eq(format($$select risk_tolerance::text, system_prompt_patch from agents.personality_profiles where id = %L$$, :'bold'),
  $$values ('high', 'Be brief.')$$, 'and keeps the rest');
select is((public.update_personality_profile(p_profile_id => :'bold', p_clear_system_prompt_patch => true)).system_prompt_patch, null,
  'p_clear_system_prompt_patch removes the patch');
select throws_ok(format($$select public.update_personality_profile(p_profile_id => %L, p_system_prompt_patch => 'x', p_clear_system_prompt_patch => true)$$, :'bold'),
  '22023', 'update_personality_profile: give p_system_prompt_patch or p_clear_system_prompt_patch, not both', 'not both');
select throws_ok(format($$select public.update_personality_profile(p_profile_id => %L, p_name => 'warm')$$, :'bold'),
  '23505', 'update_personality_profile: p_name "warm" is taken by another personality profile of this agent', 'renaming onto a taken name');
select is((select name from agents.personality_profiles where id = :'bold'), 'Bold', 'and the name did not change');
select throws_ok($$select public.update_personality_profile(p_profile_id => '00000000-0000-4000-8000-00000000abcd')$$,
  'PT404', 'update_personality_profile: no personality profile 00000000-0000-4000-8000-00000000abcd that you can see', 'an unknown profile');
select results_eq(format($$select name from public.list_personality_profiles(p_ai_lenser_id => %L)$$, :'scout'),
  $$values ('Calm'), ('Bold'), ('Warm')$$, 'list_personality_profiles: the default first, then by name');
select throws_ok(format($$select * from public.list_personality_profiles(p_ai_lenser_id => %L, p_limit => 0)$$, :'scout'),
  '22023', 'list_personality_profiles: p_limit must be between 1 and 200, got 0', 'a bad page size');
select is((public.delete_personality_profile(:'warm')).name, 'Warm', 'delete_personality_profile returns the deleted row');
select is((select count(*)::int from agents.personality_profiles where id = :'warm'), 0, 'and it is gone');

-- ---------------------------------------------------------------- memory profiles
select (public.create_memory_profile(p_ai_lenser_id => :'scout', p_name => 'Facts', p_retention_days => 30,
  p_scope_type => 'workflow', p_is_default => true)).id as facts \gset
select results_eq(format($$select retention_days, scope_type::text, visibility::text, is_default from agents.memory_profiles where id = %L$$, :'facts'),
  $$values (30, 'workflow', 'operators', true)$$, 'create_memory_profile');
select throws_ok(format($$select public.create_memory_profile(p_ai_lenser_id => %L, p_name => 'Y', p_retention_days => 0)$$, :'scout'),
  '22023', 'create_memory_profile: p_retention_days must be between 1 and 3650 (or null to keep entries), got 0', 'retention must be positive');
select is((public.update_memory_profile(p_profile_id => :'facts', p_keep_forever => true)).retention_days, null,
  'update_memory_profile: p_keep_forever removes the retention limit');
select throws_ok(format($$select public.update_memory_profile(p_profile_id => %L, p_retention_days => 5, p_keep_forever => true)$$, :'facts'),
  '22023', 'update_memory_profile: give p_retention_days or p_keep_forever, not both', 'not both');
select is((public.update_memory_profile(p_profile_id => :'facts', p_retention_days => 7, p_visibility => 'owners')).retention_days, 7,
  'and a new retention can be set');

-- ---------------------------------------------------------------- tool profiles
select (public.create_tool_profile(p_ai_lenser_id => :'scout', p_name => 'Researcher',
  p_allow_tools => array['web_search', 'calculator', 'web_search'], p_deny_tools => array['http_post'],
  p_tool_groups => array['memory'], p_provider_overrides => '{"web_search":{"provider":"brave","timeoutMs":5000}}')).id as researcher \gset
select results_eq(format($$select allow_tools, deny_tools, tool_groups from agents.tool_profiles where id = %L$$, :'researcher'),
  $$values (array['calculator', 'web_search'], array['http_post'], array['memory'])$$,
  'create_tool_profile keeps the lists sorted and without duplicates');
select throws_ok(format($$select public.create_tool_profile(p_ai_lenser_id => %L, p_name => 'T', p_allow_tools => array['nope'])$$, :'scout'),
  '22023', 'create_tool_profile: p_allow_tools names unknown tools: nope', 'unknown tools are refused');
select throws_ok(format($$select public.create_tool_profile(p_ai_lenser_id => %L, p_name => 'T', p_deny_tools => array['nope'])$$, :'scout'),
  '22023', 'create_tool_profile: p_deny_tools names unknown tools: nope', 'in the deny list too');
select throws_ok(format($$select public.create_tool_profile(p_ai_lenser_id => %L, p_name => 'T', p_deny_tools => array['calculator', null])$$, :'scout'),
  '22023', 'create_tool_profile: p_deny_tools must not contain nulls (element 2 is null)', 'a null in a list is refused, naming the list');
select throws_ok(format($$select public.create_tool_profile(p_ai_lenser_id => %L, p_name => 'T', p_tool_groups => array['weapons'])$$, :'scout'),
  '22023', 'create_tool_profile: p_tool_groups names unknown groups: weapons', 'unknown groups are refused');
select throws_ok(format($$select public.create_tool_profile(p_ai_lenser_id => %L, p_name => 'T', p_allow_tools => array['web_search'], p_deny_tools => array['web_search'])$$, :'scout'),
  '22023', 'create_tool_profile: tools both allowed and denied: web_search', 'a tool cannot be both allowed and denied');
select throws_ok(format($$select public.create_tool_profile(p_ai_lenser_id => %L, p_name => 'T', p_provider_overrides => '{"web_search":{"timeoutMs":1}}')$$, :'scout'),
  '22023', 'create_tool_profile: p_provider_overrides is invalid: provider_overrides.web_search.timeoutMs must be an integer from 100 to 600000',
  'overrides of the wrong shape are refused');
select throws_ok(format($$select public.create_tool_profile(p_ai_lenser_id => %L, p_name => 'T', p_provider_overrides => '{"teleport":{}}')$$, :'scout'),
  '22023', 'create_tool_profile: p_provider_overrides names unknown tools: teleport', 'overrides for unknown tools are refused');
select is((select count(*)::int from agents.tool_profiles where ai_lenser_id = :'scout'), 1, 'the refused calls created nothing');
select is((public.update_tool_profile(p_profile_id => :'researcher', p_allow_tools => '{}', p_requires_approval => true)).allow_tools,
  '{}'::text[], 'update_tool_profile: an empty array empties a list');

-- ---------------------------------------------------------------- model profiles
select (public.create_model_profile(p_ai_lenser_id => :'scout', p_name => 'Fast', p_model_id => :'gpt_mini',
  p_params => '{"temperature":0.2,"maxOutputTokens":4000}', p_is_default => true)).id as fast \gset
select results_eq(format($$select provider_key, model_key, support_level::text from agents.model_profiles where id = %L$$, :'fast'),
  $$values ('openai', 'gpt-4.1-mini', 'runnable')$$, 'create_model_profile copies provider, key and support level from the model');
select throws_ok(format($$select public.create_model_profile(p_ai_lenser_id => %L, p_name => 'M', p_model_id => %L, p_params => '{"temperature":3}')$$, :'scout', :'gpt_mini'),
  '22023', 'create_model_profile: p_params is invalid: temperature must be a number from 0 to 2', 'params of the wrong shape are refused');
select throws_ok(format($$select public.create_model_profile(p_ai_lenser_id => %L, p_name => 'M', p_model_id => %L, p_params => '{"maxOutputTokens":40000}')$$, :'scout', :'gpt_mini'),
  '22023', 'create_model_profile: p_params.maxOutputTokens 40000 exceeds the limit of gpt-4.1-mini (32768)', 'maxOutputTokens must fit the model');
select throws_ok(format($$select public.create_model_profile(p_ai_lenser_id => %L, p_name => 'M', p_model_id => (select id from ai.models where model_key = 'mistral-large-latest'))$$, :'scout'),
  '22023', 'create_model_profile: p_model_id names mistral-large-latest which cannot be called (status active, support level catalog_only)',
  'a catalog-only model is refused');
select throws_ok(format($$select public.create_model_profile(p_ai_lenser_id => %L, p_name => 'M', p_model_id => (select id from ai.models where model_key = 'text-embedding-3-small'))$$, :'scout'),
  '22023', 'create_model_profile: p_model_id names text-embedding-3-small which is not a chat model', 'an embedding model is refused');
select throws_ok(format($$select public.create_model_profile(p_ai_lenser_id => %L, p_name => 'M', p_model_id => gen_random_uuid())$$, :'scout'),
  '22023', null, 'an unknown model is refused');
select is((select count(*)::int from agents.model_profiles where ai_lenser_id = :'scout'), 1, 'the refused calls created nothing');
select results_eq(format($$select provider_key, model_key from public.update_model_profile(p_profile_id => %L, p_model_id => %L)$$, :'fast', :'sonnet'),
  $$values ('anthropic', 'claude-sonnet-4-5')$$, 'update_model_profile to another model refreshes the copies');

-- ---------------------------------------------------------------- table rules, as the platform
select tests.clear_authentication();
select throws_ok(format($$insert into agents.personality_profiles (ai_lenser_id, name, is_default) values (%L, 'Second default', true)$$, :'scout'),
  '23505', null, 'the partial unique index allows one default per agent');
select throws_ok(format($$insert into agents.tool_profiles (ai_lenser_id, name, allow_tools) values (%L, 'Bad', array['nope'])$$, :'scout'),
  '23514', 'tool_profiles: unknown tool key(s): nope', 'a tool profile names known tools only');
select throws_ok(format($$insert into agents.tool_profiles (ai_lenser_id, name, tool_groups) values (%L, 'Bad', array['nope'])$$, :'scout'),
  '23514', 'tool_profiles: unknown tool group(s): nope', 'and known groups only');
select throws_ok(format($$insert into agents.tool_profiles (ai_lenser_id, name, allow_tools, deny_tools) values (%L, 'Bad', '{calculator}', '{calculator}')$$, :'scout'),
  '23514', 'new row for relation "tool_profiles" violates check constraint "tool_profiles_allow_deny_disjoint"', 'allow and deny lists are disjoint (CHECK)');
select throws_ok(format($$insert into agents.tool_profiles (ai_lenser_id, name, provider_overrides) values (%L, 'Bad', '{"calculator":{"x":1}}')$$, :'scout'),
  '23514', 'new row for relation "tool_profiles" violates check constraint "tool_profiles_provider_overrides_shape"', 'provider_overrides has its shape (CHECK)');
select throws_ok(format($$insert into agents.model_profiles (ai_lenser_id, name, model_id, model_key) values (%L, 'Bad', %L, 'gpt-4o')$$, :'scout', :'gpt_mini'),
  '23514', 'model_profiles.model_key "gpt-4o" does not match the model''s key "gpt-4.1-mini"', 'model_key must agree with the model');
select throws_ok(format($$insert into agents.model_profiles (ai_lenser_id, name, model_id, provider_key) values (%L, 'Bad', %L, 'anthropic')$$, :'scout', :'gpt_mini'),
  '23514', 'model_profiles.provider_key "anthropic" does not match the model''s provider "openai"', 'provider_key must agree');
select throws_ok(format($$insert into agents.model_profiles (ai_lenser_id, name, model_id, support_level) values (%L, 'Bad', %L, 'byok_only')$$, :'scout', :'gpt_mini'),
  '23514', 'model_profiles.support_level "byok_only" does not match the model''s "runnable"', 'support_level must agree');
select throws_ok(format($$insert into agents.model_profiles (ai_lenser_id, name, model_id, params) values (%L, 'Bad', %L, '{"topP":0}')$$, :'scout', :'gpt_mini'),
  '23514', 'new row for relation "model_profiles" violates check constraint "model_profiles_params_shape"', 'params have their shape (CHECK)');
select throws_ok(format($$update agents.personality_profiles set ai_lenser_id = %L where id = %L$$, :'rival', :'calm'),
  '23514', 'personality_profiles.ai_lenser_id cannot change: a profile belongs to its agent for life', 'a profile''s agent never changes');
update ai.models set support_level = 'byok_only' where id = :'sonnet';
select is((select support_level::text from agents.model_profiles where id = :'fast'), 'byok_only',
  'a catalog change of the model is mirrored in its model profiles');

-- ---------------------------------------------------------------- who may do what
select tests.authenticate_as(:'bob');
select throws_ok(format($$select public.create_personality_profile(p_ai_lenser_id => %L, p_name => 'Mine')$$, :'scout'),
  '42501', format('create_personality_profile: you do not own or co-own agent %s', :'scout'), 'another user cannot create profiles for the agent');
select throws_ok(format($$select * from public.list_tool_profiles(p_ai_lenser_id => %L)$$, :'scout'),
  '42501', format('list_tool_profiles: you do not own, co-own or operate agent %s', :'scout'), 'nor list them');
select throws_ok(format($$select public.update_model_profile(p_profile_id => %L, p_name => 'Mine')$$, :'fast'),
  'PT404', null, 'nor change one (they do not see it)');
select throws_ok(format($$select public.delete_memory_profile(%L)$$, :'facts'), 'PT404', null, 'nor delete one');

select tests.authenticate_as(:'olga');
select is((select count(*)::int from public.list_personality_profiles(p_ai_lenser_id => :'scout')), 2, 'an operator lists the profiles');
select throws_ok(format($$select public.update_personality_profile(p_profile_id => %L, p_tone => 'playful')$$, :'calm'),
  '42501', format('update_personality_profile: you do not own or co-own agent %s', :'scout'), 'but cannot change them');
select throws_ok(format($$select public.set_default_tool_profile(%L)$$, :'researcher'),
  '42501', format('set_default_tool_profile: you do not own or co-own agent %s', :'scout'), 'nor move the default');

select tests.authenticate_as(:'carol');
select lives_ok(format($$select public.create_personality_profile(p_ai_lenser_id => %L, p_name => 'Co-owned')$$, :'scout'),
  'a co-owner creates profiles');

select tests.authenticate_as_anon();
select throws_ok(format($$select public.create_personality_profile(p_ai_lenser_id => %L, p_name => 'Anon')$$, :'scout'),
  '42501', null, 'anon cannot call the profile RPCs');
select tests.clear_authentication();
select is((select tone::text from agents.personality_profiles where id = :'calm'), 'neutral', 'and nothing of theirs changed anything');

select * from finish();
rollback;

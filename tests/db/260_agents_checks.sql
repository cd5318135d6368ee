-- The CHECK constraints of the control-room tables, each violated directly (as the platform, past
-- the RPCs that would refuse the same values first). Those of workflow_assignments and the JSON
-- shapes are in 200 and 220; the lifecycle columns of tool_invocations are kept by its trigger.
begin;
select plan(32);

select tests.create_user('alice@example.com', '{"handle":"alice"}') as alice \gset
select tests.new_agent(:'alice', 'scout') as scout \gset
insert into agents.memory_profiles (ai_lenser_id, name) values (:'scout', 'Notes') returning id as mp \gset
insert into agents.tool_profiles (ai_lenser_id, name, tool_groups, is_default) values (:'scout', 'Tools', '{utility}', true);
insert into agents.teams (owner_lenser_id, name) values (tests.human(:'alice'), 'Crew') returning id as crew \gset

-- profiles
select throws_ok(format($$insert into agents.personality_profiles (ai_lenser_id, name) values (%L, ' ')$$, :'scout'),
  '23514', 'new row for relation "personality_profiles" violates check constraint "personality_profiles_name_length"', 'personality_profiles_name_length');
select throws_ok(format($$insert into agents.personality_profiles (ai_lenser_id, name, system_prompt_patch) values (%L, 'P', '')$$, :'scout'),
  '23514', 'new row for relation "personality_profiles" violates check constraint "personality_profiles_patch_length"', 'personality_profiles_patch_length');
select throws_ok(format($$insert into agents.memory_profiles (ai_lenser_id, name) values (%L, repeat('n', 81))$$, :'scout'),
  '23514', 'new row for relation "memory_profiles" violates check constraint "memory_profiles_name_length"', 'memory_profiles_name_length');
select throws_ok(format($$insert into agents.memory_profiles (ai_lenser_id, name, retention_days) values (%L, 'M', 3651)$$, :'scout'),
  '23514', 'new row for relation "memory_profiles" violates check constraint "memory_profiles_retention_days_range"', 'memory_profiles_retention_days_range');
select throws_ok(format($$insert into agents.tool_profiles (ai_lenser_id, name) values (%L, '')$$, :'scout'),
  '23514', 'new row for relation "tool_profiles" violates check constraint "tool_profiles_name_length"', 'tool_profiles_name_length');
select throws_ok(format($$insert into agents.tool_profiles (ai_lenser_id, name, allow_tools) values (%L, 'T', array[null]::text[])$$, :'scout'),
  '23514', 'new row for relation "tool_profiles" violates check constraint "tool_profiles_no_null_entries"', 'tool_profiles_no_null_entries');
select throws_ok(format($$insert into agents.model_profiles (ai_lenser_id, name, model_id) values (%L, '', (select id from ai.models where model_key = 'local-echo'))$$, :'scout'),
  '23514', 'new row for relation "model_profiles" violates check constraint "model_profiles_name_length"', 'model_profiles_name_length');
select throws_ok(format($$insert into agents.model_profiles (ai_lenser_id, name, model_id) values (%L, 'Retired', (select id from ai.models where model_key = 'mistral-large-latest'))$$, :'scout'),
  '23514', 'model_profiles: model mistral-large-latest cannot be called (status active, support level catalog_only)',
  'a model profile binds a callable model (trigger)');
select throws_ok(format($$insert into agents.model_profiles (ai_lenser_id, name, model_id, params) values (%L, 'Long', (select id from ai.models where model_key = 'local-echo'), '{"maxOutputTokens":32001}')$$, :'scout'),
  '23514', 'model_profiles: params.maxOutputTokens 32001 exceeds the model''s limit of 32000', 'params fit the model (trigger)');

-- teams, members
select throws_ok(format($$insert into agents.teams (owner_lenser_id, name) values (%L, '  ')$$, tests.human(:'alice')),
  '23514', 'new row for relation "teams" violates check constraint "teams_name_length"', 'teams_name_length');
select throws_ok(format($$insert into agents.teams (owner_lenser_id, name, description) values (%L, 'T', repeat('d', 4001))$$, tests.human(:'alice')),
  '23514', 'new row for relation "teams" violates check constraint "teams_description_length"', 'teams_description_length');
select throws_ok(format($$insert into agents.teams (owner_lenser_id, name, scratchpad) values (%L, 'T', '"notes"')$$, tests.human(:'alice')),
  '23514', 'new row for relation "teams" violates check constraint "teams_scratchpad_object"', 'teams_scratchpad_object');
select throws_ok(format($$insert into agents.teams (owner_lenser_id, name, scratchpad) values (%L, 'T', jsonb_build_object('x', repeat('x', 262144)))$$, tests.human(:'alice')),
  '23514', 'new row for relation "teams" violates check constraint "teams_scratchpad_size"', 'teams_scratchpad_size');
select throws_ok(format($$insert into agents.teams (owner_lenser_id, name, archived_at) values (%L, 'T', now())$$, tests.human(:'alice')),
  '23514', 'new row for relation "teams" violates check constraint "teams_archived_at_set"', 'teams_archived_at_set');
select throws_ok(format($$insert into agents.teams (owner_lenser_id, name, status, archived_at) values (%L, 'T', 'archived', now())$$, tests.human(:'alice')),
  '23514', 'teams: a team is created active or paused, not archived', 'a team is not born archived (trigger)');
select throws_ok(format($$update agents.teams set owner_lenser_id = (select profile_id from agents.ai_lensers where id = %L) where id = %L$$, :'scout', :'crew'),
  '23514', 'teams.owner_lenser_id cannot change', 'a team''s owner never changes (trigger)');
select throws_ok(format($$insert into agents.team_members (team_id, agent_id, lane) values (%L, %L, -1)$$, :'crew', :'scout'),
  '23514', 'new row for relation "team_members" violates check constraint "team_members_lane_not_negative"', 'team_members_lane_not_negative');
select throws_ok(format($$insert into agents.team_members (team_id, agent_id, responsibility) values (%L, %L, ' ')$$, :'crew', :'scout'),
  '23514', 'new row for relation "team_members" violates check constraint "team_members_responsibility_length"', 'team_members_responsibility_length');

-- memories
select throws_ok(format($$insert into agents.memories (memory_profile_id, ai_lenser_id, scope, source, content) values (%L, %L, 'agent', 'manual', '')$$, :'mp', :'scout'),
  '23514', 'new row for relation "memories" violates check constraint "memories_content_length"', 'memories_content_length');
select throws_ok(format($$insert into agents.memories (memory_profile_id, ai_lenser_id, scope, source, content, expires_at) values (%L, %L, 'agent', 'manual', 'x', now() - interval '1 second')$$, :'mp', :'scout'),
  '23514', 'new row for relation "memories" violates check constraint "memories_expires_after_created"', 'memories_expires_after_created');
select throws_ok(format($$insert into agents.memories (memory_profile_id, ai_lenser_id, scope, source, content, metadata) values (%L, %L, 'agent', 'manual', 'x', '[1]')$$, :'mp', :'scout'),
  '23514', 'new row for relation "memories" violates check constraint "memories_metadata_object"', 'memories_metadata_object');
select throws_ok(format($$insert into agents.memories (memory_profile_id, ai_lenser_id, scope, source, content, redacted_at) values (%L, %L, 'agent', 'manual', 'x', now())$$, :'mp', :'scout'),
  '23514', 'memories: an entry is written unredacted', 'an entry is written unredacted (trigger)');

-- tool invocations
select throws_ok(format($$insert into agents.tool_invocations (ai_lenser_id, tool_id, input) values (%L, (select id from agents.tools_registry where key = 'calculator'), '[]')$$, :'scout'),
  '23514', 'new row for relation "tool_invocations" violates check constraint "tool_invocations_input_object"', 'tool_invocations_input_object');
select throws_ok(format($$insert into agents.tool_invocations (ai_lenser_id, tool_id, output) values (%L, (select id from agents.tools_registry where key = 'calculator'), '{}')$$, :'scout'),
  '23514', 'tool_invocations: a new invocation has no outcome, decision or cost yet', 'a new invocation has no outcome (trigger)');
insert into agents.tool_invocations (ai_lenser_id, tool_id, input)
  values (:'scout', (select id from agents.tools_registry where key = 'calculator'), '{"expression":"1"}') returning id as ti \gset
select throws_ok(format($$update agents.tool_invocations set status = 'succeeded', cost_credits = -1 where id = %L$$, :'ti'),
  '23514', 'new row for relation "tool_invocations" violates check constraint "tool_invocations_cost_not_negative"', 'tool_invocations_cost_not_negative');
select throws_ok(format($$update agents.tool_invocations set status = 'failed' where id = %L$$, :'ti'),
  '23514', 'new row for relation "tool_invocations" violates check constraint "tool_invocations_failed_has_error"', 'tool_invocations_failed_has_error');
select throws_ok(format($$update agents.tool_invocations set status = 'failed', error = '' where id = %L$$, :'ti'),
  '23514', 'new row for relation "tool_invocations" violates check constraint "tool_invocations_error_length"', 'tool_invocations_error_length');

-- the tool registry
select throws_ok($$insert into agents.tools_registry (key, name, description, egress_class, tool_group) values ('Bad Key', 'N', 'D', 'none', 'utility')$$,
  '23514', 'new row for relation "tools_registry" violates check constraint "tools_registry_key_slug"', 'tools_registry_key_slug');
select throws_ok($$insert into agents.tools_registry (key, name, description, egress_class, tool_group) values ('good_key', 'N', 'D', 'none', 'Utility!')$$,
  '23514', 'new row for relation "tools_registry" violates check constraint "tools_registry_group_slug"', 'tools_registry_group_slug');
select throws_ok($$insert into agents.tools_registry (key, name, description, egress_class, tool_group) values ('good_key', ' ', 'D', 'none', 'utility')$$,
  '23514', 'new row for relation "tools_registry" violates check constraint "tools_registry_name_length"', 'tools_registry_name_length');
select throws_ok($$insert into agents.tools_registry (key, name, description, egress_class, tool_group) values ('good_key', 'N', '', 'none', 'utility')$$,
  '23514', 'new row for relation "tools_registry" violates check constraint "tools_registry_description_length"', 'tools_registry_description_length');
select throws_ok($$insert into agents.tools_registry (key, name, description, egress_class, tool_group, input_schema) values ('good_key', 'N', 'D', 'none', 'utility', '{"type":"array"}')$$,
  '23514', 'new row for relation "tools_registry" violates check constraint "tools_registry_input_schema_object"', 'tools_registry_input_schema_object');

select * from finish();
rollback;

-- An agent turn's state per node result: who acts, with which profiles, and which turn the journal
-- (agents.agent_turn_messages) is on. A new prompt (a review's feedback, a rerun) starts a new turn;
-- a re-claim with the same prompt resumes the current one from its journal.
create table agents.agent_turns (
  node_result_id uuid not null,
  ai_lenser_id uuid not null,
  turn_no integer default 1 not null,
  prompt_hash text not null,
  personality_profile_id uuid,
  memory_profile_id uuid,
  tool_profile_id uuid,
  memory_ids uuid[] default '{}'::uuid[] not null,
  started_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint agent_turns_pkey PRIMARY KEY (node_result_id),
  constraint agent_turns_turn_no_positive CHECK ((turn_no >= 1)),
  constraint agent_turns_prompt_hash_hex CHECK ((prompt_hash ~ '^[0-9a-f]{64}$'::text)),
  constraint agent_turns_ai_lenser_id_fkey FOREIGN KEY (ai_lenser_id) REFERENCES agents.ai_lensers(id) ON DELETE CASCADE,
  constraint agent_turns_memory_profile_id_fkey FOREIGN KEY (memory_profile_id) REFERENCES agents.memory_profiles(id) ON DELETE SET NULL,
  constraint agent_turns_node_result_id_fkey FOREIGN KEY (node_result_id) REFERENCES lenses.workflow_node_results(id) ON DELETE CASCADE,
  constraint agent_turns_personality_profile_id_fkey FOREIGN KEY (personality_profile_id) REFERENCES agents.personality_profiles(id) ON DELETE SET NULL,
  constraint agent_turns_tool_profile_id_fkey FOREIGN KEY (tool_profile_id) REFERENCES agents.tool_profiles(id) ON DELETE SET NULL
);

alter table agents.agent_turns enable row level security;
comment on table agents.agent_turns is 'The agent turn of a node result: the acting agent, its profiles, the memories it was given, the journal''s current turn.';
comment on column agents.agent_turns.prompt_hash is 'sha256 of the prompt the current turn answers; a claim with another prompt starts turn_no + 1.';
comment on column agents.agent_turns.memory_ids is 'The memory entries retrieved into the current turn''s system prompt, most similar first.';

create index agent_turns_agent_idx on agents.agent_turns using btree (ai_lenser_id);
create index agent_turns_memory_profile_idx on agents.agent_turns using btree (memory_profile_id);
create index agent_turns_personality_profile_idx on agents.agent_turns using btree (personality_profile_id);
create index agent_turns_tool_profile_idx on agents.agent_turns using btree (tool_profile_id);

create policy agent_turns_select on agents.agent_turns
  as permissive for select to authenticated
  using ((node_result_id IN ( SELECT x.id
   FROM lenses.workflow_node_results x)));

create trigger agent_turns_set_updated_at before update on agents.agent_turns for each row execute procedure lensers.tg_set_updated_at();

grant select on table agents.agent_turns to authenticated;
grant all on table agents.agent_turns to service_role;

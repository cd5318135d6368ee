-- The journal of agent turns: every model message and tool result, in order, per node result and
-- turn. A re-claimed task rebuilds the conversation from it and goes on after the last recorded
-- tool result, so no model call or tool effect that was recorded is made again. Append-only.
create table agents.agent_turn_messages (
  node_result_id uuid not null,
  seq integer not null,
  turn_no integer not null,
  role text not null,
  content text default ''::text not null,
  tool_calls jsonb,
  tool_call_id text,
  tool_name text,
  is_error boolean default false not null,
  tool_invocation_id uuid,
  created_at timestamp with time zone default now() not null,
  constraint agent_turn_messages_pkey PRIMARY KEY (node_result_id, seq),
  constraint agent_turn_messages_seq_positive CHECK ((seq >= 1)),
  constraint agent_turn_messages_role CHECK ((role = ANY (ARRAY['assistant'::text, 'tool'::text]))),
  constraint agent_turn_messages_content_size CHECK ((octet_length(content) <= 131072)),
  constraint agent_turn_messages_tool_calls_array CHECK (((tool_calls IS NULL) OR ((role = 'assistant'::text) AND (jsonb_typeof(tool_calls) = 'array'::text) AND (octet_length((tool_calls)::text) <= 131072)))),
  constraint agent_turn_messages_tool_result_shape CHECK (((role = 'tool'::text) = ((tool_call_id IS NOT NULL) AND (tool_name IS NOT NULL)))),
  constraint agent_turn_messages_tool_call_id_length CHECK ((char_length(tool_call_id) <= 200)),
  constraint agent_turn_messages_node_result_id_fkey FOREIGN KEY (node_result_id) REFERENCES lenses.workflow_node_results(id) ON DELETE CASCADE,
  constraint agent_turn_messages_tool_invocation_id_fkey FOREIGN KEY (tool_invocation_id) REFERENCES agents.tool_invocations(id) ON DELETE SET NULL
);

alter table agents.agent_turn_messages enable row level security;
comment on table agents.agent_turn_messages is 'Journal of agent turns (assistant messages with their tool calls, tool results), per node result and turn; append-only.';
comment on column agents.agent_turn_messages.tool_calls is 'An assistant message''s tool calls: [{id, name, arguments}] with arguments as the model wrote them.';

create unique index agent_turn_messages_one_result_per_call on agents.agent_turn_messages using btree (node_result_id, turn_no, tool_call_id) where (role = 'tool'::text);
create index agent_turn_messages_invocation_idx on agents.agent_turn_messages using btree (tool_invocation_id);

create policy agent_turn_messages_select on agents.agent_turn_messages
  as permissive for select to authenticated
  using ((node_result_id IN ( SELECT x.id
   FROM lenses.workflow_node_results x)));

create trigger agent_turn_messages_append_only before update or delete on agents.agent_turn_messages for each row execute procedure lenses.tg_append_only();

create trigger agent_turn_messages_no_truncate before truncate on agents.agent_turn_messages for each statement execute procedure lenses.tg_append_only();

grant select on table agents.agent_turn_messages to authenticated;
-- Append-only: service_role reads and appends; no update, delete or truncate (lenses.fn_purge_runs deletes as the owner).
grant select, insert on table agents.agent_turn_messages to service_role;

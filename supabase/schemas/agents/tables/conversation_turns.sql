create table agents.conversation_turns (
  id uuid default gen_random_uuid() not null,
  conversation_id uuid not null,
  binding_id uuid not null,
  ai_lenser_id uuid not null,
  status agents.conversation_turn_status default 'queued'::agents.conversation_turn_status not null,
  due_at timestamp with time zone not null,
  through_seq bigint not null,
  followup boolean default false not null,
  run_id uuid,
  reply_message_id uuid,
  config_versions jsonb,
  reason text,
  created_at timestamp with time zone default now() not null,
  started_at timestamp with time zone,
  ended_at timestamp with time zone,
  constraint conversation_turns_pkey PRIMARY KEY (id),
  constraint conversation_turns_through_seq_positive CHECK ((through_seq >= 1)),
  constraint conversation_turns_reason_length CHECK ((char_length(reason) <= 4000)),
  constraint conversation_turns_config_versions_shape CHECK (((config_versions IS NULL) OR (jsonb_typeof(config_versions) = 'object'::text))),
  constraint conversation_turns_ended CHECK (((status = ANY (ARRAY['queued'::agents.conversation_turn_status, 'running'::agents.conversation_turn_status])) = (ended_at IS NULL))),
  constraint conversation_turns_running_has_run CHECK (((status <> 'running'::agents.conversation_turn_status) OR (run_id IS NOT NULL))),
  constraint conversation_turns_conversation_id_fkey FOREIGN KEY (conversation_id) REFERENCES agents.conversations(id) ON DELETE CASCADE,
  constraint conversation_turns_binding_id_fkey FOREIGN KEY (binding_id) REFERENCES agents.channel_bindings(id) ON DELETE CASCADE,
  constraint conversation_turns_ai_lenser_id_fkey FOREIGN KEY (ai_lenser_id) REFERENCES agents.ai_lensers(id) ON DELETE CASCADE,
  constraint conversation_turns_run_id_fkey FOREIGN KEY (run_id) REFERENCES lenses.workflow_runs(id) ON DELETE SET NULL,
  constraint conversation_turns_reply_message_id_fkey FOREIGN KEY (reply_message_id) REFERENCES agents.messages(id) ON DELETE SET NULL
);

alter table agents.conversation_turns enable row level security;
comment on table agents.conversation_turns is 'An agent turn answering a conversation: queued by the inbound messages it answers (debounced: each one moves due_at), started as a run of the binding''s reply workflow by dispatch_conversation_turns, ended with the run (its reply queued in the outbox). One open (queued or running) turn per conversation by construction.';
comment on column agents.conversation_turns.through_seq is 'The last inbound message (messages.seq) this turn answers.';
comment on column agents.conversation_turns.followup is 'A message arrived while the turn was running: its end queues the next turn.';
comment on column agents.conversation_turns.config_versions is 'The binding and profile versions the reply ran with (agents.fn_binding_config_versions).';
comment on column agents.conversation_turns.reason is 'Why the turn failed, was cancelled or paused.';

create unique index conversation_turns_one_open_key on agents.conversation_turns using btree (conversation_id) where (status = ANY (ARRAY['queued'::agents.conversation_turn_status, 'running'::agents.conversation_turn_status]));
create index conversation_turns_due_idx on agents.conversation_turns using btree (due_at) where (status = 'queued'::agents.conversation_turn_status);
create index conversation_turns_conversation_idx on agents.conversation_turns using btree (conversation_id, started_at);
create index conversation_turns_agent_idx on agents.conversation_turns using btree (ai_lenser_id);
create index conversation_turns_binding_idx on agents.conversation_turns using btree (binding_id);
create index conversation_turns_run_idx on agents.conversation_turns using btree (run_id) where (run_id is not null);
create index conversation_turns_reply_message_idx on agents.conversation_turns using btree (reply_message_id) where (reply_message_id is not null);

create policy conversation_turns_select on agents.conversation_turns
  as permissive for select to authenticated
  using (( SELECT agents.can_operate_ai_lenser(conversation_turns.ai_lenser_id) AS can_operate_ai_lenser));

grant select on table agents.conversation_turns to authenticated;
grant select, insert, update on table agents.conversation_turns to service_role;

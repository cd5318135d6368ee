create table agents.messages (
  id uuid default gen_random_uuid() not null,
  conversation_id uuid not null,
  seq bigint not null,
  binding_id uuid not null,
  ai_lenser_id uuid not null,
  channel agents.channel not null,
  direction agents.message_direction not null,
  contact_id uuid,
  sender_name text,
  body text default ''::text not null,
  media jsonb,
  metadata jsonb default '{}'::jsonb not null,
  provider_message_id text,
  provider_event_id text,
  thread_id text,
  delivery_status agents.message_status,
  error jsonb,
  sent_at timestamp with time zone,
  delivered_at timestamp with time zone,
  read_at timestamp with time zone,
  failed_at timestamp with time zone,
  created_at timestamp with time zone default now() not null,
  constraint messages_pkey PRIMARY KEY (id),
  constraint messages_conversation_seq_key UNIQUE (conversation_id, seq),
  constraint messages_seq_positive CHECK ((seq >= 1)),
  constraint messages_body_size CHECK ((octet_length(body) <= 16384)),
  constraint messages_sender_name_length CHECK ((char_length(sender_name) <= 200)),
  constraint messages_media_shape CHECK (((media IS NULL) OR ((jsonb_typeof(media) = 'array'::text) AND (jsonb_array_length(media) <= 10) AND (octet_length((media)::text) <= 16384)))),
  constraint messages_metadata_shape CHECK (((jsonb_typeof(metadata) = 'object'::text) AND (octet_length((metadata)::text) <= 20480))),
  constraint messages_provider_ids_length CHECK ((((char_length(provider_message_id) >= 1) AND (char_length(provider_message_id) <= 256)) AND ((char_length(provider_event_id) >= 1) AND (char_length(provider_event_id) <= 256)) AND ((char_length(thread_id) >= 1) AND (char_length(thread_id) <= 256)))),
  constraint messages_delivery_outbound_only CHECK (((direction = 'outbound'::agents.message_direction) = (delivery_status IS NOT NULL))),
  constraint messages_inbound_has_no_delivery CHECK (((direction = 'outbound'::agents.message_direction) OR ((error IS NULL) AND (sent_at IS NULL) AND (delivered_at IS NULL) AND (read_at IS NULL) AND (failed_at IS NULL)))),
  constraint messages_error_when_failed CHECK (((error IS NULL) OR ((delivery_status = 'failed'::agents.message_status) AND (jsonb_typeof(error) = 'object'::text) AND (octet_length((error)::text) <= 16384)))),
  constraint messages_conversation_id_fkey FOREIGN KEY (conversation_id) REFERENCES agents.conversations(id) ON DELETE CASCADE,
  constraint messages_binding_fkey FOREIGN KEY (binding_id, ai_lenser_id, channel) REFERENCES agents.channel_bindings(id, ai_lenser_id, channel) ON DELETE CASCADE,
  constraint messages_contact_id_fkey FOREIGN KEY (contact_id) REFERENCES agents.contacts(id) ON DELETE SET NULL
);

alter table agents.messages enable row level security;
comment on table agents.messages is 'Messages of a conversation, in and out. The provider''s message id (and Slack''s envelope event id) is unique per channel, so a redelivery stores nothing. An outbound message''s delivery status only moves forward (queued < sent < delivered < read; failed from queued or sent, keeping its error). Not deletable by clients.';
comment on column agents.messages.seq is 'Gap-free per conversation and in commit order (allocated under the conversation''s lock): a reader''s cursor "after seq N" never misses a row.';
comment on column agents.messages.contact_id is 'Inbound: the sender (an unresolved contact for an orphan; follows merges). Outbound: the conversation''s contact.';
comment on column agents.messages.sender_name is 'The sender''s name as the provider gave it (kept for orphans).';
comment on column agents.messages.provider_event_id is 'Slack: the envelope event_id (a retry of a stored event is a no-op).';
comment on column agents.messages.thread_id is 'Slack: the thread_ts the message belongs to (replies go in the thread).';
comment on column agents.messages.delivery_status is 'Outbound only (null for inbound).';

create unique index messages_provider_message_key on agents.messages using btree (channel, provider_message_id) where (provider_message_id is not null);
create unique index messages_provider_event_key on agents.messages using btree (channel, provider_event_id) where (provider_event_id is not null);
create index messages_conversation_created_idx on agents.messages using btree (conversation_id, created_at);
create index messages_agent_idx on agents.messages using btree (ai_lenser_id);
create index messages_binding_idx on agents.messages using btree (binding_id);
create index messages_contact_idx on agents.messages using btree (contact_id) where (contact_id is not null);

create policy messages_select on agents.messages
  as permissive for select to authenticated
  using (( SELECT agents.can_operate_ai_lenser(messages.ai_lenser_id) AS can_operate_ai_lenser));

create trigger messages_guard before update on agents.messages for each row execute procedure agents.tg_messages_guard();

create trigger messages_notify_insert after insert on agents.messages referencing new table as changed_messages for each statement execute procedure agents.tg_messages_notify();

create trigger messages_notify_update after update on agents.messages referencing new table as changed_messages for each statement execute procedure agents.tg_messages_notify();

grant select on table agents.messages to authenticated;
-- Not deletable by clients (retention comes later): service_role reads, inserts and updates delivery.
grant select, insert, update on table agents.messages to service_role;

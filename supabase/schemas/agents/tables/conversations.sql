create table agents.conversations (
  id uuid default gen_random_uuid() not null,
  binding_id uuid not null,
  ai_lenser_id uuid not null,
  channel agents.channel not null,
  identity_id uuid,
  contact_id uuid,
  external_thread_id text,
  state agents.conversation_state default 'active'::agents.conversation_state not null,
  paused_reason text,
  started_at timestamp with time zone default now() not null,
  last_active_at timestamp with time zone default now() not null,
  last_inbound_at timestamp with time zone,
  last_message_seq bigint default 0 not null,
  updated_at timestamp with time zone default now() not null,
  constraint conversations_pkey PRIMARY KEY (id),
  constraint conversations_one_or_group CHECK (((identity_id IS NULL) <> (external_thread_id IS NULL))),
  constraint conversations_group_has_no_contact CHECK (((external_thread_id IS NULL) OR (contact_id IS NULL))),
  constraint conversations_external_thread_id_length CHECK (((char_length(external_thread_id) >= 1) AND (char_length(external_thread_id) <= 256))),
  constraint conversations_paused_reason CHECK (((paused_reason IS NULL) OR ((state = 'paused'::agents.conversation_state) AND (char_length(paused_reason) <= 4000)))),
  constraint conversations_last_message_seq_positive CHECK ((last_message_seq >= 0)),
  constraint conversations_binding_fkey FOREIGN KEY (binding_id, ai_lenser_id, channel) REFERENCES agents.channel_bindings(id, ai_lenser_id, channel) ON DELETE CASCADE,
  constraint conversations_identity_id_fkey FOREIGN KEY (identity_id) REFERENCES agents.contact_identities(id) ON DELETE CASCADE,
  constraint conversations_contact_id_fkey FOREIGN KEY (contact_id) REFERENCES agents.contacts(id) ON DELETE CASCADE
);

alter table agents.conversations enable row level security;
comment on table agents.conversations is 'A conversation on a binding (seed 002 sessions): one per channel identity for 1:1 chats, one per group or Slack channel (external_thread_id) for group chats.';
comment on column agents.conversations.contact_id is '1:1: the contact of identity_id (follows merges); null for a group.';
comment on column agents.conversations.last_inbound_at is 'The last inbound message: WhatsApp''s 24-hour customer service window is counted from it.';
comment on column agents.conversations.last_message_seq is 'The seq of the newest message: messages.seq is allocated under this row''s lock, gap-free and in commit order.';

create unique index conversations_identity_key on agents.conversations using btree (binding_id, identity_id) where (identity_id is not null);
create unique index conversations_thread_key on agents.conversations using btree (binding_id, external_thread_id) where (external_thread_id is not null);
create index conversations_agent_idx on agents.conversations using btree (ai_lenser_id, last_active_at desc, id desc);
create index conversations_identity_idx on agents.conversations using btree (identity_id) where (identity_id is not null);
create index conversations_contact_idx on agents.conversations using btree (contact_id) where (contact_id is not null);

create policy conversations_select on agents.conversations
  as permissive for select to authenticated
  using (( SELECT agents.can_operate_ai_lenser(conversations.ai_lenser_id) AS can_operate_ai_lenser));

create trigger conversations_set_updated_at before update on agents.conversations for each row execute procedure lensers.tg_set_updated_at();

grant select on table agents.conversations to authenticated;
grant all on table agents.conversations to service_role;

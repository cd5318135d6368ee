create table agents.message_sends (
  message_id uuid not null,
  binding_id uuid not null,
  ai_lenser_id uuid not null,
  conversation_id uuid not null,
  turn_id uuid,
  delivery_key text,
  origin jsonb default '{}'::jsonb not null,
  held_for_judgement boolean default false not null,
  attempts integer default 0 not null,
  next_attempt_at timestamp with time zone default now() not null,
  lease_token uuid,
  lease_owner text,
  lease_expires_at timestamp with time zone,
  last_attempt_at timestamp with time zone,
  last_error jsonb,
  sent_as agents.send_mode,
  created_at timestamp with time zone default now() not null,
  done_at timestamp with time zone,
  uncertain_since timestamp with time zone,
  constraint message_sends_pkey PRIMARY KEY (message_id),
  constraint message_sends_attempts_range CHECK (((attempts >= 0) AND (attempts <= 1000))),
  constraint message_sends_lease CHECK (((lease_token IS NULL) = (lease_expires_at IS NULL))),
  constraint message_sends_lease_owner_length CHECK ((char_length(lease_owner) <= 200)),
  constraint message_sends_origin_shape CHECK (((jsonb_typeof(origin) = 'object'::text) AND (octet_length((origin)::text) <= 4096))),
  constraint message_sends_last_error_shape CHECK (((last_error IS NULL) OR ((jsonb_typeof(last_error) = 'object'::text) AND (octet_length((last_error)::text) <= 16384)))),
  constraint message_sends_done_without_lease CHECK (((done_at IS NULL) OR (lease_token IS NULL))),
  constraint message_sends_done_certain CHECK (((done_at IS NULL) OR (uncertain_since IS NULL))),
  constraint message_sends_delivery_key_length CHECK (((char_length(delivery_key) >= 1) AND (char_length(delivery_key) <= 200))),
  -- Deferred: agents.fn_reply_outbound claims the row (and its delivery_key) before it writes the message.
  constraint message_sends_message_id_fkey FOREIGN KEY (message_id) REFERENCES agents.messages(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  constraint message_sends_binding_id_fkey FOREIGN KEY (binding_id) REFERENCES agents.channel_bindings(id) ON DELETE CASCADE,
  constraint message_sends_ai_lenser_id_fkey FOREIGN KEY (ai_lenser_id) REFERENCES agents.ai_lensers(id) ON DELETE CASCADE,
  constraint message_sends_conversation_id_fkey FOREIGN KEY (conversation_id) REFERENCES agents.conversations(id) ON DELETE CASCADE,
  constraint message_sends_turn_id_fkey FOREIGN KEY (turn_id) REFERENCES agents.conversation_turns(id) ON DELETE SET NULL
);

alter table agents.message_sends enable row level security;
comment on table agents.message_sends is 'The outbox: one row per outbound message to send through its provider. The sender leases due rows (claim_channel_sends: SKIP LOCKED, per-binding rate, WhatsApp''s 24-hour window), then completes (sent, with the provider''s message id) or fails them (retried with backoff, Retry-After wins, or final). done_at marks a row that needs nothing more.';
comment on column agents.message_sends.origin is 'What queued it: {"kind": "turn" | "send_message" | "output_destination" | "fallback", ...ids}.';
comment on column agents.message_sends.delivery_key is 'Exactly once per delivery: a second message with the same key (a redelivered run output, a retried consumer) is never queued.';
comment on column agents.message_sends.held_for_judgement is 'A model-judged guardrail rule has not answered yet: the row waits (not claimable) until the verdict is recorded.';
comment on column agents.message_sends.uncertain_since is 'An attempt''s outcome is unknown: its lease expired without complete or fail (the sender died mid-send). Set by the claim that finds it (the start of the first such attempt), kept through retryable failures, cleared when the row is done. Slack: the next attempt looks the message up by its metadata before posting; WhatsApp: the claim waits a grace window once for Meta''s status (callback data) first.';
comment on column agents.message_sends.sent_as is 'How the last attempt went out: text, the binding''s WhatsApp template (outside the 24-hour window), or the web chat''s stream.';

create unique index message_sends_delivery_key on agents.message_sends using btree (delivery_key) where (delivery_key is not null);
create index message_sends_due_idx on agents.message_sends using btree (next_attempt_at) where ((done_at IS NULL) AND (NOT held_for_judgement));
create index message_sends_binding_attempt_idx on agents.message_sends using btree (binding_id, last_attempt_at);
create index message_sends_agent_idx on agents.message_sends using btree (ai_lenser_id);
create index message_sends_conversation_idx on agents.message_sends using btree (conversation_id);
create index message_sends_turn_idx on agents.message_sends using btree (turn_id) where (turn_id is not null);

create policy message_sends_select on agents.message_sends
  as permissive for select to authenticated
  using (( SELECT agents.can_operate_ai_lenser(message_sends.ai_lenser_id) AS can_operate_ai_lenser));

grant select on table agents.message_sends to authenticated;
grant select, insert, update on table agents.message_sends to service_role;

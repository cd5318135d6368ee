create table agents.guardrail_judgements (
  id uuid default gen_random_uuid() not null,
  direction agents.guardrail_direction not null,
  ai_lenser_id uuid not null,
  binding_id uuid not null,
  conversation_id uuid not null,
  message_id uuid not null,
  seq bigint,
  verdict jsonb not null,
  status agents.guardrail_judgement_status default 'pending'::agents.guardrail_judgement_status not null,
  attempts integer default 0 not null,
  lease_token uuid,
  lease_owner text,
  lease_expires_at timestamp with time zone,
  next_attempt_at timestamp with time zone default now() not null,
  final_verdict jsonb,
  created_at timestamp with time zone default now() not null,
  judged_at timestamp with time zone,
  constraint guardrail_judgements_pkey PRIMARY KEY (id),
  constraint guardrail_judgements_message_direction_key UNIQUE (message_id, direction),
  constraint guardrail_judgements_direction_check CHECK ((direction = ANY (ARRAY['input'::agents.guardrail_direction, 'output'::agents.guardrail_direction]))),
  constraint guardrail_judgements_seq_for_input CHECK (((direction = 'input'::agents.guardrail_direction) = (seq IS NOT NULL))),
  constraint guardrail_judgements_seq_positive CHECK ((seq >= 1)),
  constraint guardrail_judgements_verdict_shape CHECK (((jsonb_typeof(verdict) = 'object'::text) AND (jsonb_typeof((verdict -> 'pending'::text)) = 'array'::text) AND (octet_length((verdict)::text) <= 4194304))),
  constraint guardrail_judgements_final_verdict_shape CHECK (((final_verdict IS NULL) OR ((jsonb_typeof(final_verdict) = 'object'::text) AND (octet_length((final_verdict)::text) <= 4194304)))),
  constraint guardrail_judgements_attempts_range CHECK (((attempts >= 0) AND (attempts <= 1000))),
  constraint guardrail_judgements_judged CHECK ((((status = 'judged'::agents.guardrail_judgement_status) = (judged_at IS NOT NULL)) AND ((status = 'judged'::agents.guardrail_judgement_status) = (final_verdict IS NOT NULL)))),
  constraint guardrail_judgements_lease CHECK ((((lease_token IS NULL) = (lease_expires_at IS NULL)) AND ((lease_token IS NULL) = (lease_owner IS NULL)))),
  constraint guardrail_judgements_judged_without_lease CHECK (((status = 'pending'::agents.guardrail_judgement_status) OR (lease_token IS NULL))),
  constraint guardrail_judgements_lease_owner_length CHECK ((char_length(lease_owner) <= 200)),
  constraint guardrail_judgements_ai_lenser_id_fkey FOREIGN KEY (ai_lenser_id) REFERENCES agents.ai_lensers(id) ON DELETE CASCADE,
  constraint guardrail_judgements_binding_id_fkey FOREIGN KEY (binding_id) REFERENCES agents.channel_bindings(id) ON DELETE CASCADE,
  constraint guardrail_judgements_conversation_id_fkey FOREIGN KEY (conversation_id) REFERENCES agents.conversations(id) ON DELETE CASCADE,
  constraint guardrail_judgements_message_id_fkey FOREIGN KEY (message_id) REFERENCES agents.messages(id) ON DELETE CASCADE
);

alter table agents.guardrail_judgements enable row level security;
comment on table agents.guardrail_judgements is 'The model judges'' queue: one row per channel message (and direction) whose guardrail verdict has model_judge rules pending. An outbound message waits in the outbox (held_for_judgement), an inbound one queues no turn, until the worker leases the row (claim_guardrail_judgements), asks the judges and records the final verdict (complete_guardrail_judgement), which releases, rewrites or blocks it.';
comment on column agents.guardrail_judgements.seq is 'input: the inbound message''s seq (the turn the release queues answers through it).';
comment on column agents.guardrail_judgements.verdict is 'The verdict of agents.fn_check_guardrails when the message was stored, with its pending model_judge rules.';
comment on column agents.guardrail_judgements.final_verdict is 'The recorded verdict, nothing pending (the judges'' answers merged by public.record_guardrail_judgement).';
comment on column agents.guardrail_judgements.attempts is 'Leases taken; a row leased 5 times without an answer is closed as judge_unavailable (block).';

create index guardrail_judgements_due_idx on agents.guardrail_judgements using btree (next_attempt_at) where (status = 'pending'::agents.guardrail_judgement_status);
create index guardrail_judgements_pending_input_idx on agents.guardrail_judgements using btree (conversation_id) where ((status = 'pending'::agents.guardrail_judgement_status) AND (direction = 'input'::agents.guardrail_direction));
create index guardrail_judgements_conversation_idx on agents.guardrail_judgements using btree (conversation_id);
create index guardrail_judgements_agent_idx on agents.guardrail_judgements using btree (ai_lenser_id);
create index guardrail_judgements_binding_idx on agents.guardrail_judgements using btree (binding_id);

create policy guardrail_judgements_select on agents.guardrail_judgements
  as permissive for select to authenticated
  using (( SELECT agents.can_operate_ai_lenser(guardrail_judgements.ai_lenser_id) AS can_operate_ai_lenser));

grant select on table agents.guardrail_judgements to authenticated;
grant select, insert, update on table agents.guardrail_judgements to service_role;

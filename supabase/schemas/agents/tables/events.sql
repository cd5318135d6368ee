-- The one event bus (seed 001, DESIGN.md "One event bus"): every module's events in the one envelope
-- (rule 3) plus what the bus needs: the producing module, what the event is about (subject), the
-- contact when there is one. scope_id is the workspace scope: the lensers.profiles id of the lenser
-- the event belongs to (a run's or team run's lenser_id: whoever started it; an agent's profile for
-- what happens on its channels). event_id is 1..N per scope with no gap (agents.fn_emit_event
-- allocates it under the scope's advisory lock in the emitting transaction). Append-only; each
-- consumer's processing state is agents.event_deliveries, written in the same transaction.
create table agents.events (
  scope_id uuid not null,
  event_id bigint not null,
  event_type lenses.run_event_type not null,
  module agents.event_module not null,
  subject_kind agents.event_subject_kind,
  subject_id uuid,
  contact_id uuid,
  actor_id uuid,
  payload jsonb default '{}'::jsonb not null,
  occurred_at timestamp with time zone default clock_timestamp() not null,
  constraint events_pkey PRIMARY KEY (scope_id, event_id),
  constraint events_event_id_positive CHECK ((event_id >= 1)),
  constraint events_subject_pair CHECK (((subject_kind IS NULL) = (subject_id IS NULL))),
  constraint events_payload_object CHECK ((jsonb_typeof(payload) = 'object'::text)),
  constraint events_payload_size CHECK ((octet_length((payload)::text) <= 65536)),
  constraint events_scope_id_fkey FOREIGN KEY (scope_id) REFERENCES lensers.profiles(id) ON DELETE CASCADE,
  constraint events_actor_id_fkey FOREIGN KEY (actor_id) REFERENCES lensers.profiles(id) ON DELETE SET NULL,
  constraint events_contact_id_fkey FOREIGN KEY (contact_id) REFERENCES agents.contacts(id) ON DELETE SET NULL
);

alter table agents.events enable row level security;
comment on table agents.events is 'The event bus: every module''s events in one envelope (scope, gap-free event_id per scope, shared event_type, module, subject, contact, actor, payload, time). Append-only; consumers keep their state in agents.event_deliveries.';
comment on column agents.events.scope_id is 'The workspace scope: the profile the event belongs to (a run''s lenser, an agent''s profile). Readable by whoever may act as it.';
comment on column agents.events.contact_id is 'The contact the event concerns, when there is one.';
comment on column agents.events.actor_id is 'Who caused it: a profile, or null for the system.';

create index events_actor_idx on agents.events using btree (actor_id) where (actor_id IS NOT NULL);

create index events_subject_idx on agents.events using btree (subject_kind, subject_id) where (subject_id IS NOT NULL);

create index events_contact_idx on agents.events using btree (contact_id) where (contact_id IS NOT NULL);

create index events_occurred_at_idx on agents.events using btree (occurred_at);

create policy events_select on agents.events
  as permissive for select to authenticated
  using ((scope_id IN ( SELECT lensers.actable_profile_ids() AS actable_profile_ids)));

create trigger events_append_only before update or delete on agents.events for each row execute procedure lenses.tg_append_only();

create trigger events_no_truncate before truncate on agents.events for each statement execute procedure lenses.tg_append_only();

grant select on table agents.events to authenticated;
-- Append-only: service_role reads and appends (agents.fn_emit_event); no update, delete or truncate
-- (lenses.fn_purge_runs deletes as the owner).
grant select, insert on table agents.events to service_role;

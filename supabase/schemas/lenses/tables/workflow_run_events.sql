create table lenses.workflow_run_events (
  run_id uuid not null,
  event_id bigint not null,
  event_type lenses.run_event_type not null,
  actor_id uuid,
  node_id uuid,
  payload jsonb default '{}'::jsonb not null,
  occurred_at timestamp with time zone default clock_timestamp() not null,
  constraint workflow_run_events_pkey PRIMARY KEY (run_id, event_id),
  constraint workflow_run_events_event_id_positive CHECK ((event_id > 0)),
  constraint workflow_run_events_payload_object CHECK ((jsonb_typeof(payload) = 'object'::text)),
  constraint workflow_run_events_actor_id_fkey FOREIGN KEY (actor_id) REFERENCES lensers.profiles(id) ON DELETE SET NULL,
  constraint workflow_run_events_run_id_fkey FOREIGN KEY (run_id) REFERENCES lenses.workflow_runs(id) ON DELETE CASCADE
);

alter table lenses.workflow_run_events enable row level security;
comment on table lenses.workflow_run_events is 'Append-only event log of a run. event_id is 1, 2, 3... per run with no gap (fn_append_workflow_run_event).';

create index workflow_run_events_actor_idx on lenses.workflow_run_events using btree (actor_id) where (actor_id IS NOT NULL);

create policy workflow_run_events_select on lenses.workflow_run_events
  as permissive for select to authenticated
  using ((run_id IN ( SELECT r.id
   FROM lenses.workflow_runs r)));

create trigger workflow_run_events_append_only before delete or update on lenses.workflow_run_events for each row execute procedure lenses.tg_append_only();

create trigger workflow_run_events_no_truncate before truncate on lenses.workflow_run_events for each statement execute procedure lenses.tg_append_only();

grant select on table lenses.workflow_run_events to authenticated;
-- Append-only: service_role reads and appends; no update, delete or truncate (lenses.fn_purge_runs deletes as the owner).
grant select, insert on table lenses.workflow_run_events to service_role;

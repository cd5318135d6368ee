-- A team run's event log, with the envelope of lenses.workflow_run_events: scope (team_run_id),
-- event_id 1..N per team run with no gap, event_type from the one shared enum, actor, payload,
-- time. Append-only.
create table agents.agent_run_events (
  team_run_id uuid not null,
  event_id bigint not null,
  event_type lenses.run_event_type not null,
  actor_id uuid,
  step_id uuid,
  payload jsonb default '{}'::jsonb not null,
  occurred_at timestamp with time zone default now() not null,
  constraint agent_run_events_pkey PRIMARY KEY (team_run_id, event_id),
  constraint agent_run_events_event_id_positive CHECK ((event_id >= 1)),
  constraint agent_run_events_payload_object CHECK ((jsonb_typeof(payload) = 'object'::text)),
  constraint agent_run_events_actor_id_fkey FOREIGN KEY (actor_id) REFERENCES lensers.profiles(id) ON DELETE SET NULL,
  constraint agent_run_events_step_id_fkey FOREIGN KEY (step_id) REFERENCES agents.agent_run_steps(id) ON DELETE CASCADE,
  constraint agent_run_events_team_run_id_fkey FOREIGN KEY (team_run_id) REFERENCES agents.team_runs(id) ON DELETE CASCADE
);

alter table agents.agent_run_events enable row level security;
comment on table agents.agent_run_events is 'A team run''s event log: the envelope and event types of lenses.workflow_run_events, gap-free per team run, append-only.';

create index agent_run_events_step_idx on agents.agent_run_events using btree (step_id);

create index agent_run_events_actor_idx on agents.agent_run_events using btree (actor_id);

create policy agent_run_events_select on agents.agent_run_events
  as permissive for select to authenticated
  using ((team_run_id IN ( SELECT t.id
   FROM agents.team_runs t)));

create trigger agent_run_events_append_only before update or delete on agents.agent_run_events for each row execute procedure lenses.tg_append_only();

create trigger agent_run_events_no_truncate before truncate on agents.agent_run_events for each statement execute procedure lenses.tg_append_only();

grant select on table agents.agent_run_events to authenticated;
-- Append-only: service_role reads and appends; no update, delete or truncate (lenses.fn_purge_runs deletes as the owner).
grant select, insert on table agents.agent_run_events to service_role;

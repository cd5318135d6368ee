-- Every fire of a schedule, keyed by (schedule, the fire time it stands for) and written in the
-- transaction that starts its run: a retried, repeated or concurrent dispatch cannot start a second
-- run for the same fire. What happened: started (the run or team run), waiting (serial queue), or
-- skipped with the reason. Manual fires (run now, backfill) are marked so.
create table lenses.workflow_schedule_fires (
  schedule_id uuid not null,
  fire_at timestamp with time zone not null,
  outcome lenses.schedule_fire_outcome not null,
  skip_reason lenses.schedule_skip_reason,
  detail text,
  manual boolean default false not null,
  workflow_run_id uuid,
  team_run_id uuid,
  dispatched_at timestamp with time zone default now() not null,
  started_at timestamp with time zone,
  constraint workflow_schedule_fires_pkey PRIMARY KEY (schedule_id, fire_at),
  constraint workflow_schedule_fires_reason_when_skipped CHECK (((outcome = 'skipped'::lenses.schedule_fire_outcome) = (skip_reason IS NOT NULL))),
  constraint workflow_schedule_fires_detail_length CHECK ((char_length(detail) <= 2000)),
  constraint workflow_schedule_fires_one_run CHECK (((workflow_run_id IS NULL) OR (team_run_id IS NULL))),
  constraint workflow_schedule_fires_schedule_id_fkey FOREIGN KEY (schedule_id) REFERENCES lenses.workflow_schedules(id) ON DELETE CASCADE,
  constraint workflow_schedule_fires_team_run_id_fkey FOREIGN KEY (team_run_id) REFERENCES agents.team_runs(id) ON DELETE SET NULL,
  constraint workflow_schedule_fires_workflow_run_id_fkey FOREIGN KEY (workflow_run_id) REFERENCES lenses.workflow_runs(id) ON DELETE SET NULL
);

alter table lenses.workflow_schedule_fires enable row level security;
comment on table lenses.workflow_schedule_fires is 'Each fire of a schedule, once per (schedule, fire time): started, waiting or skipped with the reason.';

create index workflow_schedule_fires_workflow_run_idx on lenses.workflow_schedule_fires using btree (workflow_run_id);

create index workflow_schedule_fires_team_run_idx on lenses.workflow_schedule_fires using btree (team_run_id);

create index workflow_schedule_fires_waiting_idx on lenses.workflow_schedule_fires using btree (schedule_id, fire_at) where (outcome = 'waiting'::lenses.schedule_fire_outcome);

create policy workflow_schedule_fires_select on lenses.workflow_schedule_fires
  as permissive for select to authenticated
  using ((schedule_id IN ( SELECT s.id
   FROM lenses.workflow_schedules s)));

grant select on table lenses.workflow_schedule_fires to authenticated;
grant all on table lenses.workflow_schedule_fires to service_role;

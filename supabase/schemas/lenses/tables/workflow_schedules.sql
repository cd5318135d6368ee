-- A workflow run on a cron schedule (seed 004's lenses.workflow_schedules): a five-field cron
-- expression in the schedule's own IANA time zone, with its DST, catch-up, start/end and fire-limit
-- settings. It starts a plain workflow run, or, when it names an assignment, a team run (whose
-- approval and queue policies apply). Runs belong to the schedule's lenser_id (who created it).
create table lenses.workflow_schedules (
  id uuid default gen_random_uuid() not null,
  lenser_id uuid not null,
  workflow_id uuid,
  workflow_assignment_id uuid,
  assignee_type agents.assignee_kind,
  assignee_id uuid,
  name text not null,
  cron_expression text not null,
  timezone text default 'UTC'::text not null,
  input jsonb default '{}'::jsonb not null,
  dst_gap lenses.schedule_dst_gap default 'fire_after_gap'::lenses.schedule_dst_gap not null,
  dst_overlap lenses.schedule_dst_overlap default 'first'::lenses.schedule_dst_overlap not null,
  catch_up_window_seconds integer,
  start_at timestamp with time zone,
  end_at timestamp with time zone,
  max_fires integer,
  fire_count integer default 0 not null,
  approval_policy jsonb,
  retry_policy jsonb,
  failure_policy jsonb,
  queue_policy jsonb,
  paused_at timestamp with time zone,
  paused_by uuid,
  pause_note text,
  next_run_at timestamp with time zone,
  last_fired_at timestamp with time zone,
  last_completed_at timestamp with time zone,
  last_result lenses.schedule_run_result,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint workflow_schedules_pkey PRIMARY KEY (id),
  constraint workflow_schedules_name_length CHECK (((char_length(btrim(name)) >= 1) AND (char_length(name) <= 120))),
  constraint workflow_schedules_cron_expression_valid CHECK ((lenses.fn_cron_expression_errors(cron_expression) = ARRAY[]::text[])),
  constraint workflow_schedules_timezone_length CHECK (((char_length(timezone) >= 1) AND (char_length(timezone) <= 64))),
  constraint workflow_schedules_input_object CHECK ((jsonb_typeof(input) = 'object'::text)),
  constraint workflow_schedules_input_size CHECK ((octet_length((input)::text) <= 262144)),
  constraint workflow_schedules_catch_up_range CHECK (((catch_up_window_seconds >= 0) AND (catch_up_window_seconds <= 604800))),
  constraint workflow_schedules_window CHECK (((start_at IS NULL) OR (end_at IS NULL) OR (end_at > start_at))),
  constraint workflow_schedules_max_fires_range CHECK (((max_fires >= 1) AND (max_fires <= 1000000))),
  constraint workflow_schedules_fire_count_not_negative CHECK ((fire_count >= 0)),
  constraint workflow_schedules_pause_consistent CHECK (((paused_at IS NOT NULL) OR ((pause_note IS NULL) AND (paused_by IS NULL)))),
  constraint workflow_schedules_pause_note_length CHECK ((char_length(pause_note) <= 2000)),
  constraint workflow_schedules_assignee_from_assignment CHECK ((((workflow_assignment_id IS NULL) OR (assignee_type IS NOT NULL)) AND ((assignee_type IS NULL) = (assignee_id IS NULL)))),
  constraint workflow_schedules_approval_policy_with_assignment CHECK (((approval_policy IS NULL) OR (workflow_assignment_id IS NOT NULL))),
  constraint workflow_schedules_approval_policy_shape CHECK (((approval_policy IS NULL) OR (agents.fn_approval_policy_errors(approval_policy) = ARRAY[]::text[]))),
  constraint workflow_schedules_retry_policy_shape CHECK (((retry_policy IS NULL) OR (agents.fn_retry_policy_errors(retry_policy) = ARRAY[]::text[]))),
  constraint workflow_schedules_failure_policy_shape CHECK (((failure_policy IS NULL) OR (agents.fn_failure_policy_errors(failure_policy) = ARRAY[]::text[]))),
  constraint workflow_schedules_queue_policy_shape CHECK (((queue_policy IS NULL) OR (agents.fn_queue_policy_errors(queue_policy) = ARRAY[]::text[]))),
  constraint workflow_schedules_lenser_id_fkey FOREIGN KEY (lenser_id) REFERENCES lensers.profiles(id) ON DELETE CASCADE,
  constraint workflow_schedules_paused_by_fkey FOREIGN KEY (paused_by) REFERENCES lensers.profiles(id) ON DELETE SET NULL,
  constraint workflow_schedules_workflow_assignment_id_fkey FOREIGN KEY (workflow_assignment_id) REFERENCES agents.workflow_assignments(id) ON DELETE SET NULL,
  constraint workflow_schedules_workflow_id_fkey FOREIGN KEY (workflow_id) REFERENCES lenses.workflows(id) ON DELETE SET NULL
);

alter table lenses.workflow_schedules enable row level security;
comment on table lenses.workflow_schedules is 'A workflow (or an assignment''s team run) started on a cron schedule in its own time zone; its fires are lenses.workflow_schedule_fires.';
comment on column lenses.workflow_schedules.workflow_id is 'The workflow it runs; null once that workflow was deleted (the schedule then pauses itself at its next fire, with the reason, and keeps its history).';
comment on column lenses.workflow_schedules.assignee_type is 'For a schedule of an assignment: the assignee''s kind (kept when the assignment is deleted, which pauses the schedule).';
comment on column lenses.workflow_schedules.catch_up_window_seconds is 'After downtime, missed fires this recent still start; null: only the latest missed fire. The rest are recorded as skipped.';
comment on column lenses.workflow_schedules.approval_policy is 'For a schedule of an assignment: the approval policy its team runs are requested with, instead of the assignment''s (null: the assignment''s). A plain workflow run has none.';
comment on column lenses.workflow_schedules.queue_policy is 'A fire while the schedule''s previous run is active: parallel starts anyway, serial waits, skip_if_running skips (null: parallel for a workflow, and for an assignment its own queue policy alone).';
comment on column lenses.workflow_schedules.next_run_at is 'The next fire time (UTC); null when the schedule has ended or reached its limit.';

create index workflow_schedules_due_idx on lenses.workflow_schedules using btree (next_run_at) where (next_run_at IS NOT NULL);

create index workflow_schedules_lenser_idx on lenses.workflow_schedules using btree (lenser_id, created_at DESC);

create index workflow_schedules_workflow_idx on lenses.workflow_schedules using btree (workflow_id);

create index workflow_schedules_assignment_idx on lenses.workflow_schedules using btree (workflow_assignment_id);

create index workflow_schedules_paused_by_idx on lenses.workflow_schedules using btree (paused_by);

create policy workflow_schedules_select on lenses.workflow_schedules
  as permissive for select to authenticated
  using (((lenser_id IN ( SELECT lensers.actable_profile_ids() AS actable_profile_ids)) OR (workflow_id IN ( SELECT w.id
   FROM lenses.workflows w
  WHERE (w.lenser_id IN ( SELECT lensers.actable_profile_ids() AS actable_profile_ids))))));

create trigger workflow_schedules_set_updated_at before update on lenses.workflow_schedules for each row execute procedure lensers.tg_set_updated_at();

create trigger workflow_schedules_check_timezone before insert or update of timezone on lenses.workflow_schedules for each row execute procedure lenses.tg_workflow_schedules_check_timezone();

grant select on table lenses.workflow_schedules to authenticated;
grant all on table lenses.workflow_schedules to service_role;

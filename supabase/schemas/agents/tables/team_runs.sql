-- A team's (or one agent's) execution of a workflow assignment (seed 004): it waits for approval
-- and for its turn in the assignment's queue, then drives one workflow run of the engine
-- (workflow_run_id), whose end ends it. It belongs to whoever started it (lenser_id).
create table agents.team_runs (
  id uuid default gen_random_uuid() not null,
  assignment_id uuid not null,
  workflow_id uuid not null,
  assignee_kind agents.assignee_kind not null,
  assignee_ai_lenser_id uuid,
  assignee_team_id uuid,
  lenser_id uuid not null,
  status agents.team_run_status default 'queued'::agents.team_run_status not null,
  approval_status agents.approval_status not null,
  queue_state agents.team_run_queue_state default 'waiting'::agents.team_run_queue_state not null,
  queue_position bigint generated always as identity,
  input jsonb default '{}'::jsonb not null,
  policies jsonb not null,
  approval_hash text not null,
  approval_expires_at timestamp with time zone,
  escalated_at timestamp with time zone,
  escalated_to uuid[],
  decided_by uuid,
  decided_at timestamp with time zone,
  decision_reason text,
  status_reason text,
  deadline_seconds integer,
  workflow_run_id uuid,
  scratchpad jsonb default '{}'::jsonb not null,
  created_at timestamp with time zone default now() not null,
  started_at timestamp with time zone,
  finished_at timestamp with time zone,
  updated_at timestamp with time zone default now() not null,
  watched_until timestamp with time zone,
  constraint team_runs_pkey PRIMARY KEY (id),
  constraint team_runs_workflow_run_id_key UNIQUE (workflow_run_id),
  constraint team_runs_exactly_one_assignee CHECK ((((assignee_kind = 'agent'::agents.assignee_kind) AND (assignee_ai_lenser_id IS NOT NULL) AND (assignee_team_id IS NULL)) OR ((assignee_kind = 'team'::agents.assignee_kind) AND (assignee_team_id IS NOT NULL) AND (assignee_ai_lenser_id IS NULL)))),
  constraint team_runs_input_object CHECK ((jsonb_typeof(input) = 'object'::text)),
  constraint team_runs_input_size CHECK ((octet_length((input)::text) <= 262144)),
  constraint team_runs_policies_object CHECK ((jsonb_typeof(policies) = 'object'::text)),
  constraint team_runs_approval_hash_hex CHECK ((approval_hash ~ '^[0-9a-f]{64}$'::text)),
  constraint team_runs_scratchpad_object CHECK ((jsonb_typeof(scratchpad) = 'object'::text)),
  constraint team_runs_scratchpad_size CHECK ((octet_length((scratchpad)::text) <= 262144)),
  constraint team_runs_decision_reason_length CHECK ((char_length(decision_reason) <= 2000)),
  constraint team_runs_status_reason_length CHECK ((char_length(status_reason) <= 2000)),
  constraint team_runs_deadline_range CHECK (((deadline_seconds >= 1) AND (deadline_seconds <= 604800))),
  constraint team_runs_decided_when_decided CHECK (((approval_status = ANY (ARRAY['approved'::agents.approval_status, 'rejected'::agents.approval_status])) = (decided_at IS NOT NULL))),
  constraint team_runs_pending_is_queued CHECK (((approval_status <> 'pending'::agents.approval_status) OR ((status = ANY (ARRAY['queued'::agents.team_run_status, 'cancelled'::agents.team_run_status])) AND (queue_state = 'waiting'::agents.team_run_queue_state)))),
  constraint team_runs_admitted_when_started CHECK (((status = ANY (ARRAY['running'::agents.team_run_status, 'blocked'::agents.team_run_status, 'completed'::agents.team_run_status, 'failed'::agents.team_run_status])) <= (queue_state = 'admitted'::agents.team_run_queue_state))),
  constraint team_runs_skipped_is_cancelled CHECK (((queue_state <> 'skipped'::agents.team_run_queue_state) OR (status = 'cancelled'::agents.team_run_status))),
  constraint team_runs_finished_when_terminal CHECK (((status = ANY (ARRAY['completed'::agents.team_run_status, 'failed'::agents.team_run_status, 'cancelled'::agents.team_run_status])) = (finished_at IS NOT NULL))),
  constraint team_runs_assignee_ai_lenser_id_fkey FOREIGN KEY (assignee_ai_lenser_id) REFERENCES agents.ai_lensers(id) ON DELETE CASCADE,
  constraint team_runs_assignee_team_id_fkey FOREIGN KEY (assignee_team_id) REFERENCES agents.teams(id) ON DELETE CASCADE,
  constraint team_runs_assignment_id_fkey FOREIGN KEY (assignment_id) REFERENCES agents.workflow_assignments(id) ON DELETE CASCADE,
  constraint team_runs_decided_by_fkey FOREIGN KEY (decided_by) REFERENCES lensers.profiles(id) ON DELETE SET NULL,
  constraint team_runs_lenser_id_fkey FOREIGN KEY (lenser_id) REFERENCES lensers.profiles(id) ON DELETE CASCADE,
  constraint team_runs_workflow_id_fkey FOREIGN KEY (workflow_id) REFERENCES lenses.workflows(id) ON DELETE CASCADE,
  constraint team_runs_workflow_run_id_fkey FOREIGN KEY (workflow_run_id) REFERENCES lenses.workflow_runs(id) ON DELETE SET NULL
);

alter table agents.team_runs enable row level security;
comment on table agents.team_runs is 'A team''s (or one agent''s) execution of a workflow assignment: approval, queue, then one workflow run it mirrors.';
comment on column agents.team_runs.lenser_id is 'Who started it: the run, its input, output, events and costs are theirs.';
comment on column agents.team_runs.queue_position is 'Start order: the assignment''s queue admits waiting runs in this order.';
comment on column agents.team_runs.policies is 'The assignment''s five policies as they were when the run was requested.';
comment on column agents.team_runs.approval_hash is 'sha256 of the workflow, the policies and the input at the request: an approval binds to exactly these.';
comment on column agents.team_runs.escalated_to is 'The team members a reports_to edge names, when a pending approval was escalated.';
comment on column agents.team_runs.watched_until is 'Kept ahead of now while a client streams the team run''s events: only then do its events notify agent_run_events.';
comment on column agents.team_runs.status_reason is 'Why it is in its status: skipped by the queue, rejected, expired, cancelled, failed to start.';

create index team_runs_assignment_queue_idx on agents.team_runs using btree (assignment_id, queue_position) where (status = ANY (ARRAY['queued'::agents.team_run_status, 'running'::agents.team_run_status, 'blocked'::agents.team_run_status]));

create index team_runs_assignment_idx on agents.team_runs using btree (assignment_id, created_at DESC);

create index team_runs_assignee_ai_lenser_idx on agents.team_runs using btree (assignee_ai_lenser_id);

create index team_runs_assignee_team_idx on agents.team_runs using btree (assignee_team_id);

create index team_runs_lenser_idx on agents.team_runs using btree (lenser_id, created_at DESC);

create index team_runs_workflow_idx on agents.team_runs using btree (workflow_id);

create index team_runs_decided_by_idx on agents.team_runs using btree (decided_by);

create index team_runs_approval_expiry_idx on agents.team_runs using btree (approval_expires_at) where (approval_status = 'pending'::agents.approval_status);

create policy team_runs_select on agents.team_runs
  as permissive for select to authenticated
  using (((lenser_id IN ( SELECT lensers.actable_profile_ids() AS actable_profile_ids)) OR ( SELECT agents.can_operate_ai_lenser(team_runs.assignee_ai_lenser_id) AS can_operate_ai_lenser) OR (assignee_team_id IN ( SELECT agents.actable_team_ids() AS actable_team_ids))));

create trigger team_runs_set_updated_at before update of status, approval_status, queue_state, input, policies, approval_hash, approval_expires_at, escalated_at, escalated_to, decided_by, decided_at, decision_reason, status_reason, deadline_seconds, workflow_run_id, scratchpad, started_at, finished_at on agents.team_runs for each row execute procedure lensers.tg_set_updated_at();

create trigger team_runs_end_schedule after update of status on agents.team_runs for each row when (new.status = any (array['completed'::agents.team_run_status, 'failed'::agents.team_run_status, 'cancelled'::agents.team_run_status]) and old.status is distinct from new.status) execute procedure agents.tg_team_runs_end_schedule();

-- Deferred to the commit: the scope's advisory lock (agents.fn_emit_event) is then the last lock the
-- ending transaction takes, so it never enters a lock-order cycle with the run and assignment locks.
create constraint trigger team_runs_end_emit after update of status on agents.team_runs deferrable initially deferred for each row when (new.status = any (array['completed'::agents.team_run_status, 'failed'::agents.team_run_status, 'cancelled'::agents.team_run_status]) and old.status is distinct from new.status) execute procedure agents.tg_team_runs_end_emit();

grant select on table agents.team_runs to authenticated;
grant all on table agents.team_runs to service_role;

create trigger team_runs_leave_by_retention before delete on agents.team_runs for each row execute procedure lenses.tg_runs_leave_by_retention();

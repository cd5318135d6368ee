create table lenses.workflow_runs (
  id uuid default gen_random_uuid() not null,
  workflow_id uuid not null,
  lenser_id uuid not null,
  started_by uuid,
  status lenses.workflow_run_status default 'queued'::lenses.workflow_run_status not null,
  input jsonb default '{}'::jsonb not null,
  output jsonb,
  error_message text,
  active_node_id uuid,
  deadline_at timestamp with time zone,
  max_retries integer default 1 not null,
  failure_mode lenses.failure_mode default 'isolate'::lenses.failure_mode not null,
  recovered_from_run_id uuid,
  recovered_from_node_id uuid,
  total_input_tokens bigint default 0 not null,
  total_output_tokens bigint default 0 not null,
  total_cached_tokens bigint default 0 not null,
  total_cost_credits numeric(14,6) default 0 not null,
  watched_until timestamp with time zone,
  parent_invocation_id uuid,
  created_at timestamp with time zone default now() not null,
  started_at timestamp with time zone,
  finished_at timestamp with time zone,
  updated_at timestamp with time zone default now() not null,
  constraint workflow_runs_pkey PRIMARY KEY (id),
  constraint workflow_runs_finished_when_terminal CHECK (((status = ANY (ARRAY['completed'::lenses.workflow_run_status, 'failed'::lenses.workflow_run_status, 'cancelled'::lenses.workflow_run_status, 'timed_out'::lenses.workflow_run_status])) = (finished_at IS NOT NULL))),
  constraint workflow_runs_input_object CHECK ((jsonb_typeof(input) = 'object'::text)),
  constraint workflow_runs_max_retries_range CHECK (((max_retries >= 0) AND (max_retries <= 10))),
  constraint workflow_runs_status_reachable CHECK ((status <> ALL (ARRAY['draft'::lenses.workflow_run_status, 'validated'::lenses.workflow_run_status, 'pending'::lenses.workflow_run_status]))),
  constraint workflow_runs_recovery_pair CHECK (((recovered_from_run_id IS NULL) = (recovered_from_node_id IS NULL))),
  constraint workflow_runs_totals_not_negative CHECK (((total_input_tokens >= 0) AND (total_output_tokens >= 0) AND (total_cached_tokens >= 0) AND (total_cost_credits >= (0)::numeric))),
  constraint workflow_runs_parent_invocation_id_fkey FOREIGN KEY (parent_invocation_id) REFERENCES agents.tool_invocations(id) ON DELETE SET NULL,
  constraint workflow_runs_lenser_id_fkey FOREIGN KEY (lenser_id) REFERENCES lensers.profiles(id) ON DELETE CASCADE,
  constraint workflow_runs_recovered_from_node_id_fkey FOREIGN KEY (recovered_from_node_id) REFERENCES lenses.workflow_nodes(id) ON DELETE SET NULL,
  constraint workflow_runs_recovered_from_run_id_fkey FOREIGN KEY (recovered_from_run_id) REFERENCES lenses.workflow_runs(id) ON DELETE SET NULL,
  constraint workflow_runs_started_by_fkey FOREIGN KEY (started_by) REFERENCES lensers.profiles(id) ON DELETE SET NULL,
  constraint workflow_runs_workflow_id_fkey FOREIGN KEY (workflow_id) REFERENCES lenses.workflows(id) ON DELETE CASCADE
) with (fillfactor=50);

alter table lenses.workflow_runs enable row level security;
comment on table lenses.workflow_runs is 'One execution of a published workflow. active_node_id drives the inspector.';
comment on constraint workflow_runs_status_reachable on lenses.workflow_runs is 'A run is created by a start that validates the workflow and its input and queues the roots in one transaction: it is never a draft, never validated-but-unqueued, never pending (seed 004''s enum keeps the names; README "Run statuses").';
comment on column lenses.workflow_runs.lenser_id is 'Whose run it is: who started it (the workflow''s lenser only when the starter may act as it; a schedule''s lenser; a team run''s starter; a sub-run''s parent run''s lenser). Its input, output, results, events, provenance, ledger rows, costs and budgets are theirs; only they (and whoever may act as them) read or act on it.';
comment on column lenses.workflow_runs.started_by is 'Who pressed start (a human, a schedule''s lenser, or the agent whose run_workflow call started it); the actor of run_queued. Grants nothing: lenser_id decides who sees the run.';
comment on column lenses.workflow_runs.active_node_id is 'The node the inspector shows: the latest node that started running, one of this run''s own results.';
comment on column lenses.workflow_runs.watched_until is 'Set (and renewed) by the run-events function while a client streams the run: only then do its events NOTIFY.';

create unique index workflow_runs_parent_invocation_key on lenses.workflow_runs using btree (parent_invocation_id) where (parent_invocation_id IS NOT NULL);

create index workflow_runs_deadline_idx on lenses.workflow_runs using btree (deadline_at) where (status = ANY (ARRAY['queued'::lenses.workflow_run_status, 'pending'::lenses.workflow_run_status, 'running'::lenses.workflow_run_status, 'streaming'::lenses.workflow_run_status, 'recovered'::lenses.workflow_run_status]));

create index workflow_runs_lenser_idx on lenses.workflow_runs using btree (lenser_id, created_at DESC);

create index workflow_runs_recovered_from_node_idx on lenses.workflow_runs using btree (recovered_from_node_id);

create index workflow_runs_recovered_from_run_idx on lenses.workflow_runs using btree (recovered_from_run_id);

create index workflow_runs_started_by_idx on lenses.workflow_runs using btree (started_by, created_at DESC);

create index workflow_runs_workflow_idx on lenses.workflow_runs using btree (workflow_id, created_at DESC);

create policy workflow_runs_select on lenses.workflow_runs
  as permissive for select to authenticated
  using (((lenser_id IN ( SELECT p.id
   FROM lensers.profiles p
  WHERE (p.user_id = ( SELECT auth.uid() AS uid)))) OR (lenser_id IN ( SELECT lensers.actable_profile_ids() AS actable_profile_ids))));

create trigger workflow_runs_end_sub_run after update of status on lenses.workflow_runs for each row when (((new.parent_invocation_id IS NOT NULL) AND (old.status IS DISTINCT FROM new.status) AND (new.status = ANY (ARRAY['completed'::lenses.workflow_run_status, 'failed'::lenses.workflow_run_status, 'cancelled'::lenses.workflow_run_status, 'timed_out'::lenses.workflow_run_status])))) execute procedure agents.tg_workflow_runs_end_sub_run();

create trigger workflow_runs_set_updated_at before update of status, input, output, error_message, active_node_id, deadline_at, started_at, finished_at on lenses.workflow_runs for each row execute procedure lensers.tg_set_updated_at();

create trigger workflow_runs_end_conversation_turn after update of status on lenses.workflow_runs for each row when (new.status = any (array['completed'::lenses.workflow_run_status, 'failed'::lenses.workflow_run_status, 'cancelled'::lenses.workflow_run_status, 'timed_out'::lenses.workflow_run_status]) and old.status is distinct from new.status) execute procedure agents.tg_workflow_runs_end_conversation_turn();

create trigger workflow_runs_end_team_run after update of status on lenses.workflow_runs for each row when (new.status = any (array['completed'::lenses.workflow_run_status, 'failed'::lenses.workflow_run_status, 'cancelled'::lenses.workflow_run_status, 'timed_out'::lenses.workflow_run_status]) and old.status is distinct from new.status) execute procedure agents.tg_workflow_runs_end_team_run();

create trigger workflow_runs_end_schedule after update of status on lenses.workflow_runs for each row when (new.status = any (array['completed'::lenses.workflow_run_status, 'failed'::lenses.workflow_run_status, 'cancelled'::lenses.workflow_run_status, 'timed_out'::lenses.workflow_run_status]) and old.status is distinct from new.status) execute procedure lenses.tg_workflow_runs_end_schedule();

create constraint trigger workflow_runs_end_emit after update of status on lenses.workflow_runs deferrable initially deferred for each row when (new.status = any (array['completed'::lenses.workflow_run_status, 'failed'::lenses.workflow_run_status, 'cancelled'::lenses.workflow_run_status, 'timed_out'::lenses.workflow_run_status]) and old.status is distinct from new.status) execute procedure lenses.tg_workflow_runs_end_emit();

grant select on table lenses.workflow_runs to authenticated;
grant all on table lenses.workflow_runs to service_role;
comment on column lenses.workflow_runs.parent_invocation_id is 'The run_workflow tool call of an agent turn that started this run (its end answers that call).';

create trigger workflow_runs_leave_by_retention before delete on lenses.workflow_runs for each row execute procedure lenses.tg_runs_leave_by_retention();

comment on policy workflow_runs_select on lenses.workflow_runs is 'The runs of the profiles the caller may act as. The own-profile test comes first: for one''s own runs the set of acted-as profiles (an agent''s owners'') is never computed.';

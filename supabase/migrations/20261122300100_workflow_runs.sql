-- The run-time tables of the workflow engine: runs, one result per node, the run event log (one
-- envelope for every event log: scope id, gap-free event_id, event_type, actor_id, payload,
-- occurred_at) and field-level provenance. Users read them under RLS; they never write them
-- directly: every change goes through one transition function (start, claim, complete, fail,
-- cancel, human input, rerun, deadlines).

create type lenses.workflow_run_status as enum (
  'draft', 'validated', 'queued', 'pending', 'running', 'streaming', 'recovered', 'completed', 'failed', 'cancelled', 'timed_out'
);
create type lenses.node_result_status as enum (
  'pending', 'awaiting_dependency', 'queued', 'running', 'streaming', 'retrying', 'completed', 'failed', 'cancelled',
  'skipped', 'timed_out', 'blocked', 'invalidated'
);
create type lenses.waiting_reason as enum (
  'dependency', 'condition_false', 'rate_limit', 'retry_backoff', 'human_input', 'external_callback', 'queued'
);
create type lenses.task_error_kind as enum (
  'rate_limit', 'client', 'server', 'timeout', 'network', 'cancelled', 'contract_violation', 'lease_expired', 'render'
);
create type lenses.failure_mode as enum ('isolate', 'stop_run');

-- One vocabulary for every run event log (workflow runs now, agent/team runs later).
create type lenses.run_event_type as enum (
  'run_queued', 'run_started', 'run_streaming', 'run_completed', 'run_failed', 'run_cancelled', 'run_timed_out',
  'run_recovered',
  'node_queued', 'node_started', 'node_streaming', 'node_delta', 'node_completed', 'node_failed', 'node_retrying',
  'node_skipped', 'node_cancelled', 'node_timed_out', 'node_invalidated', 'node_released', 'lease_expired',
  'human_input_requested', 'human_input_received',
  'step_queued', 'step_started', 'step_completed', 'step_failed', 'step_blocked', 'step_skipped',
  'approval_requested', 'approval_granted', 'approval_rejected', 'message', 'tool_invoked', 'tool_completed'
);

create table lenses.workflow_runs (
  id uuid primary key default gen_random_uuid(),
  workflow_id uuid not null references lenses.workflows (id) on delete cascade,
  lenser_id uuid not null references lensers.profiles (id) on delete cascade,
  started_by uuid references lensers.profiles (id) on delete set null,
  status lenses.workflow_run_status not null default 'queued',
  input jsonb not null default '{}',
  output jsonb,
  error_message text,
  active_node_id uuid references lenses.workflow_nodes (id) on delete set null,
  deadline_at timestamptz,
  max_retries integer not null default 1,
  failure_mode lenses.failure_mode not null default 'isolate',
  recovered_from_run_id uuid references lenses.workflow_runs (id) on delete set null,
  recovered_from_node_id uuid references lenses.workflow_nodes (id) on delete set null,
  total_input_tokens bigint not null default 0,
  total_output_tokens bigint not null default 0,
  total_cached_tokens bigint not null default 0,
  total_cost_credits numeric(14, 6) not null default 0,
  watched_until timestamptz,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz,
  updated_at timestamptz not null default now(),
  constraint workflow_runs_input_object check (jsonb_typeof(input) = 'object'),
  constraint workflow_runs_max_retries_range check (max_retries between 0 and 10),
  constraint workflow_runs_finished_when_terminal check (
    (status in ('completed', 'failed', 'cancelled', 'timed_out')) = (finished_at is not null)
  ),
  constraint workflow_runs_recovery_pair check ((recovered_from_run_id is null) = (recovered_from_node_id is null)),
  constraint workflow_runs_totals_not_negative check (
    total_input_tokens >= 0 and total_output_tokens >= 0 and total_cached_tokens >= 0 and total_cost_credits >= 0
  )
);
comment on table lenses.workflow_runs is 'One execution of a published workflow. active_node_id drives the inspector.';
comment on column lenses.workflow_runs.watched_until is
  'Set (and renewed) by the run-events function while a client streams the run: only then do its events NOTIFY.';

create index workflow_runs_workflow_idx on lenses.workflow_runs (workflow_id, created_at desc);
create index workflow_runs_lenser_idx on lenses.workflow_runs (lenser_id, created_at desc);
create index workflow_runs_started_by_idx on lenses.workflow_runs (started_by, created_at desc);
create index workflow_runs_recovered_from_run_idx on lenses.workflow_runs (recovered_from_run_id);
create index workflow_runs_recovered_from_node_idx on lenses.workflow_runs (recovered_from_node_id);
-- active_node_id and the totals change with every node, so they stay out of every index and those
-- updates stay HOT (no index writes). Deleting a node cascades through results and runs anyway.
create index workflow_runs_deadline_idx on lenses.workflow_runs (deadline_at)
  where status in ('queued', 'pending', 'running', 'streaming', 'recovered');

-- Not on the totals, which move with every model call.
create trigger workflow_runs_set_updated_at
  before update of status, input, output, error_message, active_node_id, deadline_at, started_at, finished_at
  on lenses.workflow_runs
  for each row execute function lensers.tg_set_updated_at();

create table lenses.workflow_node_results (
  id uuid primary key default gen_random_uuid(),
  run_id uuid not null references lenses.workflow_runs (id) on delete cascade,
  node_id uuid not null references lenses.workflow_nodes (id) on delete cascade,
  node_key text not null,
  status lenses.node_result_status not null,
  waiting_reason lenses.waiting_reason,
  attempt_count integer not null default 0,
  retry_count integer not null default 0,
  max_retries integer not null,
  timeout_ms integer,
  input_data jsonb,
  output_data jsonb,
  error_kind lenses.task_error_kind,
  error_message text,
  model_id uuid references ai.models (id) on delete set null,
  input_tokens bigint not null default 0,
  output_tokens bigint not null default 0,
  cached_tokens bigint not null default 0,
  cost_credits numeric(14, 6) not null default 0,
  duration_ms integer,
  ttfb_ms integer,
  lease_token uuid,
  lease_owner text,
  lease_expires_at timestamptz,
  next_attempt_at timestamptz,
  timeout_at timestamptz,
  reused_from_result_id uuid references lenses.workflow_node_results (id) on delete set null,
  queued_at timestamptz,
  started_at timestamptz,
  finished_at timestamptz,
  updated_at timestamptz not null default now(),
  constraint workflow_node_results_one_per_node unique (run_id, node_id),
  constraint workflow_node_results_counts check (attempt_count >= 0 and retry_count >= 0 and max_retries between 0 and 10),
  constraint workflow_node_results_tokens check (input_tokens >= 0 and output_tokens >= 0 and cached_tokens >= 0 and cost_credits >= 0),
  constraint workflow_node_results_lease_when_running check (
    (status in ('running', 'streaming')) = (lease_token is not null and lease_expires_at is not null)
  ),
  constraint workflow_node_results_waiting_reason_fits check (
    case status
      when 'awaiting_dependency' then waiting_reason = 'dependency'
      when 'queued' then waiting_reason = 'queued'
      when 'retrying' then waiting_reason in ('rate_limit', 'retry_backoff')
      when 'blocked' then waiting_reason in ('human_input', 'external_callback')
      when 'skipped' then waiting_reason = 'condition_false'
      else waiting_reason is null
    end
  ),
  constraint workflow_node_results_due_when_waiting check (
    (status in ('queued', 'retrying')) = (next_attempt_at is not null)
  ),
  constraint workflow_node_results_finished_when_terminal check (
    (status in ('completed', 'failed', 'cancelled', 'skipped', 'timed_out', 'invalidated')) = (finished_at is not null)
  )
);
comment on table lenses.workflow_node_results is 'The state of one node in one run: the unit workers claim, lease and complete.';
comment on column lenses.workflow_node_results.attempt_count is 'Claims so far (an expired lease counts).';
comment on column lenses.workflow_node_results.retry_count is 'Failures counted against max_retries (rate limits are not).';

-- The queue: what is due, oldest first.
create index workflow_node_results_due_idx on lenses.workflow_node_results (next_attempt_at)
  where status in ('queued', 'retrying');
-- Leases and timeouts to reap.
create index workflow_node_results_lease_idx on lenses.workflow_node_results (lease_expires_at)
  where status in ('running', 'streaming');
create index workflow_node_results_timeout_idx on lenses.workflow_node_results (timeout_at)
  where status in ('running', 'streaming') and timeout_at is not null;
create index workflow_node_results_node_idx on lenses.workflow_node_results (node_id);
-- model_id and reused_from_result_id are not indexed: every claim writes model_id, and the rows
-- they point at (catalog models, earlier results) are never deleted while runs exist.

create trigger workflow_node_results_set_updated_at before update on lenses.workflow_node_results
  for each row execute function lensers.tg_set_updated_at();

create table lenses.workflow_run_events (
  run_id uuid not null references lenses.workflow_runs (id) on delete cascade,
  event_id bigint not null,
  event_type lenses.run_event_type not null,
  actor_id uuid references lensers.profiles (id) on delete set null,
  node_id uuid, -- the node the event is about: a plain id (no foreign key): the log is append-only history
  payload jsonb not null default '{}',
  occurred_at timestamptz not null default clock_timestamp(),
  primary key (run_id, event_id),
  constraint workflow_run_events_event_id_positive check (event_id > 0),
  constraint workflow_run_events_payload_object check (jsonb_typeof(payload) = 'object')
);
comment on table lenses.workflow_run_events is
  'Append-only event log of a run. event_id is 1, 2, 3... per run with no gap (fn_append_workflow_run_event).';
create index workflow_run_events_actor_idx on lenses.workflow_run_events (actor_id);

create table lenses.workflow_run_provenance (
  id bigint generated always as identity primary key,
  run_id uuid not null references lenses.workflow_runs (id) on delete cascade,
  edge_id uuid references lenses.workflow_edges (id) on delete set null,
  source_node_id uuid not null references lenses.workflow_nodes (id) on delete cascade,
  source_output_path text not null,
  target_node_id uuid not null references lenses.workflow_nodes (id) on delete cascade,
  target_input_path text not null,
  created_at timestamptz not null default now()
);
comment on table lenses.workflow_run_provenance is
  'Field-level lineage: which source node output path fed which target node input path in a run.';
create index workflow_run_provenance_run_idx on lenses.workflow_run_provenance (run_id, target_node_id);
create index workflow_run_provenance_edge_idx on lenses.workflow_run_provenance (edge_id);
create index workflow_run_provenance_source_idx on lenses.workflow_run_provenance (source_node_id);
create index workflow_run_provenance_target_idx on lenses.workflow_run_provenance (target_node_id);

-- Event logs and lineage are history: no update, no delete. The only changes are the ones
-- foreign keys make when a referenced row goes (a run's deletion cascades; a deleted profile's
-- events keep their place with a null actor); those arrive from the foreign key's own trigger.
create function lenses.tg_append_only() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if pg_trigger_depth() > 1 then
    return case when tg_op = 'DELETE' then old else new end;
  end if;
  raise exception '%.% is append-only: % is not allowed', tg_table_schema, tg_table_name, lower(tg_op)
    using errcode = '42501';
end
$$;

create trigger workflow_run_events_append_only before update or delete on lenses.workflow_run_events
  for each row execute function lenses.tg_append_only();
create trigger workflow_run_provenance_append_only before update or delete on lenses.workflow_run_provenance
  for each row execute function lenses.tg_append_only();

-- Who sees a run: whoever started it, and whoever may act as the workflow's lenser.
alter table lenses.workflow_runs enable row level security;
alter table lenses.workflow_node_results enable row level security;
alter table lenses.workflow_run_events enable row level security;
alter table lenses.workflow_run_provenance enable row level security;

create policy workflow_runs_select on lenses.workflow_runs
  for select to authenticated
  using (started_by in (select lensers.actable_profile_ids()) or lenser_id in (select lensers.actable_profile_ids()));
create policy workflow_node_results_select on lenses.workflow_node_results
  for select to authenticated
  using (run_id in (select r.id from lenses.workflow_runs r));
create policy workflow_run_events_select on lenses.workflow_run_events
  for select to authenticated
  using (run_id in (select r.id from lenses.workflow_runs r));
create policy workflow_run_provenance_select on lenses.workflow_run_provenance
  for select to authenticated
  using (run_id in (select r.id from lenses.workflow_runs r));

grant select on lenses.workflow_runs, lenses.workflow_node_results, lenses.workflow_run_events,
  lenses.workflow_run_provenance to authenticated;
grant all on lenses.workflow_runs, lenses.workflow_node_results, lenses.workflow_run_events,
  lenses.workflow_run_provenance to service_role;

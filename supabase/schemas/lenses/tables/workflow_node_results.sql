create table lenses.workflow_node_results (
  id uuid default gen_random_uuid() not null,
  run_id uuid not null,
  node_id uuid not null,
  node_key text not null,
  status lenses.node_result_status not null,
  waiting_reason lenses.waiting_reason,
  attempt_count integer default 0 not null,
  retry_count integer default 0 not null,
  max_retries integer not null,
  timeout_ms integer,
  input_data jsonb,
  output_data jsonb,
  error_kind lenses.task_error_kind,
  error_message text,
  model_id uuid,
  input_tokens bigint default 0 not null,
  output_tokens bigint default 0 not null,
  cached_tokens bigint default 0 not null,
  cost_credits numeric(14,6) default 0 not null,
  duration_ms integer,
  ttfb_ms integer,
  lease_token uuid,
  lease_owner text,
  lease_expires_at timestamp with time zone,
  next_attempt_at timestamp with time zone,
  timeout_at timestamp with time zone,
  reused_from_result_id uuid,
  queued_at timestamp with time zone,
  started_at timestamp with time zone,
  finished_at timestamp with time zone,
  updated_at timestamp with time zone default now() not null,
  mirrored_by_step boolean default false not null,
  ai_lenser_id uuid,
  budget_held boolean default false not null,
  constraint workflow_node_results_pkey PRIMARY KEY (id),
  constraint workflow_node_results_one_per_node UNIQUE (run_id, node_id),
  constraint workflow_node_results_counts CHECK (((attempt_count >= 0) AND (retry_count >= 0) AND ((max_retries >= 0) AND (max_retries <= 10)))),
  constraint workflow_node_results_due_when_waiting CHECK (((status = ANY (ARRAY['queued'::lenses.node_result_status, 'retrying'::lenses.node_result_status])) = (next_attempt_at IS NOT NULL))),
  constraint workflow_node_results_finished_when_terminal CHECK (((status = ANY (ARRAY['completed'::lenses.node_result_status, 'failed'::lenses.node_result_status, 'cancelled'::lenses.node_result_status, 'skipped'::lenses.node_result_status, 'timed_out'::lenses.node_result_status, 'invalidated'::lenses.node_result_status])) = (finished_at IS NOT NULL))),
  constraint workflow_node_results_lease_when_running CHECK (((status = ANY (ARRAY['running'::lenses.node_result_status, 'streaming'::lenses.node_result_status])) = ((lease_token IS NOT NULL) AND (lease_expires_at IS NOT NULL)))),
  constraint workflow_node_results_tokens CHECK (((input_tokens >= 0) AND (output_tokens >= 0) AND (cached_tokens >= 0) AND (cost_credits >= (0)::numeric))),
  constraint workflow_node_results_waiting_reason_fits CHECK (
CASE status
    WHEN 'awaiting_dependency'::lenses.node_result_status THEN (waiting_reason = 'dependency'::lenses.waiting_reason)
    WHEN 'queued'::lenses.node_result_status THEN (waiting_reason = ANY (ARRAY['queued'::lenses.waiting_reason, 'budget'::lenses.waiting_reason]))
    WHEN 'retrying'::lenses.node_result_status THEN (waiting_reason = ANY (ARRAY['rate_limit'::lenses.waiting_reason, 'retry_backoff'::lenses.waiting_reason, 'budget'::lenses.waiting_reason]))
    WHEN 'blocked'::lenses.node_result_status THEN (waiting_reason = ANY (ARRAY['human_input'::lenses.waiting_reason, 'external_callback'::lenses.waiting_reason]))
    WHEN 'skipped'::lenses.node_result_status THEN (waiting_reason = 'condition_false'::lenses.waiting_reason)
    ELSE (waiting_reason IS NULL)
END),
  constraint workflow_node_results_ai_lenser_id_fkey FOREIGN KEY (ai_lenser_id) REFERENCES agents.ai_lensers(id) ON DELETE SET NULL,
  constraint workflow_node_results_node_id_fkey FOREIGN KEY (node_id) REFERENCES lenses.workflow_nodes(id) ON DELETE CASCADE,
  constraint workflow_node_results_reused_from_result_id_fkey FOREIGN KEY (reused_from_result_id) REFERENCES lenses.workflow_node_results(id) ON DELETE SET NULL,
  constraint workflow_node_results_run_id_fkey FOREIGN KEY (run_id) REFERENCES lenses.workflow_runs(id) ON DELETE CASCADE
) with (fillfactor=70);

-- lenses.workflow_runs and this table reference each other: this key is added here, once both exist.
alter table lenses.workflow_runs add constraint workflow_runs_active_node_is_own_result FOREIGN KEY (id, active_node_id) REFERENCES lenses.workflow_node_results(run_id, node_id) ON DELETE SET NULL (active_node_id);

alter table lenses.workflow_node_results enable row level security;
comment on table lenses.workflow_node_results is 'The state of one node in one run: the unit workers claim, lease and complete.';
comment on column lenses.workflow_node_results.attempt_count is 'Claims so far (an expired lease counts).';
comment on column lenses.workflow_node_results.retry_count is 'Failures counted against max_retries (rate limits are not).';
comment on column lenses.workflow_node_results.mirrored_by_step is 'The result belongs to a team run: its status changes are mirrored onto the run''s step (agents.agent_run_steps).';
comment on column lenses.workflow_node_results.ai_lenser_id is 'The agent whose turn the latest attempt was (a team run''s member, else the run''s lenser when that is an AI lenser; set at the claim); null: a plain model call. Its budgets, and its owners'' lenser budgets, apply to the task.';
comment on column lenses.workflow_node_results.budget_held is 'The latest claim reserved in at least one budget (ai.budget_reservations): leaving running or streaming settles or releases it.';
comment on column lenses.workflow_node_results.model_id is 'The model the latest attempt ran on (history: no foreign key, see ai.llm_calls for the call itself).';

create index workflow_node_results_ai_lenser_idx on lenses.workflow_node_results using btree (ai_lenser_id) where (ai_lenser_id IS NOT NULL);

create index workflow_node_results_due_idx on lenses.workflow_node_results using btree (next_attempt_at) where (status = ANY (ARRAY['queued'::lenses.node_result_status, 'retrying'::lenses.node_result_status]));

create index workflow_node_results_lease_idx on lenses.workflow_node_results using btree (lease_expires_at) where (status = ANY (ARRAY['running'::lenses.node_result_status, 'streaming'::lenses.node_result_status]));

create index workflow_node_results_node_idx on lenses.workflow_node_results using btree (node_id, run_id);

create index workflow_node_results_timeout_idx on lenses.workflow_node_results using btree (timeout_at) where ((status = ANY (ARRAY['running'::lenses.node_result_status, 'streaming'::lenses.node_result_status])) AND (timeout_at IS NOT NULL));

create policy workflow_node_results_select on lenses.workflow_node_results
  as permissive for select to authenticated
  using ((run_id IN ( SELECT r.id
   FROM lenses.workflow_runs r)));

create trigger workflow_node_results_remember after update of status on lenses.workflow_node_results for each row when (((new.status = 'completed'::lenses.node_result_status) AND (old.status <> 'completed'::lenses.node_result_status) AND (new.ai_lenser_id IS NOT NULL))) execute procedure agents.tg_node_results_remember();

create trigger workflow_node_results_release_budgets after update of status on lenses.workflow_node_results for each row when ((new.budget_held AND (old.status = ANY (ARRAY['running'::lenses.node_result_status, 'streaming'::lenses.node_result_status])) AND (new.status <> ALL (ARRAY['running'::lenses.node_result_status, 'streaming'::lenses.node_result_status])))) execute procedure ai.tg_node_results_release_budgets();

create trigger workflow_node_results_set_updated_at before update on lenses.workflow_node_results for each row execute procedure lensers.tg_set_updated_at();

create trigger workflow_node_results_mirror_step after update of status on lenses.workflow_node_results for each row when (new.mirrored_by_step and old.status is distinct from new.status) execute procedure agents.tg_node_results_mirror_step();

grant select on table lenses.workflow_node_results to authenticated;
grant all on table lenses.workflow_node_results to service_role;

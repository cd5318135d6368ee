-- One step per workflow node a member performs in a team run (and, with reviews, per review),
-- mirrored from the node result in the transaction that changes the result.
create table agents.agent_run_steps (
  id uuid default gen_random_uuid() not null,
  team_run_id uuid not null,
  node_result_id uuid not null,
  kind agents.agent_run_step_kind default 'perform'::agents.agent_run_step_kind not null,
  node_id uuid not null,
  node_key text not null,
  member_id uuid,
  ai_lenser_id uuid not null,
  member_source agents.step_member_source not null,
  lane integer default 0 not null,
  title text not null,
  status agents.agent_run_step_status default 'queued'::agents.agent_run_step_status not null,
  current_task text,
  recent_output_summary text,
  blocker_summary text,
  payload jsonb default '{}'::jsonb not null,
  created_at timestamp with time zone default now() not null,
  started_at timestamp with time zone,
  finished_at timestamp with time zone,
  updated_at timestamp with time zone default now() not null,
  workflow_order integer default 0 not null,
  reviewer_member_id uuid,
  awaiting_review boolean default false not null,
  candidate_output jsonb,
  review_feedback text,
  review_rounds integer default 0 not null,
  constraint agent_run_steps_pkey PRIMARY KEY (id),
  constraint agent_run_steps_one_per_result UNIQUE (node_result_id, kind),
  constraint agent_run_steps_lane_not_negative CHECK ((lane >= 0)),
  constraint agent_run_steps_title_length CHECK (((char_length(title) >= 1) AND (char_length(title) <= 200))),
  constraint agent_run_steps_current_task_length CHECK ((char_length(current_task) <= 2000)),
  constraint agent_run_steps_output_summary_length CHECK ((char_length(recent_output_summary) <= 2000)),
  constraint agent_run_steps_blocker_summary_length CHECK ((char_length(blocker_summary) <= 2000)),
  constraint agent_run_steps_payload_object CHECK ((jsonb_typeof(payload) = 'object'::text)),
  constraint agent_run_steps_payload_size CHECK ((octet_length((payload)::text) <= 65536)),
  constraint agent_run_steps_review_rounds_not_negative CHECK ((review_rounds >= 0)),
  constraint agent_run_steps_review_feedback_length CHECK ((char_length(review_feedback) <= 4000)),
  constraint agent_run_steps_candidate_when_awaiting CHECK (((NOT awaiting_review) OR ((candidate_output IS NOT NULL) AND (reviewer_member_id IS NOT NULL)))),
  constraint agent_run_steps_member_when_team CHECK (((member_source = 'assignee'::agents.step_member_source) = (member_id IS NULL))),
  constraint agent_run_steps_finished_when_terminal CHECK (((status = ANY (ARRAY['completed'::agents.agent_run_step_status, 'failed'::agents.agent_run_step_status, 'skipped'::agents.agent_run_step_status])) = (finished_at IS NOT NULL))),
  constraint agent_run_steps_ai_lenser_id_fkey FOREIGN KEY (ai_lenser_id) REFERENCES agents.ai_lensers(id) ON DELETE CASCADE,
  constraint agent_run_steps_member_id_fkey FOREIGN KEY (member_id) REFERENCES agents.team_members(id) ON DELETE SET NULL,
  constraint agent_run_steps_reviewer_member_id_fkey FOREIGN KEY (reviewer_member_id) REFERENCES agents.team_members(id) ON DELETE SET NULL,
  constraint agent_run_steps_node_result_id_fkey FOREIGN KEY (node_result_id) REFERENCES lenses.workflow_node_results(id) ON DELETE CASCADE,
  constraint agent_run_steps_team_run_id_fkey FOREIGN KEY (team_run_id) REFERENCES agents.team_runs(id) ON DELETE CASCADE
);

-- agents.tool_invocations is created before the steps: its key to them is added here.
alter table agents.tool_invocations add constraint tool_invocations_step_id_fkey FOREIGN KEY (step_id) REFERENCES agents.agent_run_steps(id) ON DELETE SET NULL;

alter table agents.agent_run_steps enable row level security;
comment on table agents.agent_run_steps is 'A step of a team run: the node a member performs, its status mirrored from the node result in the same transaction.';
comment on column agents.agent_run_steps.member_source is 'Why the step went to its member: assignee, binding, capability or lead.';
comment on column agents.agent_run_steps.workflow_order is 'The node''s place in the workflow: a lane takes its steps one at a time in this order.';
comment on column agents.agent_run_steps.reviewer_member_id is 'On a perform step: the member whose reviews edge names this step''s member; their review step follows every performed attempt.';
comment on column agents.agent_run_steps.awaiting_review is 'The node''s latest output (candidate_output) waits for the reviewer''s verdict.';
comment on column agents.agent_run_steps.review_feedback is 'The reviewer''s latest rejection, given to the member with the next attempt.';
comment on column agents.agent_run_steps.review_rounds is 'Rejections so far; past the retry policy''s maxRetries the step is blocked.';
comment on column agents.agent_run_steps.current_task is 'What the step does now (the node''s title or key while it runs).';
comment on column agents.agent_run_steps.recent_output_summary is 'The start of the node''s latest output (at most 280 characters).';
comment on column agents.agent_run_steps.blocker_summary is 'Why the step waits or failed: the node''s waiting reason or error.';

create index agent_run_steps_team_run_idx on agents.agent_run_steps using btree (team_run_id, lane, created_at);

create index agent_run_steps_node_result_idx on agents.agent_run_steps using btree (node_result_id);

create index agent_run_steps_member_idx on agents.agent_run_steps using btree (member_id);

create index agent_run_steps_reviewer_member_idx on agents.agent_run_steps using btree (reviewer_member_id);

create index agent_run_steps_ai_lenser_idx on agents.agent_run_steps using btree (ai_lenser_id);

create policy agent_run_steps_select on agents.agent_run_steps
  as permissive for select to authenticated
  using ((team_run_id IN ( SELECT t.id
   FROM agents.team_runs t)));

create trigger agent_run_steps_set_updated_at before update on agents.agent_run_steps for each row execute procedure lensers.tg_set_updated_at();

grant select on table agents.agent_run_steps to authenticated;
grant all on table agents.agent_run_steps to service_role;

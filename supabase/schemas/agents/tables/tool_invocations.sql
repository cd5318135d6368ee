create table agents.tool_invocations (
  id uuid default gen_random_uuid() not null,
  ai_lenser_id uuid not null,
  tool_id uuid not null,
  tool_profile_id uuid,
  status agents.tool_invocation_status default 'requested'::agents.tool_invocation_status not null,
  requires_approval boolean default false not null,
  input jsonb default '{}'::jsonb not null,
  output jsonb,
  error text,
  approved_by uuid,
  approved_at timestamp with time zone,
  rejected_by uuid,
  rejected_at timestamp with time zone,
  rejected_reason text,
  cost_credits numeric(14,6) default 0 not null,
  step_id uuid,
  workflow_node_result_id uuid,
  requested_by uuid,
  call_index integer,
  tool_call_id text,
  approval_hash text,
  latency_ms integer,
  created_at timestamp with time zone default now() not null,
  started_at timestamp with time zone,
  completed_at timestamp with time zone,
  updated_at timestamp with time zone default now() not null,
  constraint tool_invocations_pkey PRIMARY KEY (id),
  constraint tool_invocations_approved_state CHECK (((approved_at IS NOT NULL) = (requires_approval AND (status = ANY (ARRAY['approved'::agents.tool_invocation_status, 'running'::agents.tool_invocation_status, 'succeeded'::agents.tool_invocation_status, 'failed'::agents.tool_invocation_status]))))),
  constraint tool_invocations_completed_state CHECK (((completed_at IS NOT NULL) = (status = ANY (ARRAY['rejected'::agents.tool_invocation_status, 'succeeded'::agents.tool_invocation_status, 'failed'::agents.tool_invocation_status])))),
  constraint tool_invocations_call_index_with_result CHECK (((call_index IS NULL) OR ((call_index >= 1) AND (workflow_node_result_id IS NOT NULL)))),
  constraint tool_invocations_tool_call_id_length CHECK ((char_length(tool_call_id) <= 200)),
  constraint tool_invocations_approval_hash_hex CHECK ((approval_hash ~ '^[0-9a-f]{64}$'::text)),
  constraint tool_invocations_latency_not_negative CHECK ((latency_ms >= 0)),
  constraint tool_invocations_output_size CHECK ((octet_length((output)::text) <= 131072)),
  constraint tool_invocations_input_size CHECK ((octet_length((input)::text) <= 65536)),
  constraint tool_invocations_cost_not_negative CHECK ((cost_credits >= (0)::numeric)),
  constraint tool_invocations_error_length CHECK (((char_length(error) >= 1) AND (char_length(error) <= 10000))),
  constraint tool_invocations_failed_has_error CHECK (((status = 'failed'::agents.tool_invocation_status) = (error IS NOT NULL))),
  constraint tool_invocations_input_object CHECK ((jsonb_typeof(input) = 'object'::text)),
  constraint tool_invocations_rejected_reason_length CHECK (((char_length(rejected_reason) >= 1) AND (char_length(rejected_reason) <= 2000))),
  constraint tool_invocations_rejected_state CHECK ((((status = 'rejected'::agents.tool_invocation_status) = (rejected_at IS NOT NULL)) AND ((status = 'rejected'::agents.tool_invocation_status) = (rejected_reason IS NOT NULL)))),
  constraint tool_invocations_started_state CHECK (((started_at IS NOT NULL) = (status = ANY (ARRAY['running'::agents.tool_invocation_status, 'succeeded'::agents.tool_invocation_status, 'failed'::agents.tool_invocation_status])))),
  constraint tool_invocations_ai_lenser_id_fkey FOREIGN KEY (ai_lenser_id) REFERENCES agents.ai_lensers(id) ON DELETE CASCADE,
  constraint tool_invocations_approved_by_fkey FOREIGN KEY (approved_by) REFERENCES lensers.profiles(id) ON DELETE SET NULL,
  constraint tool_invocations_profile_fk FOREIGN KEY (tool_profile_id, ai_lenser_id) REFERENCES agents.tool_profiles(id, ai_lenser_id) ON DELETE SET NULL (tool_profile_id),
  constraint tool_invocations_rejected_by_fkey FOREIGN KEY (rejected_by) REFERENCES lensers.profiles(id) ON DELETE SET NULL,
  constraint tool_invocations_requested_by_fkey FOREIGN KEY (requested_by) REFERENCES lensers.profiles(id) ON DELETE SET NULL,
  constraint tool_invocations_tool_id_fkey FOREIGN KEY (tool_id) REFERENCES agents.tools_registry(id) ON DELETE RESTRICT
);

alter table agents.tool_invocations enable row level security;
comment on table agents.tool_invocations is 'Every tool call: input, output, status lifecycle, approval decision, cost and what caused it.';
comment on column agents.tool_invocations.tool_profile_id is 'The agent''s tool profile that allowed the call (null once that profile is deleted).';
comment on column agents.tool_invocations.requires_approval is 'Decided at invocation: the tool or the profile required an owner''s approval.';
comment on column agents.tool_invocations.cost_credits is 'What the call cost, in credits, recorded at completion.';
comment on column agents.tool_invocations.step_id is 'The team run step (agents.agent_run_steps) the call belongs to.';
comment on column agents.tool_invocations.call_index is 'The call''s place among its node result''s tool calls (1..n); with the result it makes the idempotency key an external write carries.';
comment on column agents.tool_invocations.approval_hash is 'sha256 of the tool key and its canonical input: what an approval binds to.';
comment on column agents.tool_invocations.workflow_node_result_id is 'The lenses.workflow_node_results row the call belongs to (its foreign key comes with workflow runs).';

create index tool_invocations_agent_idx on agents.tool_invocations using btree (ai_lenser_id, created_at DESC);

create index tool_invocations_approved_by_idx on agents.tool_invocations using btree (approved_by);

create index tool_invocations_awaiting_idx on agents.tool_invocations using btree (ai_lenser_id) where (status = 'awaiting_approval'::agents.tool_invocation_status);

create unique index tool_invocations_node_result_call_key on agents.tool_invocations using btree (workflow_node_result_id, call_index);

create index tool_invocations_profile_idx on agents.tool_invocations using btree (tool_profile_id, ai_lenser_id);

create index tool_invocations_rejected_by_idx on agents.tool_invocations using btree (rejected_by);

create index tool_invocations_requested_by_idx on agents.tool_invocations using btree (requested_by);

create index tool_invocations_step_idx on agents.tool_invocations using btree (step_id);

create index tool_invocations_tool_idx on agents.tool_invocations using btree (tool_id);

create policy tool_invocations_insert on agents.tool_invocations
  as permissive for insert to authenticated
  with check (( SELECT agents.can_operate_ai_lenser(tool_invocations.ai_lenser_id) AS can_operate_ai_lenser));

create policy tool_invocations_select on agents.tool_invocations
  as permissive for select to authenticated
  using (( SELECT agents.can_operate_ai_lenser(tool_invocations.ai_lenser_id) AS can_operate_ai_lenser));

create policy tool_invocations_update on agents.tool_invocations
  as permissive for update to authenticated
  using (( SELECT agents.can_operate_ai_lenser(tool_invocations.ai_lenser_id) AS can_operate_ai_lenser))
  with check (( SELECT agents.can_operate_ai_lenser(tool_invocations.ai_lenser_id) AS can_operate_ai_lenser));

create trigger tool_invocations_lifecycle before insert or update on agents.tool_invocations for each row execute procedure agents.tg_tool_invocations_lifecycle();

create trigger tool_invocations_decided after update of status on agents.tool_invocations for each row when (((old.status = 'awaiting_approval'::agents.tool_invocation_status) AND (new.status = ANY (ARRAY['approved'::agents.tool_invocation_status, 'rejected'::agents.tool_invocation_status])) AND (new.workflow_node_result_id IS NOT NULL))) execute procedure agents.tg_tool_invocations_decided();

create trigger tool_invocations_set_updated_at before update on agents.tool_invocations for each row execute procedure lensers.tg_set_updated_at();

grant select on table agents.tool_invocations to authenticated;
grant all on table agents.tool_invocations to service_role;
grant insert (ai_lenser_id) on table agents.tool_invocations to authenticated;
grant insert (tool_id) on table agents.tool_invocations to authenticated;
grant insert (tool_profile_id) on table agents.tool_invocations to authenticated;
grant update (status) on table agents.tool_invocations to authenticated;
grant insert (input) on table agents.tool_invocations to authenticated;
grant update (output) on table agents.tool_invocations to authenticated;
grant update (error) on table agents.tool_invocations to authenticated;
grant update (rejected_reason) on table agents.tool_invocations to authenticated;
grant update (cost_credits) on table agents.tool_invocations to authenticated;
grant insert (step_id) on table agents.tool_invocations to authenticated;
grant insert (workflow_node_result_id) on table agents.tool_invocations to authenticated;

create table agents.workflow_assignments (
  id uuid default gen_random_uuid() not null,
  workflow_id uuid not null,
  assignee_kind agents.assignee_kind not null,
  assignee_ai_lenser_id uuid,
  assignee_team_id uuid,
  status agents.assignment_status default 'active'::agents.assignment_status not null,
  approval_policy jsonb default '{"requiresApproval": true}'::jsonb not null,
  retry_policy jsonb default '{"maxRetries": 1}'::jsonb not null,
  failure_policy jsonb default '{"mode": "isolate"}'::jsonb not null,
  queue_policy jsonb default '{"mode": "parallel"}'::jsonb not null,
  output_destination jsonb default '{}'::jsonb not null,
  disabled_at timestamp with time zone,
  created_by uuid,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  node_bindings jsonb default '{}'::jsonb not null,
  constraint workflow_assignments_pkey PRIMARY KEY (id),
  constraint workflow_assignments_approval_policy_shape CHECK ((agents.fn_approval_policy_errors(approval_policy) = ARRAY[]::text[])),
  constraint workflow_assignments_disabled_at_set CHECK (((status = 'disabled'::agents.assignment_status) = (disabled_at IS NOT NULL))),
  constraint workflow_assignments_exactly_one_assignee CHECK ((((assignee_kind = 'agent'::agents.assignee_kind) AND (assignee_ai_lenser_id IS NOT NULL) AND (assignee_team_id IS NULL)) OR ((assignee_kind = 'team'::agents.assignee_kind) AND (assignee_team_id IS NOT NULL) AND (assignee_ai_lenser_id IS NULL)))),
  constraint workflow_assignments_node_bindings_object CHECK ((jsonb_typeof(node_bindings) = 'object'::text)),
  constraint workflow_assignments_node_bindings_size CHECK ((octet_length((node_bindings)::text) <= 65536)),
  constraint workflow_assignments_failure_policy_shape CHECK ((agents.fn_failure_policy_errors(failure_policy) = ARRAY[]::text[])),
  constraint workflow_assignments_output_destination_shape CHECK ((agents.fn_output_destination_errors(output_destination) = ARRAY[]::text[])),
  constraint workflow_assignments_queue_policy_shape CHECK ((agents.fn_queue_policy_errors(queue_policy) = ARRAY[]::text[])),
  constraint workflow_assignments_retry_policy_shape CHECK ((agents.fn_retry_policy_errors(retry_policy) = ARRAY[]::text[])),
  constraint workflow_assignments_assignee_ai_lenser_id_fkey FOREIGN KEY (assignee_ai_lenser_id) REFERENCES agents.ai_lensers(id) ON DELETE CASCADE,
  constraint workflow_assignments_assignee_team_id_fkey FOREIGN KEY (assignee_team_id) REFERENCES agents.teams(id) ON DELETE CASCADE,
  constraint workflow_assignments_created_by_fkey FOREIGN KEY (created_by) REFERENCES lensers.profiles(id) ON DELETE SET NULL,
  constraint workflow_assignments_workflow_id_fkey FOREIGN KEY (workflow_id) REFERENCES lenses.workflows(id) ON DELETE CASCADE
);

alter table agents.workflow_assignments enable row level security;
comment on table agents.workflow_assignments is 'A workflow bound to an agent or a team, with approval, retry, failure, queue and output policies.';
comment on column agents.workflow_assignments.approval_policy is '{requiresApproval, approverRoles?}: whether a start waits for approval.';
comment on column agents.workflow_assignments.retry_policy is '{maxRetries, backoffMs?, backoffMultiplier?, maxBackoffMs?}.';
comment on column agents.workflow_assignments.failure_policy is '{mode: isolate | stop_run}.';
comment on column agents.workflow_assignments.queue_policy is '{mode: parallel | serial | skip_if_running, maxConcurrent?}.';
comment on column agents.workflow_assignments.node_bindings is '{<node key>: <team member id>}: who performs a node, before capability and lead (team assignees only).';
comment on column agents.workflow_assignments.output_destination is '{} or {kind: none | memory | webhook | channel, ...}.';

create index workflow_assignments_agent_idx on agents.workflow_assignments using btree (assignee_ai_lenser_id);

create index workflow_assignments_created_by_idx on agents.workflow_assignments using btree (created_by);

create unique index workflow_assignments_one_active on agents.workflow_assignments using btree (workflow_id, assignee_kind, COALESCE(assignee_ai_lenser_id, assignee_team_id)) where (status = 'active'::agents.assignment_status);

create index workflow_assignments_team_idx on agents.workflow_assignments using btree (assignee_team_id);

create index workflow_assignments_workflow_idx on agents.workflow_assignments using btree (workflow_id);

create policy workflow_assignments_insert on agents.workflow_assignments
  as permissive for insert to authenticated
  with check (((( SELECT agents.can_manage_ai_lenser(workflow_assignments.assignee_ai_lenser_id) AS can_manage_ai_lenser) OR (assignee_team_id IN ( SELECT agents.editable_team_ids() AS editable_team_ids))) AND (EXISTS ( SELECT 1
   FROM lenses.workflows w
  WHERE (w.id = workflow_assignments.workflow_id)))));

create policy workflow_assignments_select on agents.workflow_assignments
  as permissive for select to authenticated
  using ((( SELECT agents.can_operate_ai_lenser(workflow_assignments.assignee_ai_lenser_id) AS can_operate_ai_lenser) OR (assignee_team_id IN ( SELECT agents.actable_team_ids() AS actable_team_ids))));

create policy workflow_assignments_update on agents.workflow_assignments
  as permissive for update to authenticated
  using ((( SELECT agents.can_manage_ai_lenser(workflow_assignments.assignee_ai_lenser_id) AS can_manage_ai_lenser) OR (assignee_team_id IN ( SELECT agents.editable_team_ids() AS editable_team_ids))))
  with check ((( SELECT agents.can_manage_ai_lenser(workflow_assignments.assignee_ai_lenser_id) AS can_manage_ai_lenser) OR (assignee_team_id IN ( SELECT agents.editable_team_ids() AS editable_team_ids))));

create trigger workflow_assignments_fixed before insert or update on agents.workflow_assignments for each row execute procedure agents.tg_workflow_assignments_fixed();

create trigger workflow_assignments_set_updated_at before update on agents.workflow_assignments for each row execute procedure lensers.tg_set_updated_at();

create trigger workflow_assignments_nodes_have_members before insert or update of workflow_id, assignee_kind, assignee_ai_lenser_id, assignee_team_id, node_bindings on agents.workflow_assignments for each row execute procedure agents.tg_workflow_assignments_check_members();

grant select on table agents.workflow_assignments to authenticated;
grant all on table agents.workflow_assignments to service_role;
grant insert (workflow_id) on table agents.workflow_assignments to authenticated;
grant insert (assignee_kind) on table agents.workflow_assignments to authenticated;
grant insert (assignee_ai_lenser_id) on table agents.workflow_assignments to authenticated;
grant insert (assignee_team_id) on table agents.workflow_assignments to authenticated;
grant insert (status), update (status) on table agents.workflow_assignments to authenticated;
grant insert (approval_policy), update (approval_policy) on table agents.workflow_assignments to authenticated;
grant insert (retry_policy), update (retry_policy) on table agents.workflow_assignments to authenticated;
grant insert (failure_policy), update (failure_policy) on table agents.workflow_assignments to authenticated;
grant insert (queue_policy), update (queue_policy) on table agents.workflow_assignments to authenticated;
grant insert (output_destination), update (output_destination) on table agents.workflow_assignments to authenticated;
grant insert (disabled_at), update (disabled_at) on table agents.workflow_assignments to authenticated;
grant insert (node_bindings), update (node_bindings) on table agents.workflow_assignments to authenticated;

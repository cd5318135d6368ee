-- agents.workflow_assignments: binds a workflow to an agent or a team, with the policy bundles the
-- engine applies when it starts runs for it (shapes in 20261122200600 and types/policies.ts).
--
-- assignee_kind: agent | team; exactly one of assignee_ai_lenser_id / assignee_team_id is set and it
-- matches the kind. status: active (dispatched) | disabled (kept, not dispatched; disabled_at set).
-- An assignment's workflow and assignee never change; at most one active assignment per
-- (workflow, assignee).
--
-- Access: those who may operate the agent (or act as the team's owner) read it; the agent's owners
-- and co-owners (or those who may edit the team) create and change it, for a workflow they can see.

create type agents.assignee_kind as enum ('agent', 'team');
create type agents.assignment_status as enum ('active', 'disabled');

create table agents.workflow_assignments (
  id uuid primary key default gen_random_uuid(),
  workflow_id uuid not null references lenses.workflows (id) on delete cascade,
  assignee_kind agents.assignee_kind not null,
  assignee_ai_lenser_id uuid references agents.ai_lensers (id) on delete cascade,
  assignee_team_id uuid references agents.teams (id) on delete cascade,
  status agents.assignment_status not null default 'active',
  approval_policy jsonb not null default '{"requiresApproval":true}',
  retry_policy jsonb not null default '{"maxRetries":1}',
  failure_policy jsonb not null default '{"mode":"isolate"}',
  queue_policy jsonb not null default '{"mode":"parallel"}',
  output_destination jsonb not null default '{}',
  disabled_at timestamptz,
  created_by uuid references lensers.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint workflow_assignments_exactly_one_assignee check (
    (assignee_kind = 'agent' and assignee_ai_lenser_id is not null and assignee_team_id is null)
    or (assignee_kind = 'team' and assignee_team_id is not null and assignee_ai_lenser_id is null)
  ),
  constraint workflow_assignments_approval_policy_shape check (agents.fn_approval_policy_errors(approval_policy) = array[]::text[]),
  constraint workflow_assignments_retry_policy_shape check (agents.fn_retry_policy_errors(retry_policy) = array[]::text[]),
  constraint workflow_assignments_failure_policy_shape check (agents.fn_failure_policy_errors(failure_policy) = array[]::text[]),
  constraint workflow_assignments_queue_policy_shape check (agents.fn_queue_policy_errors(queue_policy) = array[]::text[]),
  constraint workflow_assignments_output_destination_shape check (
    agents.fn_output_destination_errors(output_destination) = array[]::text[]
  ),
  constraint workflow_assignments_disabled_at_set check ((status = 'disabled') = (disabled_at is not null))
);
comment on table agents.workflow_assignments is
  'A workflow bound to an agent or a team, with approval, retry, failure, queue and output policies.';
comment on column agents.workflow_assignments.approval_policy is '{requiresApproval, approverRoles?}: whether a start waits for approval.';
comment on column agents.workflow_assignments.retry_policy is '{maxRetries, backoffMs?, backoffMultiplier?, maxBackoffMs?}.';
comment on column agents.workflow_assignments.failure_policy is '{mode: isolate | stop_run}.';
comment on column agents.workflow_assignments.queue_policy is '{mode: parallel | serial | skip_if_running, maxConcurrent?}.';
comment on column agents.workflow_assignments.output_destination is '{} or {kind: none | memory | webhook | channel, ...}.';

create unique index workflow_assignments_one_active on agents.workflow_assignments
  (workflow_id, assignee_kind, coalesce(assignee_ai_lenser_id, assignee_team_id)) where status = 'active';
create index workflow_assignments_workflow_idx on agents.workflow_assignments (workflow_id);
create index workflow_assignments_agent_idx on agents.workflow_assignments (assignee_ai_lenser_id);
create index workflow_assignments_team_idx on agents.workflow_assignments (assignee_team_id);
create index workflow_assignments_created_by_idx on agents.workflow_assignments (created_by);

create trigger workflow_assignments_set_updated_at before update on agents.workflow_assignments
  for each row execute function lensers.tg_set_updated_at();

create function agents.tg_workflow_assignments_fixed() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    -- The creator is whoever is signed in (the service role may name one).
    new.created_by := coalesce((select lensers.current_profile_id()), new.created_by);
    return new;
  end if;
  if (new.workflow_id, new.assignee_kind, new.assignee_ai_lenser_id, new.assignee_team_id)
     is distinct from (old.workflow_id, old.assignee_kind, old.assignee_ai_lenser_id, old.assignee_team_id) then
    raise exception 'workflow_assignments: an assignment''s workflow and assignee never change; disable it and create another'
      using errcode = '23514';
  end if;
  return new;
end
$$;

create trigger workflow_assignments_fixed before insert or update on agents.workflow_assignments
  for each row execute function agents.tg_workflow_assignments_fixed();

alter table agents.workflow_assignments enable row level security;

create policy workflow_assignments_select on agents.workflow_assignments for select to authenticated
  using ((select agents.can_operate_ai_lenser(assignee_ai_lenser_id)) or assignee_team_id in (select agents.actable_team_ids()));
create policy workflow_assignments_insert on agents.workflow_assignments for insert to authenticated
  with check (
    ((select agents.can_manage_ai_lenser(assignee_ai_lenser_id)) or assignee_team_id in (select agents.editable_team_ids()))
    and exists (select 1 from lenses.workflows w where w.id = workflow_id)
  );
create policy workflow_assignments_update on agents.workflow_assignments for update to authenticated
  using ((select agents.can_manage_ai_lenser(assignee_ai_lenser_id)) or assignee_team_id in (select agents.editable_team_ids()))
  with check ((select agents.can_manage_ai_lenser(assignee_ai_lenser_id)) or assignee_team_id in (select agents.editable_team_ids()));

grant select on agents.workflow_assignments to authenticated;
grant insert (workflow_id, assignee_kind, assignee_ai_lenser_id, assignee_team_id, status, approval_policy, retry_policy,
  failure_policy, queue_policy, output_destination, disabled_at) on agents.workflow_assignments to authenticated;
grant update (status, approval_policy, retry_policy, failure_policy, queue_policy, output_destination, disabled_at)
  on agents.workflow_assignments to authenticated;
grant all on agents.workflow_assignments to service_role;

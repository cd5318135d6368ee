-- agents.tool_invocations: the runtime trace of every tool call an agent makes.
--
-- Lifecycle (agents.tool_invocation_status), enforced by a trigger:
--   requested -> awaiting_approval -> approved -> running -> succeeded | failed
--                                  -> rejected
--   requested -> running                        (no approval needed)
-- Every invocation is inserted as 'requested'; the insert trigger checks the agent's tool profile
-- (deny list wins, then the allow list or the tool's group) and resolves it at once to
-- 'awaiting_approval' (when the tool or the profile requires approval) or 'running'.
-- Approval and rejection happen once, by an owner or co-owner of the agent (operators may invoke
-- and complete, never decide); rejected, succeeded and failed are final.
-- step_id and workflow_node_result_id link the call to what caused it: agents.agent_run_steps and
-- lenses.workflow_node_results arrive in later migrations, which add the foreign keys.

create type agents.tool_invocation_status as enum (
  'requested', 'awaiting_approval', 'approved', 'rejected', 'running', 'succeeded', 'failed'
);

create table agents.tool_invocations (
  id uuid primary key default gen_random_uuid(),
  ai_lenser_id uuid not null references agents.ai_lensers (id) on delete cascade,
  tool_id uuid not null references agents.tools_registry (id) on delete restrict,
  tool_profile_id uuid,
  status agents.tool_invocation_status not null default 'requested',
  requires_approval boolean not null default false,
  input jsonb not null default '{}',
  output jsonb,
  error text,
  approved_by uuid references lensers.profiles (id) on delete set null,
  approved_at timestamptz,
  rejected_by uuid references lensers.profiles (id) on delete set null,
  rejected_at timestamptz,
  rejected_reason text,
  cost_credits numeric(14, 6) not null default 0,
  step_id uuid,
  workflow_node_result_id uuid,
  requested_by uuid references lensers.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  completed_at timestamptz,
  updated_at timestamptz not null default now(),
  -- The profile that allowed the call is the agent's own; deleting it keeps the record.
  constraint tool_invocations_profile_fk foreign key (tool_profile_id, ai_lenser_id)
    references agents.tool_profiles (id, ai_lenser_id) on delete set null (tool_profile_id),
  constraint tool_invocations_input_object check (jsonb_typeof(input) = 'object'),
  constraint tool_invocations_cost_not_negative check (cost_credits >= 0),
  constraint tool_invocations_error_length check (char_length(error) between 1 and 10000),
  constraint tool_invocations_rejected_reason_length check (char_length(rejected_reason) between 1 and 2000),
  constraint tool_invocations_approved_state check (
    (approved_at is not null) = (requires_approval and status in ('approved', 'running', 'succeeded', 'failed'))
  ),
  constraint tool_invocations_rejected_state check (
    (status = 'rejected') = (rejected_at is not null) and (status = 'rejected') = (rejected_reason is not null)
  ),
  constraint tool_invocations_started_state check ((started_at is not null) = (status in ('running', 'succeeded', 'failed'))),
  constraint tool_invocations_completed_state check ((completed_at is not null) = (status in ('rejected', 'succeeded', 'failed'))),
  constraint tool_invocations_failed_has_error check ((status = 'failed') = (error is not null))
);
comment on table agents.tool_invocations is
  'Every tool call: input, output, status lifecycle, approval decision, cost and what caused it.';
comment on column agents.tool_invocations.tool_profile_id is 'The agent''s tool profile that allowed the call (null once that profile is deleted).';
comment on column agents.tool_invocations.requires_approval is 'Decided at invocation: the tool or the profile required an owner''s approval.';
comment on column agents.tool_invocations.step_id is
  'The agents.agent_run_steps row the call belongs to (that table and its foreign key come with team runs).';
comment on column agents.tool_invocations.workflow_node_result_id is
  'The lenses.workflow_node_results row the call belongs to (its foreign key comes with workflow runs).';
comment on column agents.tool_invocations.cost_credits is 'What the call cost, in credits, recorded at completion.';

create index tool_invocations_agent_idx on agents.tool_invocations (ai_lenser_id, created_at desc);
create index tool_invocations_awaiting_idx on agents.tool_invocations (ai_lenser_id) where status = 'awaiting_approval';
create index tool_invocations_tool_idx on agents.tool_invocations (tool_id);
create index tool_invocations_profile_idx on agents.tool_invocations (tool_profile_id, ai_lenser_id);
create index tool_invocations_approved_by_idx on agents.tool_invocations (approved_by);
create index tool_invocations_rejected_by_idx on agents.tool_invocations (rejected_by);
create index tool_invocations_requested_by_idx on agents.tool_invocations (requested_by);
create index tool_invocations_step_idx on agents.tool_invocations (step_id);
create index tool_invocations_node_result_idx on agents.tool_invocations (workflow_node_result_id);

create trigger tool_invocations_set_updated_at before update on agents.tool_invocations
  for each row execute function lensers.tg_set_updated_at();

-- Whether a tool profile lets its agent call a tool, and whether the call needs approval.
-- Deny wins; then the tool's key in allow_tools or its group in tool_groups allows it.
create function agents.fn_tool_access(p_tool_profile_id uuid, p_tool_id uuid)
returns table (allowed boolean, requires_approval boolean, reason text)
language plpgsql
stable
set search_path = ''
as $$
declare
  v_tool agents.tools_registry;
  v_profile agents.tool_profiles;
begin
  select r.* into v_tool from agents.tools_registry r where r.id = p_tool_id;
  if not found then
    return query select false, false, format('tool %s does not exist', p_tool_id);
    return;
  end if;
  select p.* into v_profile from agents.tool_profiles p where p.id = p_tool_profile_id;
  if not found then
    return query select false, false, format('tool profile %s does not exist', p_tool_profile_id);
    return;
  end if;
  if not v_tool.enabled then
    return query select false, false, format('tool "%s" is disabled', v_tool.key);
  elsif v_tool.key = any (v_profile.deny_tools) then
    return query select false, false, format('tool "%s" is denied by tool profile "%s"', v_tool.key, v_profile.name);
  elsif not (v_tool.key = any (v_profile.allow_tools) or v_tool.tool_group = any (v_profile.tool_groups)) then
    return query select false, false,
      format('tool "%s" (group %s) is not allowed by tool profile "%s"', v_tool.key, v_tool.tool_group, v_profile.name);
  else
    return query select true, v_tool.requires_approval or v_profile.requires_approval, null::text;
  end if;
end
$$;
comment on function agents.fn_tool_access(uuid, uuid) is
  'Whether a tool profile allows a tool (deny wins, then allow list or group) and whether calls need approval.';
revoke execute on function agents.fn_tool_access(uuid, uuid) from public;
grant execute on function agents.fn_tool_access(uuid, uuid) to authenticated, service_role;

create function agents.tg_tool_invocations_lifecycle() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_access record;
  v_me uuid := (select lensers.current_profile_id());
begin
  if tg_op = 'INSERT' then
    if new.status <> 'requested' then
      raise exception 'tool_invocations: an invocation is inserted as requested, not %', new.status using errcode = '23514';
    end if;
    if new.output is not null or new.error is not null or new.approved_by is not null or new.approved_at is not null
       or new.rejected_by is not null or new.rejected_at is not null or new.rejected_reason is not null
       or new.started_at is not null or new.completed_at is not null or new.cost_credits <> 0 then
      raise exception 'tool_invocations: a new invocation has no outcome, decision or cost yet' using errcode = '23514';
    end if;
    -- (RLS checks the new row after this trigger; a signed-in caller is checked here first, so
    -- that the answer is "not allowed" rather than what this trigger cannot see.)
    if (current_user = 'authenticated' or v_me is not null) and not (select agents.can_operate_ai_lenser(new.ai_lenser_id)) then
      raise exception 'tool_invocations: you do not own, co-own or operate agent %', new.ai_lenser_id using errcode = '42501';
    end if;
    if not exists (select 1 from agents.ai_lensers a where a.id = new.ai_lenser_id and a.is_active) then
      raise exception 'tool_invocations: agent % is not active', new.ai_lenser_id using errcode = '23514';
    end if;
    if new.tool_profile_id is null then
      select p.id into new.tool_profile_id from agents.tool_profiles p where p.ai_lenser_id = new.ai_lenser_id and p.is_default;
      if new.tool_profile_id is null then
        raise exception 'tool_invocations: agent % has no default tool profile', new.ai_lenser_id using errcode = '23514';
      end if;
    end if;
    select a.* into v_access from agents.fn_tool_access(new.tool_profile_id, new.tool_id) a;
    if not v_access.allowed then
      raise exception 'tool_invocations: %', v_access.reason using errcode = '42501';
    end if;
    new.requires_approval := v_access.requires_approval;
    new.requested_by := coalesce(v_me, new.requested_by);
    -- requested resolves at once: to awaiting_approval, or straight to running.
    if new.requires_approval then
      new.status := 'awaiting_approval';
    else
      new.status := 'running';
      new.started_at := now();
    end if;
    return new;
  end if;

  -- What an invocation was asked to do never changes; links to profiles may only be cleared.
  if (new.ai_lenser_id, new.tool_id, new.requires_approval, new.input, new.created_at, new.step_id, new.workflow_node_result_id)
     is distinct from (old.ai_lenser_id, old.tool_id, old.requires_approval, old.input, old.created_at, old.step_id, old.workflow_node_result_id)
     or (new.tool_profile_id is distinct from old.tool_profile_id and new.tool_profile_id is not null)
     or (new.requested_by is distinct from old.requested_by and new.requested_by is not null) then
    raise exception 'tool_invocations: an invocation''s agent, tool, profile, input and links never change' using errcode = '23514';
  end if;

  if new.status = old.status then
    if (new.output, new.error, new.approved_at, new.rejected_at, new.rejected_reason, new.cost_credits, new.started_at, new.completed_at)
       is distinct from (old.output, old.error, old.approved_at, old.rejected_at, old.rejected_reason, old.cost_credits, old.started_at, old.completed_at)
       or (new.approved_by is distinct from old.approved_by and new.approved_by is not null)
       or (new.rejected_by is distinct from old.rejected_by and new.rejected_by is not null) then
      raise exception 'tool_invocations: a % invocation changes only by moving on in its lifecycle', old.status using errcode = '23514';
    end if;
    return new;
  end if;

  if old.status = 'awaiting_approval' and new.status in ('approved', 'rejected') then
    -- A signed-in caller decides for themself and must own or co-own the agent; the platform
    -- (service role) records a decision on someone's behalf and names them.
    if current_user = 'authenticated' or v_me is not null then
      if v_me is null or not (select agents.can_manage_ai_lenser(new.ai_lenser_id)) then
        raise exception 'tool_invocations: only an owner or co-owner of agent % may approve or reject its tool calls', new.ai_lenser_id
          using errcode = '42501';
      end if;
    end if;
    if new.status = 'approved' then
      new.approved_by := coalesce(v_me, new.approved_by);
      new.approved_at := now();
      if new.approved_by is null then
        raise exception 'tool_invocations: an approval names who approved' using errcode = '23514';
      end if;
    else
      new.rejected_by := coalesce(v_me, new.rejected_by);
      new.rejected_at := now();
      new.completed_at := now();
      if new.rejected_by is null then
        raise exception 'tool_invocations: a rejection names who rejected' using errcode = '23514';
      end if;
    end if;
  elsif old.status = 'approved' and new.status = 'running' then
    new.started_at := now();
  elsif old.status = 'running' and new.status in ('succeeded', 'failed') then
    new.completed_at := now();
  else
    raise exception 'tool_invocations: status cannot go from % to %', old.status, new.status using errcode = '23514';
  end if;
  if (new.output is distinct from old.output or new.error is distinct from old.error or new.cost_credits is distinct from old.cost_credits)
     and new.status not in ('succeeded', 'failed') then
    raise exception 'tool_invocations: output, error and cost are recorded when the call ends' using errcode = '23514';
  end if;
  return new;
end
$$;

create trigger tool_invocations_lifecycle before insert or update on agents.tool_invocations
  for each row execute function agents.tg_tool_invocations_lifecycle();

-- Invocations with their tool's key, name, egress class and group, and the profile's name.
create view agents.tool_invocations_v with (security_invoker = true) as
  select i.id, i.ai_lenser_id, i.tool_id, r.key as tool_key, r.name as tool_name, r.egress_class, r.tool_group,
    i.tool_profile_id, tp.name as tool_profile_name, i.status, i.requires_approval, i.input, i.output, i.error,
    i.approved_by, i.approved_at, i.rejected_by, i.rejected_at, i.rejected_reason, i.cost_credits, i.step_id,
    i.workflow_node_result_id, i.requested_by, i.created_at, i.started_at, i.completed_at, i.updated_at
  from agents.tool_invocations i
  join agents.tools_registry r on r.id = i.tool_id
  left join agents.tool_profiles tp on tp.id = i.tool_profile_id;
comment on view agents.tool_invocations_v is 'Tool invocations with the tool''s key, name, egress class and group.';

alter table agents.tool_invocations enable row level security;

-- Operators may invoke and complete (the lifecycle trigger keeps decisions to owners and co-owners).
create policy tool_invocations_select on agents.tool_invocations for select to authenticated
  using ((select agents.can_operate_ai_lenser(ai_lenser_id)));
create policy tool_invocations_insert on agents.tool_invocations for insert to authenticated
  with check ((select agents.can_operate_ai_lenser(ai_lenser_id)));
create policy tool_invocations_update on agents.tool_invocations for update to authenticated
  using ((select agents.can_operate_ai_lenser(ai_lenser_id)))
  with check ((select agents.can_operate_ai_lenser(ai_lenser_id)));

grant select on agents.tool_invocations, agents.tool_invocations_v to authenticated;
grant insert (ai_lenser_id, tool_id, tool_profile_id, input, step_id, workflow_node_result_id) on agents.tool_invocations to authenticated;
grant update (status, output, error, rejected_reason, cost_credits) on agents.tool_invocations to authenticated;
grant all on agents.tool_invocations, agents.tool_invocations_v to service_role;

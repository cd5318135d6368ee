-- Agent teams: a team, its members (agents, each with a role, a lane and optional profiles) and the
-- directed edges between members.
--
-- Owner: a team belongs to a lenser profile (owner_lenser_id): a human, or an AI that leads it.
-- Those who may edit as that lenser (lensers.editable_profile_ids: the human, or the AI's owners and
-- co-owners) change the team; those who may act as it (actable_profile_ids: also the AI's operators)
-- read it. Adding an agent as a member also needs the right to operate that agent.
--
-- Vocabularies:
--   team status   active | paused (kept, not dispatched) | archived (final, read-only)
--   member role   lead | member | reviewer | observer (reads context, does not act)
--   edge type     delegates | reviews | reports_to | shares_context | handoff
--   is_blocking   the source waits on the target; blocking edges never form a cycle (a trigger).
-- A member's profiles must belong to the member's agent (composite foreign keys); a null profile
-- means the agent's default of that kind.

create type agents.team_status as enum ('active', 'paused', 'archived');
create type agents.team_member_role as enum ('lead', 'member', 'reviewer', 'observer');
create type agents.team_edge_type as enum ('delegates', 'reviews', 'reports_to', 'shares_context', 'handoff');

create table agents.teams (
  id uuid primary key default gen_random_uuid(),
  owner_lenser_id uuid not null references lensers.profiles (id) on delete cascade,
  name text not null,
  description text,
  status agents.team_status not null default 'active',
  scratchpad jsonb not null default '{}',
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint teams_name_length check (char_length(btrim(name)) between 1 and 120),
  constraint teams_description_length check (char_length(description) <= 4000),
  constraint teams_scratchpad_object check (jsonb_typeof(scratchpad) = 'object'),
  constraint teams_scratchpad_size check (octet_length(scratchpad::text) <= 262144),
  constraint teams_archived_at_set check ((status = 'archived') = (archived_at is not null))
);
comment on table agents.teams is 'A team of agents owned by a lenser (human or AI). Archived teams are read-only.';
comment on column agents.teams.scratchpad is 'Shared working notes (a JSON object, at most 256 KiB), visible to whoever sees the team.';

-- Names are unique among an owner's teams that are not archived.
create unique index teams_owner_name_key on agents.teams (owner_lenser_id, lower(name)) where status <> 'archived';
create index teams_owner_idx on agents.teams (owner_lenser_id, status);

create trigger teams_set_updated_at before update on agents.teams
  for each row execute function lensers.tg_set_updated_at();

create function agents.tg_teams_guard() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    if new.status = 'archived' then
      raise exception 'teams: a team is created active or paused, not archived' using errcode = '23514';
    end if;
    return new;
  end if;
  if new.owner_lenser_id is distinct from old.owner_lenser_id then
    raise exception 'teams.owner_lenser_id cannot change' using errcode = '23514';
  end if;
  if old.status = 'archived' then
    raise exception 'teams: team % is archived and read-only', old.id using errcode = '23514';
  end if;
  return new;
end
$$;

create trigger teams_guard before insert or update on agents.teams
  for each row execute function agents.tg_teams_guard();

create table agents.team_members (
  id uuid primary key default gen_random_uuid(),
  team_id uuid not null references agents.teams (id) on delete cascade,
  agent_id uuid not null references agents.ai_lensers (id) on delete cascade,
  role agents.team_member_role not null default 'member',
  responsibility text,
  lane integer not null default 0,
  personality_profile_id uuid,
  memory_profile_id uuid,
  tool_profile_id uuid,
  model_profile_id uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint team_members_team_agent_key unique (team_id, agent_id),
  constraint team_members_team_id_key unique (team_id, id),
  constraint team_members_lane_not_negative check (lane >= 0),
  constraint team_members_responsibility_length check (char_length(btrim(responsibility)) between 1 and 2000),
  -- The profiles a member runs with are its own agent's.
  constraint team_members_personality_profile_fk foreign key (personality_profile_id, agent_id)
    references agents.personality_profiles (id, ai_lenser_id),
  constraint team_members_memory_profile_fk foreign key (memory_profile_id, agent_id)
    references agents.memory_profiles (id, ai_lenser_id),
  constraint team_members_tool_profile_fk foreign key (tool_profile_id, agent_id)
    references agents.tool_profiles (id, ai_lenser_id),
  constraint team_members_model_profile_fk foreign key (model_profile_id, agent_id)
    references agents.model_profiles (id, ai_lenser_id)
);
comment on table agents.team_members is
  'An agent in a team: role, responsibility, lane (members of one lane run in order, lanes in parallel) and profiles.';
comment on column agents.team_members.lane is 'Parallel-execution lane index, 0 or more.';

create index team_members_agent_idx on agents.team_members (agent_id);
create index team_members_personality_profile_idx on agents.team_members (personality_profile_id, agent_id);
create index team_members_memory_profile_idx on agents.team_members (memory_profile_id, agent_id);
create index team_members_tool_profile_idx on agents.team_members (tool_profile_id, agent_id);
create index team_members_model_profile_idx on agents.team_members (model_profile_id, agent_id);

create trigger team_members_set_updated_at before update on agents.team_members
  for each row execute function lensers.tg_set_updated_at();

create table agents.team_edges (
  id uuid primary key default gen_random_uuid(),
  team_id uuid not null references agents.teams (id) on delete cascade,
  source_member_id uuid not null,
  target_member_id uuid not null,
  edge_type agents.team_edge_type not null,
  is_blocking boolean not null default false,
  created_at timestamptz not null default now(),
  constraint team_edges_no_self_loop check (source_member_id <> target_member_id),
  constraint team_edges_unique unique (source_member_id, target_member_id, edge_type),
  -- Both ends are members of the edge's team.
  constraint team_edges_source_fk foreign key (team_id, source_member_id)
    references agents.team_members (team_id, id) on delete cascade,
  constraint team_edges_target_fk foreign key (team_id, target_member_id)
    references agents.team_members (team_id, id) on delete cascade
);
comment on table agents.team_edges is
  'Directed edge between two members of one team. is_blocking: the source waits on the target; never a blocking cycle.';

create index team_edges_source_idx on agents.team_edges (team_id, source_member_id);
create index team_edges_target_idx on agents.team_edges (team_id, target_member_id);

-- Members and edges of an archived team never change; a member's team and agent are fixed.
create function agents.tg_team_parts_guard() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_team_id uuid := case when tg_op = 'DELETE' then old.team_id else new.team_id end;
begin
  -- (Nested: each table's columns are only named where that table is the one being changed.)
  if tg_op = 'UPDATE' then
    if tg_table_name = 'team_members' then
      if new.team_id is distinct from old.team_id or new.agent_id is distinct from old.agent_id then
        raise exception 'team_members: a member''s team and agent cannot change; remove it and add another' using errcode = '23514';
      end if;
    elsif (new.team_id, new.source_member_id, new.target_member_id)
          is distinct from (old.team_id, old.source_member_id, old.target_member_id) then
      raise exception 'team_edges: an edge''s ends cannot change; remove it and add another' using errcode = '23514';
    end if;
  end if;
  -- Deletes cascading from a deleted team, agent or member (run from a trigger) are not edits.
  if tg_op = 'DELETE' and pg_trigger_depth() > 1 then
    return old;
  end if;
  if exists (select 1 from agents.teams t where t.id = v_team_id and t.status = 'archived') then
    raise exception '%: team % is archived and read-only', tg_table_name, v_team_id using errcode = '23514';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end
$$;
revoke execute on function agents.tg_team_parts_guard() from public;

create trigger team_members_guard before insert or update or delete on agents.team_members
  for each row execute function agents.tg_team_parts_guard();
create trigger team_edges_guard before insert or update or delete on agents.team_edges
  for each row execute function agents.tg_team_parts_guard();

-- Blocking edges form no cycle: a new blocking edge source -> target is refused when the source is
-- already reachable from the target along blocking edges. A breadth-first search from the target,
-- each member visited once (linear in the team's size), remembers how it reached each member, so a
-- refusal names the shortest cycle. The per-team advisory lock makes two concurrent inserts see each
-- other. SECURITY DEFINER: the check must see every edge of the team, whoever the caller.
create function agents.tg_team_edges_no_blocking_cycle() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_parents jsonb;          -- member id -> the member it was reached from ('' for the target)
  v_frontier uuid[];
  v_next jsonb;
  v_path uuid[];
  v_at text;
begin
  if not new.is_blocking then
    return new;
  end if;
  perform pg_advisory_xact_lock(hashtextextended('agents.team_edges:' || new.team_id::text, 0));
  v_parents := jsonb_build_object(new.target_member_id::text, '');
  v_frontier := array[new.target_member_id];
  while cardinality(v_frontier) > 0 and not v_parents ? new.source_member_id::text loop
    select coalesce(jsonb_object_agg(x.target_id, x.source_id), '{}'::jsonb), coalesce(array_agg(x.target_id), '{}'::uuid[])
    into v_next, v_frontier
    from (
      select distinct on (e.target_member_id) e.target_member_id as target_id, e.source_member_id as source_id
      from agents.team_edges e
      where e.team_id = new.team_id and e.is_blocking and e.id <> new.id
        and e.source_member_id = any (v_frontier)
        and not v_parents ? e.target_member_id::text
      order by e.target_member_id, e.source_member_id
    ) x;
    v_parents := v_parents || v_next;
  end loop;
  if not v_parents ? new.source_member_id::text then
    return new;
  end if;
  v_at := new.source_member_id::text;
  v_path := array[new.source_member_id];
  while v_parents ->> v_at <> '' loop
    v_at := v_parents ->> v_at;
    v_path := v_at::uuid || v_path;
  end loop;
  raise exception 'team_edges: a blocking edge from member % to member % would close a cycle of blocking edges (% -> %)',
    new.source_member_id, new.target_member_id, new.source_member_id, array_to_string(v_path, ' -> ')
    using errcode = '23514';
end
$$;
revoke execute on function agents.tg_team_edges_no_blocking_cycle() from public;

create trigger team_edges_no_blocking_cycle before insert or update on agents.team_edges
  for each row execute function agents.tg_team_edges_no_blocking_cycle();

-- Teams the caller may read / edit, for the policies of the team tables and of assignments.
create function agents.actable_team_ids() returns setof uuid
language sql
stable
security definer
set search_path = ''
as $$
  select t.id from agents.teams t where t.owner_lenser_id in (select lensers.actable_profile_ids())
$$;
comment on function agents.actable_team_ids() is 'Teams the caller may read: owned by a lenser the caller may act as.';

create function agents.editable_team_ids() returns setof uuid
language sql
stable
security definer
set search_path = ''
as $$
  select t.id from agents.teams t where t.owner_lenser_id in (select lensers.editable_profile_ids())
$$;
comment on function agents.editable_team_ids() is 'Teams the caller may change: owned by a lenser the caller may edit as.';

revoke execute on function agents.actable_team_ids(), agents.editable_team_ids() from public;
grant execute on function agents.actable_team_ids(), agents.editable_team_ids() to authenticated, service_role;

alter table agents.teams enable row level security;
alter table agents.team_members enable row level security;
alter table agents.team_edges enable row level security;

create policy teams_select on agents.teams for select to authenticated
  using (owner_lenser_id in (select lensers.actable_profile_ids()));
create policy teams_insert on agents.teams for insert to authenticated
  with check (owner_lenser_id in (select lensers.editable_profile_ids()));
create policy teams_update on agents.teams for update to authenticated
  using (owner_lenser_id in (select lensers.editable_profile_ids()))
  with check (owner_lenser_id in (select lensers.editable_profile_ids()));

create policy team_members_select on agents.team_members for select to authenticated
  using (team_id in (select agents.actable_team_ids()));
create policy team_members_insert on agents.team_members for insert to authenticated
  with check (team_id in (select agents.editable_team_ids()) and (select agents.can_operate_ai_lenser(agent_id)));
create policy team_members_update on agents.team_members for update to authenticated
  using (team_id in (select agents.editable_team_ids()))
  with check (team_id in (select agents.editable_team_ids()));
create policy team_members_delete on agents.team_members for delete to authenticated
  using (team_id in (select agents.editable_team_ids()));

create policy team_edges_select on agents.team_edges for select to authenticated
  using (team_id in (select agents.actable_team_ids()));
create policy team_edges_insert on agents.team_edges for insert to authenticated
  with check (team_id in (select agents.editable_team_ids()));
create policy team_edges_delete on agents.team_edges for delete to authenticated
  using (team_id in (select agents.editable_team_ids()));

grant select on agents.teams, agents.team_members, agents.team_edges to authenticated;
grant insert (owner_lenser_id, name, description, status, scratchpad) on agents.teams to authenticated;
grant update (name, description, status, scratchpad, archived_at) on agents.teams to authenticated;
grant insert (team_id, agent_id, role, responsibility, lane, personality_profile_id, memory_profile_id,
  tool_profile_id, model_profile_id) on agents.team_members to authenticated;
grant update (role, responsibility, lane, personality_profile_id, memory_profile_id, tool_profile_id, model_profile_id)
  on agents.team_members to authenticated;
grant delete on agents.team_members to authenticated;
grant insert (team_id, source_member_id, target_member_id, edge_type, is_blocking) on agents.team_edges to authenticated;
grant delete on agents.team_edges to authenticated;
grant all on agents.teams, agents.team_members, agents.team_edges to service_role;

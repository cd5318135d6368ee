-- The RPC surface for teams, their members and edges. SECURITY INVOKER: RLS decides who reads and
-- who changes a team; each RPC checks first so that refusals are clear (P0002 for a team the caller
-- cannot see, 42501 for one they see but may not change, 22023 for an archived one).

-- The team row a caller may change, or a clear error.
create function agents.fn_rpc_editable_team(p_rpc text, p_team_id uuid) returns agents.teams
language plpgsql
stable
set search_path = ''
as $$
declare
  v_team agents.teams;
begin
  if p_team_id is null then
    raise exception '%: p_team_id is required', p_rpc using errcode = '22023';
  end if;
  select t.* into v_team from agents.teams t where t.id = p_team_id;
  if not found then
    raise exception '%: no team % that you can see', p_rpc, p_team_id using errcode = 'P0002';
  end if;
  if not exists (select 1 from agents.editable_team_ids() e where e = p_team_id) then
    raise exception '%: you may not change team % (read-only for you)', p_rpc, p_team_id using errcode = '42501';
  end if;
  if v_team.status = 'archived' then
    raise exception '%: team % is archived and read-only', p_rpc, p_team_id using errcode = '22023';
  end if;
  return v_team;
end
$$;

-- A profile argument names a profile of the member's agent (or is null: the agent's default).
create function agents.fn_rpc_member_profiles(
  p_rpc text, p_agent_id uuid, p_personality_profile_id uuid, p_memory_profile_id uuid, p_tool_profile_id uuid,
  p_model_profile_id uuid
) returns void
language plpgsql
stable
set search_path = ''
as $$
begin
  if p_personality_profile_id is not null and not exists (
    select 1 from agents.personality_profiles p where p.id = p_personality_profile_id and p.ai_lenser_id = p_agent_id) then
    raise exception '%: p_personality_profile_id % is not a personality profile of agent %', p_rpc, p_personality_profile_id, p_agent_id
      using errcode = '22023';
  end if;
  if p_memory_profile_id is not null and not exists (
    select 1 from agents.memory_profiles p where p.id = p_memory_profile_id and p.ai_lenser_id = p_agent_id) then
    raise exception '%: p_memory_profile_id % is not a memory profile of agent %', p_rpc, p_memory_profile_id, p_agent_id
      using errcode = '22023';
  end if;
  if p_tool_profile_id is not null and not exists (
    select 1 from agents.tool_profiles p where p.id = p_tool_profile_id and p.ai_lenser_id = p_agent_id) then
    raise exception '%: p_tool_profile_id % is not a tool profile of agent %', p_rpc, p_tool_profile_id, p_agent_id
      using errcode = '22023';
  end if;
  if p_model_profile_id is not null and not exists (
    select 1 from agents.model_profiles p where p.id = p_model_profile_id and p.ai_lenser_id = p_agent_id) then
    raise exception '%: p_model_profile_id % is not a model profile of agent %', p_rpc, p_model_profile_id, p_agent_id
      using errcode = '22023';
  end if;
end
$$;

-- Scratchpad: a JSON object of at most 256 KiB.
create function agents.fn_rpc_scratchpad(p_rpc text, p_scratchpad jsonb) returns void
language plpgsql
immutable
set search_path = ''
as $$
begin
  if p_scratchpad is null or jsonb_typeof(p_scratchpad) <> 'object' then
    raise exception '%: p_scratchpad must be a JSON object', p_rpc using errcode = '22023';
  end if;
  if octet_length(p_scratchpad::text) > 262144 then
    raise exception '%: p_scratchpad must be at most 256 KiB', p_rpc using errcode = '22023';
  end if;
end
$$;

revoke execute on function agents.fn_rpc_editable_team(text, uuid),
  agents.fn_rpc_member_profiles(text, uuid, uuid, uuid, uuid, uuid), agents.fn_rpc_scratchpad(text, jsonb) from public;
grant execute on function agents.fn_rpc_editable_team(text, uuid),
  agents.fn_rpc_member_profiles(text, uuid, uuid, uuid, uuid, uuid), agents.fn_rpc_scratchpad(text, jsonb)
  to authenticated, service_role;

-- ---------------------------------------------------------------- teams

create function public.create_team(
  p_name text,
  p_owner_lenser_id uuid default null,
  p_description text default null,
  p_scratchpad jsonb default '{}',
  p_status agents.team_status default 'active'
) returns agents.teams
language plpgsql
volatile
set search_path = ''
as $$
declare
  c_rpc constant text := 'create_team';
  v_owner uuid := coalesce(p_owner_lenser_id, (select lensers.current_profile_id()));
  v_team agents.teams;
begin
  if v_owner is null then
    raise exception '%: sign in first (no human profile for this JWT)', c_rpc using errcode = '42501';
  end if;
  if not exists (select 1 from lensers.editable_profile_ids() e where e = v_owner) then
    raise exception '%: you may not create teams for lenser %', c_rpc, v_owner using errcode = '42501';
  end if;
  perform agents.fn_rpc_text(c_rpc, 'p_name', p_name, 120);
  if p_description is not null then
    perform agents.fn_rpc_text(c_rpc, 'p_description', p_description, 4000);
  end if;
  perform agents.fn_rpc_scratchpad(c_rpc, p_scratchpad);
  perform agents.fn_rpc_not_null(c_rpc, 'p_status', p_status);
  if p_status = 'archived' then
    raise exception '%: p_status must be active or paused for a new team', c_rpc using errcode = '22023';
  end if;
  if exists (select 1 from agents.teams t where t.owner_lenser_id = v_owner and lower(t.name) = lower(btrim(p_name))
             and t.status <> 'archived') then
    raise exception '%: p_name "%" is taken by another team of this owner', c_rpc, btrim(p_name) using errcode = '23505';
  end if;
  insert into agents.teams (owner_lenser_id, name, description, scratchpad, status)
  values (v_owner, btrim(p_name), btrim(p_description), p_scratchpad, p_status)
  returning * into v_team;
  return v_team;
end
$$;
comment on function public.create_team(text, uuid, text, jsonb, agents.team_status) is
  'Creates a team owned by the caller, or by an AI lenser the caller owns or co-owns (p_owner_lenser_id).';

create function public.update_team(
  p_team_id uuid,
  p_name text default null,
  p_description text default null,
  p_clear_description boolean default false,
  p_status agents.team_status default null,
  p_scratchpad jsonb default null
) returns agents.teams
language plpgsql
volatile
set search_path = ''
as $$
declare
  c_rpc constant text := 'update_team';
  v_team agents.teams := agents.fn_rpc_editable_team('update_team', p_team_id);
begin
  if p_name is not null then
    perform agents.fn_rpc_text(c_rpc, 'p_name', p_name, 120);
    if exists (select 1 from agents.teams t where t.owner_lenser_id = v_team.owner_lenser_id and lower(t.name) = lower(btrim(p_name))
               and t.status <> 'archived' and t.id <> p_team_id) then
      raise exception '%: p_name "%" is taken by another team of this owner', c_rpc, btrim(p_name) using errcode = '23505';
    end if;
  end if;
  perform agents.fn_rpc_not_null(c_rpc, 'p_clear_description', p_clear_description);
  if p_description is not null then
    if p_clear_description then
      raise exception '%: give p_description or p_clear_description, not both', c_rpc using errcode = '22023';
    end if;
    perform agents.fn_rpc_text(c_rpc, 'p_description', p_description, 4000);
  end if;
  if p_status = 'archived' then
    raise exception '%: p_status must be active or paused (archive with archive_team)', c_rpc using errcode = '22023';
  end if;
  if p_scratchpad is not null then
    perform agents.fn_rpc_scratchpad(c_rpc, p_scratchpad);
  end if;
  update agents.teams t set
    name = coalesce(btrim(p_name), t.name),
    description = case when p_clear_description then null else coalesce(btrim(p_description), t.description) end,
    status = coalesce(p_status, t.status),
    scratchpad = coalesce(p_scratchpad, t.scratchpad)
  where t.id = p_team_id
  returning * into v_team;
  return v_team;
end
$$;
comment on function public.update_team(uuid, text, text, boolean, agents.team_status, jsonb) is
  'Changes a team (name, description, active/paused, scratchpad); null arguments keep their value.';

create function public.archive_team(p_team_id uuid) returns agents.teams
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_team agents.teams := agents.fn_rpc_editable_team('archive_team', p_team_id);
begin
  update agents.teams t set status = 'archived', archived_at = now() where t.id = v_team.id returning * into v_team;
  -- Nothing is dispatched to an archived team any more.
  update agents.workflow_assignments a set status = 'disabled', disabled_at = now()
  where a.assignee_team_id = v_team.id and a.status = 'active';
  return v_team;
end
$$;
comment on function public.archive_team(uuid) is
  'Archives a team and disables its active workflow assignments: it stays readable, and never changes again.';

create function public.list_teams(
  p_owner_lenser_id uuid default null,
  p_include_archived boolean default false,
  p_limit integer default 50,
  p_offset integer default 0
) returns table (
  team_id uuid,
  owner_lenser_id uuid,
  owner_handle text,
  name text,
  description text,
  status agents.team_status,
  scratchpad jsonb,
  member_count integer,
  edge_count integer,
  archived_at timestamptz,
  created_at timestamptz,
  updated_at timestamptz
)
language plpgsql
stable
set search_path = ''
as $$
begin
  perform lensers.fn_rpc_page('list_teams', p_limit, p_offset);
  perform agents.fn_rpc_not_null('list_teams', 'p_include_archived', p_include_archived);
  return query
    select t.id, t.owner_lenser_id, p.handle, t.name, t.description, t.status, t.scratchpad,
      (select count(*)::integer from agents.team_members m where m.team_id = t.id),
      (select count(*)::integer from agents.team_edges e where e.team_id = t.id),
      t.archived_at, t.created_at, t.updated_at
    from agents.teams t
    left join lensers.profiles p on p.id = t.owner_lenser_id
    where (p_owner_lenser_id is null or t.owner_lenser_id = p_owner_lenser_id)
      and (p_include_archived or t.status <> 'archived')
    order by lower(t.name), t.id
    limit p_limit offset p_offset;
end
$$;
comment on function public.list_teams(uuid, boolean, integer, integer) is
  'Teams the caller may see (optionally of one owner), with member and edge counts, by name.';

-- ---------------------------------------------------------------- members

create function public.add_team_member(
  p_team_id uuid,
  p_agent_id uuid,
  p_role agents.team_member_role default 'member',
  p_responsibility text default null,
  p_lane integer default 0,
  p_personality_profile_id uuid default null,
  p_memory_profile_id uuid default null,
  p_tool_profile_id uuid default null,
  p_model_profile_id uuid default null
) returns agents.team_members
language plpgsql
volatile
set search_path = ''
as $$
declare
  c_rpc constant text := 'add_team_member';
  v_team agents.teams := agents.fn_rpc_editable_team('add_team_member', p_team_id);
  v_member agents.team_members;
begin
  if p_agent_id is null then
    raise exception '%: p_agent_id is required', c_rpc using errcode = '22023';
  end if;
  if not (select agents.can_operate_ai_lenser(p_agent_id)) then
    raise exception '%: you do not own, co-own or operate agent %', c_rpc, p_agent_id using errcode = '42501';
  end if;
  perform agents.fn_rpc_not_null(c_rpc, 'p_role', p_role);
  if p_responsibility is not null then
    perform agents.fn_rpc_text(c_rpc, 'p_responsibility', p_responsibility, 2000);
  end if;
  if p_lane is null or p_lane < 0 then
    raise exception '%: p_lane must be 0 or more, got %', c_rpc, coalesce(p_lane::text, 'null') using errcode = '22023';
  end if;
  perform agents.fn_rpc_member_profiles(c_rpc, p_agent_id, p_personality_profile_id, p_memory_profile_id,
    p_tool_profile_id, p_model_profile_id);
  if exists (select 1 from agents.team_members m where m.team_id = v_team.id and m.agent_id = p_agent_id) then
    raise exception '%: agent % is already a member of team %', c_rpc, p_agent_id, v_team.id using errcode = '23505';
  end if;
  insert into agents.team_members (team_id, agent_id, role, responsibility, lane, personality_profile_id,
    memory_profile_id, tool_profile_id, model_profile_id)
  values (v_team.id, p_agent_id, p_role, btrim(p_responsibility), p_lane, p_personality_profile_id,
    p_memory_profile_id, p_tool_profile_id, p_model_profile_id)
  returning * into v_member;
  return v_member;
end
$$;
comment on function public.add_team_member(uuid, uuid, agents.team_member_role, text, integer, uuid, uuid, uuid, uuid) is
  'Adds an agent the caller may operate to a team the caller may change; profiles must be the agent''s own.';

-- The member row, its team editable by the caller, or a clear error.
create function agents.fn_rpc_editable_member(p_rpc text, p_member_id uuid) returns agents.team_members
language plpgsql
stable
set search_path = ''
as $$
declare
  v_member agents.team_members;
begin
  if p_member_id is null then
    raise exception '%: p_member_id is required', p_rpc using errcode = '22023';
  end if;
  select m.* into v_member from agents.team_members m where m.id = p_member_id;
  if not found then
    raise exception '%: no team member % that you can see', p_rpc, p_member_id using errcode = 'P0002';
  end if;
  perform agents.fn_rpc_editable_team(p_rpc, v_member.team_id);
  return v_member;
end
$$;
revoke execute on function agents.fn_rpc_editable_member(text, uuid) from public;
grant execute on function agents.fn_rpc_editable_member(text, uuid) to authenticated, service_role;

create function public.update_team_member(
  p_member_id uuid,
  p_role agents.team_member_role default null,
  p_responsibility text default null,
  p_clear_responsibility boolean default false,
  p_lane integer default null
) returns agents.team_members
language plpgsql
volatile
set search_path = ''
as $$
declare
  c_rpc constant text := 'update_team_member';
  v_member agents.team_members := agents.fn_rpc_editable_member('update_team_member', p_member_id);
begin
  perform agents.fn_rpc_not_null(c_rpc, 'p_clear_responsibility', p_clear_responsibility);
  if p_responsibility is not null then
    if p_clear_responsibility then
      raise exception '%: give p_responsibility or p_clear_responsibility, not both', c_rpc using errcode = '22023';
    end if;
    perform agents.fn_rpc_text(c_rpc, 'p_responsibility', p_responsibility, 2000);
  end if;
  if p_lane < 0 then
    raise exception '%: p_lane must be 0 or more, got %', c_rpc, p_lane using errcode = '22023';
  end if;
  update agents.team_members m set
    role = coalesce(p_role, m.role),
    responsibility = case when p_clear_responsibility then null else coalesce(btrim(p_responsibility), m.responsibility) end,
    lane = coalesce(p_lane, m.lane)
  where m.id = v_member.id
  returning * into v_member;
  return v_member;
end
$$;
comment on function public.update_team_member(uuid, agents.team_member_role, text, boolean, integer) is
  'Changes a member''s role, responsibility or lane; null arguments keep their value.';

create function public.set_team_member_profiles(
  p_member_id uuid,
  p_personality_profile_id uuid default null,
  p_memory_profile_id uuid default null,
  p_tool_profile_id uuid default null,
  p_model_profile_id uuid default null
) returns agents.team_members
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_member agents.team_members := agents.fn_rpc_editable_member('set_team_member_profiles', p_member_id);
begin
  perform agents.fn_rpc_member_profiles('set_team_member_profiles', v_member.agent_id, p_personality_profile_id,
    p_memory_profile_id, p_tool_profile_id, p_model_profile_id);
  update agents.team_members m set
    personality_profile_id = p_personality_profile_id,
    memory_profile_id = p_memory_profile_id,
    tool_profile_id = p_tool_profile_id,
    model_profile_id = p_model_profile_id
  where m.id = v_member.id
  returning * into v_member;
  return v_member;
end
$$;
comment on function public.set_team_member_profiles(uuid, uuid, uuid, uuid, uuid) is
  'Sets all four profiles of a member at once; a null profile means the agent''s default of that kind.';

create function public.remove_team_member(p_member_id uuid) returns agents.team_members
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_member agents.team_members := agents.fn_rpc_editable_member('remove_team_member', p_member_id);
begin
  delete from agents.team_members m where m.id = v_member.id;
  return v_member;
end
$$;
comment on function public.remove_team_member(uuid) is 'Removes a member from its team, with the edges that touch it; returns the removed row.';

create function public.list_team_members(p_team_id uuid)
returns table (
  member_id uuid,
  agent_id uuid,
  agent_handle text,
  agent_display_name text,
  role agents.team_member_role,
  responsibility text,
  lane integer,
  personality_profile_id uuid,
  memory_profile_id uuid,
  tool_profile_id uuid,
  model_profile_id uuid,
  created_at timestamptz
)
language plpgsql
stable
set search_path = ''
as $$
begin
  perform agents.fn_rpc_not_null('list_team_members', 'p_team_id', p_team_id);
  if not exists (select 1 from agents.teams t where t.id = p_team_id) then
    raise exception 'list_team_members: no team % that you can see', p_team_id using errcode = 'P0002';
  end if;
  return query
    select m.id, m.agent_id, p.handle, p.display_name, m.role, m.responsibility, m.lane, m.personality_profile_id,
      m.memory_profile_id, m.tool_profile_id, m.model_profile_id, m.created_at
    from agents.team_members m
    join agents.ai_lensers a on a.id = m.agent_id
    left join lensers.profiles p on p.id = a.profile_id
    where m.team_id = p_team_id
    order by m.lane, m.created_at, m.id;
end
$$;
comment on function public.list_team_members(uuid) is 'A team''s members by lane, then by the order they joined.';

-- ---------------------------------------------------------------- edges

create function public.add_team_edge(
  p_source_member_id uuid,
  p_target_member_id uuid,
  p_edge_type agents.team_edge_type,
  p_is_blocking boolean default false
) returns agents.team_edges
language plpgsql
volatile
set search_path = ''
as $$
declare
  c_rpc constant text := 'add_team_edge';
  v_source agents.team_members;
  v_edge agents.team_edges;
begin
  if p_source_member_id is null or p_target_member_id is null then
    raise exception '%: p_source_member_id and p_target_member_id are required', c_rpc using errcode = '22023';
  end if;
  if p_source_member_id = p_target_member_id then
    raise exception '%: an edge cannot join member % to itself', c_rpc, p_source_member_id using errcode = '22023';
  end if;
  perform agents.fn_rpc_not_null(c_rpc, 'p_edge_type', p_edge_type);
  perform agents.fn_rpc_not_null(c_rpc, 'p_is_blocking', p_is_blocking);
  v_source := agents.fn_rpc_editable_member(c_rpc, p_source_member_id);
  if not exists (select 1 from agents.team_members m where m.id = p_target_member_id and m.team_id = v_source.team_id) then
    raise exception '%: p_target_member_id % is not a member of the source''s team %', c_rpc, p_target_member_id, v_source.team_id
      using errcode = '22023';
  end if;
  if exists (select 1 from agents.team_edges e where e.source_member_id = p_source_member_id
             and e.target_member_id = p_target_member_id and e.edge_type = p_edge_type) then
    raise exception '%: a % edge from % to % already exists', c_rpc, p_edge_type, p_source_member_id, p_target_member_id
      using errcode = '23505';
  end if;
  begin
    insert into agents.team_edges (team_id, source_member_id, target_member_id, edge_type, is_blocking)
    values (v_source.team_id, p_source_member_id, p_target_member_id, p_edge_type, p_is_blocking)
    returning * into v_edge;
  exception when check_violation then
    raise exception '%: %', c_rpc, sqlerrm using errcode = '23514';
  end;
  return v_edge;
end
$$;
comment on function public.add_team_edge(uuid, uuid, agents.team_edge_type, boolean) is
  'Adds a directed edge between two members of one team; a blocking edge that would close a blocking cycle is refused.';

create function public.remove_team_edge(p_edge_id uuid) returns agents.team_edges
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_edge agents.team_edges;
begin
  perform agents.fn_rpc_not_null('remove_team_edge', 'p_edge_id', p_edge_id);
  select e.* into v_edge from agents.team_edges e where e.id = p_edge_id;
  if not found then
    raise exception 'remove_team_edge: no team edge % that you can see', p_edge_id using errcode = 'P0002';
  end if;
  perform agents.fn_rpc_editable_team('remove_team_edge', v_edge.team_id);
  delete from agents.team_edges e where e.id = p_edge_id;
  return v_edge;
end
$$;
comment on function public.remove_team_edge(uuid) is 'Removes an edge; returns the removed row.';

create function public.list_team_edges(p_team_id uuid) returns setof agents.team_edges
language plpgsql
stable
set search_path = ''
as $$
begin
  perform agents.fn_rpc_not_null('list_team_edges', 'p_team_id', p_team_id);
  if not exists (select 1 from agents.teams t where t.id = p_team_id) then
    raise exception 'list_team_edges: no team % that you can see', p_team_id using errcode = 'P0002';
  end if;
  return query select e.* from agents.team_edges e where e.team_id = p_team_id order by e.created_at, e.id;
end
$$;
comment on function public.list_team_edges(uuid) is 'A team''s edges in the order they were added.';

revoke execute on function
  public.create_team(text, uuid, text, jsonb, agents.team_status),
  public.update_team(uuid, text, text, boolean, agents.team_status, jsonb),
  public.archive_team(uuid),
  public.list_teams(uuid, boolean, integer, integer),
  public.add_team_member(uuid, uuid, agents.team_member_role, text, integer, uuid, uuid, uuid, uuid),
  public.update_team_member(uuid, agents.team_member_role, text, boolean, integer),
  public.set_team_member_profiles(uuid, uuid, uuid, uuid, uuid),
  public.remove_team_member(uuid),
  public.list_team_members(uuid),
  public.add_team_edge(uuid, uuid, agents.team_edge_type, boolean),
  public.remove_team_edge(uuid),
  public.list_team_edges(uuid)
from public;
grant execute on function
  public.create_team(text, uuid, text, jsonb, agents.team_status),
  public.update_team(uuid, text, text, boolean, agents.team_status, jsonb),
  public.archive_team(uuid),
  public.list_teams(uuid, boolean, integer, integer),
  public.add_team_member(uuid, uuid, agents.team_member_role, text, integer, uuid, uuid, uuid, uuid),
  public.update_team_member(uuid, agents.team_member_role, text, boolean, integer),
  public.set_team_member_profiles(uuid, uuid, uuid, uuid, uuid),
  public.remove_team_member(uuid),
  public.list_team_members(uuid),
  public.add_team_edge(uuid, uuid, agents.team_edge_type, boolean),
  public.remove_team_edge(uuid),
  public.list_team_edges(uuid)
to authenticated;

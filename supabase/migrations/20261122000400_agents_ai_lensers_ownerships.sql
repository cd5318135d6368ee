-- AI lensers and who owns them, and the authority helpers every policy uses.
--   agents.ai_lensers: the runtime extension of an AI profile, exactly one per AI profile.
--   agents.ownerships: human owners of an agent (owner, co_owner, operator), revocable.
--   agents.can_manage_ai_lenser(uuid): owner or co_owner, not revoked (may edit).
--   agents.can_operate_ai_lenser(uuid): also operator (may run and use, not edit).
--   lensers.current_profile_id(), lensers.can_edit_as(uuid), lensers.can_act_as(uuid): whether the
--   caller may edit, or act as, a lenser: their own human profile, or an AI they manage / operate.

create type agents.runtime_pref as enum ('cloud', 'local', 'hybrid');
create type agents.ownership_role as enum ('owner', 'co_owner', 'operator');
create type agents.ownership_permission as enum ('run', 'edit', 'publish', 'manage_tools', 'manage_memory', 'view_runs');

create table agents.ai_lensers (
  id uuid primary key default gen_random_uuid(),
  profile_id uuid not null unique references lensers.profiles (id) on delete cascade,
  runtime_pref agents.runtime_pref not null default 'cloud',
  is_active boolean not null default true,
  suspended_at timestamptz,
  suspended_reason text,
  personality_note text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint ai_lensers_suspension_consistent check ((suspended_at is null) = (suspended_reason is null)),
  constraint ai_lensers_suspended_inactive check (suspended_at is null or not is_active),
  constraint ai_lensers_personality_note_length check (char_length(personality_note) <= 4000)
);
comment on table agents.ai_lensers is 'Runtime extension of an AI profile; exactly one per lensers.profiles row of type ai.';

-- Exactly one ai_lensers row per AI profile: the row must point at an AI profile (here), and an AI
-- profile must have its row by the end of the transaction (deferred trigger on profiles).
create function agents.tg_ai_lensers_profile_is_ai() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if not exists (select 1 from lensers.profiles p where p.id = new.profile_id and p.type = 'ai') then
    raise exception 'ai_lensers.profile_id % is not an AI profile', new.profile_id using errcode = '23514';
  end if;
  return new;
end
$$;

create trigger ai_lensers_profile_is_ai before insert or update of profile_id on agents.ai_lensers
  for each row execute function agents.tg_ai_lensers_profile_is_ai();

create function agents.tg_ai_profile_has_ai_lenser() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.type = 'ai' and exists (select 1 from lensers.profiles p where p.id = new.id)
     and not exists (select 1 from agents.ai_lensers a where a.profile_id = new.id) then
    raise exception 'AI profile % has no agents.ai_lensers row (create both in one transaction)', new.handle
      using errcode = '23514';
  end if;
  return null;
end
$$;
revoke execute on function agents.tg_ai_profile_has_ai_lenser() from public;

create constraint trigger profiles_ai_has_ai_lenser after insert on lensers.profiles
  deferrable initially deferred
  for each row execute function agents.tg_ai_profile_has_ai_lenser();

create trigger ai_lensers_set_updated_at before update on agents.ai_lensers
  for each row execute function lensers.tg_set_updated_at();

create table agents.ownerships (
  id uuid primary key default gen_random_uuid(),
  ai_lenser_id uuid not null references agents.ai_lensers (id) on delete cascade,
  owner_lenser_id uuid not null references lensers.profiles (id) on delete cascade,
  role agents.ownership_role not null,
  permission_scope agents.ownership_permission[] not null default '{}',
  granted_by uuid references lensers.profiles (id) on delete set null,
  granted_at timestamptz not null default now(),
  revoked_at timestamptz,
  constraint ownerships_revoked_after_granted check (revoked_at is null or revoked_at >= granted_at)
);
comment on table agents.ownerships is 'Human owners of an agent. owner and co_owner may edit; operator may run.';

-- One live grant per (agent, human); history keeps revoked rows.
create unique index ownerships_one_live_grant on agents.ownerships (ai_lenser_id, owner_lenser_id) where revoked_at is null;
-- The authority helpers look up by the human first.
create index ownerships_owner_lookup on agents.ownerships (owner_lenser_id, ai_lenser_id) include (role) where revoked_at is null;
create index ownerships_granted_by_idx on agents.ownerships (granted_by);

create function agents.tg_ownerships_owner_is_human() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if not exists (select 1 from lensers.profiles p where p.id = new.owner_lenser_id and p.type = 'human') then
    raise exception 'ownerships.owner_lenser_id % is not a human profile', new.owner_lenser_id using errcode = '23514';
  end if;
  if tg_op = 'UPDATE' and (new.ai_lenser_id, new.owner_lenser_id, new.granted_at) is distinct from (old.ai_lenser_id, old.owner_lenser_id, old.granted_at) then
    raise exception 'an ownership''s agent, owner and grant time never change; revoke it and grant anew' using errcode = '23514';
  end if;
  if tg_op = 'UPDATE' and old.revoked_at is not null then
    raise exception 'a revoked ownership is history and cannot change' using errcode = '23514';
  end if;
  return new;
end
$$;

create trigger ownerships_owner_is_human before insert or update on agents.ownerships
  for each row execute function agents.tg_ownerships_owner_is_human();

-- Every agent keeps at least one live owner.
create function agents.tg_ownerships_keep_an_owner() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if old.role = 'owner' and old.revoked_at is null
     and (tg_op = 'DELETE' or new.revoked_at is not null or new.role <> 'owner')
     and exists (select 1 from agents.ai_lensers a where a.id = old.ai_lenser_id)
     and not exists (
       select 1 from agents.ownerships o
       where o.ai_lenser_id = old.ai_lenser_id and o.id <> old.id and o.role = 'owner' and o.revoked_at is null
     ) then
    raise exception 'the last owner of an agent cannot be removed; grant another owner first' using errcode = '23514';
  end if;
  return null;
end
$$;
revoke execute on function agents.tg_ownerships_keep_an_owner() from public;

create trigger ownerships_keep_an_owner after update or delete on agents.ownerships
  for each row execute function agents.tg_ownerships_keep_an_owner();

-- Authority helpers. SECURITY DEFINER so that policies can call them without recursing into the
-- policies of the tables they read; each reads only the caller's own grants.
create function lensers.current_profile_id() returns uuid
language sql
stable
security definer
set search_path = ''
as $$
  select p.id from lensers.profiles p where p.user_id = (select auth.uid())
$$;
comment on function lensers.current_profile_id() is 'The caller''s own human profile id, or null.';

create function agents.can_manage_ai_lenser(p_ai_lenser_id uuid) returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1
    from agents.ownerships o
    join lensers.profiles p on p.id = o.owner_lenser_id
    where p.user_id = (select auth.uid())
      and o.ai_lenser_id = p_ai_lenser_id
      and o.role in ('owner', 'co_owner')
      and o.revoked_at is null
  )
$$;
comment on function agents.can_manage_ai_lenser(uuid) is
  'True when the caller''s human profile holds a live owner or co_owner ownership of the agent.';

create function agents.can_operate_ai_lenser(p_ai_lenser_id uuid) returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1
    from agents.ownerships o
    join lensers.profiles p on p.id = o.owner_lenser_id
    where p.user_id = (select auth.uid())
      and o.ai_lenser_id = p_ai_lenser_id
      and o.revoked_at is null
  )
$$;
comment on function agents.can_operate_ai_lenser(uuid) is
  'True when the caller holds any live ownership (owner, co_owner or operator): may run, not edit.';

-- Profiles the caller may edit as: their own, and AIs they manage.
create function lensers.editable_profile_ids() returns setof uuid
language sql
stable
security definer
set search_path = ''
as $$
  select p.id from lensers.profiles p where p.user_id = (select auth.uid())
  union
  select a.profile_id
  from agents.ownerships o
  join lensers.profiles h on h.id = o.owner_lenser_id
  join agents.ai_lensers a on a.id = o.ai_lenser_id
  where h.user_id = (select auth.uid()) and o.role in ('owner', 'co_owner') and o.revoked_at is null
$$;
comment on function lensers.editable_profile_ids() is
  'Profiles the caller may edit as: their own human profile and the AIs they own or co-own.';

-- Profiles the caller may act as (run things for): also the AIs they operate.
create function lensers.actable_profile_ids() returns setof uuid
language sql
stable
security definer
set search_path = ''
as $$
  select p.id from lensers.profiles p where p.user_id = (select auth.uid())
  union
  select a.profile_id
  from agents.ownerships o
  join lensers.profiles h on h.id = o.owner_lenser_id
  join agents.ai_lensers a on a.id = o.ai_lenser_id
  where h.user_id = (select auth.uid()) and o.revoked_at is null
$$;
comment on function lensers.actable_profile_ids() is
  'Profiles the caller may act as: their own and every AI they hold a live ownership of.';

revoke execute on function lensers.current_profile_id(), agents.can_manage_ai_lenser(uuid),
  agents.can_operate_ai_lenser(uuid), lensers.editable_profile_ids(), lensers.actable_profile_ids() from public;
grant execute on function lensers.current_profile_id(), agents.can_manage_ai_lenser(uuid),
  agents.can_operate_ai_lenser(uuid), lensers.editable_profile_ids(), lensers.actable_profile_ids()
  to authenticated, service_role;

-- Profiles: owners and operators also see their AIs' profiles, and managers may edit them.
drop policy profiles_select on lensers.profiles;
create policy profiles_select_anon on lensers.profiles
  for select to anon
  using (visibility in ('public', 'unlisted') and status = 'active');
create policy profiles_select on lensers.profiles
  for select to authenticated
  using (
    (visibility in ('public', 'unlisted') and status = 'active')
    or user_id = (select auth.uid())
    or (type = 'ai' and id in (select lensers.actable_profile_ids()))
  );
drop policy profiles_update_own on lensers.profiles;
create policy profiles_update_editable on lensers.profiles
  for update to authenticated
  using (id in (select lensers.editable_profile_ids()))
  with check (id in (select lensers.editable_profile_ids()));

-- RLS on the agent tables.
alter table agents.ai_lensers enable row level security;
alter table agents.ownerships enable row level security;

create policy ai_lensers_select on agents.ai_lensers
  for select to authenticated
  using ((select agents.can_operate_ai_lenser(id)));
create policy ai_lensers_update on agents.ai_lensers
  for update to authenticated
  using ((select agents.can_manage_ai_lenser(id)))
  with check ((select agents.can_manage_ai_lenser(id)));

create policy ownerships_select on agents.ownerships
  for select to authenticated
  using ((select agents.can_operate_ai_lenser(ai_lenser_id)));
create policy ownerships_insert on agents.ownerships
  for insert to authenticated
  with check ((select agents.can_manage_ai_lenser(ai_lenser_id)));
create policy ownerships_update on agents.ownerships
  for update to authenticated
  using ((select agents.can_manage_ai_lenser(ai_lenser_id)))
  with check ((select agents.can_manage_ai_lenser(ai_lenser_id)));

grant select on agents.ai_lensers, agents.ownerships to authenticated;
grant update (runtime_pref, is_active, suspended_at, suspended_reason, personality_note) on agents.ai_lensers to authenticated;
grant insert (ai_lenser_id, owner_lenser_id, role, permission_scope, granted_by) on agents.ownerships to authenticated;
grant update (role, permission_scope, revoked_at) on agents.ownerships to authenticated;
grant all on agents.ai_lensers, agents.ownerships to service_role;

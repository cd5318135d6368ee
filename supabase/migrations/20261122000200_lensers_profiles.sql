-- lensers.profiles: the one identity table. One row per lenser, human or AI; a human's row is
-- created by a trigger when the auth user signs up.

create type lensers.lenser_type as enum ('human', 'ai');
create type lensers.profile_visibility as enum ('public', 'private', 'unlisted');
create type lensers.profile_status as enum ('active', 'suspended', 'deactivated', 'pending_deletion', 'deleted');

create table lensers.profiles (
  id uuid primary key default gen_random_uuid(),
  user_id uuid unique references auth.users (id) on delete cascade,
  handle text not null,
  display_name text not null,
  type lensers.lenser_type not null,
  visibility lensers.profile_visibility not null default 'public',
  status lensers.profile_status not null default 'active',
  avatar_url text,
  banner_url text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint profiles_handle_slug check (handle ~ '^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38}[A-Za-z0-9])?$'),
  constraint profiles_display_name_length check (char_length(btrim(display_name)) between 1 and 120),
  constraint profiles_human_has_user check ((type = 'human') = (user_id is not null)),
  constraint profiles_avatar_url_http check (avatar_url ~ '^https?://'),
  constraint profiles_banner_url_http check (banner_url ~ '^https?://')
);
comment on table lensers.profiles is 'One row per lenser, human or AI; actors everywhere are these ids.';
comment on column lensers.profiles.handle is 'URL slug for /lenser/:handle; unique without regard to case.';

create unique index profiles_handle_key on lensers.profiles (lower(handle));
create index profiles_visibility_status_idx on lensers.profiles (visibility, status);

-- updated_at, kept by the database for every table that has one.
create function lensers.tg_set_updated_at() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end
$$;

create trigger profiles_set_updated_at before update on lensers.profiles
  for each row execute function lensers.tg_set_updated_at();

-- The status lifecycle, and the columns that never change after insert.
create function lensers.tg_profiles_guard_update() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.type is distinct from old.type then
    raise exception 'profiles.type cannot change (was %, asked %)', old.type, new.type using errcode = '23514';
  end if;
  if new.user_id is distinct from old.user_id then
    raise exception 'profiles.user_id cannot change' using errcode = '23514';
  end if;
  if new.status is distinct from old.status and not (
    (old.status = 'active' and new.status in ('suspended', 'deactivated', 'pending_deletion'))
    or (old.status = 'suspended' and new.status in ('active', 'pending_deletion'))
    or (old.status = 'deactivated' and new.status in ('active', 'pending_deletion'))
    or (old.status = 'pending_deletion' and new.status in ('active', 'deleted'))
  ) then
    raise exception 'profiles.status cannot go from % to %', old.status, new.status using errcode = '23514';
  end if;
  return new;
end
$$;

create trigger profiles_guard_update before update on lensers.profiles
  for each row execute function lensers.tg_profiles_guard_update();

-- A handle from a wish (sign-up metadata) or a base word, made a valid slug and unique.
create function lensers.fn_available_handle(p_wish text, p_base text) returns text
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_candidate text;
  v_base text;
begin
  if p_wish ~ '^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38}[A-Za-z0-9])?$'
     and not exists (select 1 from lensers.profiles p where lower(p.handle) = lower(p_wish)) then
    return p_wish;
  end if;
  v_base := left(btrim(regexp_replace(lower(coalesce(p_base, '')), '[^a-z0-9]+', '-', 'g'), '-'), 30);
  v_base := btrim(v_base, '-');
  if v_base = '' then v_base := 'lenser'; end if;
  v_candidate := v_base;
  while char_length(v_candidate) < 2
     or exists (select 1 from lensers.profiles p where lower(p.handle) = lower(v_candidate)) loop
    v_candidate := v_base || '-' || substr(md5(random()::text), 1, 6);
  end loop;
  return v_candidate;
end
$$;
revoke execute on function lensers.fn_available_handle(text, text) from public;

-- Sign-up: every new auth user gets a human profile.
create function lensers.fn_handle_new_user() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_meta jsonb := coalesce(new.raw_user_meta_data, '{}'::jsonb);
  v_local text := nullif(split_part(coalesce(new.email, ''), '@', 1), '');
  v_display text;
begin
  v_display := left(btrim(coalesce(
    nullif(btrim(v_meta ->> 'display_name'), ''),
    nullif(btrim(v_meta ->> 'full_name'), ''),
    nullif(btrim(v_meta ->> 'name'), ''),
    v_local,
    'Lenser'
  )), 120);
  insert into lensers.profiles (user_id, handle, display_name, type)
  values (new.id, lensers.fn_available_handle(v_meta ->> 'handle', coalesce(v_local, v_display)), v_display, 'human');
  return new;
end
$$;
revoke execute on function lensers.fn_handle_new_user() from public;

create trigger on_auth_user_created after insert on auth.users
  for each row execute function lensers.fn_handle_new_user();

-- Access: others see active public and unlisted profiles; everyone sees their own.
alter table lensers.profiles enable row level security;

create policy profiles_select on lensers.profiles
  for select to anon, authenticated
  using (
    (visibility in ('public', 'unlisted') and status = 'active')
    or user_id = (select auth.uid())
  );

create policy profiles_update_own on lensers.profiles
  for update to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid()));

grant select on lensers.profiles to anon, authenticated;
grant update (handle, display_name, visibility, avatar_url, banner_url) on lensers.profiles to authenticated;
grant all on lensers.profiles to service_role;

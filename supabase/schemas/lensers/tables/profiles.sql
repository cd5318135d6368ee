create table lensers.profiles (
  id uuid default gen_random_uuid() not null,
  user_id uuid,
  handle text not null,
  display_name text not null,
  type lensers.lenser_type not null,
  visibility lensers.profile_visibility default 'public'::lensers.profile_visibility not null,
  status lensers.profile_status default 'active'::lensers.profile_status not null,
  avatar_url text,
  banner_url text,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint profiles_pkey PRIMARY KEY (id),
  constraint profiles_user_id_key UNIQUE (user_id),
  constraint profiles_avatar_url_http CHECK ((avatar_url ~ '^https?://'::text)),
  constraint profiles_banner_url_http CHECK ((banner_url ~ '^https?://'::text)),
  constraint profiles_display_name_length CHECK (((char_length(btrim(display_name)) >= 1) AND (char_length(btrim(display_name)) <= 120))),
  constraint profiles_handle_slug CHECK ((handle ~ '^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38}[A-Za-z0-9])?$'::text)),
  constraint profiles_human_has_user CHECK (((type = 'human'::lensers.lenser_type) = (user_id IS NOT NULL))),
  constraint profiles_user_id_fkey FOREIGN KEY (user_id) REFERENCES auth.users(id) ON DELETE CASCADE
);

alter table lensers.profiles enable row level security;
comment on table lensers.profiles is 'One row per lenser, human or AI; actors everywhere are these ids.';
comment on column lensers.profiles.handle is 'URL slug for /lenser/:handle; unique without regard to case.';

create unique index profiles_handle_key on lensers.profiles using btree (lower(handle));

create index profiles_visibility_status_idx on lensers.profiles using btree (visibility, status);

create policy profiles_select on lensers.profiles
  as permissive for select to authenticated
  using ((((visibility = ANY (ARRAY['public'::lensers.profile_visibility, 'unlisted'::lensers.profile_visibility])) AND (status = 'active'::lensers.profile_status)) OR (user_id = ( SELECT auth.uid() AS uid)) OR ((type = 'ai'::lensers.lenser_type) AND (id IN ( SELECT lensers.actable_profile_ids() AS actable_profile_ids)))));

create policy profiles_select_anon on lensers.profiles
  as permissive for select to anon
  using (((visibility = ANY (ARRAY['public'::lensers.profile_visibility, 'unlisted'::lensers.profile_visibility])) AND (status = 'active'::lensers.profile_status)));

create policy profiles_update_editable on lensers.profiles
  as permissive for update to authenticated
  using ((id IN ( SELECT lensers.editable_profile_ids() AS editable_profile_ids)))
  with check ((id IN ( SELECT lensers.editable_profile_ids() AS editable_profile_ids)));

create constraint trigger profiles_ai_has_ai_lenser after insert on lensers.profiles deferrable initially deferred for each row execute procedure agents.tg_ai_profile_has_ai_lenser();

create trigger profiles_guard_update before update on lensers.profiles for each row execute procedure lensers.tg_profiles_guard_update();

create trigger profiles_set_updated_at before update on lensers.profiles for each row execute procedure lensers.tg_set_updated_at();

grant select on table lensers.profiles to anon, authenticated;
grant all on table lensers.profiles to service_role;
grant update (handle) on table lensers.profiles to authenticated;
grant update (display_name) on table lensers.profiles to authenticated;
grant update (visibility) on table lensers.profiles to authenticated;
grant update (avatar_url) on table lensers.profiles to authenticated;
grant update (banner_url) on table lensers.profiles to authenticated;

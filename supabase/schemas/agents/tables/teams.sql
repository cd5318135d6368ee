create table agents.teams (
  id uuid default gen_random_uuid() not null,
  owner_lenser_id uuid not null,
  name text not null,
  description text,
  status agents.team_status default 'active'::agents.team_status not null,
  scratchpad jsonb default '{}'::jsonb not null,
  archived_at timestamp with time zone,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint teams_pkey PRIMARY KEY (id),
  constraint teams_archived_at_set CHECK (((status = 'archived'::agents.team_status) = (archived_at IS NOT NULL))),
  constraint teams_description_length CHECK ((char_length(description) <= 4000)),
  constraint teams_name_length CHECK (((char_length(btrim(name)) >= 1) AND (char_length(btrim(name)) <= 120))),
  constraint teams_scratchpad_object CHECK ((jsonb_typeof(scratchpad) = 'object'::text)),
  constraint teams_scratchpad_size CHECK ((octet_length((scratchpad)::text) <= 262144)),
  constraint teams_owner_lenser_id_fkey FOREIGN KEY (owner_lenser_id) REFERENCES lensers.profiles(id) ON DELETE CASCADE
);

alter table agents.teams enable row level security;
comment on table agents.teams is 'A team of agents owned by a lenser (human or AI). Archived teams are read-only.';
comment on column agents.teams.scratchpad is 'Shared working notes (a JSON object, at most 256 KiB), visible to whoever sees the team.';

create index teams_owner_idx on agents.teams using btree (owner_lenser_id, status);

create unique index teams_owner_name_key on agents.teams using btree (owner_lenser_id, lower(name)) where (status <> 'archived'::agents.team_status);

create policy teams_insert on agents.teams
  as permissive for insert to authenticated
  with check ((owner_lenser_id IN ( SELECT lensers.editable_profile_ids() AS editable_profile_ids)));

create policy teams_select on agents.teams
  as permissive for select to authenticated
  using ((owner_lenser_id IN ( SELECT lensers.actable_profile_ids() AS actable_profile_ids)));

create policy teams_update on agents.teams
  as permissive for update to authenticated
  using ((owner_lenser_id IN ( SELECT lensers.editable_profile_ids() AS editable_profile_ids)))
  with check ((owner_lenser_id IN ( SELECT lensers.editable_profile_ids() AS editable_profile_ids)));

create trigger teams_guard before insert or update on agents.teams for each row execute procedure agents.tg_teams_guard();

create trigger teams_set_updated_at before update on agents.teams for each row execute procedure lensers.tg_set_updated_at();

grant select on table agents.teams to authenticated;
grant all on table agents.teams to service_role;
grant insert (owner_lenser_id) on table agents.teams to authenticated;
grant insert (name), update (name) on table agents.teams to authenticated;
grant insert (description), update (description) on table agents.teams to authenticated;
grant insert (status), update (status) on table agents.teams to authenticated;
grant insert (scratchpad), update (scratchpad) on table agents.teams to authenticated;
grant update (archived_at) on table agents.teams to authenticated;

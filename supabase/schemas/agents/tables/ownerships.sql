create table agents.ownerships (
  id uuid default gen_random_uuid() not null,
  ai_lenser_id uuid not null,
  owner_lenser_id uuid not null,
  role agents.ownership_role not null,
  permission_scope agents.ownership_permission[] default '{}'::agents.ownership_permission[] not null,
  granted_by uuid,
  granted_at timestamp with time zone default now() not null,
  revoked_at timestamp with time zone,
  constraint ownerships_pkey PRIMARY KEY (id),
  constraint ownerships_revoked_after_granted CHECK (((revoked_at IS NULL) OR (revoked_at >= granted_at))),
  constraint ownerships_ai_lenser_id_fkey FOREIGN KEY (ai_lenser_id) REFERENCES agents.ai_lensers(id) ON DELETE CASCADE,
  constraint ownerships_granted_by_fkey FOREIGN KEY (granted_by) REFERENCES lensers.profiles(id) ON DELETE SET NULL,
  constraint ownerships_owner_lenser_id_fkey FOREIGN KEY (owner_lenser_id) REFERENCES lensers.profiles(id) ON DELETE CASCADE
);

alter table agents.ownerships enable row level security;
comment on table agents.ownerships is 'Human owners of an agent. owner and co_owner may edit; operator may run.';

create index ownerships_granted_by_idx on agents.ownerships using btree (granted_by);

create unique index ownerships_one_live_grant on agents.ownerships using btree (ai_lenser_id, owner_lenser_id) where (revoked_at IS NULL);

create index ownerships_owner_lookup on agents.ownerships using btree (owner_lenser_id, ai_lenser_id) include (role) where (revoked_at IS NULL);

create policy ownerships_insert on agents.ownerships
  as permissive for insert to authenticated
  with check (( SELECT agents.can_manage_ai_lenser(ownerships.ai_lenser_id) AS can_manage_ai_lenser));

create policy ownerships_select on agents.ownerships
  as permissive for select to authenticated
  using (( SELECT agents.can_operate_ai_lenser(ownerships.ai_lenser_id) AS can_operate_ai_lenser));

create policy ownerships_update on agents.ownerships
  as permissive for update to authenticated
  using (( SELECT agents.can_manage_ai_lenser(ownerships.ai_lenser_id) AS can_manage_ai_lenser))
  with check (( SELECT agents.can_manage_ai_lenser(ownerships.ai_lenser_id) AS can_manage_ai_lenser));

create trigger ownerships_keep_an_owner after delete or update on agents.ownerships for each row execute procedure agents.tg_ownerships_keep_an_owner();

create trigger ownerships_owner_is_human before insert or update on agents.ownerships for each row execute procedure agents.tg_ownerships_owner_is_human();

grant select on table agents.ownerships to authenticated;
grant all on table agents.ownerships to service_role;
grant insert (ai_lenser_id) on table agents.ownerships to authenticated;
grant insert (owner_lenser_id) on table agents.ownerships to authenticated;
grant insert (role), update (role) on table agents.ownerships to authenticated;
grant insert (permission_scope), update (permission_scope) on table agents.ownerships to authenticated;
grant insert (granted_by) on table agents.ownerships to authenticated;
grant update (revoked_at) on table agents.ownerships to authenticated;

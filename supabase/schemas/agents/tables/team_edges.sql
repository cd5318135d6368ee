create table agents.team_edges (
  id uuid default gen_random_uuid() not null,
  team_id uuid not null,
  source_member_id uuid not null,
  target_member_id uuid not null,
  edge_type agents.team_edge_type not null,
  is_blocking boolean default false not null,
  created_at timestamp with time zone default now() not null,
  constraint team_edges_pkey PRIMARY KEY (id),
  constraint team_edges_unique UNIQUE (source_member_id, target_member_id, edge_type),
  constraint team_edges_no_self_loop CHECK ((source_member_id <> target_member_id)),
  constraint team_edges_source_fk FOREIGN KEY (team_id, source_member_id) REFERENCES agents.team_members(team_id, id) ON DELETE CASCADE,
  constraint team_edges_target_fk FOREIGN KEY (team_id, target_member_id) REFERENCES agents.team_members(team_id, id) ON DELETE CASCADE,
  constraint team_edges_team_id_fkey FOREIGN KEY (team_id) REFERENCES agents.teams(id) ON DELETE CASCADE
);

alter table agents.team_edges enable row level security;
comment on table agents.team_edges is 'Directed edge between two members of one team. is_blocking: the source waits on the target; never a blocking cycle.';

create index team_edges_source_idx on agents.team_edges using btree (team_id, source_member_id);

create index team_edges_target_idx on agents.team_edges using btree (team_id, target_member_id);

create policy team_edges_delete on agents.team_edges
  as permissive for delete to authenticated
  using ((team_id IN ( SELECT agents.editable_team_ids() AS editable_team_ids)));

create policy team_edges_insert on agents.team_edges
  as permissive for insert to authenticated
  with check ((team_id IN ( SELECT agents.editable_team_ids() AS editable_team_ids)));

create policy team_edges_select on agents.team_edges
  as permissive for select to authenticated
  using ((team_id IN ( SELECT agents.actable_team_ids() AS actable_team_ids)));

create trigger team_edges_guard before insert or delete or update on agents.team_edges for each row execute procedure agents.tg_team_parts_guard();

create trigger team_edges_no_blocking_cycle before insert or update on agents.team_edges for each row execute procedure agents.tg_team_edges_no_blocking_cycle();

grant select, delete on table agents.team_edges to authenticated;
grant all on table agents.team_edges to service_role;
grant insert (team_id) on table agents.team_edges to authenticated;
grant insert (source_member_id) on table agents.team_edges to authenticated;
grant insert (target_member_id) on table agents.team_edges to authenticated;
grant insert (edge_type) on table agents.team_edges to authenticated;
grant insert (is_blocking) on table agents.team_edges to authenticated;

create table lenses.workflow_run_provenance (
  id bigint generated always as identity,
  run_id uuid not null,
  edge_id uuid,
  source_node_id uuid not null,
  source_output_path text not null,
  target_node_id uuid not null,
  target_input_path text not null,
  created_at timestamp with time zone default now() not null,
  constraint workflow_run_provenance_pkey PRIMARY KEY (id),
  constraint workflow_run_provenance_run_id_fkey FOREIGN KEY (run_id) REFERENCES lenses.workflow_runs(id) ON DELETE CASCADE,
  constraint workflow_run_provenance_source_is_own_result FOREIGN KEY (run_id, source_node_id) REFERENCES lenses.workflow_node_results(run_id, node_id) ON DELETE CASCADE,
  constraint workflow_run_provenance_target_is_own_result FOREIGN KEY (run_id, target_node_id) REFERENCES lenses.workflow_node_results(run_id, node_id) ON DELETE CASCADE
);

alter table lenses.workflow_run_provenance enable row level security;
comment on table lenses.workflow_run_provenance is 'Field-level lineage: which source node output path fed which target node input path in a run.';
comment on column lenses.workflow_run_provenance.edge_id is 'The edge of the run''s published graph that carried the value (no foreign key: the graph is frozen and goes only with its runs).';

create index workflow_run_provenance_run_idx on lenses.workflow_run_provenance using btree (run_id, target_node_id);

create index workflow_run_provenance_source_idx on lenses.workflow_run_provenance using btree (run_id, source_node_id);

create policy workflow_run_provenance_select on lenses.workflow_run_provenance
  as permissive for select to authenticated
  using ((run_id IN ( SELECT r.id
   FROM lenses.workflow_runs r)));

create trigger workflow_run_provenance_append_only before delete or update on lenses.workflow_run_provenance for each row execute procedure lenses.tg_append_only();

create trigger workflow_run_provenance_no_truncate before truncate on lenses.workflow_run_provenance for each statement execute procedure lenses.tg_append_only();

grant select on table lenses.workflow_run_provenance to authenticated;
-- Append-only: service_role reads and appends; no update, delete or truncate (lenses.fn_purge_runs deletes as the owner).
grant select, insert on table lenses.workflow_run_provenance to service_role;

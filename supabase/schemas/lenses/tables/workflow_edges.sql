create table lenses.workflow_edges (
  id uuid default gen_random_uuid() not null,
  workflow_id uuid not null,
  source_node_id uuid not null,
  target_node_id uuid not null,
  merge_strategy lenses.merge_strategy default 'last_write_wins'::lenses.merge_strategy not null,
  condition jsonpath,
  source_output_path text,
  target_input_path text,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint workflow_edges_pkey PRIMARY KEY (id),
  constraint workflow_edges_unique UNIQUE NULLS NOT DISTINCT (source_node_id, target_node_id, target_input_path),
  constraint workflow_edges_merge_needs_target CHECK (((merge_strategy = 'last_write_wins'::lenses.merge_strategy) OR (target_input_path IS NOT NULL))),
  constraint workflow_edges_no_self_loop CHECK ((source_node_id <> target_node_id)),
  constraint workflow_edges_source_output_path CHECK ((source_output_path ~ '^[A-Za-z_][A-Za-z0-9_]{0,62}(\.[A-Za-z_][A-Za-z0-9_]{0,62}){0,15}$'::text)),
  constraint workflow_edges_target_input_path CHECK ((target_input_path ~ '^[A-Za-z_][A-Za-z0-9_]{0,62}$'::text)),
  constraint workflow_edges_source_node_id_fkey FOREIGN KEY (source_node_id) REFERENCES lenses.workflow_nodes(id) ON DELETE CASCADE,
  constraint workflow_edges_target_node_id_fkey FOREIGN KEY (target_node_id) REFERENCES lenses.workflow_nodes(id) ON DELETE CASCADE,
  constraint workflow_edges_workflow_id_fkey FOREIGN KEY (workflow_id) REFERENCES lenses.workflows(id) ON DELETE CASCADE
);

alter table lenses.workflow_edges enable row level security;
comment on table lenses.workflow_edges is 'Edges of a workflow: a jsonpath condition on the source output, a dotted source path, a target input field and a merge strategy.';
comment on column lenses.workflow_edges.condition is 'jsonpath evaluated with jsonb_path_match(output, condition, silent => true); active when true; null = always.';
comment on column lenses.workflow_edges.source_output_path is 'Dotted field path into the source output; null = the whole output.';
comment on column lenses.workflow_edges.target_input_path is 'Target input field written; null = the value (an object) is merged into the input.';

create index workflow_edges_target_idx on lenses.workflow_edges using btree (target_node_id);

create index workflow_edges_workflow_idx on lenses.workflow_edges using btree (workflow_id);

create policy workflow_edges_delete on lenses.workflow_edges
  as permissive for delete to authenticated
  using ((workflow_id IN ( SELECT w.id
   FROM lenses.workflows w
  WHERE (w.lenser_id IN ( SELECT lensers.editable_profile_ids() AS editable_profile_ids)))));

create policy workflow_edges_insert on lenses.workflow_edges
  as permissive for insert to authenticated
  with check ((workflow_id IN ( SELECT w.id
   FROM lenses.workflows w
  WHERE (w.lenser_id IN ( SELECT lensers.editable_profile_ids() AS editable_profile_ids)))));

create policy workflow_edges_select on lenses.workflow_edges
  as permissive for select to authenticated
  using ((workflow_id IN ( SELECT w.id
   FROM lenses.workflows w)));

create policy workflow_edges_select_anon on lenses.workflow_edges
  as permissive for select to anon
  using ((workflow_id IN ( SELECT w.id
   FROM lenses.workflows w)));

create policy workflow_edges_update on lenses.workflow_edges
  as permissive for update to authenticated
  using ((workflow_id IN ( SELECT w.id
   FROM lenses.workflows w
  WHERE (w.lenser_id IN ( SELECT lensers.editable_profile_ids() AS editable_profile_ids)))))
  with check ((workflow_id IN ( SELECT w.id
   FROM lenses.workflows w
  WHERE (w.lenser_id IN ( SELECT lensers.editable_profile_ids() AS editable_profile_ids)))));

create trigger workflow_edges_guard before insert or delete or update on lenses.workflow_edges for each row execute procedure lenses.tg_workflow_edges_guard();

create trigger workflow_edges_set_updated_at before update on lenses.workflow_edges for each row execute procedure lensers.tg_set_updated_at();

grant select on table lenses.workflow_edges to anon;
grant select, delete on table lenses.workflow_edges to authenticated;
grant all on table lenses.workflow_edges to service_role;
grant insert (workflow_id) on table lenses.workflow_edges to authenticated;
grant insert (source_node_id) on table lenses.workflow_edges to authenticated;
grant insert (target_node_id) on table lenses.workflow_edges to authenticated;
grant insert (merge_strategy), update (merge_strategy) on table lenses.workflow_edges to authenticated;
grant insert (condition), update (condition) on table lenses.workflow_edges to authenticated;
grant insert (source_output_path), update (source_output_path) on table lenses.workflow_edges to authenticated;
grant insert (target_input_path), update (target_input_path) on table lenses.workflow_edges to authenticated;

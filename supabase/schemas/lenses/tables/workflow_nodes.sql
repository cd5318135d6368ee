create table lenses.workflow_nodes (
  id uuid default gen_random_uuid() not null,
  workflow_id uuid not null,
  key text not null,
  title text,
  kind lenses.workflow_node_kind default 'lens'::lenses.workflow_node_kind not null,
  lens_version_id uuid,
  inline_override jsonb,
  config jsonb default '{}'::jsonb not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint workflow_nodes_pkey PRIMARY KEY (id),
  constraint workflow_nodes_key_per_workflow UNIQUE (workflow_id, key),
  constraint workflow_nodes_body_by_kind CHECK ((((kind = 'lens'::lenses.workflow_node_kind) AND ((lens_version_id IS NULL) <> (inline_override IS NULL))) OR ((kind = 'human_input'::lenses.workflow_node_kind) AND (lens_version_id IS NULL) AND (inline_override IS NULL)))),
  constraint workflow_nodes_config_shape CHECK ((cardinality(lenses.fn_node_config_errors(kind, config)) = 0)),
  constraint workflow_nodes_inline_override_shape CHECK (((inline_override IS NULL) OR (cardinality(lenses.fn_inline_override_errors(inline_override)) = 0))),
  constraint workflow_nodes_key_slug CHECK ((key ~ '^[a-z][a-z0-9_-]{0,62}$'::text)),
  constraint workflow_nodes_title_length CHECK (((char_length(btrim(title)) >= 1) AND (char_length(btrim(title)) <= 200))),
  constraint workflow_nodes_lens_version_id_fkey FOREIGN KEY (lens_version_id) REFERENCES lenses.versions(id),
  constraint workflow_nodes_workflow_id_fkey FOREIGN KEY (workflow_id) REFERENCES lenses.workflows(id) ON DELETE CASCADE
);

alter table lenses.workflow_nodes enable row level security;
comment on table lenses.workflow_nodes is 'Nodes of a workflow: a lens (a version, or an inline override) or a human input. Config per types/workflow-node-config.ts.';
comment on column lenses.workflow_nodes.key is 'Slug, unique in its workflow; names the node in errors, merges and provenance.';
comment on column lenses.workflow_nodes.config is 'model_id (ai.models), timeout_ms, retry {max_retries, backoff_ms, backoff_multiplier, max_backoff_ms}, params, position; prompt for human_input.';

create index workflow_nodes_lens_version_idx on lenses.workflow_nodes using btree (lens_version_id);

create policy workflow_nodes_delete on lenses.workflow_nodes
  as permissive for delete to authenticated
  using ((workflow_id IN ( SELECT w.id
   FROM lenses.workflows w
  WHERE (w.lenser_id IN ( SELECT lensers.editable_profile_ids() AS editable_profile_ids)))));

create policy workflow_nodes_insert on lenses.workflow_nodes
  as permissive for insert to authenticated
  with check ((workflow_id IN ( SELECT w.id
   FROM lenses.workflows w
  WHERE (w.lenser_id IN ( SELECT lensers.editable_profile_ids() AS editable_profile_ids)))));

create policy workflow_nodes_select on lenses.workflow_nodes
  as permissive for select to authenticated
  using ((workflow_id IN ( SELECT w.id
   FROM lenses.workflows w)));

create policy workflow_nodes_select_anon on lenses.workflow_nodes
  as permissive for select to anon
  using ((workflow_id IN ( SELECT w.id
   FROM lenses.workflows w)));

create policy workflow_nodes_update on lenses.workflow_nodes
  as permissive for update to authenticated
  using ((workflow_id IN ( SELECT w.id
   FROM lenses.workflows w
  WHERE (w.lenser_id IN ( SELECT lensers.editable_profile_ids() AS editable_profile_ids)))))
  with check ((workflow_id IN ( SELECT w.id
   FROM lenses.workflows w
  WHERE (w.lenser_id IN ( SELECT lensers.editable_profile_ids() AS editable_profile_ids)))));

create trigger workflow_nodes_guard before insert or delete or update on lenses.workflow_nodes for each row execute procedure lenses.tg_workflow_nodes_guard();

create trigger workflow_nodes_set_updated_at before update on lenses.workflow_nodes for each row execute procedure lensers.tg_set_updated_at();

grant select on table lenses.workflow_nodes to anon;
grant select, delete on table lenses.workflow_nodes to authenticated;
grant all on table lenses.workflow_nodes to service_role;
grant insert (workflow_id) on table lenses.workflow_nodes to authenticated;
grant insert (key), update (key) on table lenses.workflow_nodes to authenticated;
grant insert (title), update (title) on table lenses.workflow_nodes to authenticated;
grant insert (kind) on table lenses.workflow_nodes to authenticated;
grant insert (lens_version_id), update (lens_version_id) on table lenses.workflow_nodes to authenticated;
grant insert (inline_override), update (inline_override) on table lenses.workflow_nodes to authenticated;
grant insert (config), update (config) on table lenses.workflow_nodes to authenticated;

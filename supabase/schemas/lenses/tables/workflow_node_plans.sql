create table lenses.workflow_node_plans (
  node_id uuid not null,
  workflow_id uuid not null,
  node_key text not null,
  kind lenses.workflow_node_kind not null,
  template_body text,
  parameter_defs jsonb default '[]'::jsonb not null,
  param_labels text[] default '{}'::text[] not null,
  params jsonb default '{}'::jsonb not null,
  input_contract jsonb,
  output_contract jsonb,
  model_id uuid,
  human_prompt text,
  successor_ids uuid[] default '{}'::uuid[] not null,
  predecessor_count integer default 0 not null,
  created_at timestamp with time zone default now() not null,
  constraint workflow_node_plans_pkey PRIMARY KEY (node_id),
  constraint workflow_node_plans_labels_match CHECK ((cardinality(param_labels) = jsonb_array_length(parameter_defs))),
  constraint workflow_node_plans_lens_has_template CHECK (((kind <> 'lens'::lenses.workflow_node_kind) OR (template_body IS NOT NULL))),
  constraint workflow_node_plans_params_object CHECK ((jsonb_typeof(params) = 'object'::text)),
  constraint workflow_node_plans_predecessors CHECK ((predecessor_count >= 0)),
  constraint workflow_node_plans_node_id_fkey FOREIGN KEY (node_id) REFERENCES lenses.workflow_nodes(id) ON DELETE CASCADE,
  constraint workflow_node_plans_workflow_id_fkey FOREIGN KEY (workflow_id) REFERENCES lenses.workflows(id) ON DELETE CASCADE
);

alter table lenses.workflow_node_plans enable row level security;
comment on table lenses.workflow_node_plans is 'Each node of a published workflow as the engine runs it, resolved once at publishing (the graph and its versions are frozen).';
comment on column lenses.workflow_node_plans.human_prompt is 'What a human_input node asks (its config.prompt).';
comment on column lenses.workflow_node_plans.successor_ids is 'Targets of the node''s outgoing edges (each once).';
comment on column lenses.workflow_node_plans.predecessor_count is 'Distinct sources of the node''s incoming edges.';

create index workflow_node_plans_workflow_idx on lenses.workflow_node_plans using btree (workflow_id);

create policy workflow_node_plans_select on lenses.workflow_node_plans
  as permissive for select to authenticated
  using ((workflow_id IN ( SELECT w.id
   FROM lenses.workflows w
  WHERE (w.lenser_id IN ( SELECT lensers.actable_profile_ids() AS actable_profile_ids)))));

grant select on table lenses.workflow_node_plans to authenticated;
grant all on table lenses.workflow_node_plans to service_role;

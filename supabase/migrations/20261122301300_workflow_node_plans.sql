-- A published workflow's nodes, resolved once for the engine.
--
-- Publishing freezes a workflow's graph, and the lens versions it names are immutable once
-- published, so what the engine needs of each node (template, parameter definitions, contracts,
-- model override, successors, number of predecessors) is fixed at that moment. The engine used to
-- resolve it through lenses.workflow_nodes_v (a join and a parameter aggregate) at every claim and
-- every completion; it now reads one row by primary key. The rows are written by a trigger when a
-- workflow goes from draft to published (and by this migration for workflows published before it),
-- and go with their nodes.

create table lenses.workflow_node_plans (
  node_id uuid primary key references lenses.workflow_nodes (id) on delete cascade,
  workflow_id uuid not null references lenses.workflows (id) on delete cascade,
  node_key text not null,
  kind lenses.workflow_node_kind not null,
  template_body text,
  parameter_defs jsonb not null default '[]',
  param_labels text[] not null default '{}',
  params jsonb not null default '{}',
  input_contract jsonb,
  output_contract jsonb,
  model_id uuid,
  human_prompt text,
  successor_ids uuid[] not null default '{}',
  predecessor_count integer not null default 0,
  created_at timestamptz not null default now(),
  constraint workflow_node_plans_lens_has_template check (kind <> 'lens' or template_body is not null),
  constraint workflow_node_plans_labels_match check (
    cardinality(param_labels) = jsonb_array_length(parameter_defs)),
  constraint workflow_node_plans_params_object check (jsonb_typeof(params) = 'object'),
  constraint workflow_node_plans_predecessors check (predecessor_count >= 0)
);
comment on table lenses.workflow_node_plans is
  'Each node of a published workflow as the engine runs it, resolved once at publishing (the graph and its versions are frozen).';
comment on column lenses.workflow_node_plans.human_prompt is 'What a human_input node asks (its config.prompt).';
comment on column lenses.workflow_node_plans.successor_ids is 'Targets of the node''s outgoing edges (each once).';
comment on column lenses.workflow_node_plans.predecessor_count is 'Distinct sources of the node''s incoming edges.';

create index workflow_node_plans_workflow_idx on lenses.workflow_node_plans (workflow_id);

alter table lenses.workflow_node_plans enable row level security;
-- The workflow's owners (and the owners and operators of its AI) read the plan; other readers of a
-- public workflow do not, as it may hold the text of a version they cannot read.
create policy workflow_node_plans_select on lenses.workflow_node_plans
  for select to authenticated
  using (workflow_id in (select w.id from lenses.workflows w where w.lenser_id in (select lensers.actable_profile_ids())));
grant select on lenses.workflow_node_plans to authenticated;
grant all on lenses.workflow_node_plans to service_role;

-- Compiles only a frozen (published or archived) workflow: a draft's plan would go stale.
create function lenses.fn_compile_workflow_plan(p_workflow_id uuid) returns void
language plpgsql
set search_path = ''
as $$
begin
  if not exists (select 1 from lenses.workflows w where w.id = p_workflow_id and w.status in ('published', 'archived')) then
    raise exception 'fn_compile_workflow_plan: workflow % is not published', p_workflow_id using errcode = '22023';
  end if;
  insert into lenses.workflow_node_plans (node_id, workflow_id, node_key, kind, template_body, parameter_defs, param_labels,
    params, input_contract, output_contract, model_id, human_prompt, successor_ids, predecessor_count)
  select n.id, n.workflow_id, n.key, n.kind, n.template_body, coalesce(n.parameter_defs, '[]'),
         coalesce((select array_agg(d ->> 'label' order by ord)
                   from jsonb_array_elements(coalesce(n.parameter_defs, '[]')) with ordinality d(d, ord)), '{}'),
         n.params, n.input_contract, n.output_contract, n.model_id, n.prompt,
         coalesce((select array_agg(distinct e.target_node_id) from lenses.workflow_edges e where e.source_node_id = n.id), '{}'),
         (select count(distinct e.source_node_id)::integer from lenses.workflow_edges e where e.target_node_id = n.id)
  from lenses.workflow_nodes_v n
  where n.workflow_id = p_workflow_id
  on conflict (node_id) do nothing;
end
$$;
comment on function lenses.fn_compile_workflow_plan(uuid) is
  'Writes the engine''s plan of each node of a published workflow (a no-op for nodes that have one).';

create function lenses.tg_workflows_compile_plan() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform lenses.fn_compile_workflow_plan(new.id);
  return null;
end
$$;

create trigger workflows_compile_plan after update of status on lenses.workflows
  for each row when (old.status = 'draft' and new.status = 'published')
  execute function lenses.tg_workflows_compile_plan();
comment on function lenses.tg_workflows_compile_plan() is
  'Compiles the plan of a workflow being published. [security definer: the publisher cannot write plans, and the plan must hold the versions whatever the publisher''s row visibility]';

revoke execute on function lenses.fn_compile_workflow_plan(uuid), lenses.tg_workflows_compile_plan() from public;
grant execute on function lenses.fn_compile_workflow_plan(uuid) to service_role;

select lenses.fn_compile_workflow_plan(w.id) from lenses.workflows w where w.status in ('published', 'archived');

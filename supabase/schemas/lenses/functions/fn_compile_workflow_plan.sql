-- Compiles only a frozen (published or archived) workflow: a draft's plan would go stale.
create or replace function lenses.fn_compile_workflow_plan(p_workflow_id uuid)
 returns void
 language plpgsql
 set search_path to ''
as $function$
begin
  if not exists (select 1 from lenses.workflows w where w.id = p_workflow_id and w.status in ('published', 'archived')) then
    raise exception 'fn_compile_workflow_plan: workflow % is not published', p_workflow_id using errcode = 'PT409';
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
$function$;

comment on function lenses.fn_compile_workflow_plan(p_workflow_id uuid) is 'Writes the engine''s plan of each node of a published workflow (a no-op for nodes that have one).';

revoke all on function lenses.fn_compile_workflow_plan(p_workflow_id uuid) from public;
grant execute on function lenses.fn_compile_workflow_plan(p_workflow_id uuid) to service_role;

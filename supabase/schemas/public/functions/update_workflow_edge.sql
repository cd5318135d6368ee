create or replace function public.update_workflow_edge(p_edge_id uuid, p_merge_strategy lenses.merge_strategy default NULL::lenses.merge_strategy, p_condition text default NULL::text, p_source_output_path text default NULL::text, p_target_input_path text default NULL::text)
 returns lenses.workflow_edges
 language plpgsql
 set search_path to ''
as $function$
declare
  v_edge lenses.workflow_edges;
  v_merge lenses.merge_strategy;
  v_condition_text text;
  v_source_path text;
  v_target_path text;
  v_condition jsonpath;
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_text('update_workflow_edge', 'p_condition', p_condition, 4000);
  perform lensers.fn_limit_text('update_workflow_edge', 'p_source_output_path', p_source_output_path, 1000);
  perform lensers.fn_limit_text('update_workflow_edge', 'p_target_input_path', p_target_input_path, 1000);
  if p_edge_id is null then
    raise exception 'update_workflow_edge: p_edge_id is required' using errcode = '22023';
  end if;
  select e.* into v_edge from lenses.workflow_edges e where e.id = p_edge_id;
  if not found then
    raise exception 'update_workflow_edge: no edge % that you can see', p_edge_id using errcode = 'PT404';
  end if;
  perform lenses.fn_draft_workflow('update_workflow_edge', v_edge.workflow_id, format('p_edge_id %s', p_edge_id));
  v_merge := coalesce(p_merge_strategy, v_edge.merge_strategy);
  v_condition_text := case when p_condition is null then v_edge.condition::text else nullif(p_condition, '') end;
  v_source_path := case when p_source_output_path is null then v_edge.source_output_path else nullif(p_source_output_path, '') end;
  v_target_path := case when p_target_input_path is null then v_edge.target_input_path else nullif(p_target_input_path, '') end;
  v_condition := lenses.fn_check_edge_args('update_workflow_edge', v_merge, v_condition_text, v_source_path, v_target_path);
  if exists (
    select 1 from lenses.workflow_edges e
    where e.source_node_id = v_edge.source_node_id and e.target_node_id = v_edge.target_node_id
      and e.target_input_path is not distinct from v_target_path and e.id <> p_edge_id
  ) then
    raise exception 'update_workflow_edge: another edge between the same nodes writes into % already',
      coalesce('"' || v_target_path || '"', 'the whole input') using errcode = '23505';
  end if;
  update lenses.workflow_edges e set
    merge_strategy = v_merge, condition = v_condition, source_output_path = v_source_path, target_input_path = v_target_path
  where e.id = p_edge_id
  returning * into v_edge;
  return v_edge;
end
$function$;

comment on function public.update_workflow_edge(p_edge_id uuid, p_merge_strategy lenses.merge_strategy, p_condition text, p_source_output_path text, p_target_input_path text) is 'Changes an edge of a draft workflow; null keeps a value, an empty string clears the condition or a path.';

revoke all on function public.update_workflow_edge(p_edge_id uuid, p_merge_strategy lenses.merge_strategy, p_condition text, p_source_output_path text, p_target_input_path text) from public;
grant execute on function public.update_workflow_edge(p_edge_id uuid, p_merge_strategy lenses.merge_strategy, p_condition text, p_source_output_path text, p_target_input_path text) to authenticated;

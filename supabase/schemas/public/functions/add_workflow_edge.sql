create or replace function public.add_workflow_edge(p_source_node_id uuid, p_target_node_id uuid, p_merge_strategy lenses.merge_strategy default 'last_write_wins'::lenses.merge_strategy, p_condition text default NULL::text, p_source_output_path text default NULL::text, p_target_input_path text default NULL::text)
 returns lenses.workflow_edges
 language plpgsql
 set search_path to ''
as $function$
declare
  v_source lenses.workflow_nodes;
  v_target lenses.workflow_nodes;
  v_condition jsonpath;
  v_edge lenses.workflow_edges;
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_text('add_workflow_edge', 'p_condition', p_condition, 4000);
  perform lensers.fn_limit_text('add_workflow_edge', 'p_source_output_path', p_source_output_path, 1000);
  perform lensers.fn_limit_text('add_workflow_edge', 'p_target_input_path', p_target_input_path, 1000);
  if p_source_node_id is null or p_target_node_id is null then
    raise exception 'add_workflow_edge: p_source_node_id and p_target_node_id are required' using errcode = '22023';
  end if;
  select n.* into v_source from lenses.workflow_nodes n where n.id = p_source_node_id;
  if not found then
    raise exception 'add_workflow_edge: no node % (p_source_node_id) that you can see', p_source_node_id using errcode = 'PT404';
  end if;
  perform lenses.fn_draft_workflow('add_workflow_edge', v_source.workflow_id, format('p_source_node_id %s', p_source_node_id));
  select n.* into v_target from lenses.workflow_nodes n where n.id = p_target_node_id;
  if not found then
    raise exception 'add_workflow_edge: no node % (p_target_node_id) that you can see', p_target_node_id using errcode = 'PT404';
  end if;
  if v_target.workflow_id <> v_source.workflow_id then
    raise exception 'add_workflow_edge: p_target_node_id % is in another workflow than p_source_node_id', p_target_node_id
      using errcode = '22023';
  end if;
  if p_source_node_id = p_target_node_id then
    raise exception 'add_workflow_edge: an edge cannot go from node "%" to itself', v_source.key using errcode = '22023';
  end if;
  v_condition := lenses.fn_check_edge_args('add_workflow_edge', p_merge_strategy, p_condition, p_source_output_path, p_target_input_path);
  if exists (
    select 1 from lenses.workflow_edges e
    where e.source_node_id = p_source_node_id and e.target_node_id = p_target_node_id
      and e.target_input_path is not distinct from p_target_input_path
  ) then
    raise exception 'add_workflow_edge: an edge from "%" to "%" into % exists already', v_source.key, v_target.key,
      coalesce('"' || p_target_input_path || '"', 'the whole input') using errcode = '23505';
  end if;
  insert into lenses.workflow_edges (workflow_id, source_node_id, target_node_id, merge_strategy, condition, source_output_path, target_input_path)
  values (v_source.workflow_id, p_source_node_id, p_target_node_id, p_merge_strategy, v_condition, p_source_output_path, p_target_input_path)
  returning * into v_edge;
  return v_edge;
end
$function$;

comment on function public.add_workflow_edge(p_source_node_id uuid, p_target_node_id uuid, p_merge_strategy lenses.merge_strategy, p_condition text, p_source_output_path text, p_target_input_path text) is 'Adds an edge between two nodes of a draft workflow, with an optional jsonpath condition, source path, target field and merge strategy.';

revoke all on function public.add_workflow_edge(p_source_node_id uuid, p_target_node_id uuid, p_merge_strategy lenses.merge_strategy, p_condition text, p_source_output_path text, p_target_input_path text) from public;
grant execute on function public.add_workflow_edge(p_source_node_id uuid, p_target_node_id uuid, p_merge_strategy lenses.merge_strategy, p_condition text, p_source_output_path text, p_target_input_path text) to authenticated;

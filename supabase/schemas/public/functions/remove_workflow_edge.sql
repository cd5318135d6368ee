create or replace function public.remove_workflow_edge(p_edge_id uuid)
 returns lenses.workflow_edges
 language plpgsql
 set search_path to ''
as $function$
declare
  v_edge lenses.workflow_edges;
begin
  if p_edge_id is null then
    raise exception 'remove_workflow_edge: p_edge_id is required' using errcode = '22023';
  end if;
  select e.* into v_edge from lenses.workflow_edges e where e.id = p_edge_id;
  if not found then
    raise exception 'remove_workflow_edge: no edge % that you can see', p_edge_id using errcode = 'PT404';
  end if;
  perform lenses.fn_draft_workflow('remove_workflow_edge', v_edge.workflow_id, format('p_edge_id %s', p_edge_id));
  delete from lenses.workflow_edges e where e.id = p_edge_id;
  return v_edge;
end
$function$;

comment on function public.remove_workflow_edge(p_edge_id uuid) is 'Removes an edge from a draft workflow; returns the removed edge.';

revoke all on function public.remove_workflow_edge(p_edge_id uuid) from public;
grant execute on function public.remove_workflow_edge(p_edge_id uuid) to authenticated;

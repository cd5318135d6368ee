create or replace function public.remove_workflow_node(p_node_id uuid)
 returns lenses.workflow_nodes
 language plpgsql
 set search_path to ''
as $function$
declare
  v_node lenses.workflow_nodes;
begin
  if p_node_id is null then
    raise exception 'remove_workflow_node: p_node_id is required' using errcode = '22023';
  end if;
  select n.* into v_node from lenses.workflow_nodes n where n.id = p_node_id;
  if not found then
    raise exception 'remove_workflow_node: no node % that you can see', p_node_id using errcode = 'PT404';
  end if;
  perform lenses.fn_draft_workflow('remove_workflow_node', v_node.workflow_id, format('p_node_id %s', p_node_id));
  delete from lenses.workflow_nodes n where n.id = p_node_id;
  return v_node;
end
$function$;

comment on function public.remove_workflow_node(p_node_id uuid) is 'Removes a node, and its edges, from a draft workflow; returns the removed node.';

revoke all on function public.remove_workflow_node(p_node_id uuid) from public;
grant execute on function public.remove_workflow_node(p_node_id uuid) to authenticated;

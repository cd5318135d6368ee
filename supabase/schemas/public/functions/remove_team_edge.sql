create or replace function public.remove_team_edge(p_edge_id uuid)
 returns agents.team_edges
 language plpgsql
 set search_path to ''
as $function$
declare
  v_edge agents.team_edges;
begin
  perform agents.fn_rpc_not_null('remove_team_edge', 'p_edge_id', p_edge_id);
  select e.* into v_edge from agents.team_edges e where e.id = p_edge_id;
  if not found then
    raise exception 'remove_team_edge: no team edge % that you can see', p_edge_id using errcode = 'PT404';
  end if;
  perform agents.fn_rpc_editable_team('remove_team_edge', v_edge.team_id);
  delete from agents.team_edges e where e.id = p_edge_id;
  return v_edge;
end
$function$;

comment on function public.remove_team_edge(p_edge_id uuid) is 'Removes an edge; returns the removed row.';

revoke all on function public.remove_team_edge(p_edge_id uuid) from public;
grant execute on function public.remove_team_edge(p_edge_id uuid) to authenticated;

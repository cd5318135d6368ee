create or replace function public.add_team_edge(p_source_member_id uuid, p_target_member_id uuid, p_edge_type agents.team_edge_type, p_is_blocking boolean default false)
 returns agents.team_edges
 language plpgsql
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'add_team_edge';
  v_source agents.team_members;
  v_edge agents.team_edges;
begin
  if p_source_member_id is null or p_target_member_id is null then
    raise exception '%: p_source_member_id and p_target_member_id are required', c_rpc using errcode = '22023';
  end if;
  if p_source_member_id = p_target_member_id then
    raise exception '%: an edge cannot join member % to itself', c_rpc, p_source_member_id using errcode = '22023';
  end if;
  perform agents.fn_rpc_not_null(c_rpc, 'p_edge_type', p_edge_type);
  perform agents.fn_rpc_not_null(c_rpc, 'p_is_blocking', p_is_blocking);
  v_source := agents.fn_rpc_editable_member(c_rpc, p_source_member_id);
  if not exists (select 1 from agents.team_members m where m.id = p_target_member_id and m.team_id = v_source.team_id) then
    raise exception '%: p_target_member_id % is not a member of the source''s team %', c_rpc, p_target_member_id, v_source.team_id
      using errcode = '22023';
  end if;
  if exists (select 1 from agents.team_edges e where e.source_member_id = p_source_member_id
             and e.target_member_id = p_target_member_id and e.edge_type = p_edge_type) then
    raise exception '%: a % edge from % to % already exists', c_rpc, p_edge_type, p_source_member_id, p_target_member_id
      using errcode = '23505';
  end if;
  begin
    insert into agents.team_edges (team_id, source_member_id, target_member_id, edge_type, is_blocking)
    values (v_source.team_id, p_source_member_id, p_target_member_id, p_edge_type, p_is_blocking)
    returning * into v_edge;
  exception when check_violation then
    raise exception '%: %', c_rpc, sqlerrm using errcode = '23514';
  end;
  return v_edge;
end
$function$;

comment on function public.add_team_edge(p_source_member_id uuid, p_target_member_id uuid, p_edge_type agents.team_edge_type, p_is_blocking boolean) is 'Adds a directed edge between two members of one team; a blocking edge that would close a blocking cycle is refused.';

revoke all on function public.add_team_edge(p_source_member_id uuid, p_target_member_id uuid, p_edge_type agents.team_edge_type, p_is_blocking boolean) from public;
grant execute on function public.add_team_edge(p_source_member_id uuid, p_target_member_id uuid, p_edge_type agents.team_edge_type, p_is_blocking boolean) to authenticated;

create or replace function public.list_team_edges(p_team_id uuid)
 returns setof agents.team_edges
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  perform agents.fn_rpc_not_null('list_team_edges', 'p_team_id', p_team_id);
  if not exists (select 1 from agents.teams t where t.id = p_team_id) then
    raise exception 'list_team_edges: no team % that you can see', p_team_id using errcode = 'PT404';
  end if;
  return query select e.* from agents.team_edges e where e.team_id = p_team_id order by e.created_at, e.id;
end
$function$;

comment on function public.list_team_edges(p_team_id uuid) is 'A team''s edges in the order they were added.';

revoke all on function public.list_team_edges(p_team_id uuid) from public;
grant execute on function public.list_team_edges(p_team_id uuid) to authenticated;

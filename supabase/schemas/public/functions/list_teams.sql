create or replace function public.list_teams(p_owner_lenser_id uuid default NULL::uuid, p_include_archived boolean default false, p_limit integer default 50, p_offset integer default 0)
 returns TABLE(team_id uuid, owner_lenser_id uuid, owner_handle text, name text, description text, status agents.team_status, scratchpad jsonb, member_count integer, edge_count integer, archived_at timestamp with time zone, created_at timestamp with time zone, updated_at timestamp with time zone)
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  perform lensers.fn_rpc_page('list_teams', p_limit, p_offset);
  perform agents.fn_rpc_not_null('list_teams', 'p_include_archived', p_include_archived);
  return query
    select t.id, t.owner_lenser_id, p.handle, t.name, t.description, t.status, t.scratchpad,
      (select count(*)::integer from agents.team_members m where m.team_id = t.id),
      (select count(*)::integer from agents.team_edges e where e.team_id = t.id),
      t.archived_at, t.created_at, t.updated_at
    from agents.teams t
    left join lensers.profiles p on p.id = t.owner_lenser_id
    where (p_owner_lenser_id is null or t.owner_lenser_id = p_owner_lenser_id)
      and (p_include_archived or t.status <> 'archived')
    order by lower(t.name), t.id
    limit p_limit offset p_offset;
end
$function$;

comment on function public.list_teams(p_owner_lenser_id uuid, p_include_archived boolean, p_limit integer, p_offset integer) is 'Teams the caller may see (optionally of one owner), with member and edge counts, by name.';

revoke all on function public.list_teams(p_owner_lenser_id uuid, p_include_archived boolean, p_limit integer, p_offset integer) from public;
grant execute on function public.list_teams(p_owner_lenser_id uuid, p_include_archived boolean, p_limit integer, p_offset integer) to authenticated;

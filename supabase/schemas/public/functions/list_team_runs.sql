create or replace function public.list_team_runs(p_assignment_id uuid default NULL::uuid, p_status agents.team_run_status default NULL::agents.team_run_status, p_limit integer default 50, p_offset integer default 0)
 returns setof agents.team_runs
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  perform lensers.fn_rpc_page('list_team_runs', p_limit, p_offset);
  return query
    select t.* from agents.team_runs t
    where (p_assignment_id is null or t.assignment_id = p_assignment_id)
      and (p_status is null or t.status = p_status)
    order by t.created_at desc, t.id
    limit p_limit offset p_offset;
end
$function$;

comment on function public.list_team_runs(p_assignment_id uuid, p_status agents.team_run_status, p_limit integer, p_offset integer) is 'Team runs the caller may see, newest first, optionally of one assignment and in one status.';

revoke all on function public.list_team_runs(p_assignment_id uuid, p_status agents.team_run_status, p_limit integer, p_offset integer) from public;
grant execute on function public.list_team_runs(p_assignment_id uuid, p_status agents.team_run_status, p_limit integer, p_offset integer) to authenticated, service_role;

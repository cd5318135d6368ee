create or replace function public.list_team_run_steps(p_team_run_id uuid)
 returns setof agents.agent_run_steps
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  if p_team_run_id is null then
    raise exception 'list_team_run_steps: p_team_run_id is required' using errcode = '22023';
  end if;
  if not exists (select 1 from agents.team_runs t where t.id = p_team_run_id) then
    raise exception 'list_team_run_steps: no team run % that you can see', p_team_run_id using errcode = 'PT404';
  end if;
  return query
    select s.* from agents.agent_run_steps s where s.team_run_id = p_team_run_id
    order by s.lane, s.created_at, s.node_key, s.kind;
end
$function$;

comment on function public.list_team_run_steps(p_team_run_id uuid) is 'A team run''s steps by lane, with member, status, current task, output and blocker summaries.';

revoke all on function public.list_team_run_steps(p_team_run_id uuid) from public;
grant execute on function public.list_team_run_steps(p_team_run_id uuid) to authenticated, service_role;

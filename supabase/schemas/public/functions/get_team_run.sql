create or replace function public.get_team_run(p_team_run_id uuid)
 returns agents.team_runs
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_run agents.team_runs;
begin
  if p_team_run_id is null then
    raise exception 'get_team_run: p_team_run_id is required' using errcode = '22023';
  end if;
  select t.* into v_run from agents.team_runs t where t.id = p_team_run_id;
  if not found then
    raise exception 'get_team_run: no team run % that you can see', p_team_run_id using errcode = 'PT404';
  end if;
  return v_run;
end
$function$;

comment on function public.get_team_run(p_team_run_id uuid) is 'One team run the caller may see (its steps: list_team_run_steps; its events: list_team_run_events).';

revoke all on function public.get_team_run(p_team_run_id uuid) from public;
grant execute on function public.get_team_run(p_team_run_id uuid) to authenticated, service_role;

create or replace function public.list_team_run_events(p_team_run_id uuid, p_after_event_id bigint default 0, p_limit integer default 500)
 returns setof agents.agent_run_events
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  if p_team_run_id is null then
    raise exception 'list_team_run_events: p_team_run_id is required' using errcode = '22023';
  end if;
  if p_after_event_id is null or p_after_event_id < 0 then
    raise exception 'list_team_run_events: p_after_event_id must be 0 or more' using errcode = '22023';
  end if;
  if p_limit is null or p_limit not between 1 and 1000 then
    raise exception 'list_team_run_events: p_limit must be between 1 and 1000, got %', coalesce(p_limit::text, 'null')
      using errcode = '22023';
  end if;
  if not exists (select 1 from agents.team_runs t where t.id = p_team_run_id) then
    raise exception 'list_team_run_events: no team run % that you can see', p_team_run_id using errcode = 'PT404';
  end if;
  return query
    select e.* from agents.agent_run_events e
    where e.team_run_id = p_team_run_id and e.event_id > p_after_event_id
    order by e.event_id
    limit p_limit;
end
$function$;

comment on function public.list_team_run_events(p_team_run_id uuid, p_after_event_id bigint, p_limit integer) is 'A team run''s events after a given event_id, in order (the envelope of workflow run events).';

revoke all on function public.list_team_run_events(p_team_run_id uuid, p_after_event_id bigint, p_limit integer) from public;
grant execute on function public.list_team_run_events(p_team_run_id uuid, p_after_event_id bigint, p_limit integer) to authenticated, service_role;

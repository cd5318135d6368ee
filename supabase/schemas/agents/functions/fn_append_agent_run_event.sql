-- Appends one event to a team run's log with the next gap-free event_id (the highest plus one,
-- read under the team run's advisory lock in the inserting transaction), as
-- lenses.fn_append_workflow_run_event does for workflow runs. Tells listeners on channel
-- agent_run_events (payload: the team run id) while the team run is watched.
create or replace function agents.fn_append_agent_run_event(p_team_run_id uuid, p_event_type lenses.run_event_type, p_payload jsonb default '{}'::jsonb, p_step_id uuid default NULL::uuid, p_actor_id uuid default NULL::uuid)
 returns bigint
 language plpgsql
 set search_path to ''
as $function$
declare
  v_event_id bigint;
begin
  perform pg_advisory_xact_lock(hashtextextended(p_team_run_id::text, 1409));
  insert into agents.agent_run_events (team_run_id, event_id, event_type, actor_id, step_id, payload)
  select p_team_run_id, coalesce(max(e.event_id), 0) + 1, p_event_type, p_actor_id, p_step_id, coalesce(p_payload, '{}')
  from agents.agent_run_events e where e.team_run_id = p_team_run_id
  returning event_id into v_event_id;
  -- As for workflow runs: a notifying commit takes a database-wide lock until its WAL is flushed,
  -- so only team runs that a client streams notify (payload: the team run id).
  if exists (select 1 from agents.team_runs t where t.id = p_team_run_id and t.watched_until > now()) then
    perform pg_notify('agent_run_events', p_team_run_id::text);
  end if;
  return v_event_id;
end
$function$;

comment on function agents.fn_append_agent_run_event(p_team_run_id uuid, p_event_type lenses.run_event_type, p_payload jsonb, p_step_id uuid, p_actor_id uuid) is 'Appends one event to a team run''s log with the next gap-free event_id.';

revoke all on function agents.fn_append_agent_run_event(p_team_run_id uuid, p_event_type lenses.run_event_type, p_payload jsonb, p_step_id uuid, p_actor_id uuid) from public;
grant execute on function agents.fn_append_agent_run_event(p_team_run_id uuid, p_event_type lenses.run_event_type, p_payload jsonb, p_step_id uuid, p_actor_id uuid) to service_role;

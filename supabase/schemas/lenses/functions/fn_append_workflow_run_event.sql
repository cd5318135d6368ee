-- Allocates the next event_id of the run: 1, 2, 3... with no gap, because it is the highest
-- event_id plus one, read under the run's lock (taken here too; advisory locks nest) in the same
-- transaction as the insert. Tells listeners on channel workflow_run_events (payload: the run id;
-- Postgres folds identical notifications of one transaction into one) when the run is watched.
create or replace function lenses.fn_append_workflow_run_event(p_run_id uuid, p_event_type lenses.run_event_type, p_payload jsonb default '{}'::jsonb, p_node_id uuid default NULL::uuid, p_actor_id uuid default NULL::uuid)
 returns bigint
 language plpgsql
 set search_path to ''
as $function$
declare
  v_event_id bigint;
begin
  perform pg_advisory_xact_lock(hashtextextended(p_run_id::text, 1307));
  insert into lenses.workflow_run_events (run_id, event_id, event_type, actor_id, node_id, payload)
  select p_run_id, coalesce(max(e.event_id), 0) + 1, p_event_type, p_actor_id, p_node_id, coalesce(p_payload, '{}')
  from lenses.workflow_run_events e where e.run_id = p_run_id
  returning event_id into v_event_id;
  -- A notifying commit takes a database-wide lock until its WAL is flushed, so only runs that a
  -- client is streaming notify (the run-events function keeps watched_until ahead of now).
  if exists (select 1 from lenses.workflow_runs r where r.id = p_run_id and r.watched_until > now()) then
    perform pg_notify('workflow_run_events', p_run_id::text);
  end if;
  return v_event_id;
end
$function$;

comment on function lenses.fn_append_workflow_run_event(p_run_id uuid, p_event_type lenses.run_event_type, p_payload jsonb, p_node_id uuid, p_actor_id uuid) is 'Appends one event to a run''s log with the next gap-free event_id, and notifies workflow_run_events.';

revoke all on function lenses.fn_append_workflow_run_event(p_run_id uuid, p_event_type lenses.run_event_type, p_payload jsonb, p_node_id uuid, p_actor_id uuid) from public;
grant execute on function lenses.fn_append_workflow_run_event(p_run_id uuid, p_event_type lenses.run_event_type, p_payload jsonb, p_node_id uuid, p_actor_id uuid) to service_role;

-- Appending to a run's event log, and the per-run lock every engine transition takes first.
--
-- Lock order, so transitions never deadlock: a transition locks the run (advisory, per run id)
-- before any of its rows. Claims never wait: they take a run's lock with a try, and skip the run
-- when another transition holds it.

create function lenses.fn_lock_run(p_run_id uuid) returns void
language sql
set search_path = ''
as $$
  select pg_advisory_xact_lock(hashtextextended(p_run_id::text, 1307))
$$;

create function lenses.fn_try_lock_run(p_run_id uuid) returns boolean
language sql
set search_path = ''
as $$
  select pg_try_advisory_xact_lock(hashtextextended(p_run_id::text, 1307))
$$;

-- Allocates the next event_id of the run (1, 2, 3... with no gap: the counter moves in the same
-- transaction as the insert, under the run's row lock) and tells listeners.
create function lenses.fn_append_workflow_run_event(
  p_run_id uuid,
  p_event_type lenses.run_event_type,
  p_payload jsonb default '{}',
  p_node_id uuid default null,
  p_actor_id uuid default null
) returns bigint
language plpgsql
set search_path = ''
as $$
declare
  v_event_id bigint;
begin
  update lenses.workflow_runs r set last_event_id = r.last_event_id + 1
  where r.id = p_run_id
  returning r.last_event_id into v_event_id;
  if v_event_id is null then
    raise exception 'fn_append_workflow_run_event: no run %', p_run_id using errcode = 'P0002';
  end if;
  insert into lenses.workflow_run_events (run_id, event_id, event_type, actor_id, node_id, payload)
  values (p_run_id, v_event_id, p_event_type, p_actor_id, p_node_id, coalesce(p_payload, '{}'));
  perform pg_notify('workflow_run_events', json_build_object('run_id', p_run_id, 'event_id', v_event_id)::text);
  return v_event_id;
end
$$;
comment on function lenses.fn_append_workflow_run_event(uuid, lenses.run_event_type, jsonb, uuid, uuid) is
  'Appends one event to a run''s log with the next gap-free event_id, and notifies workflow_run_events.';

revoke execute on function lenses.fn_lock_run(uuid), lenses.fn_try_lock_run(uuid),
  lenses.fn_append_workflow_run_event(uuid, lenses.run_event_type, jsonb, uuid, uuid) from public;
grant execute on function lenses.fn_lock_run(uuid), lenses.fn_try_lock_run(uuid),
  lenses.fn_append_workflow_run_event(uuid, lenses.run_event_type, jsonb, uuid, uuid) to service_role;

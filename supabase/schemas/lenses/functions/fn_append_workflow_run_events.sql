create or replace function lenses.fn_append_workflow_run_events(p_events jsonb)
 returns void
 language plpgsql
 set search_path to ''
as $function$
declare
  v_runs uuid[];
begin
  if p_events is null or jsonb_array_length(p_events) = 0 then
    return;
  end if;
  select array_agg(distinct (e ->> 'run_id')::uuid order by (e ->> 'run_id')::uuid) into v_runs
  from jsonb_array_elements(p_events) e;
  -- Advisory locks nest: a caller that holds them takes nothing new; run id order as everywhere.
  perform pg_advisory_xact_lock(hashtextextended(r::text, 1307)) from unnest(v_runs) r;
  -- The subquery sees the log as it was before this statement, so each run's new events number on
  -- from its highest event_id.
  insert into lenses.workflow_run_events (run_id, event_id, event_type, actor_id, node_id, payload)
  select e.run_id,
         coalesce((select max(x.event_id) from lenses.workflow_run_events x where x.run_id = e.run_id), 0)
           + row_number() over (partition by e.run_id order by e.ord),
         e.event_type, e.actor_id, e.node_id, e.payload
  from (select (v ->> 'run_id')::uuid as run_id, (v ->> 'event_type')::lenses.run_event_type as event_type,
               (v ->> 'actor_id')::uuid as actor_id, (v ->> 'node_id')::uuid as node_id,
               coalesce(v -> 'payload', '{}') as payload, a.ord
        from jsonb_array_elements(p_events) with ordinality a(v, ord)) e;
  perform pg_notify('workflow_run_events', r.id::text)
  from lenses.workflow_runs r where r.id = any (v_runs) and r.watched_until > now();
end
$function$;

comment on function lenses.fn_append_workflow_run_events(p_events jsonb) is 'Appends events of one or more runs in one insert, each run''s in order with the next gap-free event_ids.';

revoke all on function lenses.fn_append_workflow_run_events(p_events jsonb) from public;
grant execute on function lenses.fn_append_workflow_run_events(p_events jsonb) to service_role;

-- Emits one event on the bus: the next gap-free event_id of the scope (the highest plus one, read
-- under the scope's advisory lock in the emitting transaction, as lenses.fn_append_workflow_run_event
-- does per run), and in the same transaction one delivery per enabled consumer that takes the event
-- type (and whose payload_filter, if any, matches the payload): exactly once per consumer by the
-- deliveries' unique key. Deliveries to sql consumers are processed at once, each in a subtransaction
-- (agents.fn_process_sql_delivery): a failing handler leaves its delivery pending with its error and
-- backoff, and never fails the emitting transaction; a delivery to a worker consumer notifies
-- channel event_deliveries (payload: the consumer). Returns the event_id.
-- The one call every module uses to emit (named arguments recommended):
--   perform agents.fn_emit_event(p_module => 'channels', p_event_type => 'message_received',
--     p_scope_id => <profile id>, p_payload => jsonb_build_object(...), p_subject_kind => 'message',
--     p_subject_id => <message id>, p_actor_id => null, p_contact_id => <contact id>);
create or replace function agents.fn_emit_event(
  p_module agents.event_module,
  p_event_type lenses.run_event_type,
  p_scope_id uuid,
  p_payload jsonb default '{}'::jsonb,
  p_subject_kind agents.event_subject_kind default null,
  p_subject_id uuid default null,
  p_actor_id uuid default null,
  p_contact_id uuid default null)
 returns bigint
 language plpgsql
 set search_path to ''
as $function$
declare
  v_event_id bigint;
  v_payload jsonb := coalesce(p_payload, '{}'::jsonb);
  v_delivery_id uuid;
  v_consumer text;
  v_kind agents.event_handler_kind;
begin
  if p_module is null then
    raise exception 'fn_emit_event: p_module is required' using errcode = '22023';
  end if;
  if p_event_type is null then
    raise exception 'fn_emit_event: p_event_type is required' using errcode = '22023';
  end if;
  if p_scope_id is null then
    raise exception 'fn_emit_event: p_scope_id is required' using errcode = '22023';
  end if;
  if jsonb_typeof(v_payload) <> 'object' then
    raise exception 'fn_emit_event: p_payload must be a JSON object' using errcode = '22023';
  end if;
  if octet_length(v_payload::text) > 65536 then
    raise exception 'fn_emit_event: p_payload is % bytes, over the limit of 65536 bytes', octet_length(v_payload::text)
      using errcode = 'PT413';
  end if;
  if (p_subject_kind is null) <> (p_subject_id is null) then
    raise exception 'fn_emit_event: p_subject_kind and p_subject_id go together' using errcode = '22023';
  end if;
  perform pg_advisory_xact_lock(hashtextextended(p_scope_id::text, 1511));
  insert into agents.events (scope_id, event_id, event_type, module, subject_kind, subject_id, contact_id, actor_id, payload)
  select p_scope_id, coalesce(max(e.event_id), 0) + 1, p_event_type, p_module, p_subject_kind, p_subject_id,
         p_contact_id, p_actor_id, v_payload
  from agents.events e where e.scope_id = p_scope_id
  returning event_id into v_event_id;
  insert into agents.event_deliveries (consumer, scope_id, event_id)
  select c.name, p_scope_id, v_event_id
  from agents.event_consumers c
  where c.enabled and p_event_type = any (c.event_types)
    and (c.payload_filter is null or coalesce(jsonb_path_match(v_payload, c.payload_filter, silent => true), false))
  on conflict (consumer, scope_id, event_id) do nothing;
  for v_delivery_id, v_consumer, v_kind in
    select d.id, d.consumer, c.handler_kind from agents.event_deliveries d join agents.event_consumers c on c.name = d.consumer
    where d.scope_id = p_scope_id and d.event_id = v_event_id
    order by d.consumer
  loop
    if v_kind = 'sql' then
      perform agents.fn_process_sql_delivery(v_delivery_id);
    else
      -- Wakes the workers' delivery loops (LISTEN event_deliveries) at commit.
      perform pg_notify('event_deliveries', v_consumer);
    end if;
  end loop;
  return v_event_id;
end
$function$;

comment on function agents.fn_emit_event(p_module agents.event_module, p_event_type lenses.run_event_type, p_scope_id uuid, p_payload jsonb, p_subject_kind agents.event_subject_kind, p_subject_id uuid, p_actor_id uuid, p_contact_id uuid) is 'Emits one bus event (next gap-free event_id of the scope) and, in the same transaction, one delivery per subscribed consumer; sql consumers run at once. Returns the event_id.';

revoke all on function agents.fn_emit_event(p_module agents.event_module, p_event_type lenses.run_event_type, p_scope_id uuid, p_payload jsonb, p_subject_kind agents.event_subject_kind, p_subject_id uuid, p_actor_id uuid, p_contact_id uuid) from public;
grant execute on function agents.fn_emit_event(p_module agents.event_module, p_event_type lenses.run_event_type, p_scope_id uuid, p_payload jsonb, p_subject_kind agents.event_subject_kind, p_subject_id uuid, p_actor_id uuid, p_contact_id uuid) to service_role;

-- The engine's shared steps, called by the transition functions (never by clients):
--   fn_contract_value_errors   does a value satisfy a contract (input or output)?
--   fn_merge_edge_values       merge the values reaching one target input path by merge strategy
--   fn_settle_successors       after a node ends: queue, block (human input) or skip its successors,
--                              propagating skips; writes provenance
--   fn_fail_node_result        retry with backoff and jitter, or fail by the run's failure mode
--   fn_finish_run_if_done      end the run when every result is terminal
-- Each expects the caller to hold the run's lock (lenses.fn_lock_run).

create function lenses.fn_json_type_matches(p_value jsonb, p_type text) returns boolean
language plpgsql
immutable
set search_path = ''
as $$
begin
  return case p_type
    when 'string' then jsonb_typeof(p_value) = 'string'
    when 'number' then jsonb_typeof(p_value) = 'number'
    when 'integer' then jsonb_typeof(p_value) = 'number' and (p_value #>> '{}')::numeric = trunc((p_value #>> '{}')::numeric)
    when 'boolean' then jsonb_typeof(p_value) = 'boolean'
    when 'object' then jsonb_typeof(p_value) = 'object'
    when 'array' then jsonb_typeof(p_value) = 'array'
    else false
  end;
end
$$;

-- Errors (empty when none) of a value against a contract; a null contract accepts any object.
create function lenses.fn_contract_value_errors(p_contract jsonb, p_value jsonb) returns text[]
language plpgsql
immutable
set search_path = ''
as $$
declare
  v_errors text[] := '{}';
  v_field jsonb;
  v_item jsonb;
begin
  if p_value is null or jsonb_typeof(p_value) <> 'object' then
    return array['the value must be a JSON object'];
  end if;
  if p_contract is null then
    return v_errors;
  end if;
  if p_contract ->> 'kind' = 'text' then
    if jsonb_typeof(p_value -> 'text') is distinct from 'string' then
      v_errors := v_errors || 'a text value needs a string field "text"'::text;
    end if;
    return v_errors;
  end if;
  for v_field in select jsonb_array_elements(coalesce(p_contract -> 'fields', '[]')) loop
    v_item := p_value -> (v_field ->> 'name');
    if v_item is null or jsonb_typeof(v_item) = 'null' then
      if (v_field ->> 'required')::boolean then
        v_errors := v_errors || format('missing required field "%s"', v_field ->> 'name');
      end if;
    elsif not lenses.fn_json_type_matches(v_item, v_field ->> 'type') then
      v_errors := v_errors || format('field "%s" must be %s, got %s', v_field ->> 'name', v_field ->> 'type', jsonb_typeof(v_item));
    end if;
  end loop;
  return v_errors;
end
$$;
comment on function lenses.fn_contract_value_errors(jsonb, jsonb) is
  'The reasons a value does not satisfy a contract (text: { text: string }; json: required fields of the declared types).';

-- Merges the values arriving at one target input path, in arrival order.
--   last_write_wins  the last value
--   concat           arrays concatenated; otherwise texts (JSON for non-strings) joined by a blank line
--   array            all values in an array
--   json_object      { <source node key>: value, ... }
create function lenses.fn_merge_edge_values(p_strategy lenses.merge_strategy, p_values jsonb, p_source_keys text[])
returns jsonb
language plpgsql
immutable
set search_path = ''
as $$
declare
  v_result jsonb;
  v_i integer;
begin
  case p_strategy
    when 'last_write_wins' then
      return p_values -> (jsonb_array_length(p_values) - 1);
    when 'array' then
      return p_values;
    when 'json_object' then
      v_result := '{}';
      for v_i in 0 .. jsonb_array_length(p_values) - 1 loop
        v_result := v_result || jsonb_build_object(p_source_keys[v_i + 1], p_values -> v_i);
      end loop;
      return v_result;
    when 'concat' then
      if (select bool_and(jsonb_typeof(v) = 'array') from jsonb_array_elements(p_values) v) then
        return (select coalesce(jsonb_agg(e order by ord, sub), '[]')
                from jsonb_array_elements(p_values) with ordinality a(v, ord),
                     jsonb_array_elements(a.v) with ordinality b(e, sub));
      end if;
      return to_jsonb((select string_agg(case when jsonb_typeof(v) = 'string' then v #>> '{}' else v::text end, E'\n\n' order by ord)
                       from jsonb_array_elements(p_values) with ordinality a(v, ord)));
  end case;
end
$$;

-- Values reaching a target without a target input path (only last_write_wins edges may omit it)
-- land in the input's top level: objects merge key by key, later wins; any other value goes under
-- its source node's key.
create function lenses.fn_merge_into_input_root(p_input jsonb, p_values jsonb, p_source_keys text[])
returns jsonb
language plpgsql
immutable
set search_path = ''
as $$
declare
  v_input jsonb := p_input;
  v_i integer;
begin
  for v_i in 0 .. jsonb_array_length(p_values) - 1 loop
    v_input := v_input || case when jsonb_typeof(p_values -> v_i) = 'object' then p_values -> v_i
                               else jsonb_build_object(p_source_keys[v_i + 1], p_values -> v_i) end;
  end loop;
  return v_input;
end
$$;

-- Exponential backoff with equal jitter: half the delay fixed, half random.
create function lenses.fn_retry_delay_ms(p_retry integer, p_base_ms integer, p_max_ms integer) returns integer
language sql
volatile
set search_path = ''
as $$
  select (d / 2 + random() * d / 2)::integer
  from (select least(p_max_ms::numeric, p_base_ms::numeric * power(2, greatest(p_retry - 1, 0))) as d) s
$$;

-- Queues a result with its input (or blocks it on a person for human_input nodes). It does not
-- NOTIFY: a worker that completes a node claims again at once, and the transitions that queue
-- work while no worker is busy (start, human input, rerun, release, reaping) notify
-- workflow_tasks themselves. A notifying commit serialises on a database-wide lock.
create function lenses.fn_queue_node_result(p_result_id uuid, p_input jsonb) returns void
language plpgsql
set search_path = ''
as $$
declare
  v_result lenses.workflow_node_results;
  v_node lenses.workflow_nodes;
begin
  select r.* into v_result from lenses.workflow_node_results r where r.id = p_result_id;
  select n.* into v_node from lenses.workflow_nodes n where n.id = v_result.node_id;
  if v_node.kind = 'human_input' then
    update lenses.workflow_node_results r
    set status = 'blocked', waiting_reason = 'human_input', input_data = p_input
    where r.id = p_result_id;
    perform lenses.fn_append_workflow_run_event(v_result.run_id, 'human_input_requested',
      jsonb_build_object('node_key', v_node.key, 'prompt', v_node.config -> 'prompt', 'input', p_input), v_node.id);
  else
    update lenses.workflow_node_results r
    set status = 'queued', waiting_reason = 'queued', input_data = p_input, queued_at = now(), next_attempt_at = now()
    where r.id = p_result_id;
    perform lenses.fn_append_workflow_run_event(v_result.run_id, 'node_queued', jsonb_build_object('node_key', v_node.key), v_node.id);
  end if;
end
$$;

-- After a node ended (completed, failed, skipped, cancelled, timed out): for each successor whose
-- incoming edges are now all settled, merge the active inputs and queue it, or skip it when no
-- edge is active (condition false, or its sources did not complete) and carry on from it.
create function lenses.fn_settle_successors(p_run_id uuid, p_node_id uuid) returns void
language plpgsql
set search_path = ''
as $$
declare
  v_worklist uuid[] := array[p_node_id];
  v_source uuid;
  v_target record;
  v_input jsonb;
  v_group record;
  v_any_active boolean;
begin
  while cardinality(v_worklist) > 0 loop
    v_source := v_worklist[1];
    v_worklist := v_worklist[2:];
    for v_target in
      select distinct r.id as result_id, e.target_node_id
      from lenses.workflow_edges e
      join lenses.workflow_node_results r on r.run_id = p_run_id and r.node_id = e.target_node_id
      where e.source_node_id = v_source and r.status = 'awaiting_dependency'
    loop
      -- Every incoming edge's source must have ended.
      continue when exists (
        select 1 from lenses.workflow_edges e
        join lenses.workflow_node_results s on s.run_id = p_run_id and s.node_id = e.source_node_id
        where e.target_node_id = v_target.target_node_id
          and s.status not in ('completed', 'failed', 'cancelled', 'skipped', 'timed_out', 'invalidated')
      );

      v_input := '{}';
      v_any_active := false;
      for v_group in
        with incoming as (
          select e.id as edge_id, e.source_node_id, e.source_output_path, e.target_input_path, e.merge_strategy,
                 e.created_at as edge_created_at, s.output_data, s.finished_at, n.key as source_key
          from lenses.workflow_edges e
          join lenses.workflow_node_results s on s.run_id = p_run_id and s.node_id = e.source_node_id
          join lenses.workflow_nodes n on n.id = e.source_node_id
          where e.target_node_id = v_target.target_node_id
            and s.status = 'completed'
            and lenses.fn_edge_condition_holds(e.condition, s.output_data)
        )
        select coalesce(i.target_input_path, '') as target_path,
               (array_agg(i.merge_strategy order by i.edge_created_at, i.edge_id))[1] as strategy,
               jsonb_agg(coalesce(lenses.fn_edge_value(i.output_data, i.source_output_path), 'null'::jsonb)
                         order by i.finished_at, i.edge_created_at, i.edge_id) as vals,
               array_agg(i.source_key order by i.finished_at, i.edge_created_at, i.edge_id) as source_keys,
               array_agg(i.edge_id order by i.finished_at, i.edge_created_at, i.edge_id) as edge_ids
        from incoming i
        group by coalesce(i.target_input_path, '')
        order by 1
      loop
        v_any_active := true;
        if v_group.target_path = '' then
          v_input := lenses.fn_merge_into_input_root(v_input, v_group.vals, v_group.source_keys);
        else
          v_input := v_input || jsonb_build_object(v_group.target_path,
            lenses.fn_merge_edge_values(v_group.strategy, v_group.vals, v_group.source_keys));
        end if;
        insert into lenses.workflow_run_provenance (run_id, edge_id, source_node_id, source_output_path, target_node_id, target_input_path)
        select p_run_id, e.id, e.source_node_id, coalesce(nullif(e.source_output_path, ''), '$'), e.target_node_id,
               coalesce(nullif(e.target_input_path, ''), '$')
        from lenses.workflow_edges e where e.id = any (v_group.edge_ids);
      end loop;

      if v_any_active then
        perform lenses.fn_queue_node_result(v_target.result_id, v_input);
      else
        update lenses.workflow_node_results r
        set status = 'skipped', waiting_reason = 'condition_false', finished_at = now()
        where r.id = v_target.result_id;
        perform lenses.fn_append_workflow_run_event(p_run_id, 'node_skipped',
          jsonb_build_object('node_key', (select n.key from lenses.workflow_nodes n where n.id = v_target.target_node_id),
                             'reason', 'condition_false'),
          v_target.target_node_id);
        v_worklist := v_worklist || v_target.target_node_id;
      end if;
    end loop;
  end loop;
end
$$;

-- Ends the run once every result is terminal: completed when no node failed or timed out.
create function lenses.fn_finish_run_if_done(p_run_id uuid) returns void
language plpgsql
set search_path = ''
as $$
declare
  v_run lenses.workflow_runs;
  v_failed boolean;
  v_output jsonb;
begin
  select r.* into v_run from lenses.workflow_runs r where r.id = p_run_id;
  if v_run.status in ('completed', 'failed', 'cancelled', 'timed_out') then
    return;
  end if;
  if exists (select 1 from lenses.workflow_node_results r
             where r.run_id = p_run_id
               and r.status not in ('completed', 'failed', 'cancelled', 'skipped', 'timed_out', 'invalidated')) then
    return;
  end if;
  v_failed := exists (select 1 from lenses.workflow_node_results r
                      where r.run_id = p_run_id and r.status in ('failed', 'timed_out'));
  -- The run's output: what each sink node (no outgoing edge) produced.
  select coalesce(jsonb_object_agg(r.node_key, r.output_data order by r.node_key), '{}') into v_output
  from lenses.workflow_node_results r
  where r.run_id = p_run_id and r.status = 'completed'
    and not exists (select 1 from lenses.workflow_edges e where e.source_node_id = r.node_id);
  update lenses.workflow_runs r
  set status = case when v_failed then 'failed'::lenses.workflow_run_status else 'completed' end,
      output = v_output, finished_at = now(), active_node_id = null,
      error_message = case when v_failed then coalesce(r.error_message, 'one or more nodes failed') end
  where r.id = p_run_id;
  perform lenses.fn_append_workflow_run_event(p_run_id, case when v_failed then 'run_failed'::lenses.run_event_type else 'run_completed' end,
    jsonb_build_object('output', v_output));
end
$$;

-- Ends every unfinished result of a run with one status (cancelled, timed_out), clearing leases.
create function lenses.fn_end_open_results(p_run_id uuid, p_status lenses.node_result_status, p_reason text)
returns void
language plpgsql
set search_path = ''
as $$
declare
  v_result record;
begin
  for v_result in
    update lenses.workflow_node_results r
    set status = p_status, waiting_reason = null, lease_token = null, lease_owner = null, lease_expires_at = null,
        next_attempt_at = null, finished_at = now(), error_message = coalesce(r.error_message, p_reason)
    where r.run_id = p_run_id
      and r.status not in ('completed', 'failed', 'cancelled', 'skipped', 'timed_out', 'invalidated')
    returning r.node_id, r.node_key
  loop
    perform lenses.fn_append_workflow_run_event(p_run_id,
      case p_status when 'timed_out' then 'node_timed_out'::lenses.run_event_type else 'node_cancelled' end,
      jsonb_build_object('node_key', v_result.node_key, 'reason', p_reason), v_result.node_id);
  end loop;
end
$$;

-- A failed attempt: rate limits wait (not counted against the retry policy); client errors and
-- contract violations of the request fail at once; the rest retry with backoff up to max_retries,
-- then fail. A final failure either stays isolated (siblings go on, dependants are skipped) or
-- stops the run, by the run's failure mode.
create function lenses.fn_fail_node_result(
  p_result_id uuid,
  p_kind lenses.task_error_kind,
  p_message text,
  p_retry_after_ms integer default null
) returns lenses.workflow_node_results
language plpgsql
set search_path = ''
as $$
declare
  v_result lenses.workflow_node_results;
  v_run lenses.workflow_runs;
  v_node lenses.workflow_nodes;
  v_delay integer;
  v_retryable boolean := p_kind in ('server', 'timeout', 'network', 'contract_violation', 'lease_expired');
begin
  select r.* into v_result from lenses.workflow_node_results r where r.id = p_result_id;
  select r.* into v_run from lenses.workflow_runs r where r.id = v_result.run_id;
  select n.* into v_node from lenses.workflow_nodes n where n.id = v_result.node_id;

  if p_kind = 'rate_limit' then
    v_delay := coalesce(p_retry_after_ms, lenses.fn_retry_delay_ms(v_result.attempt_count,
      coalesce((v_node.config -> 'retry' ->> 'backoff_ms')::integer, 1000), 60000));
    update lenses.workflow_node_results r
    set status = 'retrying', waiting_reason = 'rate_limit', next_attempt_at = now() + make_interval(secs => v_delay / 1000.0),
        lease_token = null, lease_owner = null, lease_expires_at = null, timeout_at = null,
        error_kind = p_kind, error_message = p_message
    where r.id = p_result_id returning * into v_result;
    perform lenses.fn_append_workflow_run_event(v_run.id, 'node_retrying',
      jsonb_build_object('node_key', v_result.node_key, 'reason', 'rate_limit', 'delay_ms', v_delay, 'error', p_message), v_node.id);
    return v_result;
  end if;

  if v_retryable and v_result.retry_count < v_result.max_retries then
    v_delay := case when p_kind = 'lease_expired' then 0 else lenses.fn_retry_delay_ms(v_result.retry_count + 1,
      coalesce((v_node.config -> 'retry' ->> 'backoff_ms')::integer, 1000),
      coalesce((v_node.config -> 'retry' ->> 'max_backoff_ms')::integer, 60000)) end;
    update lenses.workflow_node_results r
    set status = 'retrying', waiting_reason = 'retry_backoff', retry_count = r.retry_count + 1,
        next_attempt_at = now() + make_interval(secs => v_delay / 1000.0),
        lease_token = null, lease_owner = null, lease_expires_at = null, timeout_at = null,
        error_kind = p_kind, error_message = p_message
    where r.id = p_result_id returning * into v_result;
    perform lenses.fn_append_workflow_run_event(v_run.id, 'node_retrying',
      jsonb_build_object('node_key', v_result.node_key, 'reason', p_kind, 'retry', v_result.retry_count,
                         'delay_ms', v_delay, 'error', p_message), v_node.id);
    if v_delay = 0 then
      perform pg_notify('workflow_tasks', v_run.id::text);
    end if;
    return v_result;
  end if;

  update lenses.workflow_node_results r
  set status = 'failed', waiting_reason = null, next_attempt_at = null,
      lease_token = null, lease_owner = null, lease_expires_at = null, timeout_at = null,
      error_kind = p_kind, error_message = p_message, finished_at = now(),
      duration_ms = case when r.started_at is not null then (extract(epoch from now() - r.started_at) * 1000)::integer end
  where r.id = p_result_id returning * into v_result;
  perform lenses.fn_append_workflow_run_event(v_run.id, 'node_failed',
    jsonb_build_object('node_key', v_result.node_key, 'error_kind', p_kind, 'error', p_message,
                       'retries', v_result.retry_count), v_node.id);

  if v_run.failure_mode = 'stop_run' then
    perform lenses.fn_end_open_results(v_run.id, 'cancelled', format('run stopped: node %s failed', v_result.node_key));
    update lenses.workflow_runs r
    set status = 'failed', finished_at = now(), active_node_id = null,
        error_message = format('node %s failed: %s', v_result.node_key, p_message)
    where r.id = v_run.id;
    perform lenses.fn_append_workflow_run_event(v_run.id, 'run_failed',
      jsonb_build_object('node_key', v_result.node_key, 'error', p_message));
  else
    update lenses.workflow_runs r set error_message = format('node %s failed: %s', v_result.node_key, p_message)
    where r.id = v_run.id;
    perform lenses.fn_settle_successors(v_run.id, v_node.id);
    perform lenses.fn_finish_run_if_done(v_run.id);
  end if;
  return v_result;
end
$$;

revoke execute on function
  lenses.fn_json_type_matches(jsonb, text), lenses.fn_contract_value_errors(jsonb, jsonb),
  lenses.fn_merge_edge_values(lenses.merge_strategy, jsonb, text[]),
  lenses.fn_merge_into_input_root(jsonb, jsonb, text[]),
  lenses.fn_retry_delay_ms(integer, integer, integer), lenses.fn_queue_node_result(uuid, jsonb),
  lenses.fn_settle_successors(uuid, uuid), lenses.fn_finish_run_if_done(uuid),
  lenses.fn_end_open_results(uuid, lenses.node_result_status, text),
  lenses.fn_fail_node_result(uuid, lenses.task_error_kind, text, integer)
from public;
grant execute on function
  lenses.fn_json_type_matches(jsonb, text), lenses.fn_contract_value_errors(jsonb, jsonb),
  lenses.fn_merge_edge_values(lenses.merge_strategy, jsonb, text[]),
  lenses.fn_merge_into_input_root(jsonb, jsonb, text[])
to authenticated, service_role;
grant execute on function
  lenses.fn_retry_delay_ms(integer, integer, integer), lenses.fn_queue_node_result(uuid, jsonb),
  lenses.fn_settle_successors(uuid, uuid), lenses.fn_finish_run_if_done(uuid),
  lenses.fn_end_open_results(uuid, lenses.node_result_status, text),
  lenses.fn_fail_node_result(uuid, lenses.task_error_kind, text, integer)
to service_role;

-- The worker's side of the engine, for service_role only: claim tasks with a lease, keep the
-- lease alive, report streaming progress, hand a task back, and reap what workers left behind
-- (expired leases, node timeouts, run deadlines). Each call is one transaction.

-- Whether the caller holds a task's lease; the result row comes back locked.
create function lenses.fn_leased_result(p_fn text, p_result_id uuid, p_lease_token uuid)
returns lenses.workflow_node_results
language plpgsql
set search_path = ''
as $$
declare
  v_result lenses.workflow_node_results;
  v_run_id uuid;
begin
  if p_result_id is null or p_lease_token is null then
    raise exception '%: p_result_id and p_lease_token are required', p_fn using errcode = '22023';
  end if;
  select r.run_id into v_run_id from lenses.workflow_node_results r where r.id = p_result_id;
  if v_run_id is null then
    raise exception '%: no task %', p_fn, p_result_id using errcode = 'P0002';
  end if;
  perform lenses.fn_lock_run(v_run_id);
  select r.* into v_result from lenses.workflow_node_results r where r.id = p_result_id for update;
  if v_result.status not in ('running', 'streaming') or v_result.lease_token is distinct from p_lease_token then
    raise exception '%: the lease on task % is not held (it was reclaimed, cancelled or finished; status %)',
      p_fn, p_result_id, v_result.status using errcode = '55000';
  end if;
  return v_result;
end
$$;

-- The model a node runs on and its parameters: the node's config.model_id, else the model of the
-- default model profile of the agent the workflow belongs to, else the catalog's default. The
-- profile's parameters apply when the profile names the chosen model.
create function lenses.fn_node_model(p_node lenses.workflow_nodes, p_run lenses.workflow_runs, out model_id uuid, out params jsonb)
language plpgsql
stable
set search_path = ''
as $$
declare
  v_profile_model uuid;
  v_profile_params jsonb;
begin
  select mp.model_id, mp.params into v_profile_model, v_profile_params
  from agents.ai_lensers a
  join agents.model_profiles mp on mp.ai_lenser_id = a.id and mp.is_default
  where a.profile_id = p_run.lenser_id;
  model_id := coalesce((p_node.config ->> 'model_id')::uuid, v_profile_model, (select m.id from ai.models m where m.is_default));
  params := case when v_profile_model = model_id then coalesce(v_profile_params, '{}') else '{}' end;
end
$$;

-- The prompt of a lens node: its template rendered with the node's params and the input fields
-- that name a parameter (input wins); input that fills no parameter follows as context.
create function lenses.fn_node_prompt(p_node_id uuid, p_input jsonb) returns text
language plpgsql
stable
set search_path = ''
as $$
declare
  v_node lenses.workflow_nodes_v;
  v_labels text[];
  v_prompt text;
  v_rest jsonb;
begin
  select n.* into v_node from lenses.workflow_nodes_v n where n.id = p_node_id;
  select coalesce(array_agg(d ->> 'label'), '{}') into v_labels
  from jsonb_array_elements(coalesce(v_node.parameter_defs, '[]')) d;
  v_prompt := lenses.fn_render_template(v_node.template_body, v_node.parameter_defs,
    (select coalesce(jsonb_object_agg(key, value), '{}')
     from jsonb_each(v_node.params || coalesce(p_input, '{}')) where key = any (v_labels)));
  select coalesce(jsonb_object_agg(key, value), '{}') into v_rest
  from jsonb_each(coalesce(p_input, '{}')) where not (key = any (v_labels));
  if v_rest <> '{}' then
    v_prompt := v_prompt || E'\n\nInput:\n' || jsonb_pretty(v_rest);
  end if;
  return v_prompt;
end
$$;

-- After a node stopped running, in one update of the run: its model usage joins the run's totals,
-- the inspector moves to the latest running node (or none), and a streaming run is running again
-- once nothing streams.
create function lenses.fn_node_stopped(
  p_run_id uuid,
  p_node_id uuid,
  p_input_tokens bigint default 0,
  p_output_tokens bigint default 0,
  p_cached_tokens bigint default 0,
  p_cost numeric default 0
) returns void
language plpgsql
set search_path = ''
as $$
begin
  update lenses.workflow_runs r
  set total_input_tokens = r.total_input_tokens + p_input_tokens,
      total_output_tokens = r.total_output_tokens + p_output_tokens,
      total_cached_tokens = r.total_cached_tokens + p_cached_tokens,
      total_cost_credits = r.total_cost_credits + p_cost,
      active_node_id = case when r.active_node_id = p_node_id then
        (select x.node_id from lenses.workflow_node_results x
         where x.run_id = p_run_id and x.status in ('running', 'streaming')
         order by x.started_at desc limit 1) else r.active_node_id end,
      status = case when r.status = 'streaming' and not exists (
        select 1 from lenses.workflow_node_results x where x.run_id = p_run_id and x.status = 'streaming')
        then 'running'::lenses.workflow_run_status else r.status end
  where r.id = p_run_id;
end
$$;

-- Reaps what workers left behind, each under its run's lock (skipping runs another transition
-- holds): runs past their deadline end timed_out; nodes past their timeout end timed_out;
-- expired leases go back to the queue as a failed attempt (or fail when retries are spent).
-- Each of the three looks through its own partial index, so a reap with nothing to do is cheap.
create function lenses.fn_reap_workflow_runs(p_limit integer default 100) returns integer
language plpgsql
set search_path = ''
as $$
declare
  v_row record;
  v_count integer := 0;
begin
  for v_row in
    select r.id from lenses.workflow_runs r
    where r.deadline_at < now() and r.status in ('queued', 'pending', 'running', 'streaming', 'recovered')
    order by r.deadline_at limit p_limit
  loop
    continue when not lenses.fn_try_lock_run(v_row.id);
    continue when not exists (select 1 from lenses.workflow_runs r where r.id = v_row.id
                              and r.status in ('queued', 'pending', 'running', 'streaming', 'recovered'));
    perform lenses.fn_end_open_results(v_row.id, 'timed_out', 'the run passed its deadline');
    update lenses.workflow_runs r
    set status = 'timed_out', finished_at = now(), active_node_id = null, error_message = 'the run passed its deadline'
    where r.id = v_row.id;
    perform lenses.fn_append_workflow_run_event(v_row.id, 'run_timed_out', jsonb_build_object('reason', 'deadline'));
    v_count := v_count + 1;
  end loop;

  for v_row in
    select x.id, x.run_id, x.node_id, x.node_key from lenses.workflow_node_results x
    where x.status in ('running', 'streaming') and x.timeout_at is not null and x.timeout_at < now()
    order by x.timeout_at limit p_limit
  loop
    continue when not lenses.fn_try_lock_run(v_row.run_id);
    continue when not exists (select 1 from lenses.workflow_node_results x where x.id = v_row.id
                              and x.status in ('running', 'streaming') and x.timeout_at < now());
    update lenses.workflow_node_results x
    set status = 'timed_out', waiting_reason = null, lease_token = null, lease_owner = null, lease_expires_at = null,
        finished_at = now(), error_kind = 'timeout', error_message = 'the node passed its timeout',
        duration_ms = (extract(epoch from now() - x.started_at) * 1000)::integer
    where x.id = v_row.id;
    perform lenses.fn_append_workflow_run_event(v_row.run_id, 'node_timed_out',
      jsonb_build_object('node_key', v_row.node_key), v_row.node_id);
    perform lenses.fn_node_stopped(v_row.run_id, v_row.node_id);
    perform lenses.fn_settle_successors(v_row.run_id, v_row.node_id);
    perform lenses.fn_finish_run_if_done(v_row.run_id);
    perform pg_notify('workflow_tasks', v_row.run_id::text);
    v_count := v_count + 1;
  end loop;

  for v_row in
    select x.id, x.run_id, x.node_id, x.node_key from lenses.workflow_node_results x
    where x.status in ('running', 'streaming') and x.lease_expires_at < now()
    order by x.lease_expires_at limit p_limit
  loop
    continue when not lenses.fn_try_lock_run(v_row.run_id);
    continue when not exists (select 1 from lenses.workflow_node_results x where x.id = v_row.id
                              and x.status in ('running', 'streaming') and x.lease_expires_at < now());
    perform lenses.fn_append_workflow_run_event(v_row.run_id, 'lease_expired',
      jsonb_build_object('node_key', v_row.node_key), v_row.node_id);
    perform lenses.fn_fail_node_result(v_row.id, 'lease_expired', 'the worker''s lease expired before it finished');
    perform lenses.fn_node_stopped(v_row.run_id, v_row.node_id);
    v_count := v_count + 1;
  end loop;
  return v_count;
end
$$;
comment on function lenses.fn_reap_workflow_runs(integer) is
  'Ends runs past their deadline and nodes past their timeout; returns expired leases to the queue. Run by claims and by pg_cron.';

create function public.claim_workflow_tasks(p_worker_id text, p_limit integer default 10, p_lease_seconds integer default 60)
returns table (
  result_id uuid,
  run_id uuid,
  node_id uuid,
  node_key text,
  attempt integer,
  lease_token uuid,
  lease_expires_at timestamptz,
  prompt text,
  input_data jsonb,
  output_contract jsonb,
  timeout_ms integer,
  model_id uuid,
  model_key text,
  provider_key text,
  provider_adapter ai.provider_adapter,
  provider_base_url text,
  api_key_env text,
  model_params jsonb
)
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_candidate record;
  v_result lenses.workflow_node_results;
  v_node lenses.workflow_nodes;
  v_run lenses.workflow_runs;
  v_model_id uuid;
  v_model_params jsonb;
  v_prompt text;
  v_claimed integer := 0;
begin
  if p_worker_id is null or char_length(p_worker_id) not between 1 and 200 then
    raise exception 'claim_workflow_tasks: p_worker_id must be 1 to 200 characters' using errcode = '22023';
  end if;
  if p_limit is null or p_limit not between 1 and 500 then
    raise exception 'claim_workflow_tasks: p_limit must be between 1 and 500, got %', coalesce(p_limit::text, 'null')
      using errcode = '22023';
  end if;
  if p_lease_seconds is null or p_lease_seconds not between 1 and 3600 then
    raise exception 'claim_workflow_tasks: p_lease_seconds must be between 1 and 3600, got %', coalesce(p_lease_seconds::text, 'null')
      using errcode = '22023';
  end if;

  perform lenses.fn_reap_workflow_runs(p_limit);

  for v_candidate in
    select x.id, x.run_id from lenses.workflow_node_results x
    where x.status in ('queued', 'retrying') and x.next_attempt_at <= now()
    order by x.next_attempt_at
    limit p_limit + 16 -- headroom for tasks of runs another transition holds
    for update skip locked
  loop
    exit when v_claimed >= p_limit;
    continue when not lenses.fn_try_lock_run(v_candidate.run_id);

    select x.* into v_result from lenses.workflow_node_results x where x.id = v_candidate.id;
    select n.* into v_node from lenses.workflow_nodes n where n.id = v_result.node_id;
    select r.* into v_run from lenses.workflow_runs r where r.id = v_result.run_id;
    begin
      v_prompt := lenses.fn_node_prompt(v_node.id, v_result.input_data);
    exception when others then
      perform lenses.fn_fail_node_result(v_result.id, 'render', format('the prompt could not be rendered: %s', sqlerrm));
      continue;
    end;
    select m.model_id, m.params into v_model_id, v_model_params from lenses.fn_node_model(v_node, v_run) m;
    if v_model_id is null then
      perform lenses.fn_fail_node_result(v_result.id, 'client',
        'no model to run on: the node names none, the agent has no default model profile, and the catalog has no default model');
      continue;
    end if;

    update lenses.workflow_node_results x
    set status = 'running', waiting_reason = null, next_attempt_at = null,
        attempt_count = x.attempt_count + 1, lease_token = gen_random_uuid(), lease_owner = p_worker_id,
        lease_expires_at = now() + make_interval(secs => p_lease_seconds),
        started_at = now(), ttfb_ms = null, model_id = v_model_id,
        timeout_at = case when x.timeout_ms is not null then now() + make_interval(secs => x.timeout_ms / 1000.0) end
    where x.id = v_candidate.id
    returning * into v_result;
    update lenses.workflow_runs r
    set status = case when r.status in ('queued', 'pending', 'recovered') then 'running'::lenses.workflow_run_status else r.status end,
        started_at = coalesce(r.started_at, now()), active_node_id = v_result.node_id
    where r.id = v_result.run_id;
    if v_run.started_at is null then
      perform lenses.fn_append_workflow_run_event(v_run.id, 'run_started', '{}');
    end if;
    perform lenses.fn_append_workflow_run_event(v_run.id, 'node_started',
      jsonb_build_object('node_key', v_result.node_key, 'attempt', v_result.attempt_count, 'worker', p_worker_id), v_result.node_id);

    v_claimed := v_claimed + 1;
    return query
      select v_result.id, v_result.run_id, v_result.node_id, v_result.node_key, v_result.attempt_count,
             v_result.lease_token, v_result.lease_expires_at, v_prompt, v_result.input_data,
             (select nv.output_contract from lenses.workflow_nodes_v nv where nv.id = v_node.id), v_result.timeout_ms,
             m.id, m.model_key, p.key, p.adapter, p.base_url, p.api_key_env, v_model_params
      from ai.models m join ai.providers p on p.id = m.provider_id
      where m.id = v_model_id;
  end loop;
end
$$;
comment on function public.claim_workflow_tasks(text, integer, integer) is
  'Worker: takes up to p_limit due tasks (SKIP LOCKED), leases them, counts the attempt, returns what each call needs.';

create function public.heartbeat_workflow_task(p_result_id uuid, p_lease_token uuid, p_lease_seconds integer default 60)
returns timestamptz
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_expires timestamptz;
begin
  if p_lease_seconds is null or p_lease_seconds not between 1 and 3600 then
    raise exception 'heartbeat_workflow_task: p_lease_seconds must be between 1 and 3600' using errcode = '22023';
  end if;
  perform lenses.fn_leased_result('heartbeat_workflow_task', p_result_id, p_lease_token);
  update lenses.workflow_node_results x set lease_expires_at = now() + make_interval(secs => p_lease_seconds)
  where x.id = p_result_id returning x.lease_expires_at into v_expires;
  return v_expires;
end
$$;
comment on function public.heartbeat_workflow_task(uuid, uuid, integer) is 'Worker: extends a held lease.';

-- Streaming progress: the first report moves the node (and run) to streaming and records the
-- time to first token; each report appends one delta event (the worker batches deltas).
create function public.report_workflow_task_progress(p_result_id uuid, p_lease_token uuid, p_delta text, p_ttfb_ms integer default null)
returns void
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_result lenses.workflow_node_results;
begin
  if p_delta is null or p_delta = '' then
    raise exception 'report_workflow_task_progress: p_delta must be non-empty text' using errcode = '22023';
  end if;
  if p_ttfb_ms is not null and p_ttfb_ms < 0 then
    raise exception 'report_workflow_task_progress: p_ttfb_ms must be 0 or more' using errcode = '22023';
  end if;
  v_result := lenses.fn_leased_result('report_workflow_task_progress', p_result_id, p_lease_token);
  if v_result.status = 'running' then
    update lenses.workflow_node_results x
    set status = 'streaming',
        ttfb_ms = coalesce(p_ttfb_ms, (extract(epoch from now() - x.started_at) * 1000)::integer)
    where x.id = p_result_id;
    perform lenses.fn_append_workflow_run_event(v_result.run_id, 'node_streaming',
      jsonb_build_object('node_key', v_result.node_key), v_result.node_id);
    update lenses.workflow_runs r set status = 'streaming' where r.id = v_result.run_id and r.status = 'running';
  end if;
  perform lenses.fn_append_workflow_run_event(v_result.run_id, 'node_delta',
    jsonb_build_object('node_key', v_result.node_key, 'text', p_delta), v_result.node_id);
end
$$;
comment on function public.report_workflow_task_progress(uuid, uuid, text, integer) is
  'Worker: a batch of streamed text for a held task (moves it to streaming on the first one).';

-- A worker that must stop (its time budget is over) hands the task back: queued again at once,
-- and the attempt does not count.
create function public.release_workflow_task(p_result_id uuid, p_lease_token uuid) returns void
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_result lenses.workflow_node_results;
begin
  v_result := lenses.fn_leased_result('release_workflow_task', p_result_id, p_lease_token);
  update lenses.workflow_node_results x
  set status = 'queued', waiting_reason = 'queued', next_attempt_at = now(), attempt_count = greatest(x.attempt_count - 1, 0),
      lease_token = null, lease_owner = null, lease_expires_at = null, timeout_at = null
  where x.id = p_result_id;
  perform lenses.fn_append_workflow_run_event(v_result.run_id, 'node_released',
    jsonb_build_object('node_key', v_result.node_key), v_result.node_id);
  perform lenses.fn_node_stopped(v_result.run_id, v_result.node_id);
  perform pg_notify('workflow_tasks', v_result.run_id::text);
end
$$;
comment on function public.release_workflow_task(uuid, uuid) is 'Worker: hands a held task back to the queue without counting the attempt.';

revoke execute on function lenses.fn_leased_result(text, uuid, uuid),
  lenses.fn_node_model(lenses.workflow_nodes, lenses.workflow_runs), lenses.fn_node_prompt(uuid, jsonb),
  lenses.fn_node_stopped(uuid, uuid, bigint, bigint, bigint, numeric), lenses.fn_reap_workflow_runs(integer),
  public.claim_workflow_tasks(text, integer, integer), public.heartbeat_workflow_task(uuid, uuid, integer),
  public.report_workflow_task_progress(uuid, uuid, text, integer), public.release_workflow_task(uuid, uuid)
from public;
grant execute on function lenses.fn_leased_result(text, uuid, uuid),
  lenses.fn_node_model(lenses.workflow_nodes, lenses.workflow_runs), lenses.fn_node_prompt(uuid, jsonb),
  lenses.fn_node_stopped(uuid, uuid, bigint, bigint, bigint, numeric), lenses.fn_reap_workflow_runs(integer),
  public.claim_workflow_tasks(text, integer, integer), public.heartbeat_workflow_task(uuid, uuid, integer),
  public.report_workflow_task_progress(uuid, uuid, text, integer), public.release_workflow_task(uuid, uuid)
to service_role;

-- Mirrors a node result's status onto its team run step in the transaction that changes the
-- result, appends the step's event, and moves the team run between running and blocked. Fires only
-- for results of team runs (workflow_node_results.mirrored_by_step), so plain runs pay nothing.
-- SECURITY DEFINER: the engine's transitions run as the worker or as the caller of an RPC, and
-- steps are written by no one else.
create or replace function agents.tg_node_results_mirror_step()
 returns trigger
 language plpgsql
 security definer
 set search_path to ''
as $function$
declare
  v_status agents.agent_run_step_status := agents.fn_step_status(new.status);
  v_step agents.agent_run_steps;
begin
  -- While the node's output waits for its reviewer, the result's tasks are the review's: mirrored
  -- onto the review step (queued and completed by agents.fn_review_completion, started here).
  if exists (select 1 from agents.agent_run_steps p where p.node_result_id = new.id and p.kind = 'perform' and p.awaiting_review) then
    if new.status = 'running' then
      update agents.agent_run_steps r set status = 'running', started_at = coalesce(r.started_at, now()), finished_at = null,
        current_task = r.title
      where r.node_result_id = new.id and r.kind = 'review'
      returning * into v_step;
      if found then
        perform agents.fn_append_agent_run_event(v_step.team_run_id, 'step_started',
          jsonb_build_object('node_key', v_step.node_key, 'kind', 'review', 'member_id', v_step.member_id, 'lane', v_step.lane),
          v_step.id);
      end if;
    end if;
    return null;
  end if;
  update agents.agent_run_steps s set
    status = v_status,
    started_at = coalesce(s.started_at, case when v_status in ('running', 'completed', 'failed') then now() end),
    finished_at = case when v_status in ('completed', 'failed', 'skipped') then now() end,
    current_task = case when v_status in ('queued', 'running') then s.title end,
    recent_output_summary = coalesce(left(case jsonb_typeof(new.output_data -> 'text')
                                            when 'string' then new.output_data ->> 'text'
                                            else new.output_data::text end, 280), s.recent_output_summary),
    blocker_summary = case
      when v_status in ('blocked', 'failed') or new.status = 'retrying'
        then left(coalesce(new.error_message, new.waiting_reason::text, new.status::text), 2000) end
  where s.node_result_id = new.id and s.kind = 'perform'
  returning * into v_step;
  if not found or v_step.status = agents.fn_step_status(old.status) and new.status <> 'retrying' then
    return null;
  end if;
  perform agents.fn_append_agent_run_event(v_step.team_run_id,
    ('step_' || case v_status when 'running' then 'started' else v_status::text end)::lenses.run_event_type,
    jsonb_build_object('node_key', v_step.node_key, 'node_status', new.status, 'member_id', v_step.member_id,
                       'lane', v_step.lane),
    v_step.id);
  -- A step that ends or blocks frees its lane (and what waits on its member): its run's deferred
  -- results are due again, and the next claim decides which may start (agents.fn_step_may_start).
  if v_status in ('completed', 'failed', 'skipped', 'blocked') then
    update lenses.workflow_node_results x set next_attempt_at = now()
    where x.run_id = new.run_id and x.status = 'queued' and x.next_attempt_at = 'infinity';
  end if;
  if v_status = 'blocked' then
    update agents.team_runs t set status = 'blocked', status_reason = left(v_step.blocker_summary, 2000)
    where t.id = v_step.team_run_id and t.status = 'running';
  elsif old.status = 'blocked' then
    update agents.team_runs t set status = 'running', status_reason = null
    where t.id = v_step.team_run_id and t.status = 'blocked'
      and not exists (select 1 from agents.agent_run_steps s where s.team_run_id = t.id and s.status = 'blocked');
  end if;
  return null;
end
$function$;

revoke all on function agents.tg_node_results_mirror_step() from public;

-- Admits one team run: starts its workflow run as the one who requested it (the run is theirs), with the assignment's
-- retry and failure policies as they were at the request, writes one step per node result (its
-- member from agents.fn_node_members, its status mirrored from the result from now on), and
-- appends run_started. A start that fails (the workflow was unpublished meanwhile, the input no
-- longer fits, nobody can take a node) ends the team run failed with the reason instead of failing
-- the transaction that admitted it (often another run's end).
create or replace function agents.fn_start_team_run(p_team_run agents.team_runs)
 returns void
 language plpgsql
 set search_path to ''
as $function$
declare
  v_assignment agents.workflow_assignments;
  v_workflow lenses.workflows;
  v_run lenses.workflow_runs;
  v_message text;
begin
  select a.* into v_assignment from agents.workflow_assignments a where a.id = p_team_run.assignment_id;
  select w.* into v_workflow from lenses.workflows w where w.id = p_team_run.workflow_id;
  begin
    if v_workflow.status is distinct from 'published' then
      raise exception 'run_workflow_assignment: workflow % is %, only a published workflow runs',
        p_team_run.workflow_id, coalesce(v_workflow.status::text, 'deleted') using errcode = 'PT409';
    end if;
    perform agents.fn_check_team_blocking('run_workflow_assignment', v_assignment);
    v_run := lenses.fn_start_workflow_run('run_workflow_assignment', v_workflow, p_team_run.input, p_team_run.lenser_id,
      p_team_run.lenser_id, p_team_run.deadline_seconds, (p_team_run.policies -> 'retry_policy' ->> 'maxRetries')::integer,
      (p_team_run.policies -> 'failure_policy' ->> 'mode')::lenses.failure_mode);

    insert into agents.agent_run_steps (team_run_id, node_result_id, kind, node_id, node_key, member_id, ai_lenser_id,
      member_source, lane, workflow_order, reviewer_member_id, title, status, current_task, started_at, finished_at)
    select p_team_run.id, r.id, 'perform', r.node_id, r.node_key, m.member_id, m.ai_lenser_id, m.source, m.lane,
           m.workflow_order,
           (select e.source_member_id from agents.team_edges e join agents.team_members rm on rm.id = e.source_member_id
            where e.team_id = p_team_run.assignee_team_id and e.edge_type = 'reviews' and e.target_member_id = m.member_id
            order by rm.lane, rm.created_at, rm.id limit 1),
           left(m.node_title, 200), agents.fn_step_status(r.status),
           case when agents.fn_step_status(r.status) in ('queued', 'running') then left(m.node_title, 2000) end,
           case when agents.fn_step_status(r.status) = 'running' then now() end,
           case when agents.fn_step_status(r.status) in ('completed', 'failed', 'skipped') then now() end
    from lenses.workflow_node_results r
    join agents.fn_node_members('run_workflow_assignment', v_assignment) m on m.node_id = r.node_id
    where r.run_id = v_run.id;
    -- Each reviewed step is followed by its reviewer's review step (one row per node result).
    insert into agents.agent_run_steps (team_run_id, node_result_id, kind, node_id, node_key, member_id, ai_lenser_id,
      member_source, lane, workflow_order, title, status)
    select s.team_run_id, s.node_result_id, 'review', s.node_id, s.node_key, rm.id, rm.agent_id, 'reviewer', rm.lane,
           s.workflow_order, left('Review: ' || s.title, 200), 'queued'
    from agents.agent_run_steps s join agents.team_members rm on rm.id = s.reviewer_member_id
    where s.team_run_id = p_team_run.id and s.kind = 'perform';
    update lenses.workflow_node_results r set mirrored_by_step = true where r.run_id = v_run.id;
  exception when sqlstate '22023' or sqlstate 'P0001' or sqlstate '23514' or sqlstate 'PT409' then
    get stacked diagnostics v_message = message_text;
    update agents.team_runs t set status = 'failed', queue_state = 'admitted', finished_at = now(),
      status_reason = left('failed to start: ' || v_message, 2000)
    where t.id = p_team_run.id;
    perform agents.fn_append_agent_run_event(p_team_run.id, 'run_failed', jsonb_build_object('reason', v_message));
    return;
  end;

  update agents.team_runs t set status = 'running', queue_state = 'admitted', workflow_run_id = v_run.id,
    started_at = now()
  where t.id = p_team_run.id;
  perform agents.fn_append_agent_run_event(p_team_run.id, 'run_started',
    jsonb_build_object('workflow_run_id', v_run.id, 'steps',
      (select count(*) from agents.agent_run_steps s where s.team_run_id = p_team_run.id)));
  perform agents.fn_append_agent_run_event(p_team_run.id, 'step_queued',
            jsonb_build_object('node_key', s.node_key, 'member_id', s.member_id, 'lane', s.lane,
                               'member_source', s.member_source), s.id)
  from agents.agent_run_steps s where s.team_run_id = p_team_run.id and s.kind = 'perform'
  order by s.lane, s.node_key;
end
$function$;

comment on function agents.fn_start_team_run(p_team_run agents.team_runs) is 'Admits a team run: its workflow run, one step per node, run_started; a failed start ends it failed with the reason.';

revoke all on function agents.fn_start_team_run(p_team_run agents.team_runs) from public;

-- Whether the step of a team run's node result may start now (its node result is ready):
--   lanes: no other step of its lane is running, and no other ready step of its lane comes
--   earlier in workflow order (steps of one lane run one at a time, in workflow order; lanes run
--   in parallel);
--   blocking edges: every step of each member its member waits on (team_edges.is_blocking, source
--   waits for target) has ended.
-- A result that may not start waits (fn_lease_tasks defers it) until a step of its run ends or
-- blocks (agents.tg_node_results_mirror_step releases the run's deferred results).
-- Within one claim, p_taken (results the claim has taken so far) count as running and p_ready
-- (successors held by the claim, not yet written as queued) as ready.
create or replace function agents.fn_step_may_start(p_result_id uuid, p_taken uuid[] default '{}'::uuid[], p_ready uuid[] default '{}'::uuid[])
 returns boolean
 language sql
 stable
 set search_path to ''
as $function$
  select not exists (
      select 1 from agents.agent_run_steps o
      join lenses.workflow_node_results r on r.id = o.node_result_id
      where o.team_run_id = s.team_run_id and o.lane = s.lane and o.id <> s.id and o.kind = 'perform'
        and (o.status = 'running' or r.id = any (p_taken)
             or ((r.status in ('queued', 'retrying') or r.id = any (p_ready)) and o.workflow_order < s.workflow_order)))
    and not exists (
      select 1 from agents.team_edges e
      join agents.agent_run_steps t on t.member_id = e.target_member_id and t.team_run_id = s.team_run_id
      where e.source_member_id = s.member_id and e.is_blocking
        and (t.status not in ('completed', 'failed', 'skipped') or t.node_result_id = any (p_taken)))
  from agents.agent_run_steps s
  where s.node_result_id = p_result_id and s.kind = 'perform'
$function$;

comment on function agents.fn_step_may_start(p_result_id uuid, p_taken uuid[], p_ready uuid[]) is 'Whether a team run step may start now: its lane is free (one step at a time, in workflow order) and the members it waits on (blocking edges) are done.';

revoke all on function agents.fn_step_may_start(p_result_id uuid, p_taken uuid[], p_ready uuid[]) from public;
grant execute on function agents.fn_step_may_start(p_result_id uuid, p_taken uuid[], p_ready uuid[]) to service_role;

-- When a team run's workflow run ends, the team run ends with it (completed, failed, cancelled;
-- timed_out counts as failed) and its assignment's queue admits what may start next, in the
-- transaction that ends the workflow run. Fires once per run, only on its terminal transition.
create or replace function agents.tg_workflow_runs_end_team_run()
 returns trigger
 language plpgsql
 security definer
 set search_path to ''
as $function$
declare
  v_team agents.team_runs;
begin
  update agents.team_runs t set
    status = case new.status when 'completed' then 'completed' when 'cancelled' then 'cancelled' else 'failed' end::agents.team_run_status,
    finished_at = now(),
    status_reason = case when new.status = 'completed' then null
                         else left(coalesce(t.status_reason, format('workflow run %s: %s', new.status, coalesce(new.error_message, new.status::text))), 2000) end
  where t.workflow_run_id = new.id and t.status in ('queued', 'running', 'blocked')
  returning * into v_team;
  if not found then
    return null;
  end if;
  perform agents.fn_append_agent_run_event(v_team.id,
    case v_team.status when 'completed' then 'run_completed' when 'cancelled' then 'run_cancelled' else 'run_failed' end::lenses.run_event_type,
    jsonb_build_object('workflow_run_id', new.id, 'workflow_run_status', new.status, 'reason', v_team.status_reason));
  perform agents.fn_admit_team_runs(v_team.assignment_id);
  return null;
end
$function$;

revoke all on function agents.tg_workflow_runs_end_team_run() from public;

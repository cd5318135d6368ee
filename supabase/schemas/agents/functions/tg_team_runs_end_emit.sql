-- When a team run ends (completed, failed or cancelled: with its workflow run, or rejected, expired
-- or cancelled before it started), its end is an event on the bus (agents.events), in the
-- transaction that ends it, at its commit (a deferred constraint trigger): scope = the team run's lenser (whoever started it), subject = the team
-- run, payload = the ids, the status, the reason and the output destination the run recorded with
-- its policies. The output_destination consumers take run_completed events by that destination's kind.
-- [security definer: the ending transaction may be a worker's or a client's; the bus and its deliveries are written as their owner]
create or replace function agents.tg_team_runs_end_emit()
 returns trigger
 language plpgsql
 security definer
 set search_path to ''
as $function$
begin
  perform agents.fn_emit_event(
    p_module => 'agents',
    p_event_type => case new.status when 'completed' then 'run_completed' when 'cancelled' then 'run_cancelled'
                    else 'run_failed' end::lenses.run_event_type,
    p_scope_id => new.lenser_id,
    p_payload => jsonb_strip_nulls(jsonb_build_object(
      'team_run_id', new.id, 'workflow_run_id', new.workflow_run_id, 'assignment_id', new.assignment_id,
      'workflow_id', new.workflow_id, 'status', new.status, 'reason', left(new.status_reason, 2000),
      'output_destination', coalesce(new.policies -> 'output_destination', '{}'::jsonb))),
    p_subject_kind => 'team_run',
    p_subject_id => new.id);
  return null;
end
$function$;

revoke all on function agents.tg_team_runs_end_emit() from public;

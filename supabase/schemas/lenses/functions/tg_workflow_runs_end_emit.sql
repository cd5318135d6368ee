-- When a workflow run ends (completed, failed, cancelled, timed_out), its end is an event on the bus
-- (agents.events), in the transaction that ends it, at its commit (a deferred constraint trigger, as
-- agents.tg_team_runs_end_emit: the scope's lock is the last lock that transaction takes): module
-- lenses, scope = the run's lenser, actor = who started it, subject = the run, the contact of the
-- conversation turn it answers when it is a reply. timed_out is run_failed (its status in the
-- payload). A team run's workflow run emits this and the team run's own end (another subject); the
-- output_destination consumers filter on a payload key only the team run's event has. One call per
-- run end: a few index lookups, nothing per node.
-- [security definer: the ending transaction may be a worker's, the reaper's or a client's; the bus is written as its owner]
create or replace function lenses.tg_workflow_runs_end_emit()
 returns trigger
 language plpgsql
 security definer
 set search_path to ''
as $function$
declare
  v_team_run_id uuid;
  v_parent_run_id uuid;
  v_schedule_id uuid;
  v_contact_id uuid;
begin
  -- Deleted in the ending transaction (its lenser erased): nothing to tell.
  if not exists (select 1 from lenses.workflow_runs r where r.id = new.id) then
    return null;
  end if;
  v_team_run_id := (select t.id from agents.team_runs t where t.workflow_run_id = new.id);
  if new.parent_invocation_id is not null then
    v_parent_run_id := (select x.run_id from agents.tool_invocations i
                        join lenses.workflow_node_results x on x.id = i.workflow_node_result_id
                        where i.id = new.parent_invocation_id);
  end if;
  v_schedule_id := coalesce(
    (select f.schedule_id from lenses.workflow_schedule_fires f where f.workflow_run_id = new.id limit 1),
    (select f.schedule_id from lenses.workflow_schedule_fires f where f.team_run_id = v_team_run_id limit 1));
  v_contact_id := (select c.contact_id from agents.conversation_turns t
                   join agents.conversations c on c.id = t.conversation_id
                   where t.run_id = new.id limit 1);
  perform agents.fn_emit_event(
    p_module => 'lenses',
    p_event_type => case new.status when 'completed' then 'run_completed' when 'cancelled' then 'run_cancelled'
                    else 'run_failed' end::lenses.run_event_type,
    p_scope_id => new.lenser_id,
    p_payload => jsonb_strip_nulls(jsonb_build_object(
      'workflow_run_id', new.id, 'workflow_id', new.workflow_id, 'status', new.status,
      'error', left(new.error_message, 2000), 'started_at', new.started_at, 'finished_at', new.finished_at,
      'parent_run_id', v_parent_run_id, 'parent_invocation_id', new.parent_invocation_id,
      'team_run_id', v_team_run_id, 'schedule_id', v_schedule_id)),
    p_subject_kind => 'workflow_run',
    p_subject_id => new.id,
    p_actor_id => new.started_by,
    p_contact_id => v_contact_id);
  return null;
end
$function$;

revoke all on function lenses.tg_workflow_runs_end_emit() from public;

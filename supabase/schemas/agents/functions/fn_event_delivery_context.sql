-- What a worker consumer needs beyond the event to handle one delivery, returned by
-- public.claim_event_deliveries. output_webhook: the destination (as the team run recorded its
-- policies at the request), the team run and its workflow run's output. Other consumers: {}.
create or replace function agents.fn_event_delivery_context(p_consumer text, p_event agents.events)
 returns jsonb
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_team agents.team_runs;
  v_run lenses.workflow_runs;
begin
  if p_consumer = 'output_webhook' and p_event.subject_kind = 'team_run' then
    select t.* into v_team from agents.team_runs t where t.id = p_event.subject_id;
    select r.* into v_run from lenses.workflow_runs r where r.id = v_team.workflow_run_id;
    return jsonb_build_object(
      'destination', v_team.policies -> 'output_destination',
      'team_run', case when v_team.id is null then null else jsonb_build_object(
        'id', v_team.id, 'status', v_team.status, 'assignment_id', v_team.assignment_id,
        'workflow_id', v_team.workflow_id, 'workflow_run_id', v_team.workflow_run_id,
        'finished_at', v_team.finished_at) end,
      'output', v_run.output);
  end if;
  return '{}'::jsonb;
end
$function$;

comment on function agents.fn_event_delivery_context(p_consumer text, p_event agents.events) is 'What a worker consumer needs to handle a delivery (output_webhook: destination, team run, output).';

revoke all on function agents.fn_event_delivery_context(p_consumer text, p_event agents.events) from public;
grant execute on function agents.fn_event_delivery_context(p_consumer text, p_event agents.events) to service_role;

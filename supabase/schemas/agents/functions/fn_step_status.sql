-- A step's status for its node result's status.
create or replace function agents.fn_step_status(p_status lenses.node_result_status)
 returns agents.agent_run_step_status
 language sql
 immutable
 set search_path to ''
as $function$
  select case p_status
    when 'running' then 'running'
    when 'streaming' then 'running'
    when 'completed' then 'completed'
    when 'failed' then 'failed'
    when 'timed_out' then 'failed'
    when 'blocked' then 'blocked'
    when 'skipped' then 'skipped'
    when 'cancelled' then 'skipped'
    when 'invalidated' then 'skipped'
    else 'queued'
  end::agents.agent_run_step_status
$function$;

comment on function agents.fn_step_status(p_status lenses.node_result_status) is 'The step status that mirrors a node result status (timed_out fails, cancelled and invalidated skip).';

revoke all on function agents.fn_step_status(p_status lenses.node_result_status) from public;
grant execute on function agents.fn_step_status(p_status lenses.node_result_status) to authenticated, service_role;

-- The sweeper (pg_cron, every minute): pending approvals past their expiry end cancelled with the
-- reason. Returns how many expired.
create or replace function agents.fn_expire_team_run_approvals(p_limit integer default 1000)
 returns integer
 language plpgsql
 set search_path to ''
as $function$
declare
  v_run agents.team_runs;
  v_count integer := 0;
begin
  for v_run in
    select t.* from agents.team_runs t
    where t.approval_status = 'pending' and t.status = 'queued' and t.approval_expires_at <= now()
    order by t.approval_expires_at
    limit p_limit
    for update skip locked
  loop
    update agents.team_runs t set status = 'cancelled', finished_at = now(),
      status_reason = format('the approval request expired at %s without a decision', v_run.approval_expires_at)
    where t.id = v_run.id;
    perform agents.fn_append_agent_run_event(v_run.id, 'run_cancelled',
      jsonb_build_object('reason', 'approval_expired', 'expired_at', v_run.approval_expires_at));
    v_count := v_count + 1;
  end loop;
  return v_count;
end
$function$;

comment on function agents.fn_expire_team_run_approvals(p_limit integer) is 'Ends pending team run approvals past their expiry as cancelled, with the reason (the pg_cron sweeper).';

revoke all on function agents.fn_expire_team_run_approvals(p_limit integer) from public;
grant execute on function agents.fn_expire_team_run_approvals(p_limit integer) to service_role;

-- [security definer: writes the decision and starts the run; checks the caller's role against approverRoles]
create or replace function public.reject_team_run(p_team_run_id uuid, p_reason text)
 returns agents.team_runs
 language plpgsql
 security definer
 set search_path to ''
as $function$
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_text('reject_team_run', 'p_reason', p_reason, 1000);
  return agents.fn_decide_team_run('reject_team_run', p_team_run_id, false, p_reason);
end
$function$;

comment on function public.reject_team_run(p_team_run_id uuid, p_reason text) is 'Rejects a pending team run with a reason (once): it ends cancelled.';

revoke all on function public.reject_team_run(p_team_run_id uuid, p_reason text) from public;
grant execute on function public.reject_team_run(p_team_run_id uuid, p_reason text) to authenticated;

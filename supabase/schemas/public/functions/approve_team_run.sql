-- [security definer: writes the decision and starts the run; checks the caller's role against approverRoles]
create or replace function public.approve_team_run(p_team_run_id uuid, p_reason text default NULL::text)
 returns agents.team_runs
 language plpgsql
 security definer
 set search_path to ''
as $function$
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_text('approve_team_run', 'p_reason', p_reason, 1000);
  return agents.fn_decide_team_run('approve_team_run', p_team_run_id, true, p_reason);
end
$function$;

comment on function public.approve_team_run(p_team_run_id uuid, p_reason text) is 'Approves a pending team run (once; refused when the assignment changed since the request): the queue policy then starts, queues or skips it.';

revoke all on function public.approve_team_run(p_team_run_id uuid, p_reason text) from public;
grant execute on function public.approve_team_run(p_team_run_id uuid, p_reason text) to authenticated;

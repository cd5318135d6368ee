-- [security definer: writes run rows clients cannot write; checks the caller may act on the run]
create or replace function public.cancel_workflow_run(p_run_id uuid, p_reason text default NULL::text)
 returns lenses.workflow_runs
 language plpgsql
 security definer
 set search_path to ''
as $function$
declare
  v_run lenses.workflow_runs;
  v_reason text := coalesce(nullif(btrim(p_reason), ''), 'cancelled by request');
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_text('cancel_workflow_run', 'p_reason', p_reason, 1000);
  if p_run_id is null then
    raise exception 'cancel_workflow_run: p_run_id is required' using errcode = '22023';
  end if;
  if char_length(v_reason) > 1000 then
    raise exception 'cancel_workflow_run: p_reason must be at most 1000 characters' using errcode = '22023';
  end if;
  perform lenses.fn_lock_run(p_run_id);
  select r.* into v_run from lenses.workflow_runs r where r.id = p_run_id;
  if not found or not (auth.role() = 'service_role' or lenses.fn_caller_may_act_on_run(v_run)) then
    raise exception 'cancel_workflow_run: no run % that you can act on', p_run_id using errcode = 'PT404';
  end if;
  if v_run.status in ('completed', 'failed', 'cancelled', 'timed_out') then
    raise exception 'cancel_workflow_run: run % already ended (%)', p_run_id, v_run.status using errcode = 'PT409';
  end if;

  return lenses.fn_cancel_run(p_run_id, v_reason, lensers.current_profile_id());
end
$function$;

comment on function public.cancel_workflow_run(p_run_id uuid, p_reason text) is 'Cancels a run: pending and running work is cancelled and later completions are refused.';

revoke all on function public.cancel_workflow_run(p_run_id uuid, p_reason text) from public;
grant execute on function public.cancel_workflow_run(p_run_id uuid, p_reason text) to authenticated, service_role;

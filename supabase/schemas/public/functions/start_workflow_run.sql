-- [security definer: writes the run's internal rows; checks that the caller may run the workflow]
create or replace function public.start_workflow_run(p_workflow_id uuid, p_input jsonb default '{}'::jsonb, p_deadline_seconds integer default NULL::integer, p_max_retries integer default NULL::integer, p_failure_mode lenses.failure_mode default NULL::lenses.failure_mode)
 returns lenses.workflow_runs
 language plpgsql
 security definer
 set search_path to ''
as $function$
declare
  v_me uuid := lensers.current_profile_id();
  v_workflow lenses.workflows;
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_json('start_workflow_run', 'p_input', p_input, 262144, 32);
  if v_me is null then
    raise exception 'start_workflow_run: sign in first (no profile for this JWT)' using errcode = '42501';
  end if;
  if p_workflow_id is null then
    raise exception 'start_workflow_run: p_workflow_id is required' using errcode = '22023';
  end if;
  select w.* into v_workflow from lenses.workflows w where w.id = p_workflow_id;
  if not found or not (v_workflow.visibility = 'public' or v_workflow.lenser_id in (select lensers.actable_profile_ids())) then
    raise exception 'start_workflow_run: no workflow % that you can run', p_workflow_id using errcode = 'PT404';
  end if;
  if v_workflow.status <> 'published' then
    raise exception 'start_workflow_run: workflow % is %, only a published workflow runs', p_workflow_id, v_workflow.status
      using errcode = 'PT409';
  end if;
  if p_input is null or jsonb_typeof(p_input) <> 'object' then
    raise exception 'start_workflow_run: p_input must be a JSON object' using errcode = '22023';
  end if;
  if p_deadline_seconds is not null and p_deadline_seconds not between 1 and 604800 then
    raise exception 'start_workflow_run: p_deadline_seconds must be between 1 and 604800, got %', p_deadline_seconds
      using errcode = '22023';
  end if;
  if p_max_retries is not null and p_max_retries not between 0 and 10 then
    raise exception 'start_workflow_run: p_max_retries must be between 0 and 10, got %', p_max_retries using errcode = '22023';
  end if;

  -- The run is the starter's: the workflow's lenser's only when the caller may act as it (their own
  -- workflow, or one of an AI they own, co-own or operate); a stranger's run of a public workflow
  -- is the stranger's (input, output, events, ledger, budgets), never the workflow owner's.
  return lenses.fn_start_workflow_run('start_workflow_run', v_workflow, p_input,
    case when v_workflow.lenser_id in (select lensers.actable_profile_ids()) then v_workflow.lenser_id else v_me end,
    v_me, p_deadline_seconds, p_max_retries, p_failure_mode);
end
$function$;

comment on function public.start_workflow_run(p_workflow_id uuid, p_input jsonb, p_deadline_seconds integer, p_max_retries integer, p_failure_mode lenses.failure_mode) is 'Starts a run of a published workflow (the run is the caller''s; the workflow''s lenser''s when the caller may act as it): validates it and the input against the entry nodes'' input contracts, creates one result per node and queues the roots.';

revoke all on function public.start_workflow_run(p_workflow_id uuid, p_input jsonb, p_deadline_seconds integer, p_max_retries integer, p_failure_mode lenses.failure_mode) from public;
grant execute on function public.start_workflow_run(p_workflow_id uuid, p_input jsonb, p_deadline_seconds integer, p_max_retries integer, p_failure_mode lenses.failure_mode) to authenticated;

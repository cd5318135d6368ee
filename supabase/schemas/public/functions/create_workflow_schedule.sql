-- Schedules a workflow (or, with p_workflow_assignment_id, an assignment's team run) on a cron
-- expression in an IANA time zone, for an owner of the workflow. Runs belong to the caller.
-- [security definer: writes schedules; checks the caller owns the workflow and the assignee]
create or replace function public.create_workflow_schedule(p_workflow_id uuid, p_name text, p_cron_expression text, p_timezone text default 'UTC'::text, p_input jsonb default '{}'::jsonb, p_workflow_assignment_id uuid default NULL::uuid, p_start_at timestamp with time zone default NULL::timestamp with time zone, p_end_at timestamp with time zone default NULL::timestamp with time zone, p_max_fires integer default NULL::integer, p_catch_up_window_seconds integer default NULL::integer, p_dst_gap lenses.schedule_dst_gap default 'fire_after_gap'::lenses.schedule_dst_gap, p_dst_overlap lenses.schedule_dst_overlap default 'first'::lenses.schedule_dst_overlap, p_queue_policy jsonb default NULL::jsonb, p_retry_policy jsonb default NULL::jsonb, p_failure_policy jsonb default NULL::jsonb, p_approval_policy jsonb default NULL::jsonb)
 returns lenses.workflow_schedules
 language plpgsql
 security definer
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'create_workflow_schedule';
  v_me uuid := lensers.current_profile_id();
  v_assignment agents.workflow_assignments;
  v_role text;
  v_schedule lenses.workflow_schedules;
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_text('create_workflow_schedule', 'p_name', p_name, 200);
  perform lensers.fn_limit_text('create_workflow_schedule', 'p_cron_expression', p_cron_expression, 200);
  perform lensers.fn_limit_text('create_workflow_schedule', 'p_timezone', p_timezone, 200);
  perform lensers.fn_limit_json('create_workflow_schedule', 'p_input', p_input, 262144, 32);
  perform lensers.fn_limit_json('create_workflow_schedule', 'p_queue_policy', p_queue_policy, 65536, 32);
  perform lensers.fn_limit_json('create_workflow_schedule', 'p_retry_policy', p_retry_policy, 65536, 32);
  perform lensers.fn_limit_json('create_workflow_schedule', 'p_failure_policy', p_failure_policy, 65536, 32);
  perform lensers.fn_limit_json('create_workflow_schedule', 'p_approval_policy', p_approval_policy, 65536, 32);
  if v_me is null then
    raise exception '%: sign in first (no profile for this JWT)', c_rpc using errcode = '42501';
  end if;
  if p_workflow_id is null or p_name is null or p_cron_expression is null or p_timezone is null or p_input is null
     or p_dst_gap is null or p_dst_overlap is null then
    raise exception '%: % is required', c_rpc,
      case when p_workflow_id is null then 'p_workflow_id' when p_name is null then 'p_name'
           when p_cron_expression is null then 'p_cron_expression' when p_timezone is null then 'p_timezone'
           when p_input is null then 'p_input' when p_dst_gap is null then 'p_dst_gap' else 'p_dst_overlap' end
      using errcode = '22023';
  end if;
  perform lenses.fn_rpc_schedule_settings(c_rpc, p_name, p_cron_expression, p_timezone, p_input, p_start_at, p_end_at,
    p_max_fires, p_catch_up_window_seconds, p_queue_policy, p_retry_policy, p_failure_policy);
  perform lenses.fn_rpc_schedule_approval(c_rpc, p_workflow_assignment_id, p_approval_policy);
  if p_workflow_assignment_id is not null then
    select a.* into v_assignment from agents.workflow_assignments a where a.id = p_workflow_assignment_id;
    if not found or v_assignment.workflow_id <> p_workflow_id then
      raise exception '%: no assignment % of workflow % that you can see', c_rpc, p_workflow_assignment_id, p_workflow_id
        using errcode = 'PT404';
    end if;
  end if;
  v_role := lenses.fn_schedule_role(p_workflow_id, p_workflow_assignment_id);
  if v_role is null then
    raise exception '%: no workflow % that you can schedule', c_rpc, p_workflow_id using errcode = 'PT404';
  elsif v_role <> 'owner' then
    raise exception '%: only an owner of the workflow (and of the assignee) may schedule it', c_rpc using errcode = '42501';
  end if;

  insert into lenses.workflow_schedules (lenser_id, workflow_id, workflow_assignment_id, assignee_type, assignee_id, name,
    cron_expression, timezone, input, dst_gap, dst_overlap, catch_up_window_seconds, start_at, end_at, max_fires,
    queue_policy, retry_policy, failure_policy, approval_policy)
  values (v_me, p_workflow_id, p_workflow_assignment_id, v_assignment.assignee_kind,
    coalesce(v_assignment.assignee_ai_lenser_id, v_assignment.assignee_team_id), btrim(p_name), btrim(p_cron_expression),
    p_timezone, p_input, p_dst_gap, p_dst_overlap, p_catch_up_window_seconds, p_start_at, p_end_at, p_max_fires,
    p_queue_policy, p_retry_policy, p_failure_policy, p_approval_policy)
  returning * into v_schedule;
  update lenses.workflow_schedules s set next_run_at = lenses.fn_schedule_next_fire(v_schedule, now(), false)
  where s.id = v_schedule.id returning * into v_schedule;
  return v_schedule;
end
$function$;

comment on function public.create_workflow_schedule(p_workflow_id uuid, p_name text, p_cron_expression text, p_timezone text, p_input jsonb, p_workflow_assignment_id uuid, p_start_at timestamp with time zone, p_end_at timestamp with time zone, p_max_fires integer, p_catch_up_window_seconds integer, p_dst_gap lenses.schedule_dst_gap, p_dst_overlap lenses.schedule_dst_overlap, p_queue_policy jsonb, p_retry_policy jsonb, p_failure_policy jsonb, p_approval_policy jsonb) is 'Schedules a workflow (or an assignment''s team run) on a five-field cron expression in an IANA time zone.';

revoke all on function public.create_workflow_schedule(p_workflow_id uuid, p_name text, p_cron_expression text, p_timezone text, p_input jsonb, p_workflow_assignment_id uuid, p_start_at timestamp with time zone, p_end_at timestamp with time zone, p_max_fires integer, p_catch_up_window_seconds integer, p_dst_gap lenses.schedule_dst_gap, p_dst_overlap lenses.schedule_dst_overlap, p_queue_policy jsonb, p_retry_policy jsonb, p_failure_policy jsonb, p_approval_policy jsonb) from public;
grant execute on function public.create_workflow_schedule(p_workflow_id uuid, p_name text, p_cron_expression text, p_timezone text, p_input jsonb, p_workflow_assignment_id uuid, p_start_at timestamp with time zone, p_end_at timestamp with time zone, p_max_fires integer, p_catch_up_window_seconds integer, p_dst_gap lenses.schedule_dst_gap, p_dst_overlap lenses.schedule_dst_overlap, p_queue_policy jsonb, p_retry_policy jsonb, p_failure_policy jsonb, p_approval_policy jsonb) to authenticated;

-- Changes a schedule's settings (an owner); null arguments keep their value. The next fire time is
-- computed again from now: a change never fires the past.
-- [security definer: writes schedules; checks the caller owns the workflow]
create or replace function public.update_workflow_schedule(p_schedule_id uuid, p_name text default NULL::text, p_cron_expression text default NULL::text, p_timezone text default NULL::text, p_input jsonb default NULL::jsonb, p_start_at timestamp with time zone default NULL::timestamp with time zone, p_end_at timestamp with time zone default NULL::timestamp with time zone, p_max_fires integer default NULL::integer, p_catch_up_window_seconds integer default NULL::integer, p_dst_gap lenses.schedule_dst_gap default NULL::lenses.schedule_dst_gap, p_dst_overlap lenses.schedule_dst_overlap default NULL::lenses.schedule_dst_overlap, p_queue_policy jsonb default NULL::jsonb, p_retry_policy jsonb default NULL::jsonb, p_failure_policy jsonb default NULL::jsonb, p_approval_policy jsonb default NULL::jsonb)
 returns lenses.workflow_schedules
 language plpgsql
 security definer
 set search_path to ''
as $function$
declare
  v_schedule lenses.workflow_schedules := lenses.fn_rpc_schedule('update_workflow_schedule', p_schedule_id, 'owner');
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_text('update_workflow_schedule', 'p_name', p_name, 200);
  perform lensers.fn_limit_text('update_workflow_schedule', 'p_cron_expression', p_cron_expression, 200);
  perform lensers.fn_limit_text('update_workflow_schedule', 'p_timezone', p_timezone, 200);
  perform lensers.fn_limit_json('update_workflow_schedule', 'p_input', p_input, 262144, 32);
  perform lensers.fn_limit_json('update_workflow_schedule', 'p_queue_policy', p_queue_policy, 65536, 32);
  perform lensers.fn_limit_json('update_workflow_schedule', 'p_retry_policy', p_retry_policy, 65536, 32);
  perform lensers.fn_limit_json('update_workflow_schedule', 'p_failure_policy', p_failure_policy, 65536, 32);
  perform lensers.fn_limit_json('update_workflow_schedule', 'p_approval_policy', p_approval_policy, 65536, 32);
  perform lenses.fn_rpc_schedule_settings('update_workflow_schedule', p_name, p_cron_expression, p_timezone, p_input,
    coalesce(p_start_at, v_schedule.start_at), coalesce(p_end_at, v_schedule.end_at), p_max_fires,
    p_catch_up_window_seconds, p_queue_policy, p_retry_policy, p_failure_policy);
  perform lenses.fn_rpc_schedule_approval('update_workflow_schedule', v_schedule.workflow_assignment_id, p_approval_policy);
  update lenses.workflow_schedules s set
    name = coalesce(btrim(p_name), s.name),
    cron_expression = coalesce(btrim(p_cron_expression), s.cron_expression),
    timezone = coalesce(p_timezone, s.timezone),
    input = coalesce(p_input, s.input),
    start_at = coalesce(p_start_at, s.start_at),
    end_at = coalesce(p_end_at, s.end_at),
    max_fires = coalesce(p_max_fires, s.max_fires),
    catch_up_window_seconds = coalesce(p_catch_up_window_seconds, s.catch_up_window_seconds),
    dst_gap = coalesce(p_dst_gap, s.dst_gap),
    dst_overlap = coalesce(p_dst_overlap, s.dst_overlap),
    queue_policy = coalesce(p_queue_policy, s.queue_policy),
    retry_policy = coalesce(p_retry_policy, s.retry_policy),
    failure_policy = coalesce(p_failure_policy, s.failure_policy),
    approval_policy = coalesce(p_approval_policy, s.approval_policy)
  where s.id = v_schedule.id
  returning * into v_schedule;
  update lenses.workflow_schedules s set next_run_at = lenses.fn_schedule_next_fire(v_schedule, now(), false)
  where s.id = v_schedule.id returning * into v_schedule;
  return v_schedule;
end
$function$;

comment on function public.update_workflow_schedule(p_schedule_id uuid, p_name text, p_cron_expression text, p_timezone text, p_input jsonb, p_start_at timestamp with time zone, p_end_at timestamp with time zone, p_max_fires integer, p_catch_up_window_seconds integer, p_dst_gap lenses.schedule_dst_gap, p_dst_overlap lenses.schedule_dst_overlap, p_queue_policy jsonb, p_retry_policy jsonb, p_failure_policy jsonb, p_approval_policy jsonb) is 'Changes a schedule''s settings (owners); the next fire time is computed again from now.';

revoke all on function public.update_workflow_schedule(p_schedule_id uuid, p_name text, p_cron_expression text, p_timezone text, p_input jsonb, p_start_at timestamp with time zone, p_end_at timestamp with time zone, p_max_fires integer, p_catch_up_window_seconds integer, p_dst_gap lenses.schedule_dst_gap, p_dst_overlap lenses.schedule_dst_overlap, p_queue_policy jsonb, p_retry_policy jsonb, p_failure_policy jsonb, p_approval_policy jsonb) from public;
grant execute on function public.update_workflow_schedule(p_schedule_id uuid, p_name text, p_cron_expression text, p_timezone text, p_input jsonb, p_start_at timestamp with time zone, p_end_at timestamp with time zone, p_max_fires integer, p_catch_up_window_seconds integer, p_dst_gap lenses.schedule_dst_gap, p_dst_overlap lenses.schedule_dst_overlap, p_queue_policy jsonb, p_retry_policy jsonb, p_failure_policy jsonb, p_approval_policy jsonb) to authenticated;

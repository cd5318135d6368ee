-- The settings an RPC gives a schedule, each refused with 22023 naming its argument: the cron
-- expression, the time zone, the input (an object of at most 256 KiB), the start/end window, the
-- fire limit, the catch-up window, and the queue, retry and failure policies.
create or replace function lenses.fn_rpc_schedule_settings(p_rpc text, p_name text, p_cron_expression text, p_timezone text, p_input jsonb, p_start_at timestamp with time zone, p_end_at timestamp with time zone, p_max_fires integer, p_catch_up_window_seconds integer, p_queue_policy jsonb, p_retry_policy jsonb, p_failure_policy jsonb)
 returns void
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_errors text[];
  v_zone_error text;
begin
  if p_name is not null and (char_length(btrim(p_name)) = 0 or char_length(p_name) > 120) then
    raise exception '%: p_name must be 1 to 120 characters', p_rpc using errcode = '22023';
  end if;
  if p_cron_expression is not null then
    if char_length(p_cron_expression) > 256 then
      raise exception '%: p_cron_expression must be at most 256 characters', p_rpc using errcode = '22023';
    end if;
    v_errors := lenses.fn_cron_expression_errors(p_cron_expression);
    if cardinality(v_errors) > 0 then
      raise exception '%: p_cron_expression is invalid: %', p_rpc, array_to_string(v_errors, '; ') using errcode = '22023';
    end if;
  end if;
  if p_timezone is not null then
    v_zone_error := case when char_length(p_timezone) > 64 then 'must be at most 64 characters'
                         else lenses.fn_cron_time_zone_error(p_timezone) end;
    if v_zone_error is not null then
      raise exception '%: p_timezone is invalid: %', p_rpc, v_zone_error using errcode = '22023';
    end if;
  end if;
  if p_input is not null and jsonb_typeof(p_input) <> 'object' then
    raise exception '%: p_input must be a JSON object', p_rpc using errcode = '22023';
  end if;
  if octet_length(p_input::text) > 262144 then
    raise exception '%: p_input is % bytes; at most 262144', p_rpc, octet_length(p_input::text) using errcode = '22023';
  end if;
  if p_start_at is not null and p_end_at is not null and p_end_at <= p_start_at then
    raise exception '%: p_end_at must be after p_start_at', p_rpc using errcode = '22023';
  end if;
  if p_max_fires is not null and p_max_fires not between 1 and 1000000 then
    raise exception '%: p_max_fires must be between 1 and 1000000, got %', p_rpc, p_max_fires using errcode = '22023';
  end if;
  if p_catch_up_window_seconds is not null and p_catch_up_window_seconds not between 0 and 604800 then
    raise exception '%: p_catch_up_window_seconds must be between 0 and 604800, got %', p_rpc, p_catch_up_window_seconds
      using errcode = '22023';
  end if;
  if p_queue_policy is not null and cardinality(agents.fn_queue_policy_errors(p_queue_policy)) > 0 then
    raise exception '%: p_queue_policy is invalid: %', p_rpc, array_to_string(agents.fn_queue_policy_errors(p_queue_policy), '; ')
      using errcode = '22023';
  end if;
  if p_retry_policy is not null and cardinality(agents.fn_retry_policy_errors(p_retry_policy)) > 0 then
    raise exception '%: p_retry_policy is invalid: %', p_rpc, array_to_string(agents.fn_retry_policy_errors(p_retry_policy), '; ')
      using errcode = '22023';
  end if;
  if p_failure_policy is not null and cardinality(agents.fn_failure_policy_errors(p_failure_policy)) > 0 then
    raise exception '%: p_failure_policy is invalid: %', p_rpc, array_to_string(agents.fn_failure_policy_errors(p_failure_policy), '; ')
      using errcode = '22023';
  end if;
end
$function$;

comment on function lenses.fn_rpc_schedule_settings(p_rpc text, p_name text, p_cron_expression text, p_timezone text, p_input jsonb, p_start_at timestamp with time zone, p_end_at timestamp with time zone, p_max_fires integer, p_catch_up_window_seconds integer, p_queue_policy jsonb, p_retry_policy jsonb, p_failure_policy jsonb) is 'Refuses a schedule setting an RPC was given (22023, naming the argument); null arguments are not checked.';

revoke all on function lenses.fn_rpc_schedule_settings(p_rpc text, p_name text, p_cron_expression text, p_timezone text, p_input jsonb, p_start_at timestamp with time zone, p_end_at timestamp with time zone, p_max_fires integer, p_catch_up_window_seconds integer, p_queue_policy jsonb, p_retry_policy jsonb, p_failure_policy jsonb) from public;

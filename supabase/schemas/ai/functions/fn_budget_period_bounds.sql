-- The period of a budget containing p_at, on UTC boundaries: day (00:00 UTC), week (Monday 00:00
-- UTC), month (the 1st, 00:00 UTC); none is one period from -infinity to infinity.
-- PL/pgSQL rather than SQL: a SQL function with its own search_path is never inlined and is planned
-- again at every call; PL/pgSQL keeps its plan for the session (the claim calls this every time).
create or replace function ai.fn_budget_period_bounds(p_period ai.budget_period, p_at timestamp with time zone, OUT period_start timestamp with time zone, OUT period_end timestamp with time zone)
 returns record
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  select case when p_period = 'none' then '-infinity'::timestamptz
              else date_trunc(p_period::text, p_at at time zone 'UTC') at time zone 'UTC' end,
         case when p_period = 'none' then 'infinity'::timestamptz
              else (date_trunc(p_period::text, p_at at time zone 'UTC') + ('1 ' || p_period::text)::interval) at time zone 'UTC' end
  into period_start, period_end;
end
$function$;

comment on function ai.fn_budget_period_bounds(p_period ai.budget_period, p_at timestamp with time zone, OUT period_start timestamp with time zone, OUT period_end timestamp with time zone) is 'The UTC period (start, end) of a budget period kind containing a time; none: -infinity to infinity.';

revoke all on function ai.fn_budget_period_bounds(p_period ai.budget_period, p_at timestamp with time zone, OUT period_start timestamp with time zone, OUT period_end timestamp with time zone) from public;
grant execute on function ai.fn_budget_period_bounds(p_period ai.budget_period, p_at timestamp with time zone, OUT period_start timestamp with time zone, OUT period_end timestamp with time zone) to authenticated, service_role;

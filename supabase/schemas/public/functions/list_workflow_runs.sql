create or replace function public.list_workflow_runs(p_workflow_id uuid default NULL::uuid, p_status lenses.workflow_run_status default NULL::lenses.workflow_run_status, p_limit integer default 50, p_offset integer default 0)
 returns setof lenses.workflow_runs
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  perform lensers.fn_rpc_page('list_workflow_runs', p_limit, p_offset);
  if (select auth.uid()) is null then
    -- service_role (RLS bypassed): every run.
    return query
      select r.* from lenses.workflow_runs r
      where (p_workflow_id is null or r.workflow_id = p_workflow_id) and (p_status is null or r.status = p_status)
      order by r.created_at desc, r.id
      limit p_limit offset p_offset;
    return;
  end if;
  -- A user sees the runs of the profiles they may act as (RLS says the same). Read newest first per
  -- profile from workflow_runs_lenser_idx, at most one page's worth each, and merged: left to RLS
  -- alone, the planner cannot tell which lenser_ids the policy keeps, and scans the whole table
  -- (npm run bench, CL_BENCH_MODE=rls: 250 ms against 0.15 ms at 1M runs).
  return query
    select r.*
    from unnest(array(select lensers.actable_profile_ids())) as p(id)
    cross join lateral (
      select x.* from lenses.workflow_runs x
      where x.lenser_id = p.id
        and (p_workflow_id is null or x.workflow_id = p_workflow_id) and (p_status is null or x.status = p_status)
      order by x.created_at desc, x.id
      limit p_limit + p_offset) r
    order by r.created_at desc, r.id
    limit p_limit offset p_offset;
end
$function$;

comment on function public.list_workflow_runs(p_workflow_id uuid, p_status lenses.workflow_run_status, p_limit integer, p_offset integer) is 'Runs the caller may see, newest first.';

revoke all on function public.list_workflow_runs(p_workflow_id uuid, p_status lenses.workflow_run_status, p_limit integer, p_offset integer) from public;
grant execute on function public.list_workflow_runs(p_workflow_id uuid, p_status lenses.workflow_run_status, p_limit integer, p_offset integer) to authenticated, service_role;

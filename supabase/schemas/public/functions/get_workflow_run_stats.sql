-- What a workflow's owner sees of its runs, whoever started them: per status, how many, their total
-- cost and when the latest was created. Nothing of a run's data (no ids, no starters, no input,
-- output, events or ledger): a run of someone else's is theirs (README "Who a run belongs to").
-- [security definer: counts runs of other lensers, which RLS hides from the workflow's owner; checks the caller may act as the workflow's lenser]
create or replace function public.get_workflow_run_stats(p_workflow_id uuid)
 returns table(status lenses.workflow_run_status, runs bigint, total_cost_credits numeric, last_run_at timestamp with time zone)
 language plpgsql
 stable security definer
 set search_path to ''
as $function$
begin
  if p_workflow_id is null then
    raise exception 'get_workflow_run_stats: p_workflow_id is required' using errcode = '22023';
  end if;
  if not exists (select 1 from lenses.workflows w
                 where w.id = p_workflow_id and w.lenser_id in (select lensers.actable_profile_ids())) then
    raise exception 'get_workflow_run_stats: no workflow % of yours', p_workflow_id using errcode = 'PT404';
  end if;
  return query
    select r.status, count(*)::bigint, coalesce(sum(r.total_cost_credits), 0)::numeric, max(r.created_at)
    from lenses.workflow_runs r
    where r.workflow_id = p_workflow_id
    group by r.status
    order by r.status;
end
$function$;

comment on function public.get_workflow_run_stats(p_workflow_id uuid) is 'Runs of a workflow of yours by status, whoever started them: count, total cost, latest start; nothing of their data.';

revoke all on function public.get_workflow_run_stats(p_workflow_id uuid) from public;
grant execute on function public.get_workflow_run_stats(p_workflow_id uuid) to authenticated;

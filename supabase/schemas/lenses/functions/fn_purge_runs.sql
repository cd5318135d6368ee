-- The one way runs and their logs leave (README "Retention"). Two modes, exactly one per call:
--  * age (p_older_than): deletes up to p_limit ended workflow runs (completed, failed, cancelled,
--    timed out) that finished more than p_older_than ago, oldest first, with everything of theirs
--    (node results, events, provenance, ledger rows, turns, journal, policy decisions, reservations)
--    and the ended team runs that drove them (steps, team events); and up to p_limit bus events
--    (agents.events) as old, with their deliveries, except each scope's newest and those a consumer
--    has not settled (pending or processing). A run stays, however old, while
--    its ledger still accounts for money: when a settled or held reservation of it is charged to a
--    budget period that has not ended, of a budget that is not archived (kept_for_ledger counts
--    them); and while the team run driving it has not ended.
--  * erase (p_lenser_id): erases a lenser: deletes the profile (a human's auth.users row, which
--    takes the profile) and with it, whatever their age or state, their runs, the runs of their
--    workflows, their team runs, their budgets and their alerts, and the bus events of their scope. The ledger rows of those runs go
--    too: what they cost stays counted in the budget periods of budgets that survive.
-- Each call records itself in lenses.retention_purges; the append-only logs accept its deletes only
-- while that row is open in this transaction, and it is closed before the function returns.
-- SECURITY DEFINER: it deletes from the logs as their owner; only service_role (and pg_cron, as
-- postgres) may execute it.
create or replace function lenses.fn_purge_runs(
  p_older_than interval default null,
  p_lenser_id uuid default null,
  p_limit integer default 10000,
  out purge_id bigint,
  out workflow_runs integer,
  out team_runs integer,
  out kept_for_ledger integer)
 returns record
 language plpgsql
 security definer
 set search_path to ''
as $function$
declare
  v_cutoff timestamptz;
  v_runs uuid[];
  v_user_id uuid;
begin
  if (p_older_than is null) = (p_lenser_id is null) then
    raise exception 'fn_purge_runs: give exactly one of p_older_than (purge by age) and p_lenser_id (erase a lenser)'
      using errcode = '22023';
  end if;
  if p_older_than < interval '0' then
    raise exception 'fn_purge_runs: p_older_than must not be negative (got %)', p_older_than using errcode = '22023';
  end if;
  if p_limit is null or p_limit < 1 or p_limit > 100000 then
    raise exception 'fn_purge_runs: p_limit must be between 1 and 100000 (got %)', coalesce(p_limit::text, 'null')
      using errcode = '22023';
  end if;

  if p_lenser_id is not null then
    select p.user_id into v_user_id from lensers.profiles p where p.id = p_lenser_id for update;
    if not found then
      raise exception 'fn_purge_runs: p_lenser_id: no profile %', p_lenser_id using errcode = 'PT404';
    end if;
    insert into lenses.retention_purges (transaction_id, mode, lenser_id)
    values (pg_current_xact_id(), 'erase', p_lenser_id)
    returning id into purge_id;
    select count(*) into workflow_runs from lenses.workflow_runs r
    where r.lenser_id = p_lenser_id
       or r.workflow_id in (select w.id from lenses.workflows w where w.lenser_id = p_lenser_id);
    select count(*) into team_runs from agents.team_runs t
    where t.lenser_id = p_lenser_id
       or t.workflow_id in (select w.id from lenses.workflows w where w.lenser_id = p_lenser_id)
       or t.assignee_ai_lenser_id in (select a.id from agents.ai_lensers a where a.profile_id = p_lenser_id)
       or t.assignee_team_id in (select m.id from agents.teams m where m.owner_lenser_id = p_lenser_id);
    if v_user_id is not null then
      delete from auth.users u where u.id = v_user_id;
    end if;
    delete from lensers.profiles p where p.id = p_lenser_id;
    kept_for_ledger := 0;
  else
    insert into lenses.retention_purges (transaction_id, mode, older_than)
    values (pg_current_xact_id(), 'age', p_older_than)
    returning id into purge_id;
    v_cutoff := now() - p_older_than;
    with old_runs as (
      select r.id, r.finished_at,
             exists (
               select 1
               from lenses.workflow_node_results x
               join ai.budget_reservations br on br.node_result_id = x.id
               cross join lateral unnest(br.budget_ids, br.period_starts) u(budget_id, period_start)
               join ai.budget_periods bp on bp.budget_id = u.budget_id and bp.period_start = u.period_start
               join ai.budgets b on b.id = u.budget_id
               where x.run_id = r.id and br.status <> 'released' and bp.period_end > now() and b.archived_at is null
             ) as ledger_open,
             exists (
               select 1 from agents.team_runs t
               where t.workflow_run_id = r.id and t.status not in ('completed', 'failed', 'cancelled')
             ) as team_run_open
      from lenses.workflow_runs r
      where r.finished_at < v_cutoff
    )
    select coalesce((select array_agg(s.id) from (
             select o.id from old_runs o where not o.ledger_open and not o.team_run_open
             order by o.finished_at, o.id limit p_limit) s), '{}'),
           (select count(*) from old_runs o where o.ledger_open)
      into v_runs, kept_for_ledger;
    delete from agents.team_runs t
    where t.status in ('completed', 'failed', 'cancelled')
      and ((t.workflow_run_id = any (v_runs))
           or (t.workflow_run_id is null and coalesce(t.finished_at, t.updated_at) < v_cutoff));
    get diagnostics team_runs = row_count;
    delete from lenses.workflow_runs r where r.id = any (v_runs);
    get diagnostics workflow_runs = row_count;
    -- Bus events (agents.events) as old, up to p_limit, with their deliveries; never the newest
    -- event of a scope (the next event_id counts on from it) nor one a consumer has not settled.
    delete from agents.events e
    where (e.scope_id, e.event_id) in (
      select o.scope_id, o.event_id from agents.events o
      where o.occurred_at < v_cutoff
        and o.event_id < (select max(x.event_id) from agents.events x where x.scope_id = o.scope_id)
        and not exists (select 1 from agents.event_deliveries d
                        where d.scope_id = o.scope_id and d.event_id = o.event_id and d.state in ('pending', 'processing'))
      order by o.occurred_at
      limit p_limit);
  end if;

  update lenses.retention_purges p
  set finished_at = clock_timestamp(), workflow_runs = fn_purge_runs.workflow_runs,
      team_runs = fn_purge_runs.team_runs, kept_for_ledger = fn_purge_runs.kept_for_ledger
  where p.id = purge_id;
end
$function$;

comment on function lenses.fn_purge_runs(p_older_than interval, p_lenser_id uuid, p_limit integer) is 'Retention: the one way runs and their logs leave. Age mode deletes ended runs finished more than p_older_than ago (their ledger kept while a budget period it is charged to is open); erase mode deletes a lenser with all their runs. Schedule age mode with pg_cron (README "Retention").';

revoke all on function lenses.fn_purge_runs(p_older_than interval, p_lenser_id uuid, p_limit integer) from public;
grant execute on function lenses.fn_purge_runs(p_older_than interval, p_lenser_id uuid, p_limit integer) to service_role;

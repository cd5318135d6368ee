-- pg_cron jobs of the engine: not schema, so hand-written. pg_cron lives in pg_catalog with its
-- tables in schema cron, as on hosted Supabase, and runs in UTC with minute granularity (1.4 has no
-- seconds); claims reap inline as well, so a worker never waits for the next minute to see an
-- expired lease. cron.schedule upserts by name, so re-applying is harmless.
--
-- pg_cron can only be created in the database that cron.database_name names (`postgres` on hosted
-- Supabase and on the local stack, where it is in place before migrations run). Elsewhere (the
-- scratch databases scripts/schema.sh builds to compare schemas) it cannot be, and the jobs are
-- skipped with a warning; claims still reap expired leases inline.
do $$
begin
  begin
    create extension if not exists pg_cron with schema pg_catalog;
  exception when insufficient_privilege or raise_exception then
    raise warning 'pg_cron is not available in database % (%): its jobs are not scheduled here',
      current_database(), sqlerrm;
    return;
  end;
  perform cron.schedule('connectedlenses-reap-workflow-runs', '* * * * *', 'select lenses.fn_reap_workflow_runs(1000)');
  -- cron.job_run_details grows forever unless pruned: keep a week of our jobs' history.
  perform cron.schedule('connectedlenses-prune-cron-history', '17 3 * * *',
    $job$delete from cron.job_run_details where end_time < now() - interval '7 days'$job$);
end
$$;

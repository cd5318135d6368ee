-- pg_cron jobs of the engine. pg_cron runs in UTC with minute granularity (1.4 has no seconds);
-- claims reap inline as well, so a worker never waits for the next minute to see an expired lease.
-- cron.schedule upserts by name, so re-applying is harmless.

select cron.schedule('connectedlenses-reap-workflow-runs', '* * * * *', 'select lenses.fn_reap_workflow_runs(1000)');

-- cron.job_run_details grows forever unless pruned: keep a week of our jobs' history.
select cron.schedule('connectedlenses-prune-cron-history', '17 3 * * *',
  $$delete from cron.job_run_details where end_time < now() - interval '7 days'$$);

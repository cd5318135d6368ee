-- pg_cron job: pending team run approvals past their expiry end cancelled with the reason, every
-- minute (agents.fn_expire_team_run_approvals). Hand-written: jobs are not schema. Skipped, with a
-- warning, where pg_cron is not available (the scratch databases of scripts/schema.sh).
do $$
begin
  begin
    create extension if not exists pg_cron with schema pg_catalog;
  exception when insufficient_privilege or raise_exception then
    raise warning 'pg_cron is not available in database % (%): its jobs are not scheduled here',
      current_database(), sqlerrm;
    return;
  end;
  perform cron.schedule('connectedlenses-expire-team-run-approvals', '* * * * *',
    'select agents.fn_expire_team_run_approvals(1000)');
end
$$;

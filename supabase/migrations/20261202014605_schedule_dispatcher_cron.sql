-- pg_cron job: the schedule dispatcher every minute (lenses.fn_dispatch_schedules; pg_cron 1.4 has no
-- seconds, and runs in UTC: each schedule's time zone is its own, computed by the dispatcher).
-- Hand-written: jobs are not schema. Skipped, with a warning, where pg_cron is not available (the
-- scratch databases of scripts/schema.sh).
do $$
begin
  begin
    create extension if not exists pg_cron with schema pg_catalog;
  exception when insufficient_privilege or raise_exception then
    raise warning 'pg_cron is not available in database % (%): its jobs are not scheduled here',
      current_database(), sqlerrm;
    return;
  end;
  perform cron.schedule('connectedlenses-dispatch-schedules', '* * * * *', 'select lenses.fn_dispatch_schedules(1000)');
end
$$;

-- pg_cron job: the sql consumers' due retries of the event bus (public.process_event_deliveries),
-- every minute, so they do not wait for a worker's delivery loop (which also runs them each poll).
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
  perform cron.schedule('connectedlenses-process-event-deliveries', '* * * * *',
    'select public.process_event_deliveries(1000)');
end
$$;

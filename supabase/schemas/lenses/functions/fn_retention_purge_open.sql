-- Is a retention purge (lenses.fn_purge_runs) running in this transaction right now? Its row in
-- lenses.retention_purges names this transaction and is closed (finished_at) before the function
-- returns, so nothing the caller does afterwards in the same transaction counts as the purge.
-- Only the guards' triggers (SECURITY DEFINER, owned by postgres) call it.
create or replace function lenses.fn_retention_purge_open()
 returns boolean
 language sql
 stable
 set search_path to ''
as $function$
  select exists (
    select 1 from lenses.retention_purges p
    where p.transaction_id = pg_current_xact_id() and p.finished_at is null)
$function$;

revoke all on function lenses.fn_retention_purge_open() from public;

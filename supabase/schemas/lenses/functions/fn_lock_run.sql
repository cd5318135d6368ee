-- (plpgsql rather than sql: a function with SET is never inlined, and plpgsql keeps its plans.)
create or replace function lenses.fn_lock_run(p_run_id uuid)
 returns void
 language plpgsql
 set search_path to ''
as $function$
begin
  perform pg_advisory_xact_lock(hashtextextended(p_run_id::text, 1307));
end
$function$;

revoke all on function lenses.fn_lock_run(p_run_id uuid) from public;
grant execute on function lenses.fn_lock_run(p_run_id uuid) to service_role;

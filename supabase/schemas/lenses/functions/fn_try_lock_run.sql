create or replace function lenses.fn_try_lock_run(p_run_id uuid)
 returns boolean
 language plpgsql
 set search_path to ''
as $function$
begin
  return pg_try_advisory_xact_lock(hashtextextended(p_run_id::text, 1307));
end
$function$;

revoke all on function lenses.fn_try_lock_run(p_run_id uuid) from public;
grant execute on function lenses.fn_try_lock_run(p_run_id uuid) to service_role;

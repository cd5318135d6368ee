-- The worker's lease arguments, as claim_workflow_tasks and complete_workflow_tasks take them.
create or replace function lenses.fn_check_lease_args(p_fn text, p_worker_id text, p_limit integer, p_lease_seconds integer, p_limit_name text default 'p_limit'::text)
 returns void
 language plpgsql
 immutable
 set search_path to ''
as $function$
begin
  if p_worker_id is null or char_length(p_worker_id) not between 1 and 200 then
    raise exception '%: p_worker_id must be 1 to 200 characters', p_fn using errcode = '22023';
  end if;
  if p_limit is null or p_limit not between 1 and 500 then
    raise exception '%: % must be between 1 and 500, got %', p_fn, p_limit_name, coalesce(p_limit::text, 'null')
      using errcode = '22023';
  end if;
  if p_lease_seconds is null or p_lease_seconds not between 1 and 3600 then
    raise exception '%: p_lease_seconds must be between 1 and 3600, got %', p_fn, coalesce(p_lease_seconds::text, 'null')
      using errcode = '22023';
  end if;
end
$function$;

revoke all on function lenses.fn_check_lease_args(p_fn text, p_worker_id text, p_limit integer, p_lease_seconds integer, p_limit_name text) from public;
grant execute on function lenses.fn_check_lease_args(p_fn text, p_worker_id text, p_limit integer, p_lease_seconds integer, p_limit_name text) to service_role;

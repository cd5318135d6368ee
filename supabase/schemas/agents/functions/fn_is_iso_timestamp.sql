-- True when p_value is a JSON string holding an ISO 8601 date-time with a time zone (Z or an offset),
-- e.g. 2026-12-02T10:00:00Z or 2026-12-02T10:00:00.123+05:30, that Postgres reads as a timestamptz.
create or replace function agents.fn_is_iso_timestamp(p_value jsonb)
 returns boolean
 language plpgsql
 immutable
 set search_path to ''
as $function$
begin
  if jsonb_typeof(p_value) is distinct from 'string'
     or (p_value #>> '{}') !~ '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$' then
    return false;
  end if;
  perform (p_value #>> '{}')::timestamptz;
  return true;
exception when others then
  return false;
end
$function$;

revoke all on function agents.fn_is_iso_timestamp(p_value jsonb) from public;
grant execute on function agents.fn_is_iso_timestamp(p_value jsonb) to authenticated, service_role;

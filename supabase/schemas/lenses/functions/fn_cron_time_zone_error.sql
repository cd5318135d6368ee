-- Why a schedule cannot use this time zone name, or null when it can: the name must be an IANA
-- zone that PostgreSQL knows (pg_timezone_names) and that AT TIME ZONE reads as that zone.
-- - Area/Location names without digits (Europe/Berlin, America/Argentina/Buenos_Aires), and UTC
--   and GMT, are checked by converting with them: such a name can only be resolved from the zone
--   database (an abbreviation has no "/", a POSIX rule string needs a digit), so no catalog scan is
--   needed on this path, which every schedule of the dispatcher takes. PostgreSQL finds zone files
--   whatever the case, so europe/berlin is accepted as Europe/Berlin.
-- - Any other name (Etc/GMT+3, EST5EDT, Japan, ...) must be in pg_timezone_names exactly (a scan
--   of the zone database, some tens of milliseconds). localtime and posixrules are files, not zones.
-- - A zone name that is also a time zone abbreviation is refused (CET, EET, MET, WET, EST, MST,
--   HST), except the UTC names UTC, UCT, GMT and Zulu: AT TIME ZONE reads the abbreviation first,
--   a fixed offset, so CET would never switch to summer time.
-- Abbreviations (PST) and POSIX strings (UTC+3) are refused as unknown zones.
create or replace function lenses.fn_cron_time_zone_error(p_timezone text)
 returns text
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  if p_timezone is null then
    return 'time zone must not be null';
  end if;
  if p_timezone in ('UTC', 'GMT') then
    return null;
  end if;
  if p_timezone ~ '^[A-Za-z_]+(/[A-Za-z_-]+)+$' then
    begin
      -- raises for a name that is not in the zone database
      if (pg_catalog.now() at time zone p_timezone) is not null then
        return null;
      end if;
    exception when invalid_parameter_value then
      return pg_catalog.format('unknown time zone "%s" (not in pg_timezone_names)', p_timezone);
    end;
  end if;
  if not exists (select 1 from pg_catalog.pg_timezone_names n
                 where n.name = p_timezone and n.name not in ('localtime', 'posixrules')) then
    return pg_catalog.format('unknown time zone "%s" (not in pg_timezone_names)', p_timezone);
  end if;
  if p_timezone not in ('UCT', 'Zulu')
     and exists (select 1 from pg_catalog.pg_timezone_abbrevs a where pg_catalog.lower(a.abbrev) = pg_catalog.lower(p_timezone)) then
    return pg_catalog.format('time zone "%s" is also an abbreviation, which AT TIME ZONE reads as a fixed UTC offset '
      'without the zone''s rules; use an Area/Location name (e.g. Europe/Paris, America/New_York)', p_timezone);
  end if;
  return null;
end;
$function$;

comment on function lenses.fn_cron_time_zone_error(p_timezone text) is 'Null when schedules can use the time zone (an IANA name in pg_timezone_names that AT TIME ZONE reads as that zone), otherwise why not, naming it.';

revoke all on function lenses.fn_cron_time_zone_error(p_timezone text) from public;
grant execute on function lenses.fn_cron_time_zone_error(p_timezone text) to anon, authenticated, service_role;

-- Whether every entry is a host name pattern an HTTP tool allowlist understands: a lower-case DNS
-- name, or *. followed by one (any subdomain of it).
create or replace function agents.fn_host_patterns_valid(p_hosts text[])
 returns boolean
 language sql
 immutable
 set search_path to ''
as $function$
  select coalesce(bool_and(h ~ '^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$' and char_length(h) <= 253), true)
  from unnest(p_hosts) h
$function$;

revoke all on function agents.fn_host_patterns_valid(p_hosts text[]) from public;
grant execute on function agents.fn_host_patterns_valid(p_hosts text[]) to authenticated, service_role;

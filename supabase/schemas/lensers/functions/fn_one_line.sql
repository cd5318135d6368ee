-- Caller-supplied text quoted in a refusal raised with a PTxyz SQLSTATE: PostgREST 12 sends such a
-- message as the HTTP reason phrase too, so a line break in it breaks the response (the gateway
-- answers 502). Line breaks and tabs become the two characters \r, \n, \t; other control characters '?'.
create or replace function lensers.fn_one_line(p_value text)
 returns text
 language sql
 immutable
 parallel safe
 set search_path to ''
as $function$
  select pg_catalog.regexp_replace(
    pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(p_value, E'\r', '\r'), E'\n', '\n'), E'\t', '\t'),
    '[[:cntrl:]]', '?', 'g')
$function$;

comment on function lensers.fn_one_line(p_value text) is 'p_value on one line (\r, \n, \t written out, other control characters ?), for caller text quoted in a refusal whose PTxyz SQLSTATE makes PostgREST send the message as the HTTP reason phrase.';

revoke all on function lensers.fn_one_line(p_value text) from public;
grant execute on function lensers.fn_one_line(p_value text) to anon, authenticated, service_role;

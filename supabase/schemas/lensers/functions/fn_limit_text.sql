-- An RPC's text argument within its documented limit (README "Limits"), else refused with HTTP 413
-- (PT413), naming the RPC, the argument and the limit. Null passes (the RPC decides about nulls).
create or replace function lensers.fn_limit_text(p_rpc text, p_arg text, p_value text, p_max_chars integer)
 returns void
 language plpgsql
 immutable
 parallel safe
 set search_path to ''
as $function$
begin
  if p_value is not null and pg_catalog.char_length(p_value) > p_max_chars then
    raise exception '%: % is % characters long, over the limit of % characters', p_rpc, p_arg,
      pg_catalog.char_length(p_value), p_max_chars using errcode = 'PT413';
  end if;
end
$function$;

comment on function lensers.fn_limit_text(p_rpc text, p_arg text, p_value text, p_max_chars integer) is 'Refuses (PT413, HTTP 413) a text argument longer than its limit, naming the RPC, the argument and the limit.';

revoke all on function lensers.fn_limit_text(p_rpc text, p_arg text, p_value text, p_max_chars integer) from public;
grant execute on function lensers.fn_limit_text(p_rpc text, p_arg text, p_value text, p_max_chars integer) to anon, authenticated, service_role;

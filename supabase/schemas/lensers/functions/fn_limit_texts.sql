-- An RPC's text-array argument within its documented limits: at most p_max_elements elements, each
-- at most p_max_chars characters; else refused with HTTP 413 (PT413) naming the argument and limit.
create or replace function lensers.fn_limit_texts(p_rpc text, p_arg text, p_value text[], p_max_elements integer, p_max_chars integer)
 returns void
 language plpgsql
 immutable
 parallel safe
 set search_path to ''
as $function$
declare
  v_longest integer;
begin
  if p_value is null then
    return;
  end if;
  if pg_catalog.cardinality(p_value) > p_max_elements then
    raise exception '%: % has % elements, over the limit of %', p_rpc, p_arg, pg_catalog.cardinality(p_value), p_max_elements
      using errcode = 'PT413';
  end if;
  select max(pg_catalog.char_length(e)) into v_longest from pg_catalog.unnest(p_value) e;
  if v_longest > p_max_chars then
    raise exception '%: an element of % is % characters long, over the limit of % characters', p_rpc, p_arg, v_longest, p_max_chars
      using errcode = 'PT413';
  end if;
end
$function$;

comment on function lensers.fn_limit_texts(p_rpc text, p_arg text, p_value text[], p_max_elements integer, p_max_chars integer) is 'Refuses (PT413, HTTP 413) a text-array argument with too many or too long elements, naming the RPC, the argument and the limit.';

revoke all on function lensers.fn_limit_texts(p_rpc text, p_arg text, p_value text[], p_max_elements integer, p_max_chars integer) from public;
grant execute on function lensers.fn_limit_texts(p_rpc text, p_arg text, p_value text[], p_max_elements integer, p_max_chars integer) to anon, authenticated, service_role;

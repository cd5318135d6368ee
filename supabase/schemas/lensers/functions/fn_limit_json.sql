-- An RPC's JSON argument within its documented limits (README "Limits"): at most p_max_bytes bytes
-- (its binary size, what the row would store) else HTTP 413 (PT413), and nested at most
-- p_max_depth levels else HTTP 400 (22023), each refusal naming the RPC, the argument and the limit.
-- The depth test is one jsonpath search for any item deeper than the limit: it stops at the first
-- one, so a document nested thousands of levels costs no more than the limit's depth.
create or replace function lensers.fn_limit_json(p_rpc text, p_arg text, p_value jsonb, p_max_bytes integer, p_max_depth integer)
 returns void
 language plpgsql
 immutable
 parallel safe
 set search_path to ''
as $function$
begin
  if p_value is null then
    return;
  end if;
  if pg_catalog.pg_column_size(p_value) > p_max_bytes then
    raise exception '%: % is % bytes, over the limit of % bytes', p_rpc, p_arg, pg_catalog.pg_column_size(p_value), p_max_bytes
      using errcode = 'PT413';
  end if;
  if pg_catalog.jsonb_path_exists(p_value, ('strict $.**{' || (p_max_depth + 1) || ' to last}')::jsonpath) then
    raise exception '%: % is nested more than % levels deep', p_rpc, p_arg, p_max_depth using errcode = '22023';
  end if;
end
$function$;

comment on function lensers.fn_limit_json(p_rpc text, p_arg text, p_value jsonb, p_max_bytes integer, p_max_depth integer) is 'Refuses a JSON argument larger than its byte limit (PT413, HTTP 413) or nested deeper than its depth limit (22023, HTTP 400), naming the RPC, the argument and the limit.';

revoke all on function lensers.fn_limit_json(p_rpc text, p_arg text, p_value jsonb, p_max_bytes integer, p_max_depth integer) from public;
grant execute on function lensers.fn_limit_json(p_rpc text, p_arg text, p_value jsonb, p_max_bytes integer, p_max_depth integer) to anon, authenticated, service_role;

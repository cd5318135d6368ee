-- A tool profile's HTTP policy arguments: at most 100 host patterns, each a lower-case DNS name or
-- *.name; the private-network switch given.
create or replace function agents.fn_check_http_policy_args(p_rpc text, p_hosts text[], p_allow_private boolean)
 returns void
 language plpgsql
 immutable
 set search_path to ''
as $function$
declare
  v_bad text;
begin
  if p_hosts is null or p_allow_private is null then
    raise exception '%: p_http_allow_hosts and p_http_allow_private_network must not be null', p_rpc using errcode = '22023';
  end if;
  if cardinality(p_hosts) > 100 then
    raise exception '%: p_http_allow_hosts has % entries; at most 100', p_rpc, cardinality(p_hosts) using errcode = '22023';
  end if;
  select h into v_bad from unnest(p_hosts) h where h is null or not agents.fn_host_patterns_valid(array[h]) limit 1;
  if found then
    raise exception '%: p_http_allow_hosts entry "%" is not a lower-case host name or *.host pattern', p_rpc, coalesce(v_bad, 'null')
      using errcode = '22023';
  end if;
end
$function$;

revoke all on function agents.fn_check_http_policy_args(p_rpc text, p_hosts text[], p_allow_private boolean) from public;
grant execute on function agents.fn_check_http_policy_args(p_rpc text, p_hosts text[], p_allow_private boolean) to authenticated, service_role;

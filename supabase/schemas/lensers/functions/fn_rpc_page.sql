-- Paging arguments of every list RPC: p_limit 1..p_max (200 unless said), p_offset 0 or more.
create or replace function lensers.fn_rpc_page(p_rpc text, p_limit integer, p_offset integer, p_max integer default 200)
 returns void
 language plpgsql
 immutable
 set search_path to ''
as $function$
begin
  if p_limit is null or p_limit not between 1 and p_max then
    raise exception '%: p_limit must be between 1 and %, got %', p_rpc, p_max, coalesce(p_limit::text, 'null')
      using errcode = '22023';
  end if;
  if p_offset is null or p_offset < 0 then
    raise exception '%: p_offset must be 0 or more, got %', p_rpc, coalesce(p_offset::text, 'null') using errcode = '22023';
  end if;
end
$function$;

revoke all on function lensers.fn_rpc_page(p_rpc text, p_limit integer, p_offset integer, p_max integer) from public;
grant execute on function lensers.fn_rpc_page(p_rpc text, p_limit integer, p_offset integer, p_max integer) to anon, authenticated, service_role;

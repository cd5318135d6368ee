-- Scratchpad: a JSON object of at most 256 KiB.
create or replace function agents.fn_rpc_scratchpad(p_rpc text, p_scratchpad jsonb)
 returns void
 language plpgsql
 immutable
 set search_path to ''
as $function$
begin
  if p_scratchpad is null or jsonb_typeof(p_scratchpad) <> 'object' then
    raise exception '%: p_scratchpad must be a JSON object', p_rpc using errcode = '22023';
  end if;
  if octet_length(p_scratchpad::text) > 262144 then
    raise exception '%: p_scratchpad must be at most 256 KiB', p_rpc using errcode = '22023';
  end if;
end
$function$;

revoke all on function agents.fn_rpc_scratchpad(p_rpc text, p_scratchpad jsonb) from public;
grant execute on function agents.fn_rpc_scratchpad(p_rpc text, p_scratchpad jsonb) to authenticated, service_role;

-- A text of 1..p_max characters once trimmed.
create or replace function agents.fn_rpc_text(p_rpc text, p_arg text, p_value text, p_max integer)
 returns void
 language plpgsql
 immutable
 set search_path to ''
as $function$
begin
  if p_value is null or char_length(btrim(p_value)) not between 1 and p_max then
    raise exception '%: % must be 1 to % characters', p_rpc, p_arg, p_max using errcode = '22023';
  end if;
end
$function$;

revoke all on function agents.fn_rpc_text(p_rpc text, p_arg text, p_value text, p_max integer) from public;
grant execute on function agents.fn_rpc_text(p_rpc text, p_arg text, p_value text, p_max integer) to authenticated, service_role;

-- A required argument: null is refused (an enum's message lists its values).
create or replace function agents.fn_rpc_not_null(p_rpc text, p_arg text, p_value anyelement)
 returns void
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_values text;
begin
  if p_value is null then
    select string_agg(e.enumlabel::text, ', ' order by e.enumsortorder) into v_values
    from pg_catalog.pg_enum e where e.enumtypid = pg_catalog.pg_typeof(p_value)::oid;
    if v_values is not null then
      raise exception '%: % is required (one of %)', p_rpc, p_arg, v_values using errcode = '22023';
    end if;
    raise exception '%: % is required', p_rpc, p_arg using errcode = '22023';
  end if;
end
$function$;

revoke all on function agents.fn_rpc_not_null(p_rpc text, p_arg text, p_value anyelement) from public;
grant execute on function agents.fn_rpc_not_null(p_rpc text, p_arg text, p_value anyelement) to authenticated, service_role;

-- Checks a contract argument; returns it with JSON null read as no contract.
create or replace function lenses.fn_contract_arg(p_rpc text, p_arg text, p_contract jsonb, p_kind text)
 returns jsonb
 language plpgsql
 immutable
 set search_path to ''
as $function$
declare
  v_errors text[];
begin
  if p_contract is null or p_contract = 'null'::jsonb then
    return null;
  end if;
  v_errors := lenses.fn_contract_errors(p_contract, p_kind);
  if cardinality(v_errors) > 0 then
    raise exception '%: % is not a valid % contract: %', p_rpc, p_arg, p_kind, array_to_string(v_errors, '; ')
      using errcode = '22023';
  end if;
  return p_contract;
end
$function$;

revoke all on function lenses.fn_contract_arg(p_rpc text, p_arg text, p_contract jsonb, p_kind text) from public;
grant execute on function lenses.fn_contract_arg(p_rpc text, p_arg text, p_contract jsonb, p_kind text) to anon, authenticated, service_role;

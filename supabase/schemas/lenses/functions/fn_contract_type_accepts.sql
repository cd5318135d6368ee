-- Whether a value of type p_value fits a slot of type p_slot ('any' = untyped).
create or replace function lenses.fn_contract_type_accepts(p_slot text, p_value text)
 returns boolean
 language sql
 immutable
 set search_path to ''
as $function$
  select p_slot = 'any' or p_value = 'any' or p_slot = p_value or (p_slot = 'number' and p_value = 'integer')
$function$;

revoke all on function lenses.fn_contract_type_accepts(p_slot text, p_value text) from public;
grant execute on function lenses.fn_contract_type_accepts(p_slot text, p_value text) to anon, authenticated, service_role;

-- A contract as named, typed fields: a text contract is one required string field "text"; a json
-- contract its declared fields. Null for no contract. Used by workflow validation and the engine.
create or replace function lenses.fn_contract_fields(p_contract jsonb)
 returns TABLE(name text, type lenses.contract_field_type, required boolean)
 language sql
 immutable
 set search_path to ''
as $function$
  select 'text', 'string'::lenses.contract_field_type, true
  where p_contract ->> 'kind' = 'text'
  union all
  select f ->> 'name', (f ->> 'type')::lenses.contract_field_type, (f ->> 'required')::boolean
  from jsonb_array_elements(case when p_contract ->> 'kind' = 'json' then coalesce(p_contract -> 'fields', '[]') else '[]' end) f
$function$;

comment on function lenses.fn_contract_fields(p_contract jsonb) is 'The fields of a valid contract: text kind is one required string field "text"; json kind its declared fields.';

revoke all on function lenses.fn_contract_fields(p_contract jsonb) from public;
grant execute on function lenses.fn_contract_fields(p_contract jsonb) to anon, authenticated, service_role;

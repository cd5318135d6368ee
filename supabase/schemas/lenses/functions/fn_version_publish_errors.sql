-- Why a draft cannot be published yet (empty when it can).
create or replace function lenses.fn_version_publish_errors(p_version_id uuid, p_template text, p_input_contract jsonb, p_output_contract jsonb)
 returns text[]
 language sql
 stable
 set search_path to ''
as $function$
  select lenses.fn_template_binding_errors(p_template, lenses.fn_version_parameter_defs(p_version_id))
    || case when p_input_contract is null then '{}'::text[] else lenses.fn_contract_errors(p_input_contract, 'input') end
    || case when p_output_contract is null then '{}'::text[] else lenses.fn_contract_errors(p_output_contract, 'output') end
$function$;

comment on function lenses.fn_version_publish_errors(p_version_id uuid, p_template text, p_input_contract jsonb, p_output_contract jsonb) is 'Why a version cannot be published (empty when it can): unbound placeholders, unused parameters, bad contracts or defaults.';

revoke all on function lenses.fn_version_publish_errors(p_version_id uuid, p_template text, p_input_contract jsonb, p_output_contract jsonb) from public;
grant execute on function lenses.fn_version_publish_errors(p_version_id uuid, p_template text, p_input_contract jsonb, p_output_contract jsonb) to anon, authenticated, service_role;

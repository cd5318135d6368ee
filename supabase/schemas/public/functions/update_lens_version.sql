create or replace function public.update_lens_version(p_version_id uuid, p_template_body text default NULL::text, p_input_contract jsonb default NULL::jsonb, p_output_contract jsonb default NULL::jsonb, p_instruction_category lenses.instruction_category default NULL::lenses.instruction_category, p_clear_input_contract boolean default false, p_clear_output_contract boolean default false)
 returns jsonb
 language plpgsql
 set search_path to ''
as $function$
declare
  v_version lenses.versions := lenses.fn_editable_version('update_lens_version', p_version_id);
  v_input jsonb := lenses.fn_contract_arg('update_lens_version', 'p_input_contract', p_input_contract, 'input');
  v_output jsonb := lenses.fn_contract_arg('update_lens_version', 'p_output_contract', p_output_contract, 'output');
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_text('update_lens_version', 'p_template_body', p_template_body, 100000);
  perform lensers.fn_limit_json('update_lens_version', 'p_input_contract', p_input_contract, 65536, 32);
  perform lensers.fn_limit_json('update_lens_version', 'p_output_contract', p_output_contract, 65536, 32);
  if v_version.status <> 'draft' then
    raise exception 'update_lens_version: p_version_id % is not a draft (it is %)', p_version_id, v_version.status
      using errcode = 'PT409';
  end if;
  if p_template_body is not null and char_length(p_template_body) not between 1 and 100000 then
    raise exception 'update_lens_version: p_template_body must be 1 to 100000 characters' using errcode = '22023';
  end if;
  if coalesce(p_clear_input_contract, false) and v_input is not null then
    raise exception 'update_lens_version: give p_input_contract or p_clear_input_contract, not both' using errcode = '22023';
  end if;
  if coalesce(p_clear_output_contract, false) and v_output is not null then
    raise exception 'update_lens_version: give p_output_contract or p_clear_output_contract, not both' using errcode = '22023';
  end if;
  update lenses.versions v set
    template_body = coalesce(p_template_body, v.template_body),
    input_contract = case when coalesce(p_clear_input_contract, false) then null else coalesce(v_input, v.input_contract) end,
    output_contract = case when coalesce(p_clear_output_contract, false) then null else coalesce(v_output, v.output_contract) end,
    instruction_category = coalesce(p_instruction_category, v.instruction_category)
  where v.id = p_version_id;
  return lenses.fn_version_json(p_version_id);
end
$function$;

comment on function public.update_lens_version(p_version_id uuid, p_template_body text, p_input_contract jsonb, p_output_contract jsonb, p_instruction_category lenses.instruction_category, p_clear_input_contract boolean, p_clear_output_contract boolean) is 'Changes a draft version; null keeps a value, p_clear_*_contract removes a contract.';

revoke all on function public.update_lens_version(p_version_id uuid, p_template_body text, p_input_contract jsonb, p_output_contract jsonb, p_instruction_category lenses.instruction_category, p_clear_input_contract boolean, p_clear_output_contract boolean) from public;
grant execute on function public.update_lens_version(p_version_id uuid, p_template_body text, p_input_contract jsonb, p_output_contract jsonb, p_instruction_category lenses.instruction_category, p_clear_input_contract boolean, p_clear_output_contract boolean) to authenticated;

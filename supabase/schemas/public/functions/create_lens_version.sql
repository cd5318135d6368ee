create or replace function public.create_lens_version(p_lens_id uuid, p_template_body text, p_input_contract jsonb default NULL::jsonb, p_output_contract jsonb default NULL::jsonb, p_instruction_category lenses.instruction_category default 'instruction'::lenses.instruction_category, p_parameters jsonb default '[]'::jsonb)
 returns jsonb
 language plpgsql
 set search_path to ''
as $function$
declare
  v_lens lenses.lenses := lenses.fn_editable_lens('create_lens_version', p_lens_id);
  v_input jsonb := lenses.fn_contract_arg('create_lens_version', 'p_input_contract', p_input_contract, 'input');
  v_output jsonb := lenses.fn_contract_arg('create_lens_version', 'p_output_contract', p_output_contract, 'output');
  v_version_id uuid;
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_text('create_lens_version', 'p_template_body', p_template_body, 100000);
  perform lensers.fn_limit_json('create_lens_version', 'p_input_contract', p_input_contract, 65536, 32);
  perform lensers.fn_limit_json('create_lens_version', 'p_output_contract', p_output_contract, 65536, 32);
  perform lensers.fn_limit_json('create_lens_version', 'p_parameters', p_parameters, 65536, 32);
  if v_lens.status = 'archived' then
    raise exception 'create_lens_version: lens % is archived; it takes no new versions', p_lens_id using errcode = 'PT409';
  end if;
  if p_template_body is null or char_length(p_template_body) not between 1 and 100000 then
    raise exception 'create_lens_version: p_template_body must be 1 to 100000 characters' using errcode = '22023';
  end if;
  if p_instruction_category is null then
    raise exception 'create_lens_version: p_instruction_category is required' using errcode = '22023';
  end if;
  insert into lenses.versions (lens_id, template_body, input_contract, output_contract, instruction_category, created_by)
  values (p_lens_id, p_template_body, v_input, v_output, p_instruction_category, (select lensers.current_profile_id()))
  returning id into v_version_id;
  perform lenses.fn_replace_version_parameters('create_lens_version', v_version_id, coalesce(p_parameters, '[]'::jsonb));
  return lenses.fn_version_json(v_version_id);
end
$function$;

comment on function public.create_lens_version(p_lens_id uuid, p_template_body text, p_input_contract jsonb, p_output_contract jsonb, p_instruction_category lenses.instruction_category, p_parameters jsonb) is 'Adds a draft version (numbered next for its lens) with its contracts and parameters, in one call.';

revoke all on function public.create_lens_version(p_lens_id uuid, p_template_body text, p_input_contract jsonb, p_output_contract jsonb, p_instruction_category lenses.instruction_category, p_parameters jsonb) from public;
grant execute on function public.create_lens_version(p_lens_id uuid, p_template_body text, p_input_contract jsonb, p_output_contract jsonb, p_instruction_category lenses.instruction_category, p_parameters jsonb) to authenticated;

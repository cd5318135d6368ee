create or replace function public.set_version_parameters(p_version_id uuid, p_parameters jsonb)
 returns jsonb
 language plpgsql
 set search_path to ''
as $function$
declare
  v_version lenses.versions := lenses.fn_editable_version('set_version_parameters', p_version_id);
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_json('set_version_parameters', 'p_parameters', p_parameters, 65536, 32);
  if v_version.status <> 'draft' then
    raise exception 'set_version_parameters: p_version_id % is not a draft (it is %)', p_version_id, v_version.status
      using errcode = 'PT409';
  end if;
  perform lenses.fn_replace_version_parameters('set_version_parameters', p_version_id, p_parameters);
  return lenses.fn_version_json(p_version_id);
end
$function$;

comment on function public.set_version_parameters(p_version_id uuid, p_parameters jsonb) is 'Replaces all parameters of a draft version.';

revoke all on function public.set_version_parameters(p_version_id uuid, p_parameters jsonb) from public;
grant execute on function public.set_version_parameters(p_version_id uuid, p_parameters jsonb) to authenticated;

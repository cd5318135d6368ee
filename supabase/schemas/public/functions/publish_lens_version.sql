create or replace function public.publish_lens_version(p_version_id uuid)
 returns jsonb
 language plpgsql
 set search_path to ''
as $function$
declare
  v_version lenses.versions := lenses.fn_editable_version('publish_lens_version', p_version_id);
  v_errors text[];
begin
  if v_version.status <> 'draft' then
    raise exception 'publish_lens_version: p_version_id % is not a draft (it is %)', p_version_id, v_version.status
      using errcode = 'PT409';
  end if;
  if exists (select 1 from lenses.lenses l where l.id = v_version.lens_id and l.status = 'archived') then
    raise exception 'publish_lens_version: lens % is archived', v_version.lens_id using errcode = 'PT409';
  end if;
  v_errors := lenses.fn_version_publish_errors(p_version_id, v_version.template_body, v_version.input_contract,
    v_version.output_contract);
  if cardinality(v_errors) > 0 then
    raise exception 'publish_lens_version: version % cannot be published: %', p_version_id, array_to_string(v_errors, '; ')
      using errcode = '23514';
  end if;
  update lenses.versions v set status = 'published' where v.id = p_version_id;
  return lenses.fn_version_json(p_version_id);
end
$function$;

comment on function public.publish_lens_version(p_version_id uuid) is 'Publishes a draft version (then immutable): refused while a [[label]] has no parameter, a parameter is unused, or a contract or default is invalid.';

revoke all on function public.publish_lens_version(p_version_id uuid) from public;
grant execute on function public.publish_lens_version(p_version_id uuid) to authenticated;
